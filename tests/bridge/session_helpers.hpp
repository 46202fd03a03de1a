#pragma once
/// Helpers for Session tests: send a request, read the answer, load a preset.
#include <fstream>
#include <sstream>
#include <string>

#include <catch2/catch.hpp>
#include <nlohmann/json.hpp>

#include "engine/bridge/session.hpp"

namespace nn::test {

/// Sends `request` and returns the parsed answer.
inline nlohmann::json ask(nn::bridge::Session& s, const nlohmann::json& request) {
  return nlohmann::json::parse(s.handle(request.dump()));
}

/// Sends `request` and requires "ok": true (printing the error otherwise).
inline nlohmann::json ok(nn::bridge::Session& s, const nlohmann::json& request) {
  const nlohmann::json a = ask(s, request);
  INFO(a.dump());
  REQUIRE(a.at("ok") == true);
  return a;
}

/// Sends `request`, requires an error and returns it ({path, message}).
inline nlohmann::json error(nn::bridge::Session& s, const nlohmann::json& request) {
  const nlohmann::json a = ask(s, request);
  INFO(a.dump());
  REQUIRE(a.at("ok") == false);
  return a.at("error");
}

/// docs/presets/<name>.json.
inline nlohmann::json preset(const std::string& name) {
  std::ifstream in(std::string(NN_DOCS_DIR) + "/presets/" + name + ".json");
  REQUIRE(in.good());
  std::stringstream text;
  text << in.rdbuf();
  return nlohmann::json::parse(text.str());
}

}  // namespace nn::test
