#pragma once
/// BatchNormalization over the feature axis (Keras `BatchNormalization`, axis=-1).
#include <string>
#include <vector>

#include "engine/core/layers/layer.hpp"

namespace nn {

/// Normalises each feature row of x (f, steps*batch) over all its columns (batch and time
/// steps), then scales by gamma and shifts by beta. Params (f, 1) in Keras order: gamma (if
/// scale), beta (if center), moving_mean and moving_variance (non-trainable).
/// Training: batch mean and biased variance; the moving statistics are updated as
///   moving = moving * momentum + batch_stat * (1 - momentum)   (Keras 3).
/// Inference, or a frozen layer (trainable() == false): the moving statistics are used.
/// Output shape = input shape.
class BatchNormalization : public UnaryLayer {
 public:
  BatchNormalization(double momentum = 0.99, double epsilon = 1e-3, bool center = true,
                     bool scale = true, std::string name = "");

  std::string type() const override { return "BatchNormalization"; }
  double momentum() const { return momentum_; }
  double epsilon() const { return epsilon_; }
  bool center() const { return center_; }
  bool scale() const { return scale_; }

  /// gamma, beta (when present), moving_mean, moving_variance.
  std::vector<Param*> params() override;
  /// Named accessors; gamma()/beta() fail when scale/center is false.
  Param& gamma();
  Param& beta();
  Param& moving_mean() { return moving_mean_; }
  Param& moving_variance() { return moving_variance_; }

 protected:
  /// Creates the (f, 1) params for input (f) or (t, f).
  Shape build_one(const Shape& input_shape, Rng& rng) override;
  /// x: (f, n) -> (f, n).
  Matrix forward_one(const Matrix& x, bool training) override;
  /// dy: (f, n) -> dx: (f, n); accumulates dgamma and dbeta.
  Matrix backward_one(const Matrix& dy) override;

 private:
  double momentum_;
  double epsilon_;
  bool center_;
  bool scale_;
  Param gamma_;
  Param beta_;
  Param moving_mean_;
  Param moving_variance_;

  // Cached by forward for backward; resized only when the batch shape changes.
  bool last_training_ = false;
  Vector mean_;     // (f): mean used by the last forward
  Vector inv_std_;  // (f): 1 / sqrt(var + epsilon) used by the last forward
  Matrix x_hat_;    // (f, n): normalised input
  Matrix dx_hat_;   // (f, n): backward scratch
};

}  // namespace nn
