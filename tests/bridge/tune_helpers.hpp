#pragma once
/// Helpers for the tune tests: a tiny regression document fed from arrays, and the session's
/// weights and whole state (a save file) to compare before and after a request.
#include <string>
#include <vector>

#include "bridge/session_helpers.hpp"

namespace nn::test {

/// A sequential 2 -> `layers` model with mean squared error, `optimizer`, `fit` (shuffle off
/// unless `fit` says otherwise), and no data (put_points gives it). `layers` may be one layer
/// object ({linear_unit()} braces to the object itself, not to a list).
inline nlohmann::json tune_doc(const nlohmann::json& optimizer, nlohmann::json fit,
                               const nlohmann::json& layers) {
  if (!fit.contains("shuffle")) fit["shuffle"] = false;
  return {{"schema", 1},
          {"model",
           {{"type", "sequential"},
            {"input_shape", {2}},
            {"layers", layers.is_object() ? nlohmann::json::array({layers}) : layers}}},
          {"compile", {{"optimizer", optimizer}, {"loss", "mse"}}},
          {"fit", fit}};
}

/// One linear unit without bias: its only weight is the kernel [w1, w2].
inline nlohmann::json linear_unit(const nlohmann::json& extra = nlohmann::json::object()) {
  nlohmann::json layer = {{"type", "dense"}, {"units", 1}, {"use_bias", false}};
  layer.update(extra);
  return layer;
}

/// n points x = (i / n, 1 - 2 i / n), y = x1 - x2 / 2 + 0.1, as the session's training data.
inline void put_points(nn::bridge::Session& s, int n) {
  std::vector<float> x, y;
  for (int i = 0; i < n; ++i) {
    const float x1 = static_cast<float>(i) / static_cast<float>(n);
    const float x2 = 1.0f - 2.0f * x1;
    x.push_back(x1);
    x.push_back(x2);
    y.push_back(x1 - 0.5f * x2 + 0.1f);
  }
  REQUIRE(s.set_array("x", x).empty());
  REQUIRE(s.set_array("y", y).empty());
  ok(s, {{"op", "set_data"}, {"train", {{"x", {"x"}}, {"y", {"y"}}}}});
}

/// Every weight, in get_weights order.
inline std::vector<float> weights_of(nn::bridge::Session& s) {
  return s.get_array(ok(s, {{"op", "get_weights"}}).at("array").get<std::string>());
}

/// The whole session state as a save file (document, weights, slots, trainer position).
inline nlohmann::json state_of(nn::bridge::Session& s) {
  return ok(s, {{"op", "save"}}).at("file");
}

/// Sends a tune request and requires success.
inline nlohmann::json tune(nn::bridge::Session& s, nlohmann::json fields) {
  fields["op"] = "tune";
  return ok(s, fields);
}

}  // namespace nn::test
