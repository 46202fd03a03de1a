#pragma once
/// Logs: named scalars of one batch or epoch, as Keras reports them ("loss", "accuracy",
/// "val_loss", "<output>_loss" for multi-output models). History: the logs of every epoch.
#include <map>
#include <string>
#include <vector>

namespace nn {

using Logs = std::map<std::string, double>;

struct History {
  /// key -> one value per finished epoch (Keras's history.history).
  std::map<std::string, std::vector<double>> history;
  /// Epoch numbers (0-based) that were run.
  std::vector<int> epochs;
  /// Why training ended early ("" when it ran all epochs).
  std::string stop_reason;

  void append(int epoch, const Logs& logs) {
    epochs.push_back(epoch);
    for (const auto& [key, value] : logs) history[key].push_back(value);
  }
  /// Values of `key`, empty if never logged.
  std::vector<double> get(const std::string& key) const {
    auto it = history.find(key);
    return it == history.end() ? std::vector<double>{} : it->second;
  }
};

}  // namespace nn
