// Keras's activation layer classes (LeakyReLU, ReLU, ELU, Softmax) import as nnplay activation
// layers in both dialects, compute what Keras computes, and export back as TF.js writes them.
#include <catch2/catch.hpp>

#include <cmath>

#include "bridge/spec_test_util.hpp"
#include "engine/bridge/keras/keras_export.hpp"
#include "engine/bridge/keras/keras_import.hpp"

using nn::bridge::json;
using nn::bridge::keras_to_model_json;
using nn::bridge::model_json_to_keras;
using nn::bridge::test::error_of;

namespace {

/// A Keras 2 / TF.js Sequential: InputLayer (3,), then `layers`.
json keras2(const json& layers) {
  json all = json::array(
      {{{"class_name", "InputLayer"},
        {"config", {{"batch_input_shape", {nullptr, 3}}, {"dtype", "float32"}, {"name", "in"}}}}});
  for (const auto& l : layers) all.push_back(l);
  return {{"class_name", "Sequential"}, {"config", {{"name", "s"}, {"layers", all}}}};
}

/// The same in Keras 3's dialect (every layer carries "module").
json keras3(const json& layers) {
  json all = json::array({{{"module", "keras.layers"},
                           {"class_name", "InputLayer"},
                           {"config", {{"batch_shape", {nullptr, 3}}, {"name", "in"}}}}});
  for (json l : layers) {
    l["module"] = "keras.layers";
    all.push_back(l);
  }
  return {{"module", "keras"},
          {"class_name", "Sequential"},
          {"config", {{"name", "s"}, {"layers", all}}}};
}

json layer(const std::string& cls, json config) {
  return {{"class_name", cls}, {"config", config}};
}

/// The activation of imported layer i.
json activation_of(const json& model, std::size_t i) {
  const json& l = model.at("layers").at(i);
  REQUIRE(l.at("type") == "activation");
  return l.at("activation");
}

}  // namespace

TEST_CASE("KerasActivationLayers: Keras 2 classes import with their options", "[bridge]") {
  const json m = keras_to_model_json(
      keras2({layer("LeakyReLU", {{"name", "lr"}, {"alpha", 0.1}}),
              layer("LeakyReLU", json::object()),
              layer("ReLU", {{"max_value", nullptr}, {"negative_slope", 0.0}, {"threshold", 0.0}}),
              layer("ReLU", {{"negative_slope", 0.25}}), layer("ELU", {{"alpha", 0.5}}),
              layer("ELU", json::object()), layer("Softmax", {{"axis", -1}})}),
      "/keras");
  CHECK(m.at("layers").at(0).at("name") == "lr");
  CHECK(activation_of(m, 0) == json({{"type", "leaky_relu"}, {"alpha", 0.1}}));
  CHECK(activation_of(m, 1) == json({{"type", "leaky_relu"}, {"alpha", 0.3}}));  // layer default
  CHECK(activation_of(m, 2) == "relu");
  CHECK(activation_of(m, 3) == json({{"type", "leaky_relu"}, {"alpha", 0.25}}));
  CHECK(activation_of(m, 4) == json({{"type", "elu"}, {"alpha", 0.5}}));
  CHECK(activation_of(m, 5) == "elu");
  CHECK(activation_of(m, 6) == "softmax");
}

TEST_CASE("KerasActivationLayers: Keras 3 classes import with negative_slope", "[bridge]") {
  const json m = keras_to_model_json(
      keras3({layer("LeakyReLU", {{"name", "lr"}, {"negative_slope", 0.05}, {"trainable", true}}),
              layer("ReLU", {{"max_value", nullptr}, {"negative_slope", 0.0}, {"threshold", 0.0}}),
              layer("ELU", {{"alpha", 2.0}}), layer("Softmax", {{"axis", -1}})}),
      "/keras");
  CHECK(activation_of(m, 0) == json({{"type", "leaky_relu"}, {"alpha", 0.05}}));
  CHECK(activation_of(m, 1) == "relu");
  CHECK(activation_of(m, 2) == json({{"type", "elu"}, {"alpha", 2.0}}));
  CHECK(activation_of(m, 3) == "softmax");
}

TEST_CASE("KerasActivationLayers: what the engine cannot compute is refused at its field",
          "[bridge][errors]") {
  struct Case {
    json layer;
    std::string path;
    std::string words;
  };
  const std::vector<Case> cases = {
      {layer("ReLU", {{"max_value", 6.0}}), "/keras/config/layers/1/config/max_value", "capped"},
      {layer("ReLU", {{"threshold", 0.5}}), "/keras/config/layers/1/config/threshold",
       "threshold 0"},
      {layer("ReLU", {{"negative_slope", -1}}), "/keras/config/layers/1/config/negative_slope",
       ">= 0"},
      {layer("LeakyReLU", {{"alpha", -0.1}}), "/keras/config/layers/1/config/alpha", ">= 0"},
      {layer("LeakyReLU", {{"alpha", 0.1}, {"negative_slope", 0.1}}),
       "/keras/config/layers/1/config/alpha", "both"},
      {layer("ELU", {{"alpha", "big"}}), "/keras/config/layers/1/config/alpha", "number"},
      {layer("Softmax", {{"axis", 2}}), "/keras/config/layers/1/config/axis", "expected -1"},
      {layer("Softmax", {{"axes", -1}}), "/keras/config/layers/1/config/axes", "unknown field"},
  };
  for (const Case& c : cases) {
    INFO(c.layer.dump());
    const auto [path, message] =
        error_of([&] { (void)keras_to_model_json(keras2(json::array({c.layer})), "/keras"); });
    CHECK(path == c.path);
    CHECK_THAT(message, Catch::Contains(c.words));
  }
}

TEST_CASE("KerasActivationLayers: LeakyReLU and ELU export as their classes and round-trip",
          "[bridge]") {
  const json keras =
      keras2({layer("LeakyReLU", {{"name", "lr"}, {"alpha", 0.1}}),
              layer("ELU", {{"name", "e"}, {"alpha", 0.5}}), layer("ELU", {{"name", "e1"}}),
              layer("ReLU", {{"name", "r"}}), layer("Softmax", {{"name", "sm"}})});
  const json model = keras_to_model_json(keras, "/keras");
  const json back = model_json_to_keras(model);
  const json& layers = back.at("config").at("layers");
  // TF.js's Sequential writes no InputLayer: the first layer carries batch_input_shape.
  CHECK(layers.at(0).at("class_name") == "LeakyReLU");
  CHECK(layers.at(0).at("config").at("alpha") == 0.1);
  CHECK(layers.at(0).at("config").at("name") == "lr");
  CHECK(layers.at(1).at("class_name") == "ELU");
  CHECK(layers.at(1).at("config").at("alpha") == 0.5);
  CHECK(layers.at(2).at("config").at("alpha") == 1.0);
  // ReLU and Softmax without options are Keras's Activation("relu") / Activation("softmax").
  CHECK(layers.at(3).at("class_name") == "Activation");
  CHECK(layers.at(3).at("config").at("activation") == "relu");
  CHECK(layers.at(4).at("config").at("activation") == "softmax");
  CHECK(keras_to_model_json(back, "/keras") == model);
}
