#pragma once
/// LayerSpec: one entry of a model's "layers" (docs/schema/model.md) as plain structs holding the
/// core's option structs with Keras's defaults; JSON <-> spec; and make_layer(), the factory
/// table from type name ("dense", "lstm", ...) to core layer.
///
/// Representation: the fields every layer has (type, name, trainable, inputs) plus a
/// std::variant with one options struct per layer family. simple_rnn, lstm and gru share
/// RecurrentLayerSpec (the type picks the cell); fields a type does not have keep their defaults.
#include <cstdint>
#include <string>
#include <variant>
#include <vector>

#include "engine/bridge/json/reader.hpp"
#include "engine/core/layers/dense.hpp"
#include "engine/core/layers/embedding.hpp"
#include "engine/core/layers/layer.hpp"
#include "engine/core/layers/recurrent.hpp"

namespace nn::bridge {

/// Largest accepted units / input_dim / output_dim (as a shape dimension, 2^20).
constexpr std::int64_t kMaxUnits = kMaxDimension;

struct DenseSpec {
  std::int64_t units = 1;
  DenseOptions options;
};
/// Keras Activation layer.
struct ActivationLayerSpec {
  std::string activation = "linear";
  ActivationOptions options;
};
/// Keras PReLU with a constant alpha_initializer (Keras's default "zeros" = 0).
struct PReLUSpec {
  double initial_alpha = 0.0;
};
struct FlattenSpec {};
/// Keras Reshape: the per-sample target shape (one dimension may be -1, inferred).
struct ReshapeSpec {
  Shape target_shape;
};
struct DropoutSpec {
  double rate = 0.0;
  std::uint64_t seed = 0;
};
struct BatchNormalizationSpec {
  double momentum = 0.99;
  double epsilon = 1e-3;
  bool center = true;
  bool scale = true;
};
struct ConcatenateSpec {
  int axis = -1;
};
struct AddSpec {};
struct EmbeddingSpec {
  std::int64_t input_dim = 1;
  std::int64_t output_dim = 1;
  EmbeddingOptions options;
};
/// simple_rnn, lstm and gru.
struct RecurrentLayerSpec {
  std::int64_t units = 1;
  RecurrentOptions options;
};
/// Keras Bidirectional around a simple_rnn, lstm or gru (the nested "layer" object).
struct BidirectionalSpec {
  std::string layer_type = "lstm";
  std::string layer_name;  // "" = snake_case of the inner Keras class ("lstm")
  RecurrentLayerSpec layer;
  std::string merge_mode = "concat";
};

using LayerOptions = std::variant<DenseSpec, ActivationLayerSpec, PReLUSpec, FlattenSpec,
                                  ReshapeSpec, DropoutSpec, BatchNormalizationSpec, ConcatenateSpec,
                                  AddSpec, EmbeddingSpec, RecurrentLayerSpec, BidirectionalSpec>;

struct LayerSpec {
  std::string type;  // "dense", "lstm", ... (layer_type_names())
  std::string name;  // resolved by parse_model; "" only straight out of parse_layer
  bool trainable = true;
  /// Functional models: inbound node names, in call order. Sequential: empty.
  std::vector<std::string> inputs;
  LayerOptions options;
};

/// Field-by-field equality (options left at "default" (NaN) compare equal).
bool operator==(const LayerSpec& a, const LayerSpec& b);
inline bool operator!=(const LayerSpec& a, const LayerSpec& b) { return !(a == b); }

/// Reads one layer object at `path`. `functional`: "inputs" is required (non-empty) instead of
/// forbidden. A missing "name" is left empty (parse_model resolves it). Every option is range
/// checked here, so bad values fail with their path, never as a core exception.
LayerSpec parse_layer(const json& value, const std::string& path, bool functional);
/// The canonical JSON: every field, defaults included; "inputs" only when non-empty.
json layer_to_json(const LayerSpec& spec);
/// The core layer (unbuilt), named spec.name, with spec.trainable. Core construction errors
/// become BridgeError at `path`.
LayerPtr make_layer(const LayerSpec& spec, const std::string& path);
/// Every layer type name, sorted.
const std::vector<std::string>& layer_type_names();
/// The Keras class of a layer type ("batch_normalization" -> "BatchNormalization").
std::string keras_class_of(const std::string& type);
/// Names of the extra outputs the layer will have (return_state): "state_h", "state_c", or the
/// Bidirectional "forward_state_h", ...; each becomes node "<layer name>/<output>".
std::vector<std::string> extra_output_names(const LayerSpec& spec);
/// The layer's parameter count on these input shapes, as Keras counts them (0 for layers without
/// parameters), so that a model that is too large is refused before any weight is allocated.
double estimate_params(const LayerSpec& spec, const std::vector<Shape>& input_shapes);

}  // namespace nn::bridge
