#pragma once
/// Adagrad: per-entry learning rates from the running sum of squared gradients.
/// Reference: Duchi et al., JMLR 2011; keras/src/optimizers/adagrad.py (Keras 3).
#include "engine/core/optimizers/optimizer.hpp"

namespace nn {

/// Adagrad's own hyper-parameters, Keras defaults.
struct AdagradOptions {
  double initial_accumulator_value = 0.1;  // >= 0, starting value of the accumulator
  double epsilon = 1e-7;                   // > 0
};

/// acc += g^2;  w -= lr * g / sqrt(acc + epsilon). One slot (acc). Default learning_rate 0.001.
class Adagrad : public Optimizer {
 public:
  explicit Adagrad(const OptimizerOptions& common = {}, const AdagradOptions& own = {});
  std::string name() const override { return "adagrad"; }
  const AdagradOptions& hyper() const { return own_; }
  /// "accumulator".
  std::vector<std::string> slot_names() const override { return {"accumulator"}; }

 protected:
  int slot_count() const override { return 1; }
  void init_slots(std::vector<Matrix>& slots, const Matrix& w) const override;
  void update(Matrix& w, const Matrix& g, std::vector<Matrix>& slots, double lr,
              std::int64_t t) const override;

 private:
  AdagradOptions own_;
};

}  // namespace nn
