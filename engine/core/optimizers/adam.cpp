// Adam as keras/src/optimizers/adam.py (Keras 3) computes it.
#include "engine/core/optimizers/adam.hpp"

#include <cmath>

#include "engine/core/optimizers/checks.hpp"

namespace nn {

Adam::Adam(const OptimizerOptions& common, const AdamOptions& own) : Adam(common, own, "adam") {}

Adam::Adam(const OptimizerOptions& common, const AdamOptions& own, const char* who)
    : Optimizer(common, 0.001), own_(own) {
  detail::check_unit_interval(who, "beta_1", own.beta_1);
  detail::check_unit_interval(who, "beta_2", own.beta_2);
  detail::check_positive(who, "epsilon", own.epsilon);
}

std::vector<std::string> Adam::slot_names() const {
  if (own_.amsgrad) return {"momentum", "velocity", "velocity_hat"};
  return {"momentum", "velocity"};
}

void Adam::update(Matrix& w, const Matrix& g, std::vector<Matrix>& slots, double lr,
                  std::int64_t t) const {
  const double step = static_cast<double>(t);
  // alpha = lr * sqrt(1 - beta_2^t) / (1 - beta_1^t)
  const double alpha =
      lr * std::sqrt(1.0 - std::pow(own_.beta_2, step)) / (1.0 - std::pow(own_.beta_1, step));
  Matrix& m = slots[0];
  Matrix& v = slots[1];
  // m += (g - m) * (1 - beta_1)
  m.array() += (g.array() - m.array()) * static_cast<Scalar>(1.0 - own_.beta_1);
  // v += (g^2 - v) * (1 - beta_2)
  v.array() += (g.array().square() - v.array()) * static_cast<Scalar>(1.0 - own_.beta_2);
  const Matrix* second = &v;
  if (own_.amsgrad) {
    // vhat = max(vhat, v), used in place of v
    Matrix& vhat = slots[2];
    vhat = vhat.cwiseMax(v);
    second = &vhat;
  }
  // w -= alpha * m / (sqrt(v) + epsilon), evaluated in double
  w.array() -=
      (alpha * m.array().cast<double>() / (second->array().cast<double>().sqrt() + own_.epsilon))
          .cast<Scalar>();
}

}  // namespace nn
