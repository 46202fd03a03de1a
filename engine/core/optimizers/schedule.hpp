#pragma once
/// Learning-rate schedules, evaluated at the optimizer's step count (batches applied so far).
/// References: keras.optimizers.schedules.ExponentialDecay and PiecewiseConstantDecay.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

namespace nn {

class LearningRateSchedule {
 public:
  virtual ~LearningRateSchedule() = default;
  virtual std::string name() const = 0;
  /// Learning rate for the update with 0-based index `step`.
  virtual double at(std::int64_t step) const = 0;
  virtual std::unique_ptr<LearningRateSchedule> clone() const = 0;
};

/// lr(step) = value.
class ConstantSchedule : public LearningRateSchedule {
 public:
  explicit ConstantSchedule(double value);
  std::string name() const override { return "constant"; }
  double at(std::int64_t step) const override;
  std::unique_ptr<LearningRateSchedule> clone() const override;

 private:
  double value_;
};

/// lr(step) = initial * rate^(step / decay_steps); the exponent is floored when staircase.
class ExponentialDecay : public LearningRateSchedule {
 public:
  /// decay_steps > 0, decay_rate > 0, initial_learning_rate > 0.
  ExponentialDecay(double initial_learning_rate, std::int64_t decay_steps, double decay_rate,
                   bool staircase = false);
  std::string name() const override { return "exponential_decay"; }
  double at(std::int64_t step) const override;
  std::unique_ptr<LearningRateSchedule> clone() const override;

 private:
  double initial_;
  std::int64_t decay_steps_;
  double rate_;
  bool staircase_;
};

/// Step decay: values[i] while step <= boundaries[i] (Keras PiecewiseConstantDecay);
/// values has one more entry than boundaries, boundaries strictly increasing.
class PiecewiseConstantDecay : public LearningRateSchedule {
 public:
  /// values.size() == boundaries.size() + 1, values >= 0.
  PiecewiseConstantDecay(std::vector<std::int64_t> boundaries, std::vector<double> values);
  std::string name() const override { return "piecewise_constant_decay"; }
  double at(std::int64_t step) const override;
  std::unique_ptr<LearningRateSchedule> clone() const override;

 private:
  std::vector<std::int64_t> boundaries_;
  std::vector<double> values_;
};

}  // namespace nn
