// ModelSpec: every error parse_model and build_model raise, checked by path and message.
#include <string>

#include <catch2/catch.hpp>

#include "engine/bridge/spec/model_spec.hpp"

using nn::bridge::BridgeError;
using nn::bridge::json;

namespace {

/// Parses (and with `build`, builds) `text` and checks the BridgeError's path and message.
void expect_error(const std::string& text, const std::string& path, const std::string& message,
                  bool build = false) {
  INFO(text);
  try {
    const auto spec = nn::bridge::parse_model(json::parse(text), "/model");
    if (build) (void)nn::bridge::build_model(spec, "/model");
    FAIL("no BridgeError thrown");
  } catch (const BridgeError& e) {
    CHECK(e.path() == path);
    INFO(e.message());
    CHECK(e.message().find(message) != std::string::npos);
  }
}

/// A functional model with inputs a [2] and b [2], the given layers and outputs.
std::string functional(const std::string& layers, const std::string& outputs) {
  return R"({"type": "functional", "inputs": [{"name": "a", "shape": [2]},
      {"name": "b", "shape": [2]}], "layers": [)" +
         layers + R"(], "outputs": )" + outputs + "}";
}

const std::string kDense = R"({"type": "dense", "units": 1})";

}  // namespace

TEST_CASE("ModelSpec: the model must be an object of a known type", "[bridge][errors]") {
  expect_error("[]", "/model", "expected an object, got an array");
  expect_error(R"({"layers": []})", "/model/type", "missing required field 'type'");
  expect_error(R"({"type": "graph"})", "/model/type",
               "unknown model type 'graph'; expected one of: functional, sequential");
}

TEST_CASE("ModelSpec: name seed and unknown fields are checked", "[bridge][errors]") {
  const std::string tail = R"(, "input_shape": [2], "layers": [)" + kDense + "]}";
  expect_error(R"({"type": "sequential", "name": "")" + tail, "/model/name",
               "expected a non-empty name, got \"\"");
  expect_error(R"({"type": "sequential", "seed": -1)" + tail, "/model/seed",
               "expected a non-negative integer, got -1");
  expect_error(R"({"type": "sequential", "sead": 1)" + tail, "/model/sead", "unknown field 'sead'");
}

TEST_CASE("ModelSpec: sequential needs a valid input_shape", "[bridge][errors]") {
  const std::string layers = R"(, "layers": [)" + kDense + "]}";
  expect_error(R"({"type": "sequential")" + layers, "/model/input_shape",
               "missing required field 'input_shape'");
  expect_error(R"({"type": "sequential", "input_shape": [2, 0])" + layers, "/model/input_shape/1",
               "expected a positive integer, got 0");
  expect_error(R"({"type": "sequential", "input_shape": [])" + layers, "/model/input_shape",
               "expected a non-empty shape");
}

TEST_CASE("ModelSpec: sequential models take no inputs or outputs", "[bridge][errors]") {
  const std::string layers = R"(, "layers": [)" + kDense + "]";
  expect_error(R"({"type": "sequential", "input_shape": [2], "inputs": []})", "/model/inputs",
               "a sequential model takes \"input_shape\", not \"inputs\"");
  expect_error(
      R"({"type": "sequential", "input_shape": [2])" + layers + R"(, "outputs": ["dense"]})",
      "/model/outputs", "a sequential model's output is its last layer");
}

TEST_CASE("ModelSpec: layers must be a non-empty array of at most 1000", "[bridge][errors]") {
  expect_error(R"({"type": "sequential", "input_shape": [2]})", "/model/layers",
               "missing required field 'layers'");
  expect_error(R"({"type": "sequential", "input_shape": [2], "layers": []})", "/model/layers",
               "expected at least one layer, got []");
  expect_error(R"({"type": "sequential", "input_shape": [2], "layers": {}})", "/model/layers",
               "expected an array, got an object");
  json many = json::parse(R"({"type": "sequential", "input_shape": [2]})");
  many["layers"] = json::array();
  for (int i = 0; i < 1001; ++i) many["layers"].push_back({{"type", "flatten"}});
  expect_error(many.dump(), "/model/layers", "expected at most 1000 entries, got 1001");
}

TEST_CASE("ModelSpec: layer errors carry the layer index", "[bridge][errors]") {
  expect_error(R"({"type": "sequential", "input_shape": [2], "layers": [)" + kDense +
                   R"(, {"type": "dense", "units": 0}]})",
               "/model/layers/1/units", "expected a positive integer, got 0");
}

TEST_CASE("ModelSpec: functional models need inputs not input_shape", "[bridge][errors]") {
  const std::string rest = R"("layers": [)" + kDense + R"(], "outputs": ["dense"]})";
  expect_error(R"({"type": "functional", "input_shape": [2], )" + rest, "/model/input_shape",
               "a functional model takes \"inputs\"");
  expect_error(R"({"type": "functional", )" + rest, "/model/inputs",
               "missing required field 'inputs'");
  expect_error(R"({"type": "functional", "inputs": [], )" + rest, "/model/inputs",
               "expected at least one model input {name, shape}, got []");
  expect_error(R"({"type": "functional", "inputs": [{"name": "x"}], )" + rest,
               "/model/inputs/0/shape", "missing required field 'shape'");
  expect_error(R"({"type": "functional", "inputs": [{"name": "x/y", "shape": [2]}], )" + rest,
               "/model/inputs/0/name", "expected a non-empty name without '/'");
  expect_error(R"({"type": "functional", "inputs": [{"shape": [2], "dtype": "float32"}], )" + rest,
               "/model/inputs/0/dtype", "unknown field 'dtype'; expected one of: name, shape");
}

TEST_CASE("ModelSpec: functional outputs must name layer outputs", "[bridge][errors]") {
  const std::string d = R"({"type": "dense", "units": 1, "inputs": ["a"]})";
  expect_error(
      R"({"type": "functional", "inputs": [{"name": "a", "shape": [2]}], "layers": [)" + d + "]}",
      "/model/outputs", "missing required field 'outputs'");
  expect_error(functional(d, "[]"), "/model/outputs", "expected at least one output node name");
  expect_error(functional(d, "[1]"), "/model/outputs/0", "expected a string, got 1");
  expect_error(functional(d, R"(["dense", "densse"])"), "/model/outputs/1",
               "unknown output node 'densse'; expected one of: dense");
  expect_error(functional(d, R"(["a"])"), "/model/outputs/0",
               "output 'a' is a model input; expected the name of a layer output");
}

TEST_CASE("ModelSpec: names must be unique", "[bridge][errors]") {
  expect_error(functional(R"({"type": "dense", "name": "d", "units": 1, "inputs": ["a"]},
      {"type": "dense", "name": "d", "units": 1, "inputs": ["b"]})",
                          R"(["d"])"),
               "/model/layers/1/name",
               "duplicate name 'd'; model inputs and layers need unique names");
  expect_error(
      functional(R"({"type": "dense", "name": "a", "units": 1, "inputs": ["b"]})", R"(["a"])"),
      "/model/layers/0/name", "duplicate name 'a'");
  expect_error(R"({"type": "functional", "inputs": [{"name": "x", "shape": [2]},
      {"name": "x", "shape": [2]}], "layers": [{"type": "add", "inputs": ["x", "x"]}],
      "outputs": ["add"]})",
               "/model/inputs/1/name", "duplicate name 'x'");
  expect_error(R"({"type": "sequential", "input_shape": [2],
      "layers": [{"type": "dense", "name": "input_layer", "units": 1}]})",
               "/model/layers/0/name", "duplicate name 'input_layer'");
}

TEST_CASE("ModelSpec: inbound nodes must exist and come earlier", "[bridge][errors]") {
  expect_error(functional(R"({"type": "dense", "units": 1, "inputs": ["c"]})", R"(["dense"])"),
               "/model/layers/0/inputs/0", "unknown node 'c'; expected one of: a, b");
  expect_error(functional(R"({"type": "dense", "units": 1, "inputs": ["a"]},
      {"type": "add", "inputs": ["dense", "late"]},
      {"type": "dense", "name": "late", "units": 1, "inputs": ["b"]})",
                          R"(["add"])"),
               "/model/layers/1/inputs/1",
               "node 'late' is defined later (layers/2); a layer reads only model inputs and "
               "earlier layers");
  expect_error(
      functional(R"({"type": "dense", "name": "d", "units": 1, "inputs": ["d"]})", R"(["d"])"),
      "/model/layers/0/inputs/0", "layer 'd' cannot read its own output");
}

TEST_CASE("ModelSpec: a state output exists only with return_state", "[bridge][errors]") {
  expect_error(R"({"type": "functional", "inputs": [{"name": "s", "shape": [3, 2]}],
      "layers": [{"type": "lstm", "units": 2, "inputs": ["s"]},
                 {"type": "dense", "units": 1, "inputs": ["lstm/state_h"]}],
      "outputs": ["dense"]})",
               "/model/layers/1/inputs/0", "unknown node 'lstm/state_h'; expected one of: s, lstm");
}

TEST_CASE("ModelSpec: core build errors are located at the layer", "[bridge][errors]") {
  expect_error(R"({"type": "sequential", "input_shape": [2], "layers": [)" + kDense +
                   R"(, {"type": "lstm", "units": 2}]})",
               "/model/layers/1", "LSTM", true);
  expect_error(R"({"type": "functional", "inputs": [{"name": "a", "shape": [2]},
      {"name": "b", "shape": [3]}], "layers": [{"type": "add", "inputs": ["a", "b"]}],
      "outputs": ["add"]})",
               "/model/layers/0", "Add", true);
  expect_error(R"({"type": "sequential", "input_shape": [2],
      "layers": [{"type": "concatenate", "axis": 2}]})",
               "/model/layers/0", "Concatenate", true);
}

TEST_CASE("ModelSpec: models above 2^24 parameters are refused before allocation",
          "[bridge][errors]") {
  expect_error(R"({"type": "sequential", "input_shape": [64],
      "layers": [{"type": "dense", "units": 1048576}]})",
               "/model",
               "expected a model of at most 16777216 (2^24) parameters, got at least 68157440 "
               "by layer 'dense'",
               true);
  expect_error(R"({"type": "sequential", "input_shape": [1],
      "layers": [{"type": "embedding", "input_dim": 8192, "output_dim": 4096}]})",
               "/model", "got at least 33554432", true);
}
