// layer_to_json (the canonical form) and LayerSpec equality.
#include "engine/bridge/spec/family_spec.hpp"
#include "engine/bridge/spec/layer_spec.hpp"
#include "engine/core/base/naming.hpp"

namespace nn::bridge {
namespace {

/// Writes the recurrent options of `type` (only the fields that type has).
void recurrent_to_json(const std::string& type, const RecurrentLayerSpec& s, json& out) {
  const RecurrentOptions& o = s.options;
  const bool gated = type == "lstm" || type == "gru";
  out["units"] = s.units;
  out["activation"] = activation_to_json(o.activation, o.activation_options);
  if (gated) out["recurrent_activation"] = o.recurrent_activation;
  out["use_bias"] = o.use_bias;
  out["kernel_initializer"] =
      initializer_to_json(o.kernel_initializer, o.kernel_initializer_options);
  out["recurrent_initializer"] =
      initializer_to_json(o.recurrent_initializer, o.recurrent_initializer_options);
  out["bias_initializer"] = initializer_to_json(o.bias_initializer, o.bias_initializer_options);
  if (type == "lstm") out["unit_forget_bias"] = o.unit_forget_bias;
  if (type == "gru") out["reset_after"] = o.reset_after;
  out["kernel_regularizer"] = regularizer_to_json(o.kernel_regularizer);
  out["recurrent_regularizer"] = regularizer_to_json(o.recurrent_regularizer);
  out["bias_regularizer"] = regularizer_to_json(o.bias_regularizer);
  out["return_sequences"] = o.return_sequences;
  out["return_state"] = o.return_state;
  out["go_backwards"] = o.go_backwards;
  out["truncate_bptt"] = static_cast<std::int64_t>(o.truncate_bptt);
}

/// Writes the options of one layer family into `out` (a visitor over LayerOptions).
struct OptionsWriter {
  const std::string& type;
  json& out;

  void operator()(const DenseSpec& s) const {
    const DenseOptions& o = s.options;
    out["units"] = s.units;
    out["activation"] = activation_to_json(o.activation, o.activation_options);
    out["use_bias"] = o.use_bias;
    out["kernel_initializer"] =
        initializer_to_json(o.kernel_initializer, o.kernel_initializer_options);
    out["bias_initializer"] = initializer_to_json(o.bias_initializer, o.bias_initializer_options);
    out["kernel_regularizer"] = regularizer_to_json(o.kernel_regularizer);
    out["bias_regularizer"] = regularizer_to_json(o.bias_regularizer);
  }
  void operator()(const ActivationLayerSpec& s) const {
    out["activation"] = activation_to_json(s.activation, s.options);
  }
  void operator()(const PReLUSpec& s) const { out["initial_alpha"] = s.initial_alpha; }
  void operator()(const FlattenSpec&) const {}
  void operator()(const ReshapeSpec& s) const { out["target_shape"] = s.target_shape; }
  void operator()(const DropoutSpec& s) const {
    out["rate"] = s.rate;
    out["seed"] = s.seed;
  }
  void operator()(const BatchNormalizationSpec& s) const {
    out["momentum"] = s.momentum;
    out["epsilon"] = s.epsilon;
    out["center"] = s.center;
    out["scale"] = s.scale;
  }
  void operator()(const ConcatenateSpec& s) const { out["axis"] = s.axis; }
  void operator()(const AddSpec&) const {}
  void operator()(const EmbeddingSpec& s) const {
    out["input_dim"] = s.input_dim;
    out["output_dim"] = s.output_dim;
    out["embeddings_initializer"] = initializer_to_json(s.options.embeddings_initializer,
                                                        s.options.embeddings_initializer_options);
    out["embeddings_regularizer"] = regularizer_to_json(s.options.embeddings_regularizer);
  }
  void operator()(const RecurrentLayerSpec& s) const { recurrent_to_json(type, s, out); }
  void operator()(const BidirectionalSpec& s) const {
    json inner = {
        {"type", s.layer_type},
        {"name", s.layer_name.empty() ? snake_case(keras_class_of(s.layer_type)) : s.layer_name}};
    recurrent_to_json(s.layer_type, s.layer, inner);
    out["layer"] = inner;
    out["merge_mode"] = s.merge_mode;
  }
};

bool same(const DenseSpec& a, const DenseSpec& b) {
  const DenseOptions& x = a.options;
  const DenseOptions& y = b.options;
  return a.units == b.units && x.activation == y.activation &&
         same_options(x.activation_options, y.activation_options) && x.use_bias == y.use_bias &&
         x.kernel_initializer == y.kernel_initializer &&
         same_options(x.kernel_initializer_options, y.kernel_initializer_options) &&
         x.bias_initializer == y.bias_initializer &&
         same_options(x.bias_initializer_options, y.bias_initializer_options) &&
         same_regularizer(x.kernel_regularizer, y.kernel_regularizer) &&
         same_regularizer(x.bias_regularizer, y.bias_regularizer);
}
bool same(const ActivationLayerSpec& a, const ActivationLayerSpec& b) {
  return a.activation == b.activation && same_options(a.options, b.options);
}
bool same(const PReLUSpec& a, const PReLUSpec& b) { return a.initial_alpha == b.initial_alpha; }
bool same(const FlattenSpec&, const FlattenSpec&) { return true; }
bool same(const ReshapeSpec& a, const ReshapeSpec& b) { return a.target_shape == b.target_shape; }
bool same(const DropoutSpec& a, const DropoutSpec& b) {
  return a.rate == b.rate && a.seed == b.seed;
}
bool same(const BatchNormalizationSpec& a, const BatchNormalizationSpec& b) {
  return a.momentum == b.momentum && a.epsilon == b.epsilon && a.center == b.center &&
         a.scale == b.scale;
}
bool same(const ConcatenateSpec& a, const ConcatenateSpec& b) { return a.axis == b.axis; }
bool same(const AddSpec&, const AddSpec&) { return true; }
bool same(const EmbeddingSpec& a, const EmbeddingSpec& b) {
  const EmbeddingOptions& x = a.options;
  const EmbeddingOptions& y = b.options;
  return a.input_dim == b.input_dim && a.output_dim == b.output_dim &&
         x.embeddings_initializer == y.embeddings_initializer &&
         same_options(x.embeddings_initializer_options, y.embeddings_initializer_options) &&
         same_regularizer(x.embeddings_regularizer, y.embeddings_regularizer);
}
bool same(const RecurrentLayerSpec& a, const RecurrentLayerSpec& b) {
  const RecurrentOptions& x = a.options;
  const RecurrentOptions& y = b.options;
  return a.units == b.units && x.activation == y.activation &&
         same_options(x.activation_options, y.activation_options) &&
         x.recurrent_activation == y.recurrent_activation && x.use_bias == y.use_bias &&
         x.kernel_initializer == y.kernel_initializer &&
         same_options(x.kernel_initializer_options, y.kernel_initializer_options) &&
         x.recurrent_initializer == y.recurrent_initializer &&
         same_options(x.recurrent_initializer_options, y.recurrent_initializer_options) &&
         x.bias_initializer == y.bias_initializer &&
         same_options(x.bias_initializer_options, y.bias_initializer_options) &&
         x.unit_forget_bias == y.unit_forget_bias && x.reset_after == y.reset_after &&
         same_regularizer(x.kernel_regularizer, y.kernel_regularizer) &&
         same_regularizer(x.recurrent_regularizer, y.recurrent_regularizer) &&
         same_regularizer(x.bias_regularizer, y.bias_regularizer) &&
         x.return_sequences == y.return_sequences && x.return_state == y.return_state &&
         x.go_backwards == y.go_backwards && x.truncate_bptt == y.truncate_bptt;
}
bool same(const BidirectionalSpec& a, const BidirectionalSpec& b) {
  return a.layer_type == b.layer_type && a.layer_name == b.layer_name && same(a.layer, b.layer) &&
         a.merge_mode == b.merge_mode;
}

}  // namespace

json layer_to_json(const LayerSpec& spec) {
  json out = {{"type", spec.type}, {"name", spec.name}, {"trainable", spec.trainable}};
  if (!spec.inputs.empty()) out["inputs"] = spec.inputs;
  std::visit(OptionsWriter{spec.type, out}, spec.options);
  return out;
}

bool operator==(const LayerSpec& a, const LayerSpec& b) {
  if (a.type != b.type || a.name != b.name || a.trainable != b.trainable || a.inputs != b.inputs ||
      a.options.index() != b.options.index()) {
    return false;
  }
  return std::visit(
      [&](const auto& x) {
        using T = std::decay_t<decltype(x)>;
        return same(x, std::get<T>(b.options));
      },
      a.options);
}

}  // namespace nn::bridge
