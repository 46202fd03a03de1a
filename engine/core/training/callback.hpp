#pragma once
/// Callback: hooks into training, as in Keras (on_train_begin ... on_epoch_end). Callbacks may
/// stop training by setting context.stop_training (EarlyStopping does).
#include <functional>
#include <string>
#include <vector>

#include "engine/core/training/logs.hpp"

namespace nn {

class Model;

/// What a callback may see and change while a Trainer runs.
struct TrainingContext {
  Model& model;
  bool stop_training = false;
  std::string stop_reason;
};

class Callback {
 public:
  virtual ~Callback() = default;
  virtual void on_train_begin(TrainingContext&) {}
  virtual void on_epoch_begin(int /*epoch*/, TrainingContext&) {}
  virtual void on_batch_end(int /*epoch*/, long /*batch*/, const Logs&, TrainingContext&) {}
  /// logs holds the epoch means and the val_ entries; a callback may add entries (learning_rate).
  virtual void on_epoch_end(int /*epoch*/, Logs&, TrainingContext&) {}
  virtual void on_train_end(TrainingContext&) {}

  /// The callback's counters (patience waits, best value), for save/load; default none.
  virtual std::vector<double> state() const { return {}; }
  /// Restores state(); throws nn::Error on a state of the wrong size.
  virtual void set_state(const std::vector<double>& state) { (void)state; }
};

/// Per-batch progress hook: calls fn(epoch, batch, batch_logs) after every batch.
class ProgressCallback : public Callback {
 public:
  using Fn = std::function<void(int epoch, long batch, const Logs& logs)>;
  explicit ProgressCallback(Fn fn) : fn_(std::move(fn)) {}
  void on_batch_end(int epoch, long batch, const Logs& logs, TrainingContext&) override {
    fn_(epoch, batch, logs);
  }

 private:
  Fn fn_;
};

/// Keras's "auto" mode: maximise metrics named like accuracy, minimise everything else.
/// mode: "auto", "min" or "max"; returns true when larger is better. Throws on other modes.
bool monitor_maximizes(const std::string& monitor, const std::string& mode, const std::string& who);

/// logs[monitor], or an nn::Error listing the keys that are there.
double monitored_value(const Logs& logs, const std::string& monitor, const std::string& who);

}  // namespace nn
