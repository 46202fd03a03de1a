#include <catch2/catch.hpp>

#include "bridge/spec_test_util.hpp"

#include "engine/bridge/keras/tfjs_format.hpp"
#include "tests/support/fixtures.hpp"

using nn::Matrix;
using nn::bridge::BridgeError;
using nn::bridge::json;
using nn::bridge::keras_weight_shape;
using nn::bridge::parse_tfjs_model_json;
using Shape = std::vector<std::int64_t>;

using nn::bridge::test::error_of;

namespace {

/// A model.json as TF.js saves the sample `id` (its manifest from the fixture).
json model_json(const std::string& id) {
  for (const auto& s : nn::test::fixture("keras/tfjs_samples.json").at("samples")) {
    if (s.at("id") != id) continue;
    return {
        {"format", s.at("format")},
        {"generatedBy", s.at("generatedBy")},
        {"convertedBy", nullptr},
        {"modelTopology", s.at("topology")},
        {"weightsManifest", {{{"paths", {"model.weights.bin"}}, {"weights", s.at("weights")}}}}};
  }
  FAIL("no sample " << id);
  return {};
}

std::pair<std::string, std::string> parse_error(const json& j) {
  return error_of([&] { (void)parse_tfjs_model_json(j, "/file"); });
}

}  // namespace

TEST_CASE("TfjsFormat: kernels are transposed to Keras shapes", "[bridge]") {
  CHECK(keras_weight_shape("dense/kernel", Matrix(8, 2)) == Shape{2, 8});
  CHECK(keras_weight_shape("lstm/recurrent_kernel", Matrix(24, 6)) == Shape{6, 24});
  CHECK(keras_weight_shape("emb/embeddings", Matrix(4, 20)) == Shape{20, 4});
  CHECK(keras_weight_shape("dense/kernel", Matrix(1, 8)) == Shape{8, 1});
}

TEST_CASE("TfjsFormat: vectors are rank 1", "[bridge]") {
  CHECK(keras_weight_shape("dense/bias", Matrix(8, 1)) == Shape{8});
  CHECK(keras_weight_shape("bn/moving_variance", Matrix(16, 1)) == Shape{16});
  CHECK(keras_weight_shape("prelu/alpha", Matrix(6, 1)) == Shape{6});
}

TEST_CASE("TfjsFormat: GRU reset_after bias and sequence PReLU alpha", "[bridge]") {
  CHECK(keras_weight_shape("gru/bias", Matrix(15, 2)) == Shape{2, 15});
  CHECK(keras_weight_shape("prelu/alpha", Matrix(3, 10)) == Shape{10, 3});
}

TEST_CASE("TfjsFormat: sample manifests parse with offsets", "[bridge]") {
  const auto m = parse_tfjs_model_json(model_json("lstm"), "");
  REQUIRE(m.weights.size() == 5);
  CHECK(m.weights[0].name == "lstm/kernel");
  CHECK(m.weights[0].shape == Shape{3, 24});
  CHECK(m.weights[1].offset == 72);
  CHECK(m.weights[2].offset == 72 + 144);
  CHECK(m.total_floats == 72 + 144 + 24 + 60 + 1);
  CHECK(m.topology.at("class_name") == "Sequential");
}

TEST_CASE("TfjsFormat: sample weight names match engine param names", "[bridge]") {
  const auto m = parse_tfjs_model_json(model_json("bidirectional"), "");
  CHECK(m.weights[0].name == "bi/forward_inner/kernel");
  CHECK(m.weights[3].name == "bi/backward_inner/kernel");
  const auto bn = parse_tfjs_model_json(model_json("batchnorm_dropout"), "");
  // TF.js lists trainable weights first, then non-trainable (moving statistics) at the end.
  CHECK(bn.weights[6].name == "bn/moving_mean");
}

TEST_CASE("TfjsFormat: sample shapes agree with keras_weight_shape", "[bridge]") {
  const auto m = parse_tfjs_model_json(model_json("gru"), "");
  CHECK(keras_weight_shape("gru/kernel", Matrix(15, 2)) == m.weights[0].shape);
  CHECK(keras_weight_shape("gru/bias", Matrix(15, 1)) == m.weights[2].shape);
}

TEST_CASE("TfjsFormat: model.json writes one float32 group", "[bridge]") {
  const json j =
      nn::bridge::tfjs_model_json(json::parse(R"({"class_name":"Sequential","config":{}})"),
                                  {{"d/kernel", {2, 3}, 0}, {"d/bias", {3}, 6}});
  CHECK(j.at("format") == "layers-model");
  CHECK(j.at("weightsManifest").at(0).at("paths") == json::array({"model.weights.bin"}));
  CHECK(j.at("weightsManifest").at(0).at("weights").at(1) ==
        json::parse(R"({"name":"d/bias","shape":[3],"dtype":"float32"})"));
  const auto back = parse_tfjs_model_json(j, "");
  CHECK(back.total_floats == 9);
  CHECK(back.weights[1].offset == 6);
}

TEST_CASE("TfjsFormat: several groups are concatenated", "[bridge]") {
  json j = model_json("mlp");
  j["weightsManifest"].push_back(json::parse(
      R"({"paths": ["b.bin"], "weights": [{"name": "x", "shape": [2], "dtype": "float32"}]})"));
  const auto m = parse_tfjs_model_json(j, "");
  CHECK(m.weights.back().offset == 2 * 8 + 8 + 8 + 1);
  CHECK(m.total_floats == 35);
}

TEST_CASE("TfjsFormat: converter topology wrapper is unwrapped", "[bridge]") {
  json j = model_json("mlp");
  j["modelTopology"] = {{"keras_version", "2.15"}, {"model_config", j["modelTopology"]}};
  CHECK(parse_tfjs_model_json(j, "").topology.at("class_name") == "Sequential");
}

TEST_CASE("TfjsFormat: missing shape is refused", "[bridge][errors]") {
  json j = model_json("mlp");
  j["weightsManifest"][0]["weights"][1].erase("shape");
  auto [path, message] = parse_error(j);
  CHECK(path == "/file/weightsManifest/0/weights/1/shape");
  CHECK_THAT(message, Catch::Contains("missing"));
}

TEST_CASE("TfjsFormat: negative dimension is refused", "[bridge][errors]") {
  json j = model_json("mlp");
  j["weightsManifest"][0]["weights"][0]["shape"][1] = -8;
  auto [path, message] = parse_error(j);
  CHECK(path == "/file/weightsManifest/0/weights/0/shape/1");
  CHECK_THAT(message, Catch::Contains("got -8"));
}

TEST_CASE("TfjsFormat: fractional dimension is refused", "[bridge][errors]") {
  json j = model_json("mlp");
  j["weightsManifest"][0]["weights"][0]["shape"][0] = 2.5;
  auto [path, message] = parse_error(j);
  CHECK(path == "/file/weightsManifest/0/weights/0/shape/0");
  CHECK_THAT(message, Catch::Contains("got 2.5"));
}

TEST_CASE("TfjsFormat: non float32 dtype is refused", "[bridge][errors]") {
  json j = model_json("mlp");
  j["weightsManifest"][0]["weights"][0]["dtype"] = "int32";
  auto [path, message] = parse_error(j);
  CHECK(path == "/file/weightsManifest/0/weights/0/dtype");
  CHECK(message == "nnplay reads float32 weights only; expected \"float32\", got \"int32\"");
}

TEST_CASE("TfjsFormat: quantized weights are refused", "[bridge][errors]") {
  json j = model_json("mlp");
  j["weightsManifest"][0]["weights"][0]["quantization"] = {{"dtype", "uint8"}};
  auto [path, message] = parse_error(j);
  CHECK(path == "/file/weightsManifest/0/weights/0/quantization");
  CHECK_THAT(message, Catch::Contains("quantized"));
}

TEST_CASE("TfjsFormat: another format is refused", "[bridge][errors]") {
  json j = model_json("mlp");
  j["format"] = "graph-model";
  auto [path, message] = parse_error(j);
  CHECK(path == "/file/format");
  CHECK_THAT(message, Catch::Contains("expected \"layers-model\""));
}

TEST_CASE("TfjsFormat: missing topology is refused", "[bridge][errors]") {
  json j = model_json("mlp");
  j.erase("modelTopology");
  auto [path, message] = parse_error(j);
  CHECK(path == "/file/modelTopology");
}

TEST_CASE("TfjsFormat: unknown weight field is refused", "[bridge][errors]") {
  json j = model_json("mlp");
  j["weightsManifest"][0]["weights"][0]["nam"] = "x";
  auto [path, message] = parse_error(j);
  CHECK(path == "/file/weightsManifest/0/weights/0/nam");
  CHECK_THAT(message, Catch::StartsWith("unknown field 'nam'"));
}
