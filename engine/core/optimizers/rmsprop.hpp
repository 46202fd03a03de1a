#pragma once
/// RMSprop: divides the gradient by a running root-mean-square of recent gradients.
/// Reference: Hinton, Coursera lecture 6e (2012); keras/src/optimizers/rmsprop.py (Keras 3).
#include "engine/core/optimizers/optimizer.hpp"

namespace nn {

/// RMSprop's own hyper-parameters, Keras defaults.
struct RMSpropOptions {
  double rho = 0.9;       // in [0, 1), decay of the squared-gradient average
  double momentum = 0.0;  // in [0, 1)
  double epsilon = 1e-7;  // > 0
  bool centered = false;  // also track the mean gradient and use the variance
};

/// v = rho v + (1-rho) g^2;  centered: a = rho a + (1-rho) g, denom = v - a^2 + eps, else
/// denom = v + eps;  inc = lr g / sqrt(denom);  momentum > 0: mom = momentum mom + inc,
/// w -= mom;  else w -= inc. Slots: velocity, then momentum (if > 0), then average gradient
/// (if centered). Default learning_rate 0.001.
class RMSprop : public Optimizer {
 public:
  explicit RMSprop(const OptimizerOptions& common = {}, const RMSpropOptions& own = {});
  std::string name() const override { return "rmsprop"; }
  const RMSpropOptions& hyper() const { return own_; }
  /// "velocity", then "momentum" (momentum > 0), then "average_gradient" (centered).
  std::vector<std::string> slot_names() const override;

 protected:
  int slot_count() const override;
  void update(Matrix& w, const Matrix& g, std::vector<Matrix>& slots, double lr,
              std::int64_t t) const override;

 private:
  RMSpropOptions own_;
};

}  // namespace nn
