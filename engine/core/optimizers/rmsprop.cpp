// RMSprop as keras/src/optimizers/rmsprop.py (Keras 3) computes it.
#include "engine/core/optimizers/rmsprop.hpp"

#include "engine/core/optimizers/checks.hpp"

namespace nn {

RMSprop::RMSprop(const OptimizerOptions& common, const RMSpropOptions& own)
    : Optimizer(common, 0.001), own_(own) {
  detail::check_unit_interval("rmsprop", "rho", own.rho);
  detail::check_unit_interval("rmsprop", "momentum", own.momentum);
  detail::check_positive("rmsprop", "epsilon", own.epsilon);
}

int RMSprop::slot_count() const {
  return 1 + (own_.momentum > 0.0 ? 1 : 0) + (own_.centered ? 1 : 0);
}

std::vector<std::string> RMSprop::slot_names() const {
  std::vector<std::string> names = {"velocity"};
  if (own_.momentum > 0.0) names.emplace_back("momentum");
  if (own_.centered) names.emplace_back("average_gradient");
  return names;
}

void RMSprop::update(Matrix& w, const Matrix& g, std::vector<Matrix>& slots, double lr,
                     std::int64_t /*t*/) const {
  const Scalar rho = static_cast<Scalar>(own_.rho);
  const Scalar one_minus_rho = static_cast<Scalar>(1.0 - own_.rho);
  const bool has_momentum = own_.momentum > 0.0;
  Matrix& v = slots[0];
  // v = rho * v + (1 - rho) * g^2
  v.array() = rho * v.array() + one_minus_rho * g.array().square();

  // The increment lr * g / sqrt(denominator) is computed in double and only stored as Scalar.
  auto apply_increment = [&](const auto& increment) {
    if (has_momentum) {
      Matrix& mom = slots[1];
      // mom = momentum * mom + inc;  w -= mom
      mom.array() =
          (own_.momentum * mom.array().cast<double>() + increment).template cast<Scalar>();
      w.array() -= mom.array();
    } else {
      // w -= inc
      w.array() -= increment.template cast<Scalar>();
    }
  };
  if (own_.centered) {
    Matrix& a = slots[has_momentum ? 2 : 1];
    // a = rho * a + (1 - rho) * g
    a.array() = rho * a.array() + one_minus_rho * g.array();
    // inc = lr * g / sqrt(v - a^2 + eps)
    apply_increment(
        lr * g.array().cast<double>() /
        (v.array().cast<double>() - a.array().cast<double>().square() + own_.epsilon).sqrt());
  } else {
    // inc = lr * g / sqrt(v + eps)
    apply_increment(lr * g.array().cast<double>() /
                    (v.array().cast<double>() + own_.epsilon).sqrt());
  }
}

}  // namespace nn
