#pragma once
/// ActivationLayer: Keras's `Activation` layer, applying one activation elementwise (softmax:
/// per column). Output shape = input shape; a (rows, steps*batch) batch stays that shape.
#include <memory>
#include <string>

#include "engine/core/activations/activation.hpp"
#include "engine/core/layers/layer.hpp"

namespace nn {

class ActivationLayer : public UnaryLayer {
 public:
  /// Makes the activation by Keras name (throws nn::Error listing the valid names).
  explicit ActivationLayer(const std::string& activation, const ActivationOptions& options = {},
                           std::string name = "");
  /// Takes an already made activation (not null).
  explicit ActivationLayer(std::unique_ptr<Activation> activation, std::string name = "");

  std::string type() const override { return "Activation"; }
  /// The activation this layer applies.
  const Activation& activation() const { return *activation_; }

  /// Fused-loss support: the activation itself (softmax, sigmoid, step, ...).
  const Activation* output_activation() const override { return activation_.get(); }
  /// The input z of the last forward pass, (rows, steps*batch).
  const Matrix& pre_activation() const override;
  /// Given dL/dz, returns {dL/dz}: this layer's input is z itself.
  std::vector<Matrix> backward_from_pre_activation(const Matrix& dz) override;

 protected:
  Shape build_one(const Shape& input_shape, Rng& rng) override;
  Matrix forward_one(const Matrix& x, bool training) override;
  Matrix backward_one(const Matrix& dy) override;

 private:
  std::unique_ptr<Activation> activation_;
  Matrix z_;  // cached input
  Matrix a_;  // cached output
  bool has_forward_ = false;
};

}  // namespace nn
