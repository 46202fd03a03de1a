#include "engine/core/training/early_stopping.hpp"
#include "engine/core/base/text.hpp"

#include "engine/core/base/error.hpp"
#include "engine/core/models/model.hpp"

namespace nn {

EarlyStopping::EarlyStopping(EarlyStoppingOptions options) : options_(std::move(options)) {
  if (options_.patience < 0) fail("EarlyStopping: patience must be >= 0, got ", options_.patience);
  if (options_.min_delta < 0)
    fail("EarlyStopping: min_delta must be >= 0, got ", options_.min_delta);
  maximize_ = monitor_maximizes(options_.monitor, options_.mode, "EarlyStopping");
}

void EarlyStopping::set_patience(int patience) {
  if (patience < 0) fail("EarlyStopping: patience must be >= 0, got ", patience);
  options_.patience = patience;
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
    std::string why = concat("EarlyStopping: ", options_.monitor, " did not improve for ", wait_,
                             " epoch(s); best ", best_, " at epoch ", best_epoch_);
    if (options_.restore_best_weights) {
      context.model.set_weights(best_weights_);
      why += " (weights restored)";
    }
    context.stop_reason = why;
  }
}

std::vector<double> EarlyStopping::state() const {
  std::vector<double> out = {static_cast<double>(wait_), static_cast<double>(stopped_epoch_),
                             static_cast<double>(best_epoch_), best_,
                             static_cast<double>(best_weights_.size())};
  for (const Matrix& w : best_weights_) {
    out.push_back(static_cast<double>(w.rows()));
    out.push_back(static_cast<double>(w.cols()));
    for (Index i = 0; i < w.size(); ++i) out.push_back(static_cast<double>(w.data()[i]));
  }
  return out;
}

void EarlyStopping::set_state(const std::vector<double>& state) {
  const auto bad = [&] {
    fail("EarlyStopping: malformed saved state of ", state.size(), " values");
  };
  if (state.size() < 5) bad();
  wait_ = static_cast<int>(state[0]);
  stopped_epoch_ = static_cast<int>(state[1]);
  best_epoch_ = static_cast<int>(state[2]);
  best_ = state[3];
  best_weights_.clear();
  std::size_t at = 5;
  for (std::size_t k = 0; k < static_cast<std::size_t>(state[4]); ++k) {
    if (at + 2 > state.size()) bad();
    const auto rows = static_cast<Index>(state[at]);
    const auto cols = static_cast<Index>(state[at + 1]);
    at += 2;
    if (rows < 0 || cols < 0 || at + static_cast<std::size_t>(rows * cols) > state.size()) bad();
    Matrix w(rows, cols);
    for (Index i = 0; i < w.size(); ++i) w.data()[i] = static_cast<Scalar>(state[at++]);
    best_weights_.push_back(std::move(w));
  }
}

}  // namespace nn
