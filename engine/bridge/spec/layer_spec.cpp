// parse_layer: one layer object -> LayerSpec, every option type- and range-checked at its path.
#include "engine/bridge/spec/layer_spec.hpp"

#include <algorithm>
#include <cmath>

#include "engine/bridge/spec/family_spec.hpp"
#include "engine/core/base/naming.hpp"

namespace nn::bridge {
namespace {

/// Reads field `key` as an activation (fallback when absent).
std::string activation_field(ObjectReader& r, const std::string& key, const std::string& fallback,
                             ActivationOptions& options) {
  options = {};
  const json* v = r.find(key);
  return v == nullptr ? fallback : parse_activation(*v, r.path_of(key), options);
}

/// Reads field `key` as an initializer (fallback when absent).
std::string initializer_field(ObjectReader& r, const std::string& key, const std::string& fallback,
                              InitializerOptions& options) {
  options = {};
  const json* v = r.find(key);
  return v == nullptr ? fallback : parse_initializer(*v, r.path_of(key), options);
}

Regularizer regularizer_field(ObjectReader& r, const std::string& key) {
  return parse_regularizer(r.find(key), r.path_of(key));
}

/// A number > 0 (epsilon).
double positive_number(ObjectReader& r, const std::string& key, double fallback) {
  const double x = r.number(key, fallback, 0.0);
  if (x <= 0.0) fail_at(r.path_of(key), "expected a positive number, got " + describe(x));
  return x;
}

DenseSpec parse_dense(ObjectReader& r) {
  DenseSpec s;
  DenseOptions& o = s.options;
  s.units = r.required_integer("units", 1, kMaxUnits);
  o.activation = activation_field(r, "activation", "linear", o.activation_options);
  o.use_bias = r.boolean("use_bias", true);
  o.kernel_initializer =
      initializer_field(r, "kernel_initializer", "glorot_uniform", o.kernel_initializer_options);
  o.bias_initializer =
      initializer_field(r, "bias_initializer", "zeros", o.bias_initializer_options);
  o.kernel_regularizer = regularizer_field(r, "kernel_regularizer");
  o.bias_regularizer = regularizer_field(r, "bias_regularizer");
  return s;
}

ActivationLayerSpec parse_activation_layer(ObjectReader& r) {
  ActivationLayerSpec s;
  s.activation = parse_activation(r.require("activation"), r.path_of("activation"), s.options);
  return s;
}

DropoutSpec parse_dropout(ObjectReader& r) {
  DropoutSpec s;
  s.rate = read_number(r.require("rate"), r.path_of("rate"));
  if (s.rate < 0.0 || s.rate >= 1.0) {
    fail_at(r.path_of("rate"), "expected a number in [0, 1), got " + describe(r.require("rate")));
  }
  s.seed = static_cast<std::uint64_t>(r.integer("seed", 0, 0));
  return s;
}

BatchNormalizationSpec parse_batch_normalization(ObjectReader& r) {
  BatchNormalizationSpec s;
  s.momentum = r.number("momentum", 0.99, 0.0, 1.0);
  s.epsilon = positive_number(r, "epsilon", 1e-3);
  s.center = r.boolean("center", true);
  s.scale = r.boolean("scale", true);
  return s;
}

/// target_shape: 1 to kMaxRank dimensions, each positive or one -1 (Keras infers it).
ReshapeSpec parse_reshape(ObjectReader& r) {
  ReshapeSpec s;
  const std::string at = r.path_of("target_shape");
  const json& dims = read_array(r.require("target_shape"), at, kMaxRank);
  if (dims.empty())
    fail_at(at, "expected 1 to " + std::to_string(kMaxRank) + " dimensions, got []");
  int inferred = 0;
  for (std::size_t j = 0; j < dims.size(); ++j) {
    const std::int64_t d = read_integer(dims[j], child_path(at, j), -1, kMaxUnits);
    if (d == 0) fail_at(child_path(at, j), "expected a positive dimension or -1, got 0");
    if (d == -1 && ++inferred > 1) {
      fail_at(child_path(at, j),
              "expected at most one -1 (the dimension Keras infers), got a second");
    }
    s.target_shape.push_back(static_cast<Index>(d));
  }
  return s;
}

ConcatenateSpec parse_concatenate(ObjectReader& r) {
  ConcatenateSpec s;
  const auto axis = r.integer("axis", -1, -1, 8);
  if (axis == 0) {
    fail_at(r.path_of("axis"), "expected -1 or a positive axis (axis 0 is the batch), got 0");
  }
  s.axis = static_cast<int>(axis);
  return s;
}

EmbeddingSpec parse_embedding(ObjectReader& r) {
  EmbeddingSpec s;
  s.input_dim = r.required_integer("input_dim", 1, kMaxUnits);
  s.output_dim = r.required_integer("output_dim", 1, kMaxUnits);
  s.options.embeddings_initializer = initializer_field(r, "embeddings_initializer", "uniform",
                                                       s.options.embeddings_initializer_options);
  s.options.embeddings_regularizer = regularizer_field(r, "embeddings_regularizer");
  return s;
}

/// simple_rnn / lstm / gru options, in Keras's argument order.
RecurrentLayerSpec parse_recurrent(ObjectReader& r, const std::string& type) {
  const bool gated = type == "lstm" || type == "gru";
  RecurrentLayerSpec s;
  RecurrentOptions& o = s.options;
  s.units = r.required_integer("units", 1, kMaxUnits);
  o.activation = activation_field(r, "activation", "tanh", o.activation_options);
  if (gated) {
    ActivationOptions gate_options;
    o.recurrent_activation = activation_field(r, "recurrent_activation", "sigmoid", gate_options);
    if (!std::isnan(gate_options.alpha)) {
      fail_at(r.path_of("recurrent_activation"),
              "expected a plain activation name (the gates take no options), got an object "
              "with options");
    }
  }
  o.use_bias = r.boolean("use_bias", true);
  o.kernel_initializer =
      initializer_field(r, "kernel_initializer", "glorot_uniform", o.kernel_initializer_options);
  o.recurrent_initializer =
      initializer_field(r, "recurrent_initializer", "orthogonal", o.recurrent_initializer_options);
  o.bias_initializer =
      initializer_field(r, "bias_initializer", "zeros", o.bias_initializer_options);
  if (type == "lstm") o.unit_forget_bias = r.boolean("unit_forget_bias", true);
  if (type == "gru") o.reset_after = r.boolean("reset_after", true);
  o.kernel_regularizer = regularizer_field(r, "kernel_regularizer");
  o.recurrent_regularizer = regularizer_field(r, "recurrent_regularizer");
  o.bias_regularizer = regularizer_field(r, "bias_regularizer");
  o.return_sequences = r.boolean("return_sequences", false);
  o.return_state = r.boolean("return_state", false);
  o.go_backwards = r.boolean("go_backwards", false);
  o.truncate_bptt = static_cast<Index>(r.integer("truncate_bptt", 0, 0, kMaxDimension));
  return s;
}

/// A layer or input name: non-empty and without "/" (reserved for "lstm/state_h").
std::string read_name(const json& value, const std::string& path) {
  std::string name = read_string(value, path);
  if (name.empty()) fail_at(path, "expected a non-empty name, got \"\"");
  check_name_length(name, path);
  if (name.find('/') != std::string::npos) {
    fail_at(path,
            "expected a name without '/' (it separates a layer from its state outputs), "
            "got " +
                describe(value));
  }
  return name;
}

BidirectionalSpec parse_bidirectional(ObjectReader& r) {
  BidirectionalSpec s;
  ObjectReader inner(r.require("layer"), r.path_of("layer"));
  s.layer_type = inner.required_string("type");
  static const std::vector<std::string> recurrent = {"gru", "lstm", "simple_rnn"};
  if (std::find(recurrent.begin(), recurrent.end(), s.layer_type) == recurrent.end()) {
    fail_unknown_name(inner.path_of("type"), "recurrent layer type", s.layer_type, recurrent);
  }
  const json* n = inner.find("name");
  s.layer_name = n != nullptr ? read_name(*n, inner.path_of("name"))
                              : snake_case(keras_class_of(s.layer_type));
  s.layer = parse_recurrent(inner, s.layer_type);
  inner.finish();
  s.merge_mode = r.string("merge_mode", "concat");
  static const std::vector<std::string> modes = {"ave", "concat", "mul", "sum"};
  if (std::find(modes.begin(), modes.end(), s.merge_mode) == modes.end()) {
    fail_unknown_name(r.path_of("merge_mode"), "merge_mode", s.merge_mode, modes);
  }
  return s;
}

LayerOptions parse_options(ObjectReader& r, const std::string& type) {
  if (type == "dense") return parse_dense(r);
  if (type == "activation") return parse_activation_layer(r);
  if (type == "prelu") return PReLUSpec{r.number("initial_alpha", 0.0)};
  if (type == "flatten") return FlattenSpec{};
  if (type == "reshape") return parse_reshape(r);
  if (type == "dropout") return parse_dropout(r);
  if (type == "batch_normalization") return parse_batch_normalization(r);
  if (type == "concatenate") return parse_concatenate(r);
  if (type == "add") return AddSpec{};
  if (type == "embedding") return parse_embedding(r);
  if (type == "bidirectional") return parse_bidirectional(r);
  return parse_recurrent(r, type);  // simple_rnn, lstm, gru
}

}  // namespace

LayerSpec parse_layer(const json& value, const std::string& path, bool functional) {
  ObjectReader r(value, path);
  LayerSpec spec;
  spec.type = r.required_string("type");
  const auto& types = layer_type_names();
  if (std::find(types.begin(), types.end(), spec.type) == types.end()) {
    fail_unknown_name(r.path_of("type"), "layer type", spec.type, types);
  }
  if (const json* n = r.find("name")) spec.name = read_name(*n, r.path_of("name"));
  spec.trainable = r.boolean("trainable", true);
  if (functional) {
    const std::string at = r.path_of("inputs");
    const json& inputs = read_array(r.require("inputs"), at, 64);
    if (inputs.empty()) {
      fail_at(at,
              "expected at least one inbound node name (a model input or an earlier "
              "layer), got []");
    }
    for (std::size_t j = 0; j < inputs.size(); ++j) {
      spec.inputs.push_back(read_string(inputs[j], child_path(at, j)));
    }
  } else if (r.has("inputs")) {
    fail_at(r.path_of("inputs"),
            "a sequential layer takes no \"inputs\" (it reads the previous layer); use a "
            "functional model to wire layers");
  }
  spec.options = parse_options(r, spec.type);
  r.finish();
  return spec;
}

}  // namespace nn::bridge
