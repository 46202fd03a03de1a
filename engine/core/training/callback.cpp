#include "engine/core/training/callback.hpp"

#include "engine/core/base/error.hpp"

namespace nn {

bool monitor_maximizes(const std::string& monitor, const std::string& mode,
                       const std::string& who) {
  if (mode == "min") return false;
  if (mode == "max") return true;
  if (mode != "auto") fail(who, ": mode must be one of auto, min, max; got '", mode, "'");
  return monitor.find("acc") != std::string::npos || monitor.find("auc") != std::string::npos;
}

double monitored_value(const Logs& logs, const std::string& monitor, const std::string& who) {
  auto it = logs.find(monitor);
  if (it == logs.end()) {
    std::string keys;
    for (const auto& [key, value] : logs) keys += (keys.empty() ? "" : ", ") + key;
    fail(who, ": monitor '", monitor, "' is not in the epoch logs; available: ", keys,
         " (val_ entries need validation data)");
  }
  return it->second;
}

}  // namespace nn
