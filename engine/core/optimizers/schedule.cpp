// Learning-rate schedules, following keras/src/optimizers/schedules/learning_rate_schedule.py.
#include "engine/core/optimizers/schedule.hpp"

#include <cmath>
#include <utility>

#include "engine/core/base/error.hpp"

namespace nn {

ConstantSchedule::ConstantSchedule(double value) : value_(value) {
  if (!(value >= 0.0) || !std::isfinite(value)) {
    fail("constant schedule: learning_rate must be a finite number >= 0, got ", value);
  }
}

double ConstantSchedule::at(std::int64_t /*step*/) const { return value_; }

std::unique_ptr<LearningRateSchedule> ConstantSchedule::clone() const {
  return std::make_unique<ConstantSchedule>(*this);
}

// Keras only requires decay_steps > 0; a non-positive rate or initial value is rejected here
// because it cannot give a usable learning rate.
ExponentialDecay::ExponentialDecay(double initial_learning_rate, std::int64_t decay_steps,
                                   double decay_rate, bool staircase)
    : initial_(initial_learning_rate),
      decay_steps_(decay_steps),
      rate_(decay_rate),
      staircase_(staircase) {
  if (!(initial_learning_rate > 0.0) || !std::isfinite(initial_learning_rate)) {
    fail("exponential_decay: initial_learning_rate must be a positive finite number, got ",
         initial_learning_rate);
  }
  if (decay_steps <= 0) {
    fail("exponential_decay: decay_steps must be > 0, got ", decay_steps);
  }
  if (!(decay_rate > 0.0) || !std::isfinite(decay_rate)) {
    fail("exponential_decay: decay_rate must be a positive finite number, got ", decay_rate);
  }
}

double ExponentialDecay::at(std::int64_t step) const {
  // p = step / decay_steps, floored when staircase (Keras computes it in floating point).
  double p = static_cast<double>(step) / static_cast<double>(decay_steps_);
  if (staircase_) p = std::floor(p);
  return initial_ * std::pow(rate_, p);
}

std::unique_ptr<LearningRateSchedule> ExponentialDecay::clone() const {
  return std::make_unique<ExponentialDecay>(*this);
}

// Keras accepts any values; negative learning rates are rejected here, 0 (a pause) is allowed.
PiecewiseConstantDecay::PiecewiseConstantDecay(std::vector<std::int64_t> boundaries,
                                               std::vector<double> values)
    : boundaries_(std::move(boundaries)), values_(std::move(values)) {
  if (values_.size() != boundaries_.size() + 1) {
    fail("piecewise_constant_decay: values must have one more entry than boundaries, got ",
         values_.size(), " values for ", boundaries_.size(), " boundaries");
  }
  for (std::size_t i = 1; i < boundaries_.size(); ++i) {
    if (boundaries_[i] <= boundaries_[i - 1]) {
      fail("piecewise_constant_decay: boundaries must be strictly increasing, got ",
           boundaries_[i - 1], " then ", boundaries_[i], " at index ", i);
    }
  }
  for (std::size_t i = 0; i < values_.size(); ++i) {
    if (!(values_[i] >= 0.0) || !std::isfinite(values_[i])) {
      fail("piecewise_constant_decay: values must be finite numbers >= 0, got ", values_[i],
           " at index ", i);
    }
  }
}

double PiecewiseConstantDecay::at(std::int64_t step) const {
  // values[i] for boundaries[i-1] < step <= boundaries[i]; the last value after the last one.
  for (std::size_t i = 0; i < boundaries_.size(); ++i) {
    if (step <= boundaries_[i]) return values_[i];
  }
  return values_.back();
}

std::unique_ptr<LearningRateSchedule> PiecewiseConstantDecay::clone() const {
  return std::make_unique<PiecewiseConstantDecay>(*this);
}

}  // namespace nn
