// Adagrad as keras/src/optimizers/adagrad.py (Keras 3) computes it.
#include "engine/core/optimizers/adagrad.hpp"

#include "engine/core/optimizers/checks.hpp"

namespace nn {

Adagrad::Adagrad(const OptimizerOptions& common, const AdagradOptions& own)
    : Optimizer(common, 0.001), own_(own) {
  detail::check_non_negative("adagrad", "initial_accumulator_value", own.initial_accumulator_value);
  detail::check_positive("adagrad", "epsilon", own.epsilon);
}

void Adagrad::init_slots(std::vector<Matrix>& slots, const Matrix& w) const {
  // The accumulator starts at initial_accumulator_value, not zero.
  slots[0] =
      Matrix::Constant(w.rows(), w.cols(), static_cast<Scalar>(own_.initial_accumulator_value));
}

void Adagrad::update(Matrix& w, const Matrix& g, std::vector<Matrix>& slots, double lr,
                     std::int64_t /*t*/) const {
  Matrix& acc = slots[0];
  // acc += g^2
  acc.array() += g.array().square();
  // w -= lr * g / sqrt(acc + epsilon), evaluated in double
  w.array() -= (lr * g.array().cast<double>() / (acc.array().cast<double>() + own_.epsilon).sqrt())
                   .cast<Scalar>();
}

}  // namespace nn
