#pragma once
/// Dense: y = activation(W x + b), Keras's densely-connected layer.
/// x: (in, steps*batch); W "kernel": (units, in) = Keras kernel (in, units) transposed;
/// b "bias": (units, 1). On an input (..., in) of rank 2 to 4 it applies at every leading index, as
/// Keras does.
#include <memory>
#include <string>

#include "engine/core/activations/activation.hpp"
#include "engine/core/initializers/initializer.hpp"
#include "engine/core/layers/layer.hpp"

namespace nn {

/// Keras Dense arguments besides units; defaults are Keras's.
struct DenseOptions {
  std::string activation = "linear";
  ActivationOptions activation_options;
  bool use_bias = true;
  std::string kernel_initializer = "glorot_uniform";
  InitializerOptions kernel_initializer_options;
  std::string bias_initializer = "zeros";
  InitializerOptions bias_initializer_options;
  Regularizer kernel_regularizer;
  Regularizer bias_regularizer;
};

class Dense : public UnaryLayer {
 public:
  Dense(Index units, DenseOptions options = {}, std::string name = "");
  /// Shorthand for Dense(units, {activation}).
  Dense(Index units, const std::string& activation, std::string name = "");

  std::string type() const override { return "Dense"; }
  std::vector<Param*> params() override;
  Index units() const { return units_; }
  const DenseOptions& options() const { return options_; }
  const Activation& activation() const { return *activation_; }

  const Activation* output_activation() const override { return activation_.get(); }
  const Matrix& pre_activation() const override { return z_; }
  std::vector<Matrix> backward_from_pre_activation(const Matrix& dz) override;

  /// When false, backward skips dL/dx (the graph sets this for layers fed only by inputs).
  void set_input_gradient_needed(bool needed) { input_gradient_needed_ = needed; }

 protected:
  Shape build_one(const Shape& input_shape, Rng& rng) override;
  Matrix forward_one(const Matrix& x, bool training) override;
  Matrix backward_one(const Matrix& dy) override;

 private:
  Matrix linear_backward(const Matrix& dz);

  Index units_;
  DenseOptions options_;
  std::unique_ptr<Activation> activation_;
  bool is_linear_ = true;
  bool input_gradient_needed_ = true;
  Param kernel_;
  Param bias_;
  Matrix x_;   // (in, m) cached input
  Matrix z_;   // (units, m) pre-activation
  Matrix a_;   // (units, m) output (empty when linear: a == z)
  Matrix dz_;  // (units, m) scratch
};

}  // namespace nn
