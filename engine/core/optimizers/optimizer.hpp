#pragma once
/// Optimizer: the base of every optimizer. Decoupled from layers: attach(params) once, then
/// apply() per batch. State ("slots") is kept by parameter index, like Keras, never by pointer.
/// Shared Keras 3 behaviour lives here: per-variable clipnorm, global_clipnorm, clipvalue,
/// decoupled weight_decay (w -= lr * weight_decay * w before the update) and schedules.
/// Reference: keras/src/optimizers/base_optimizer.py.
#include <cstdint>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "engine/core/layers/param.hpp"
#include "engine/core/optimizers/schedule.hpp"

namespace nn {

/// Options every Keras optimizer takes; 0 switches a clip or the decay off. Keras allows at
/// most one of clipnorm, clipvalue and global_clipnorm.
struct OptimizerOptions {
  /// Learning rate; NaN means the optimizer's Keras default.
  double learning_rate = std::numeric_limits<double>::quiet_NaN();
  /// When set, replaces learning_rate.
  std::shared_ptr<const LearningRateSchedule> schedule;
  /// Decoupled weight decay; NaN means the optimizer's Keras default (0, AdamW 0.004).
  double weight_decay = std::numeric_limits<double>::quiet_NaN();
  double clipnorm = 0.0;         // each gradient's L2 norm clipped to this
  double clipvalue = 0.0;        // each gradient entry clipped to [-clipvalue, clipvalue]
  double global_clipnorm = 0.0;  // all gradients scaled so their joint L2 norm <= this
};

class Optimizer {
 public:
  /// default_lr: the optimizer's Keras default, used when options.learning_rate is NaN.
  Optimizer(const OptimizerOptions& options, double default_lr);
  virtual ~Optimizer() = default;

  /// Keras name: "sgd", "adam", ...
  virtual std::string name() const = 0;

  /// Creates slot_count() state matrices per parameter, shaped like it. Call once per model.
  void attach(const std::vector<Param*>& params);
  /// One update. params must be the attached list; trainable[i] false leaves param i (and its
  /// slots) untouched. Gradients are read, not modified.
  void apply(const std::vector<Param*>& params, const std::vector<bool>& trainable);

  /// Updates applied so far (Keras's `iterations`).
  std::int64_t iterations() const { return iterations_; }
  /// Learning rate the next update will use.
  double learning_rate() const;
  /// Replaces the schedule with a constant (ReduceLROnPlateau does this).
  void set_learning_rate(double value);
  const OptimizerOptions& options() const { return options_; }

  /// State by parameter index, then slot (for save/load and tests).
  std::vector<std::vector<Matrix>>& slots() { return slots_; }
  const std::vector<std::vector<Matrix>>& slots() const { return slots_; }
  void set_iterations(std::int64_t iterations) { iterations_ = iterations; }

  /// Keras names of the slots one parameter has, in slot order ("momentum", "velocity", ...).
  /// Which slots exist depends on the hyper-parameters (SGD has "momentum" only when
  /// momentum > 0), so state moves between two configurations by name, not by position.
  virtual std::vector<std::string> slot_names() const = 0;

  /// Takes over `from`'s step count and every slot this optimizer has under the same name, per
  /// parameter index (Keras: changing a hyper-parameter keeps the optimizer's variables). Slots
  /// `from` lacks keep their initial values. Both must be attached to the same parameters;
  /// throws nn::Error (changing nothing) when their counts or shapes differ.
  void take_state(const Optimizer& from);
  /// Takes over `from`'s learning-rate rule as it now is: its schedule, or the constant a
  /// set_learning_rate() (ReduceLROnPlateau) put in its place.
  void take_learning_rate(const Optimizer& from);

 protected:
  /// Number of state matrices per parameter.
  virtual int slot_count() const = 0;
  /// Initial slot values; default zeros (Adagrad starts from initial_accumulator_value).
  virtual void init_slots(std::vector<Matrix>& slots, const Matrix& w) const;
  /// w <- update(w, g); t is the 1-based step number, lr this step's learning rate.
  virtual void update(Matrix& w, const Matrix& g, std::vector<Matrix>& slots, double lr,
                      std::int64_t t) const = 0;

 private:
  OptimizerOptions options_;
  std::unique_ptr<LearningRateSchedule> schedule_;
  std::int64_t iterations_ = 0;
  std::vector<std::vector<Matrix>> slots_;
  std::vector<Matrix> clipped_;  // per-parameter scratch for clipped gradients (when clipping)
};

using OptimizerPtr = std::unique_ptr<Optimizer>;

}  // namespace nn
