// LayerSpec: defaults of every layer type, the canonical JSON and its round trip, families.
#include <algorithm>

#include <catch2/catch.hpp>

#include "engine/bridge/spec/family_spec.hpp"
#include "engine/bridge/spec/layer_spec.hpp"

using nn::bridge::json;
using nn::bridge::LayerSpec;

namespace {

LayerSpec parse(const char* text, bool functional = false) {
  return nn::bridge::parse_layer(json::parse(text), "/model/layers/0", functional);
}

/// parse(to_json(s)) == s and to_json is a fixed point; returns the canonical JSON.
json round_trip(const LayerSpec& spec) {
  const json canonical = nn::bridge::layer_to_json(spec);
  const LayerSpec again = nn::bridge::parse_layer(canonical, "", !spec.inputs.empty());
  REQUIRE(again == spec);
  REQUIRE(nn::bridge::layer_to_json(again) == canonical);
  return canonical;
}

}  // namespace

TEST_CASE("LayerSpec: dense defaults are Keras's", "[bridge]") {
  const LayerSpec s = parse(R"({"type": "dense", "units": 8})");
  const auto& d = std::get<nn::bridge::DenseSpec>(s.options);
  CHECK(s.name.empty());
  CHECK(s.trainable);
  CHECK(d.units == 8);
  CHECK(d.options.activation == "linear");
  CHECK(d.options.use_bias);
  CHECK(d.options.kernel_initializer == "glorot_uniform");
  CHECK(d.options.bias_initializer == "zeros");
  CHECK_FALSE(d.options.kernel_regularizer.active());
}

TEST_CASE("LayerSpec: dense canonical JSON writes every field", "[bridge]") {
  LayerSpec s = parse(R"({"type": "dense", "name": "d", "units": 8})");
  CHECK(round_trip(s) == json::parse(R"({"type": "dense", "name": "d", "trainable": true,
      "units": 8, "activation": "linear", "use_bias": true, "kernel_initializer":
      "glorot_uniform", "bias_initializer": "zeros", "kernel_regularizer": null,
      "bias_regularizer": null})"));
}

TEST_CASE("LayerSpec: dense with options round trips", "[bridge]") {
  const LayerSpec s = parse(R"({"type": "dense", "name": "d", "units": 3, "trainable": false,
      "activation": {"type": "leaky_relu", "alpha": 0.1}, "use_bias": false,
      "kernel_initializer": {"type": "random_normal", "stddev": 0.1},
      "bias_initializer": {"type": "constant", "value": 0.5},
      "kernel_regularizer": "l2", "bias_regularizer": {"l1": 0.001}})");
  const json j = round_trip(s);
  CHECK(j["activation"] == json::parse(R"({"type": "leaky_relu", "alpha": 0.1})"));
  CHECK(j["kernel_initializer"] ==
        json::parse(R"({"type": "random_normal", "mean": 0.0, "stddev": 0.1})"));
  CHECK(j["kernel_regularizer"] == json::parse(R"({"l1": 0.0, "l2": 0.01})"));
  CHECK(j["bias_regularizer"] == json::parse(R"({"l1": 0.001, "l2": 0.0})"));
  CHECK(j["trainable"] == false);
}

TEST_CASE("LayerSpec: a family member with only default options is written as a string",
          "[bridge]") {
  const LayerSpec s = parse(R"({"type": "dense", "name": "d", "units": 1,
      "activation": {"type": "leaky_relu", "alpha": 0.2},
      "kernel_initializer": {"type": "orthogonal", "gain": 1.0}})");
  const json j = round_trip(s);
  CHECK(j["activation"] == "leaky_relu");
  CHECK(j["kernel_initializer"] == "orthogonal");
  CHECK(s == parse(R"({"type": "dense", "name": "d", "units": 1, "activation": "leaky_relu",
      "kernel_initializer": "orthogonal"})"));
}

TEST_CASE("LayerSpec: regularizer names follow Keras", "[bridge]") {
  const LayerSpec s = parse(R"({"type": "dense", "units": 1, "kernel_regularizer": "l1",
      "bias_regularizer": "l1_l2"})");
  const auto& o = std::get<nn::bridge::DenseSpec>(s.options).options;
  CHECK(o.kernel_regularizer.l1 == 0.01);
  CHECK(o.kernel_regularizer.l2 == 0.0);
  CHECK_FALSE(o.bias_regularizer.active());  // Keras L1L2() defaults to 0, 0
  CHECK(nn::bridge::layer_to_json(s)["bias_regularizer"].is_null());
}

TEST_CASE("LayerSpec: activation layer", "[bridge]") {
  const LayerSpec s = parse(R"({"type": "activation", "name": "a",
      "activation": {"type": "elu", "alpha": 0.5}})");
  const auto& a = std::get<nn::bridge::ActivationLayerSpec>(s.options);
  CHECK(a.activation == "elu");
  CHECK(a.options.alpha == 0.5);
  CHECK(round_trip(s)["activation"] == json::parse(R"({"type": "elu", "alpha": 0.5})"));
}

TEST_CASE("LayerSpec: prelu defaults to alpha 0", "[bridge]") {
  const LayerSpec s = parse(R"({"type": "prelu", "name": "p"})");
  CHECK(std::get<nn::bridge::PReLUSpec>(s.options).initial_alpha == 0.0);
  CHECK(round_trip(s) ==
        json::parse(R"({"type": "prelu", "name": "p", "trainable": true, "initial_alpha": 0.0})"));
}

TEST_CASE("LayerSpec: flatten and add have no options", "[bridge]") {
  CHECK(round_trip(parse(R"({"type": "flatten", "name": "f"})")) ==
        json::parse(R"({"type": "flatten", "name": "f", "trainable": true})"));
  CHECK(round_trip(parse(R"({"type": "add", "name": "s", "inputs": ["a", "b"]})", true)) ==
        json::parse(R"({"type": "add", "name": "s", "trainable": true, "inputs": ["a", "b"]})"));
}

TEST_CASE("LayerSpec: dropout keeps rate and seed", "[bridge]") {
  const LayerSpec s = parse(R"({"type": "dropout", "name": "d", "rate": 0.25})");
  const auto& d = std::get<nn::bridge::DropoutSpec>(s.options);
  CHECK(d.rate == 0.25);
  CHECK(d.seed == 0);
  CHECK(round_trip(s)["seed"] == 0);
  CHECK(round_trip(parse(R"({"type": "dropout", "name": "d", "rate": 0, "seed": 7})"))["seed"] ==
        7);
}

TEST_CASE("LayerSpec: batch_normalization defaults are Keras's", "[bridge]") {
  const LayerSpec s = parse(R"({"type": "batch_normalization", "name": "bn"})");
  const auto& b = std::get<nn::bridge::BatchNormalizationSpec>(s.options);
  CHECK(b.momentum == 0.99);
  CHECK(b.epsilon == 1e-3);
  CHECK(b.center);
  CHECK(b.scale);
  CHECK(round_trip(s) == json::parse(R"({"type": "batch_normalization", "name": "bn",
      "trainable": true, "momentum": 0.99, "epsilon": 0.001, "center": true, "scale": true})"));
}

TEST_CASE("LayerSpec: concatenate axis defaults to -1", "[bridge]") {
  const LayerSpec s = parse(R"({"type": "concatenate", "name": "c", "inputs": ["a", "b"]})", true);
  CHECK(std::get<nn::bridge::ConcatenateSpec>(s.options).axis == -1);
  CHECK(round_trip(s)["axis"] == -1);
  CHECK(round_trip(parse(R"({"type": "concatenate", "name": "c", "axis": 2, "inputs": ["a"]})",
                         true))["axis"] == 2);
}

TEST_CASE("LayerSpec: embedding defaults to the uniform initializer", "[bridge]") {
  const LayerSpec s = parse(R"({"type": "embedding", "name": "e", "input_dim": 10,
      "output_dim": 4})");
  const auto& e = std::get<nn::bridge::EmbeddingSpec>(s.options);
  CHECK(e.input_dim == 10);
  CHECK(e.output_dim == 4);
  CHECK(e.options.embeddings_initializer == "uniform");
  CHECK(round_trip(s) == json::parse(R"({"type": "embedding", "name": "e", "trainable": true,
      "input_dim": 10, "output_dim": 4, "embeddings_initializer": "uniform",
      "embeddings_regularizer": null})"));
}

TEST_CASE("LayerSpec: simple_rnn defaults and canonical fields", "[bridge]") {
  const LayerSpec s = parse(R"({"type": "simple_rnn", "name": "r", "units": 4})");
  const auto& r = std::get<nn::bridge::RecurrentLayerSpec>(s.options);
  CHECK(r.units == 4);
  CHECK(r.options.activation == "tanh");
  CHECK(r.options.recurrent_initializer == "orthogonal");
  CHECK_FALSE(r.options.return_sequences);
  CHECK(r.options.truncate_bptt == 0);
  CHECK(round_trip(s) == json::parse(R"({"type": "simple_rnn", "name": "r", "trainable": true,
      "units": 4, "activation": "tanh", "use_bias": true, "kernel_initializer":
      "glorot_uniform", "recurrent_initializer": "orthogonal", "bias_initializer": "zeros",
      "kernel_regularizer": null, "recurrent_regularizer": null, "bias_regularizer": null,
      "return_sequences": false, "return_state": false, "go_backwards": false,
      "truncate_bptt": 0})"));
}

TEST_CASE("LayerSpec: lstm adds recurrent_activation and unit_forget_bias", "[bridge]") {
  const LayerSpec s = parse(R"({"type": "lstm", "name": "l", "units": 32,
      "return_sequences": true, "return_state": true, "go_backwards": true,
      "truncate_bptt": 5, "unit_forget_bias": false})");
  const auto& r = std::get<nn::bridge::RecurrentLayerSpec>(s.options);
  CHECK(r.options.recurrent_activation == "sigmoid");
  CHECK_FALSE(r.options.unit_forget_bias);
  const json j = round_trip(s);
  CHECK(j["recurrent_activation"] == "sigmoid");
  CHECK(j["unit_forget_bias"] == false);
  CHECK(j["truncate_bptt"] == 5);
  CHECK(j.count("reset_after") == 0);
}

TEST_CASE("LayerSpec: gru adds recurrent_activation and reset_after", "[bridge]") {
  const LayerSpec s = parse(R"({"type": "gru", "name": "g", "units": 4,
      "recurrent_activation": "hard_sigmoid", "reset_after": false})");
  const auto& r = std::get<nn::bridge::RecurrentLayerSpec>(s.options);
  CHECK(r.options.recurrent_activation == "hard_sigmoid");
  CHECK_FALSE(r.options.reset_after);
  const json j = round_trip(s);
  CHECK(j["reset_after"] == false);
  CHECK(j.count("unit_forget_bias") == 0);
  CHECK(parse(R"({"type": "gru", "units": 1})") ==
        parse(R"({"type": "gru", "units": 1, "reset_after": true})"));
}

TEST_CASE("LayerSpec: bidirectional nests a recurrent layer", "[bridge]") {
  const LayerSpec s = parse(R"({"type": "bidirectional", "name": "b",
      "layer": {"type": "lstm", "units": 4, "return_sequences": true}})");
  const auto& b = std::get<nn::bridge::BidirectionalSpec>(s.options);
  CHECK(b.layer_type == "lstm");
  CHECK(b.layer_name == "lstm");  // Keras's automatic name of the inner layer
  CHECK(b.merge_mode == "concat");
  CHECK(b.layer.options.return_sequences);
  const json j = round_trip(s);
  CHECK(j["layer"]["name"] == "lstm");
  CHECK(j["layer"]["unit_forget_bias"] == true);
  CHECK(j.count("merge_mode") == 1);
  CHECK(round_trip(parse(R"({"type": "bidirectional", "name": "b", "merge_mode": "ave",
      "layer": {"type": "simple_rnn", "name": "inner", "units": 2}})"))["merge_mode"] == "ave");
}

TEST_CASE("LayerSpec: functional layers keep their inputs in order", "[bridge]") {
  const LayerSpec s = parse(R"({"type": "dense", "units": 2, "inputs": ["x"]})", true);
  CHECK(s.inputs == std::vector<std::string>{"x"});
  const LayerSpec c = parse(R"({"type": "concatenate", "inputs": ["b", "a", "c"]})", true);
  CHECK(c.inputs == std::vector<std::string>{"b", "a", "c"});
}

TEST_CASE("LayerSpec: uniform is accepted as Keras's alias of random_uniform", "[bridge]") {
  const LayerSpec s = parse(R"({"type": "dense", "units": 1, "name": "d",
      "kernel_initializer": {"type": "uniform", "minval": -1, "maxval": 1}})");
  CHECK(round_trip(s)["kernel_initializer"] ==
        json::parse(R"({"type": "uniform", "minval": -1.0, "maxval": 1.0})"));
}

TEST_CASE("LayerSpec: every layer type has a factory entry and a Keras class", "[bridge]") {
  const auto& names = nn::bridge::layer_type_names();
  CHECK(names.size() == 14);
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(nn::bridge::keras_class_of("prelu") == "PReLU");
  CHECK(nn::bridge::keras_class_of("simple_rnn") == "SimpleRNN");
  CHECK(nn::bridge::keras_class_of("batch_normalization") == "BatchNormalization");
}

TEST_CASE("LayerSpec: make_layer names the layer and sets trainable", "[bridge]") {
  const LayerSpec s = parse(R"({"type": "lstm", "name": "enc", "units": 3, "trainable": false})");
  const nn::LayerPtr layer = nn::bridge::make_layer(s, "/model/layers/0");
  CHECK(layer->type() == "LSTM");
  CHECK(layer->name() == "enc");
  CHECK_FALSE(layer->trainable());
}

TEST_CASE("LayerSpec: state outputs of return_state layers", "[bridge]") {
  using V = std::vector<std::string>;
  CHECK(nn::bridge::extra_output_names(parse(R"({"type": "lstm", "units": 1,
      "return_state": true})")) == V{"state_h", "state_c"});
  CHECK(nn::bridge::extra_output_names(parse(R"({"type": "gru", "units": 1,
      "return_state": true})")) == V{"state_h"});
  CHECK(nn::bridge::extra_output_names(parse(R"({"type": "lstm", "units": 1})")).empty());
  CHECK(nn::bridge::extra_output_names(parse(R"({"type": "bidirectional",
      "layer": {"type": "simple_rnn", "units": 1, "return_state": true}})")) ==
        V{"forward_state_h", "backward_state_h"});
}
