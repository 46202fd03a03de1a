#pragma once
/// Keras model.to_json() configs -> nnplay "model" objects (docs/schema/keras.md). Accepts
/// Sequential, Functional and TF.js's "Model", in the Keras 2 / TF.js dialect (inbound_nodes as
/// [[["name", 0, 0, {}]]], batch_input_shape) and the Keras 3 dialect (inbound_nodes as
/// [{"args": [{"class_name": "__keras_tensor__", "config": {"keras_history": [...]}}]}],
/// InputLayer batch_shape, initializers as {"module", "class_name", "config", ...}).
#include <string>

#include "engine/bridge/json/reader.hpp"

namespace nn::bridge {

/// The nnplay model object (docs/schema/model.md) equivalent to a Keras to_json() object found
/// at `path`. Keras keys nnplay has no use for (dtype, trainable defaults, ...) are accepted;
/// a setting nnplay cannot honour (an unsupported layer class, a constraint, a non-default
/// option such as Dense bias_constraint) is a BridgeError at its path inside the Keras object.
json keras_to_model_json(const json& keras, const std::string& path);

/// Whether `value` looks like a Keras to_json() object (has "class_name" and "config").
bool is_keras_json(const json& value);

}  // namespace nn::bridge
