// The Reshape layer through the bridge: its spec (parse, canonical JSON, errors at their path),
// a model with it (summary as Keras prints it, training), and Keras JSON both ways, with
// import errors pointing into the Keras file.
#include <catch2/catch.hpp>

#include "bridge/session_helpers.hpp"
#include "bridge/spec_test_util.hpp"
#include "engine/bridge/keras/keras_export.hpp"
#include "engine/bridge/keras/keras_import.hpp"
#include "engine/bridge/spec/layer_spec.hpp"

using nn::bridge::json;
using nn::bridge::Session;
using nn::bridge::test::error_of;
using nn::test::ask;
using nn::test::ok;

namespace {

std::pair<std::string, std::string> layer_error(const char* text) {
  return error_of(
      [&] { (void)nn::bridge::parse_layer(json::parse(text), "/model/layers/0", false); });
}

/// Input (2, 6) -> Reshape (-1, 4) -> Dense 3 on the last axis -> Reshape (9,) -> Dense 1.
json reshape_model() {
  return json::parse(R"({"schema": 1,
    "model": {"type": "sequential", "input_shape": [2, 6], "seed": 4, "layers": [
      {"type": "reshape", "name": "to_rows", "target_shape": [-1, 4]},
      {"type": "dense", "name": "per_row", "units": 3, "activation": "tanh"},
      {"type": "reshape", "name": "flat", "target_shape": [9]},
      {"type": "dense", "name": "out", "units": 1}]},
    "compile": {"optimizer": "adam", "loss": "mse"},
    "fit": {"epochs": 2, "batch_size": 8}})");
}

/// A Keras 3 Sequential: Input (12,) -> Reshape (3, 4) -> LSTM 2.
json keras3_sequential(const json& target_shape) {
  return {{"class_name", "Sequential"},
          {"config",
           {{"name", "seq"},
            {"layers",
             {{{"class_name", "InputLayer"},
               {"config", {{"batch_shape", {nullptr, 12}}, {"dtype", "float32"}, {"name", "x"}}}},
              {{"class_name", "Reshape"},
               {"config", {{"name", "grid"}, {"trainable", true}, {"target_shape", target_shape}}}},
              {{"class_name", "LSTM"}, {"config", {{"name", "rnn"}, {"units", 2}}}}}}}}};
}

}  // namespace

TEST_CASE("ReshapeLayer: spec parses and writes target_shape", "[bridge]") {
  const auto spec = nn::bridge::parse_layer(
      json::parse(R"({"type": "reshape", "target_shape": [3, -1]})"), "/l", false);
  const json out = nn::bridge::layer_to_json(spec);
  CHECK(out.at("target_shape") == json::array({3, -1}));
  CHECK(nn::bridge::keras_class_of("reshape") == "Reshape");
}

TEST_CASE("ReshapeLayer: spec errors name the dimension", "[bridge][errors]") {
  const std::string at = "/model/layers/0/target_shape";
  CHECK(layer_error(R"({"type": "reshape"})").first == at);
  CHECK(layer_error(R"({"type": "reshape", "target_shape": []})").first == at);
  CHECK(layer_error(R"({"type": "reshape", "target_shape": [1, 2, 3, 4, 5]})").first == at);
  auto [path, message] = layer_error(R"({"type": "reshape", "target_shape": [3, 0]})");
  CHECK(path == at + "/1");
  CHECK_THAT(message, Catch::Contains("positive dimension or -1"));
  std::tie(path, message) = layer_error(R"({"type": "reshape", "target_shape": [-1, -1]})");
  CHECK(path == at + "/1");
  CHECK_THAT(message, Catch::Contains("at most one -1"));
  CHECK(layer_error(R"({"type": "reshape", "target_shape": [2.5]})").first == at + "/0");
  CHECK(layer_error(R"({"type": "reshape", "target_shape": [-7]})").first == at + "/0");
}

TEST_CASE("ReshapeLayer: a model with Reshape builds, summarizes as Keras and trains", "[bridge]") {
  Session s;
  const json built = ok(s, {{"op", "build"}, {"spec", reshape_model()}});
  const std::string summary = built.at("summary").get<std::string>();
  INFO(summary);
  CHECK_THAT(summary, Catch::Contains("to_rows (Reshape)"));
  CHECK_THAT(summary, Catch::Contains("(None, 3, 4)"));
  CHECK_THAT(summary, Catch::Contains("(None, 9)"));
  // Dense 3 on the last axis (4): 15; Dense 1 on 9: 10.
  CHECK_THAT(summary, Catch::Contains("Total params: 25"));
  std::vector<float> x(16 * 12), y(16);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>((i * 7) % 11) / 11.0f;
  for (std::size_t i = 0; i < y.size(); ++i) y[i] = x[i * 12] - x[i * 12 + 11];
  REQUIRE(s.set_array("x", x).empty());
  REQUIRE(s.set_array("y", y).empty());
  ok(s, {{"op", "set_data"}, {"train", {{"x", {"x"}}, {"y", {"y"}}}}});
  const json trained = ok(s, {{"op", "train"}, {"batches", 4}});
  INFO(trained.dump());
  const json evaluated = ok(s, {{"op", "evaluate"}});
  INFO(evaluated.dump());
  CHECK(evaluated.dump().find("loss") != std::string::npos);
}

TEST_CASE("ReshapeLayer: a size that does not fit is refused at the layer", "[bridge][errors]") {
  Session s;
  json spec = reshape_model();
  spec["model"]["layers"][2]["target_shape"] = {10};
  const json e = nn::test::error(s, {{"op", "build"}, {"spec", spec}});
  CHECK(e.at("path") == "/spec/model/layers/2");
  CHECK_THAT(e.at("message").get<std::string>(),
             Catch::Contains("cannot reshape an input of shape (None, 3, 3)"));
}

TEST_CASE("ReshapeLayer: Keras JSON imports and exports target_shape", "[bridge]") {
  const json m = nn::bridge::keras_to_model_json(keras3_sequential({3, 4}), "/keras");
  REQUIRE(m.at("layers").size() == 2);
  CHECK(m.at("layers").at(0).at("type") == "reshape");
  CHECK(m.at("layers").at(0).at("target_shape") == json::array({3, 4}));
  const json k = nn::bridge::model_json_to_keras(m);
  const json& layers = k.at("config").at("layers");
  const json& reshape = layers.at(0).at("class_name") == "Reshape" ? layers.at(0) : layers.at(1);
  CHECK(reshape.at("class_name") == "Reshape");
  CHECK(reshape.at("config").at("target_shape") == json::array({3, 4}));
}

TEST_CASE("ReshapeLayer: Keras import errors point into the Keras file", "[bridge][errors]") {
  const std::string at = "/keras/config/layers/1/config/target_shape";
  for (const auto& [target, path] : std::vector<std::pair<json, std::string>>{
           {json::array({3, 0}), at + "/1"},
           {json::array({-1, -1}), at + "/1"},
           {json::array({"3", 4}), at + "/0"},
           {json::array({5, 5}), "/keras/config/layers/1/config"},
           {json("3"), at}}) {
    Session s;
    const json request = {{"op", "build"}, {"keras", keras3_sequential(target)}};
    const json a = ask(s, request);
    INFO(target.dump() << " " << a.dump());
    REQUIRE(a.at("ok") == false);
    CHECK(a.at("error").at("path") == path);
  }
}
