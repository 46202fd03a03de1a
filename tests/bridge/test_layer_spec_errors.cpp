// LayerSpec: every error parse_layer and make_layer raise, checked by path and message.
#include <string>

#include <catch2/catch.hpp>

#include "engine/bridge/spec/layer_spec.hpp"

using nn::bridge::BridgeError;
using nn::bridge::json;

namespace {

/// Parses `text` as layer 0 and checks the BridgeError's path and (part of its) message.
void expect_error(const char* text, const std::string& path, const std::string& message,
                  bool functional = false) {
  INFO(text);
  try {
    (void)nn::bridge::parse_layer(json::parse(text), "/model/layers/0", functional);
    FAIL("no BridgeError thrown");
  } catch (const BridgeError& e) {
    CHECK(e.path() == path);
    INFO(e.message());
    CHECK(e.message().find(message) != std::string::npos);
  }
}

const std::string kL = "/model/layers/0";

}  // namespace

TEST_CASE("LayerSpec: a layer must be an object with a known type", "[bridge][errors]") {
  expect_error("5", kL, "expected an object, got 5");
  expect_error(R"({"units": 3})", kL + "/type", "missing required field 'type'");
  expect_error(R"({"type": 3})", kL + "/type", "expected a string, got 3");
  expect_error(R"({"type": "dense2"})", kL + "/type",
               "unknown layer type 'dense2'; expected one of: activation, add, "
               "batch_normalization, bidirectional, concatenate, dense, dropout, embedding, "
               "flatten, gru, lstm, prelu, reshape, simple_rnn");
}

TEST_CASE("LayerSpec: layer names must be non-empty strings without a slash", "[bridge][errors]") {
  expect_error(R"({"type": "flatten", "name": 1})", kL + "/name", "expected a string, got 1");
  expect_error(R"({"type": "flatten", "name": ""})", kL + "/name",
               "expected a non-empty name, got \"\"");
  expect_error(R"({"type": "flatten", "name": "a/b"})", kL + "/name",
               "expected a name without '/'");
}

TEST_CASE("LayerSpec: trainable must be a boolean", "[bridge][errors]") {
  expect_error(R"({"type": "flatten", "trainable": 1})", kL + "/trainable",
               "expected true or false, got 1");
}

TEST_CASE("LayerSpec: unknown fields list the fields of the type", "[bridge][errors]") {
  expect_error(R"({"type": "dense", "units": 2, "unitz": 3})", kL + "/unitz",
               "unknown field 'unitz'; expected one of: type, name, trainable, units, "
               "activation, use_bias, kernel_initializer, bias_initializer, "
               "kernel_regularizer, bias_regularizer");
  expect_error(R"({"type": "simple_rnn", "units": 2, "recurrent_activation": "sigmoid"})",
               kL + "/recurrent_activation", "unknown field 'recurrent_activation'");
  expect_error(R"({"type": "gru", "units": 2, "unit_forget_bias": true})", kL + "/unit_forget_bias",
               "unknown field 'unit_forget_bias'");
}

TEST_CASE("LayerSpec: functional layers need a non-empty inputs list", "[bridge][errors]") {
  expect_error(R"({"type": "dense", "units": 2})", kL + "/inputs",
               "missing required field 'inputs'", true);
  expect_error(R"({"type": "dense", "units": 2, "inputs": []})", kL + "/inputs",
               "expected at least one inbound node name", true);
  expect_error(R"({"type": "dense", "units": 2, "inputs": "x"})", kL + "/inputs",
               "expected an array, got \"x\"", true);
  expect_error(R"({"type": "dense", "units": 2, "inputs": ["x", 2]})", kL + "/inputs/1",
               "expected a string, got 2", true);
}

TEST_CASE("LayerSpec: sequential layers take no inputs", "[bridge][errors]") {
  expect_error(R"({"type": "dense", "units": 2, "inputs": ["x"]})", kL + "/inputs",
               "a sequential layer takes no \"inputs\"");
}

TEST_CASE("LayerSpec: units must be a positive integer up to 2^20", "[bridge][errors]") {
  expect_error(R"({"type": "dense"})", kL + "/units", "missing required field 'units'");
  expect_error(R"({"type": "dense", "units": 0})", kL + "/units",
               "expected a positive integer, got 0");
  expect_error(R"({"type": "lstm", "units": 1048577})", kL + "/units",
               "expected a positive integer <= 1048576, got 1048577");
  expect_error(R"({"type": "gru", "units": 2.5})", kL + "/units",
               "expected a positive integer <= 1048576, got 2.5");
}

TEST_CASE("LayerSpec: unknown activation names list the valid ones", "[bridge][errors]") {
  expect_error(R"({"type": "dense", "units": 1, "activation": "relux"})", kL + "/activation",
               "unknown activation 'relux'; expected one of: elu, gelu, hard_sigmoid, "
               "leaky_relu, linear, relu, selu, sigmoid, silu, softmax, softplus, softsign, "
               "step, swish, tanh");
  expect_error(R"({"type": "activation", "activation": {"type": "relux"}})",
               kL + "/activation/type", "unknown activation 'relux'");
}

TEST_CASE("LayerSpec: activation objects are checked", "[bridge][errors]") {
  expect_error(R"({"type": "activation"})", kL + "/activation",
               "missing required field 'activation'");
  expect_error(R"({"type": "activation", "activation": 5})", kL + "/activation",
               "expected an activation name or an object with a \"type\", got 5");
  expect_error(R"({"type": "activation", "activation": {"alpha": 1}})", kL + "/activation/type",
               "missing required field 'type'");
  expect_error(R"({"type": "activation", "activation": {"type": "relu", "alpha": 1}})",
               kL + "/activation/alpha", "unknown field 'alpha'; expected one of: type");
  expect_error(R"({"type": "activation", "activation": {"type": "leaky_relu", "alpha": -1}})",
               kL + "/activation/alpha", "expected a number >= 0.0, got -1");
}

TEST_CASE("LayerSpec: gate activations take no options", "[bridge][errors]") {
  expect_error(R"({"type": "lstm", "units": 1,
      "recurrent_activation": {"type": "elu", "alpha": 2}})",
               kL + "/recurrent_activation", "expected a plain activation name");
}

TEST_CASE("LayerSpec: initializers are checked", "[bridge][errors]") {
  expect_error(R"({"type": "dense", "units": 1, "kernel_initializer": "glorot"})",
               kL + "/kernel_initializer",
               "unknown initializer 'glorot'; expected one of: constant, glorot_normal, "
               "glorot_uniform, he_normal, he_uniform, lecun_normal, lecun_uniform, ones, "
               "orthogonal, random_normal, ... (5 more)");
  expect_error(R"({"type": "dense", "units": 1,
      "bias_initializer": {"type": "random_normal", "stddev": 0}})",
               kL + "/bias_initializer/stddev", "expected a positive number, got 0");
  expect_error(R"({"type": "embedding", "input_dim": 2, "output_dim": 2,
      "embeddings_initializer": {"type": "random_uniform", "minval": 1, "maxval": 0}})",
               kL + "/embeddings_initializer/maxval", "expected maxval >= minval (1.0), got 0.0");
  expect_error(R"({"type": "lstm", "units": 1,
      "recurrent_initializer": {"type": "orthogonal", "seed": 1}})",
               kL + "/recurrent_initializer/seed",
               "unknown field 'seed'; expected one of: type, gain");
  expect_error(R"({"type": "dense", "units": 1, "kernel_initializer": true})",
               kL + "/kernel_initializer", "expected an initializer name or an object");
}

TEST_CASE("LayerSpec: regularizers are checked", "[bridge][errors]") {
  expect_error(R"({"type": "dense", "units": 1, "kernel_regularizer": "l3"})",
               kL + "/kernel_regularizer",
               "unknown regularizer 'l3'; expected one of: l1, l1_l2, l2");
  expect_error(R"({"type": "dense", "units": 1, "kernel_regularizer": {"l1": -0.1}})",
               kL + "/kernel_regularizer/l1", "expected a number >= 0.0, got -0.1");
  expect_error(R"({"type": "dense", "units": 1, "bias_regularizer": {"l3": 1}})",
               kL + "/bias_regularizer/l3", "unknown field 'l3'; expected one of: l1, l2");
  expect_error(R"({"type": "gru", "units": 1, "recurrent_regularizer": 0.1})",
               kL + "/recurrent_regularizer",
               "expected null, a regularizer name or {\"l1\": a, \"l2\": b}, got 0.1");
}

TEST_CASE("LayerSpec: dropout rate must be in 0 to 1 excluded", "[bridge][errors]") {
  expect_error(R"({"type": "dropout"})", kL + "/rate", "missing required field 'rate'");
  expect_error(R"({"type": "dropout", "rate": 1})", kL + "/rate",
               "expected a number in [0, 1), got 1");
  expect_error(R"({"type": "dropout", "rate": -0.5})", kL + "/rate",
               "expected a number in [0, 1), got -0.5");
  expect_error(R"({"type": "dropout", "rate": "0.5"})", kL + "/rate",
               "expected a number, got \"0.5\"");
  expect_error(R"({"type": "dropout", "rate": 0.5, "seed": -1})", kL + "/seed",
               "expected a non-negative integer, got -1");
}

TEST_CASE("LayerSpec: batch_normalization momentum and epsilon ranges", "[bridge][errors]") {
  expect_error(R"({"type": "batch_normalization", "momentum": 1.5})", kL + "/momentum",
               "expected a number in [0.0, 1.0], got 1.5");
  expect_error(R"({"type": "batch_normalization", "epsilon": 0})", kL + "/epsilon",
               "expected a positive number, got 0");
  expect_error(R"({"type": "batch_normalization", "epsilon": -1})", kL + "/epsilon",
               "expected a number >= 0.0, got -1");
  expect_error(R"({"type": "batch_normalization", "center": "yes"})", kL + "/center",
               "expected true or false, got \"yes\"");
}

TEST_CASE("LayerSpec: concatenate axis is -1 or a positive axis", "[bridge][errors]") {
  expect_error(R"({"type": "concatenate", "axis": 0, "inputs": ["a"]})", kL + "/axis",
               "expected -1 or a positive axis (axis 0 is the batch), got 0", true);
  expect_error(R"({"type": "concatenate", "axis": -2, "inputs": ["a"]})", kL + "/axis",
               "expected an integer in [-1, 8], got -2", true);
}

TEST_CASE("LayerSpec: embedding dimensions are required and positive", "[bridge][errors]") {
  expect_error(R"({"type": "embedding", "output_dim": 2})", kL + "/input_dim",
               "missing required field 'input_dim'");
  expect_error(R"({"type": "embedding", "input_dim": 2, "output_dim": 0})", kL + "/output_dim",
               "expected a positive integer, got 0");
}

TEST_CASE("LayerSpec: recurrent flags and truncate_bptt are checked", "[bridge][errors]") {
  expect_error(R"({"type": "lstm", "units": 1, "truncate_bptt": -1})", kL + "/truncate_bptt",
               "expected a non-negative integer, got -1");
  expect_error(R"({"type": "simple_rnn", "units": 1, "return_sequences": 1})",
               kL + "/return_sequences", "expected true or false, got 1");
}

TEST_CASE("LayerSpec: bidirectional needs a recurrent layer and a known merge mode",
          "[bridge][errors]") {
  expect_error(R"({"type": "bidirectional"})", kL + "/layer", "missing required field 'layer'");
  expect_error(R"({"type": "bidirectional", "layer": "lstm"})", kL + "/layer",
               "expected an object, got \"lstm\"");
  expect_error(R"({"type": "bidirectional", "layer": {"type": "dense", "units": 1}})",
               kL + "/layer/type",
               "unknown recurrent layer type 'dense'; expected one of: gru, lstm, simple_rnn");
  expect_error(R"({"type": "bidirectional", "layer": {"type": "lstm"}})", kL + "/layer/units",
               "missing required field 'units'");
  expect_error(R"({"type": "bidirectional", "layer": {"type": "lstm", "units": 1,
      "trainable": false}})",
               kL + "/layer/trainable", "unknown field 'trainable'");
  expect_error(R"({"type": "bidirectional", "merge_mode": "max",
      "layer": {"type": "lstm", "units": 1}})",
               kL + "/merge_mode",
               "unknown merge_mode 'max'; expected one of: ave, concat, mul, sum");
}

TEST_CASE("LayerSpec: make_layer turns core errors into a pathed error", "[bridge][errors]") {
  nn::bridge::LayerSpec spec;
  spec.type = "dense";
  spec.name = "d";
  spec.options = nn::bridge::DenseSpec{0, {}};
  try {
    (void)nn::bridge::make_layer(spec, kL);
    FAIL("no BridgeError thrown");
  } catch (const BridgeError& e) {
    CHECK(e.path() == kL);
    CHECK(e.message().find("units") != std::string::npos);
  }
  spec.type = "lstm";  // options of another type
  try {
    (void)nn::bridge::make_layer(spec, kL);
    FAIL("no BridgeError thrown");
  } catch (const BridgeError& e) {
    CHECK(e.path() == kL);
    CHECK(e.message() == "the options do not belong to layer type 'lstm'");
  }
  spec.type = "conv2d";
  try {
    (void)nn::bridge::make_layer(spec, kL);
    FAIL("no BridgeError thrown");
  } catch (const BridgeError& e) {
    CHECK(e.path() == kL + "/type");
    CHECK(e.message().find("unknown layer type 'conv2d'") == 0);
  }
}
