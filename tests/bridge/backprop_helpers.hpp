#pragma once
/// Helpers for the backprop op tests: read the arrays an answer names.
#include <string>
#include <vector>

#include "bridge/session_helpers.hpp"

namespace nn::test {

/// The array that layer `layer` of a backprop answer names under arrays[what].
inline std::vector<float> layer_array(nn::bridge::Session& s, const nlohmann::json& answer,
                                      std::size_t layer, const std::string& what) {
  const nlohmann::json& arrays = answer.at("layers").at(layer).at("arrays");
  INFO(what);
  REQUIRE(arrays.contains(what));
  return s.get_array(arrays.at(what).get<std::string>());
}

/// Every weight gradient of a backprop answer, layer by layer: get_weights order.
inline std::vector<float> weight_gradients(nn::bridge::Session& s, const nlohmann::json& answer) {
  std::vector<float> all;
  for (const nlohmann::json& layer : answer.at("layers")) {
    for (const nlohmann::json& w : layer.at("weights")) {
      const std::vector<float>& g = s.get_array(w.at("array").get<std::string>());
      all.insert(all.end(), g.begin(), g.end());
    }
  }
  return all;
}

/// All weights of `s` in get_weights order.
inline std::vector<float> all_weights(nn::bridge::Session& s) {
  ok(s, {{"op", "get_weights"}, {"out", "w_now"}});
  return s.get_array("w_now");
}

/// Sets every weight of `s` to `w`.
inline void put_weights(nn::bridge::Session& s, const std::vector<float>& w) {
  REQUIRE(s.set_array("w_put", w).empty());
  ok(s, {{"op", "set_weights"}, {"array", "w_put"}});
}

}  // namespace nn::test
