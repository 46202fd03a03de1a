// SGD with momentum, as keras/src/optimizers/sgd.py (Keras 3) computes it.
#include "engine/core/optimizers/sgd.hpp"

#include "engine/core/optimizers/checks.hpp"

namespace nn {

SGD::SGD(const OptimizerOptions& common, const SGDOptions& own)
    : Optimizer(common, 0.01), own_(own) {
  detail::check_unit_interval("sgd", "momentum", own.momentum);
}

std::vector<std::string> SGD::slot_names() const {
  if (own_.momentum > 0.0) return {"momentum"};
  return {};
}

void SGD::update(Matrix& w, const Matrix& g, std::vector<Matrix>& slots, double lr,
                 std::int64_t /*t*/) const {
  const Scalar step = static_cast<Scalar>(lr);
  if (slots.empty()) {
    // w -= lr * g
    w.array() -= step * g.array();
    return;
  }
  const Scalar mu = static_cast<Scalar>(own_.momentum);
  Matrix& m = slots[0];
  // m = momentum * m - lr * g
  m.array() = mu * m.array() - step * g.array();
  if (own_.nesterov) {
    // w += momentum * m - lr * g (look-ahead step)
    w.array() += mu * m.array() - step * g.array();
  } else {
    // w += m
    w.array() += m.array();
  }
}

}  // namespace nn
