#pragma once
/// Internal to the Keras bridge: pieces of the model-level import shared by the Sequential
/// (keras_import.cpp) and Functional (keras_functional.cpp) readers.
#include <string>

#include "engine/bridge/keras/keras_layers.hpp"

namespace nn::bridge::keras {

/// The Keras wrapper around a layer config ({"class_name", "config", "name", "inbound_nodes",
/// and Keras 3's "module", "registered_name", "build_config"}).
struct LayerObject {
  std::string class_name;
  std::string name;  // the wrapper's "name" (functional models), else ""
  const json* config = nullptr;
  const json* inbound_nodes = nullptr;  // null when absent
  std::string path;
};
LayerObject read_layer_object(const json& value, const std::string& path);

/// A per-sample shape from a Keras batch shape [batch, d1, ...] found at `path`.
json per_sample_shape(const json& batch_shape, const std::string& path);

/// An InputLayer as an nnplay model input {"name", "shape"}.
json import_input_layer(const LayerObject& obj);

/// The nnplay functional model of a Functional / Model config found at `path`.
json import_functional(const json& config, const std::string& path, Dialect dialect);

}  // namespace nn::bridge::keras
