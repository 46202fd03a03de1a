#pragma once
/// SGD: plain gradient descent with optional (Nesterov) momentum.
/// Reference: keras/src/optimizers/sgd.py (Keras 3).
#include "engine/core/optimizers/optimizer.hpp"

namespace nn {

/// SGD's own hyper-parameters, Keras defaults.
struct SGDOptions {
  double momentum = 0.0;  // in [0, 1)
  bool nesterov = false;
};

/// m = momentum * m - lr * g;  w += m  (nesterov: w += momentum * m - lr * g).
/// With momentum 0: w -= lr * g and no slot. Default learning_rate 0.01.
class SGD : public Optimizer {
 public:
  explicit SGD(const OptimizerOptions& common = {}, const SGDOptions& own = {});
  std::string name() const override { return "sgd"; }
  const SGDOptions& hyper() const { return own_; }
  /// "momentum" when momentum > 0, else none.
  std::vector<std::string> slot_names() const override;

 protected:
  int slot_count() const override { return own_.momentum > 0.0 ? 1 : 0; }
  void update(Matrix& w, const Matrix& g, std::vector<Matrix>& slots, double lr,
              std::int64_t t) const override;

 private:
  SGDOptions own_;
};

}  // namespace nn
