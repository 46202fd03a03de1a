#pragma once
/// ReduceLROnPlateau: multiplies the learning rate by `factor` when `monitor` has not improved
/// for `patience` epochs, then waits `cooldown` epochs; never below min_lr. Adds
/// "learning_rate" to the epoch logs. Reference: keras/src/callbacks/reduce_lr_on_plateau.py.
#include <limits>
#include <string>

#include "engine/core/training/callback.hpp"

namespace nn {

struct ReduceLROnPlateauOptions {
  std::string monitor = "val_loss";
  double factor = 0.1;
  int patience = 10;
  std::string mode = "auto";
  double min_delta = 1e-4;
  int cooldown = 0;
  double min_lr = 0.0;
};

class ReduceLROnPlateau : public Callback {
 public:
  explicit ReduceLROnPlateau(ReduceLROnPlateauOptions options = {});
  void on_train_begin(TrainingContext& context) override;
  void on_epoch_end(int epoch, Logs& logs, TrainingContext& context) override;

  /// wait, cooldown counter, best value.
  std::vector<double> state() const override {
    return {static_cast<double>(wait_), static_cast<double>(cooldown_counter_), best_};
  }
  void set_state(const std::vector<double>& state) override;

 private:
  ReduceLROnPlateauOptions options_;
  bool maximize_ = false;
  int wait_ = 0;
  int cooldown_counter_ = 0;
  double best_ = std::numeric_limits<double>::infinity();
};

}  // namespace nn
