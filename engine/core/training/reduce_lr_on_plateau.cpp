#include "engine/core/training/reduce_lr_on_plateau.hpp"

#include <algorithm>

#include "engine/core/base/error.hpp"
#include "engine/core/models/model.hpp"

namespace nn {

ReduceLROnPlateau::ReduceLROnPlateau(ReduceLROnPlateauOptions options)
    : options_(std::move(options)) {
  if (!(options_.factor > 0.0 && options_.factor < 1.0)) {
    fail("ReduceLROnPlateau: factor must be in (0, 1), got ", options_.factor);
  }
  if (options_.patience < 0 || options_.cooldown < 0 || options_.min_lr < 0) {
    fail("ReduceLROnPlateau: patience, cooldown and min_lr must be >= 0");
  }
  maximize_ = monitor_maximizes(options_.monitor, options_.mode, "ReduceLROnPlateau");
}

void ReduceLROnPlateau::on_train_begin(TrainingContext&) {
  wait_ = 0;
  cooldown_counter_ = 0;
  best_ = maximize_ ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
}

void ReduceLROnPlateau::on_epoch_end(int, Logs& logs, TrainingContext& context) {
  Optimizer& optimizer = context.model.optimizer();
  logs["learning_rate"] = optimizer.learning_rate();
  const double current = monitored_value(logs, options_.monitor, "ReduceLROnPlateau");
  if (cooldown_counter_ > 0) {
    --cooldown_counter_;
    wait_ = 0;
  }
  const bool better =
      maximize_ ? current > best_ + options_.min_delta : current < best_ - options_.min_delta;
  if (better) {
    best_ = current;
    wait_ = 0;
  } else if (cooldown_counter_ == 0) {  // re-read after the decrement, as Keras does
    ++wait_;
    if (wait_ >= options_.patience) {
      const double old_lr = optimizer.learning_rate();
      if (old_lr > options_.min_lr) {
        optimizer.set_learning_rate(std::max(old_lr * options_.factor, options_.min_lr));
        cooldown_counter_ = options_.cooldown;
        wait_ = 0;
      }
    }
  }
}

void ReduceLROnPlateau::set_state(const std::vector<double>& state) {
  if (state.size() != 3)
    fail("ReduceLROnPlateau: malformed saved state of ", state.size(), " values");
  wait_ = static_cast<int>(state[0]);
  cooldown_counter_ = static_cast<int>(state[1]);
  best_ = state[2];
}

}  // namespace nn
