#pragma once
/// ArrayBatch: the arrays one op writes (backprop, gradients, forward), gathered first so that
/// nothing is stored unless all of them fit. Internal to engine/bridge.
#include <string>
#include <vector>

#include "engine/bridge/session_state.hpp"

namespace nn::bridge {

class ArrayBatch {
 public:
  explicit ArrayBatch(std::string prefix) : prefix_(std::move(prefix)) {}

  /// Queues `<prefix>/<layer>/<what>` holding `values`; returns the array name. Fails at "/out"
  /// when the name would pass kMaxArrayName.
  std::string add(const std::string& layer, const std::string& what, std::vector<float> values);

  /// Stores every queued array, or none when together they pass the session's limit.
  void store(SessionState& state);

 private:
  struct Pending {
    std::string name;
    std::vector<float> values;
  };
  std::string prefix_;
  std::vector<Pending> pending_;
};

}  // namespace nn::bridge
