#pragma once
/// ModelSpec: the "model" object of a schema-1 document (docs/schema/model.md) as plain structs
/// with Keras's defaults; JSON <-> spec; and build_model(), the factory that turns a spec into an
/// uncompiled nn::Model.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/bridge/json/reader.hpp"
#include "engine/bridge/spec/layer_spec.hpp"
#include "engine/core/models/model.hpp"

namespace nn::bridge {

/// A model input: Keras Input(shape=..., name=...).
struct InputSpec {
  std::string name;
  std::vector<std::int64_t> shape;  // per sample, no batch dimension
};

struct ModelSpec {
  std::string type = "sequential";  // "sequential" or "functional"
  std::string name;                 // "" = "sequential" / "functional"
  std::uint64_t seed = 0;           // seeds every initializer
  /// Sequential: exactly one (its input_shape). Functional: the model inputs, in order.
  std::vector<InputSpec> inputs;
  std::vector<LayerSpec> layers;
  /// Functional: output node names, in order. Sequential: empty (the last layer).
  std::vector<std::string> outputs;
};

/// Field-by-field equality (added for round-trip checks).
bool operator==(const InputSpec& a, const InputSpec& b);
bool operator==(const ModelSpec& a, const ModelSpec& b);
inline bool operator!=(const ModelSpec& a, const ModelSpec& b) { return !(a == b); }

/// Largest accepted parameter count of a built model (docs/schema/session.md, "Limits").
constexpr double kMaxModelParams = 16777216.0;  // 2^24

/// Reads a "model" object found at `path`. Throws BridgeError at the offending field.
ModelSpec parse_model(const json& value, const std::string& path);
/// The canonical JSON of a spec: every field written, defaults included, so that
/// parse_model(model_to_json(s)) == s and model_to_json is stable.
json model_to_json(const ModelSpec& spec);
/// Builds the (uncompiled) model. Core errors (shapes that do not fit, ...) become BridgeError at
/// `path` + "/layers/<i>" for the layer that raised them.
std::unique_ptr<Model> build_model(const ModelSpec& spec, const std::string& path);

}  // namespace nn::bridge
