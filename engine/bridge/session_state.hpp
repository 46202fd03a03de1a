#pragma once
/// SessionState: what a Session holds (arrays, document, model, data, trainer) and the request
/// handlers, one file per group of ops (session_*.cpp). Internal to engine/bridge.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/bridge/json/reader.hpp"

namespace nn::bridge {

class SessionState {
 public:
  /// Parses and runs one request; throws BridgeError / nn::Error / std::exception on failure.
  json dispatch(const json& request);

  std::map<std::string, std::vector<float>> arrays;
  std::size_t total_floats = 0;
};

}  // namespace nn::bridge
