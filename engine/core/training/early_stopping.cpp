#include "engine/core/training/early_stopping.hpp"

#include <sstream>

#include "engine/core/base/error.hpp"
#include "engine/core/models/model.hpp"

namespace nn {

EarlyStopping::EarlyStopping(EarlyStoppingOptions options) : options_(std::move(options)) {
  if (options_.patience < 0) fail("EarlyStopping: patience must be >= 0, got ", options_.patience);
  if (options_.min_delta < 0)
    fail("EarlyStopping: min_delta must be >= 0, got ", options_.min_delta);
  maximize_ = monitor_maximizes(options_.monitor, options_.mode, "EarlyStopping");
}

void EarlyStopping::on_train_begin(TrainingContext&) {
  wait_ = 0;
  stopped_epoch_ = -1;
  best_epoch_ = 0;
  best_ = maximize_ ? -std::numeric_limits<double>::infinity()
                    : std::numeric_limits<double>::infinity();
  best_weights_.clear();
}

bool EarlyStopping::improved(double current) const {
  // Keras: improvement means beating the best by more than min_delta.
  return maximize_ ? current - options_.min_delta > best_ : current + options_.min_delta < best_;
}

void EarlyStopping::on_epoch_end(int epoch, Logs& logs, TrainingContext& context) {
  const double current = monitored_value(logs, options_.monitor, "EarlyStopping");
  if (options_.restore_best_weights && best_weights_.empty()) {
    best_weights_ = context.model.get_weights();
  }
  ++wait_;
  if (improved(current)) {
    best_ = current;
    best_epoch_ = epoch;
    if (options_.restore_best_weights) best_weights_ = context.model.get_weights();
    wait_ = 0;
    return;
  }
  if (wait_ >= options_.patience && epoch > 0) {
    stopped_epoch_ = epoch;
    context.stop_training = true;
    std::ostringstream why;
    why << "EarlyStopping: " << options_.monitor << " did not improve for " << wait_
        << " epoch(s); best " << best_ << " at epoch " << best_epoch_;
    if (options_.restore_best_weights) {
      context.model.set_weights(best_weights_);
      why << " (weights restored)";
    }
    context.stop_reason = why.str();
  }
}

}  // namespace nn
