#pragma once
/// EarlyStopping: stops training when `monitor` has not improved by min_delta for `patience`
/// epochs; optionally restores the weights of the best epoch when it stops.
/// Reference: keras/src/callbacks/early_stopping.py.
#include <limits>
#include <string>
#include <vector>

#include "engine/core/base/scalar.hpp"
#include "engine/core/training/callback.hpp"

namespace nn {

struct EarlyStoppingOptions {
  std::string monitor = "val_loss";
  double min_delta = 0.0;
  int patience = 0;
  std::string mode = "auto";
  bool restore_best_weights = false;
};

class EarlyStopping : public Callback {
 public:
  explicit EarlyStopping(EarlyStoppingOptions options = {});
  void on_train_begin(TrainingContext& context) override;
  void on_epoch_end(int epoch, Logs& logs, TrainingContext& context) override;

  /// Epoch at which training was stopped, or -1.
  int stopped_epoch() const { return stopped_epoch_; }
  /// Epoch with the best monitored value so far.
  int best_epoch() const { return best_epoch_; }
  double best() const { return best_; }
  int patience() const { return options_.patience; }
  /// Changes the patience mid-run; the epochs already waited still count, so a lower patience
  /// stops at the next epoch end when the wait already reaches it. patience >= 0, else
  /// nn::Error.
  void set_patience(int patience);

  /// wait, stopped epoch, best epoch, best value, then the best weights (count, then rows,
  /// cols and values of each).
  std::vector<double> state() const override;
  void set_state(const std::vector<double>& state) override;

 private:
  bool improved(double current) const;

  EarlyStoppingOptions options_;
  bool maximize_ = false;
  int wait_ = 0;
  int stopped_epoch_ = -1;
  int best_epoch_ = 0;
  double best_ = std::numeric_limits<double>::infinity();
  std::vector<Matrix> best_weights_;
};

}  // namespace nn
