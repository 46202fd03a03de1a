#include <catch2/catch.hpp>

#include "bridge/session_helpers.hpp"

using nn::bridge::Session;
using nn::test::ok;
using nn::test::preset;
using json = nlohmann::json;

namespace {

/// Trains `epochs` epochs of a preset; returns the first and last epoch losses.
std::pair<double, double> first_and_last_loss(const std::string& name, int epochs) {
  Session s;
  json spec = preset(name);
  ok(s, {{"op", "build"}, {"spec", spec}});
  std::vector<double> losses;
  while (static_cast<int>(losses.size()) < epochs) {
    const json a = ok(s, {{"op", "train"}, {"batches", 1000000}});
    for (const json& e : a.at("epoch_logs")) losses.push_back(e.at("logs").at("loss"));
    if (a.at("finished") == true) break;
  }
  REQUIRE(losses.size() >= 2);
  return {losses.front(), losses.back()};
}

}  // namespace

TEST_CASE("SessionPresets: every preset builds and trains with falling loss", "[bridge][presets]") {
  const std::vector<std::pair<std::string, int>> presets = {
      {"perceptron-and", 30},   {"perceptron-xor", 10}, {"xor-hidden", 30},
      {"mlp-spiral", 10},       {"fashion-mlp", 3},     {"lstm-sine", 3},
      {"adding-simple-rnn", 3}, {"adding-lstm", 3},     {"functional-two-towers", 10}};
  for (const auto& [name, epochs] : presets) {
    INFO(name);
    const auto [first, last] = first_and_last_loss(name, epochs);
    CHECK(last < first);
  }
}
