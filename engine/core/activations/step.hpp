#pragma once
/// step: the Heaviside step of the classic perceptron (not a Keras activation; nnplay's own).
#include <string>

#include "engine/core/activations/activation.hpp"

namespace nn {

/// a = 1 where z >= 0, else 0. Forward only: backward() throws nn::Error, because the step
/// has no useful gradient; a perceptron is trained with the hinge loss on the pre-activation.
class Step : public Activation {
 public:
  std::string name() const override { return "step"; }
  void forward(const Matrix& z, Matrix& a) const override;
  /// Always throws nn::Error.
  void backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const override;
  std::unique_ptr<Activation> clone() const override;
};

}  // namespace nn
