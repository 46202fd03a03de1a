#pragma once
/// softmax: normalises each column of a (units, columns) matrix into a probability vector
/// (Keras's default axis=-1, the feature axis, which is the column in the engine layout).
#include <string>

#include "engine/core/activations/activation.hpp"

namespace nn {

/// a[:, j] = exp(z[:, j] - max z[:, j]) / sum(exp(z[:, j] - max z[:, j])).
class Softmax : public Activation {
 public:
  std::string name() const override { return "softmax"; }
  void forward(const Matrix& z, Matrix& a) const override;
  /// dz[:, j] = a[:, j] .* (da[:, j] - sum(da[:, j] .* a[:, j])) (the Jacobian-vector product).
  void backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const override;
  std::unique_ptr<Activation> clone() const override;
};

}  // namespace nn
