#pragma once
/// Adam: bias-corrected first and second moment estimates, optionally AMSGrad.
/// Reference: Kingma & Ba, "Adam", ICLR 2015; Reddi et al., ICLR 2018 (AMSGrad);
/// keras/src/optimizers/adam.py (Keras 3).
#include "engine/core/optimizers/optimizer.hpp"

namespace nn {

/// Adam's (and AdamW's) own hyper-parameters, Keras defaults.
struct AdamOptions {
  double beta_1 = 0.9;    // in [0, 1)
  double beta_2 = 0.999;  // in [0, 1)
  double epsilon = 1e-7;  // > 0, added to sqrt(v) (Keras places it after the bias correction
                          // of the step size, not of v)
  bool amsgrad = false;   // use the running maximum of v
};

/// alpha = lr sqrt(1 - b2^t) / (1 - b1^t);  m += (g - m)(1 - b1);  v += (g^2 - v)(1 - b2);
/// amsgrad: vhat = max(vhat, v) replaces v;  w -= alpha m / (sqrt(v) + eps).
/// Slots: m, v, then vhat (if amsgrad). Default learning_rate 0.001.
class Adam : public Optimizer {
 public:
  explicit Adam(const OptimizerOptions& common = {}, const AdamOptions& own = {});
  std::string name() const override { return "adam"; }
  const AdamOptions& hyper() const { return own_; }
  /// "momentum" (m), "velocity" (v), then "velocity_hat" with amsgrad (Keras's names).
  std::vector<std::string> slot_names() const override;

 protected:
  /// For AdamW: `who` names the optimizer in error messages.
  Adam(const OptimizerOptions& common, const AdamOptions& own, const char* who);
  int slot_count() const override { return own_.amsgrad ? 3 : 2; }
  void update(Matrix& w, const Matrix& g, std::vector<Matrix>& slots, double lr,
              std::int64_t t) const override;

 private:
  AdamOptions own_;
};

}  // namespace nn
