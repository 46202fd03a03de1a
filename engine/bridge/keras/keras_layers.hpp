#pragma once
/// Internal to the Keras bridge: one Keras layer config <-> one nnplay layer object, driven by
/// a per-class table of Keras keys (docs/schema/keras.md lists them).
#include <string>
#include <vector>

#include "engine/bridge/keras/keras_families.hpp"

namespace nn::bridge::keras {

/// One imported Keras layer.
struct ImportedLayer {
  json layer;        // nnplay layer object: type, name, the options that differ from defaults
  json batch_shape;  // its batch_input_shape / batch_shape (null when it has none)
};

/// Imports the config of a Keras layer of class `class_name` (found at `class_path`) whose
/// config is at `config_path`. Unknown classes list the supported ones.
ImportedLayer import_layer(const std::string& class_name, const std::string& class_path,
                           const json& config, const std::string& config_path, Dialect dialect);

/// The TF.js {"class_name", "config"} of a canonical nnplay layer object found at `path`
/// (without batch_input_shape; the model adds it to the first layer).
json export_layer(const json& layer, const std::string& path);

/// nnplay's option defaults of a layer type, plus "trainable": true (required options absent).
const json& layer_defaults(const std::string& type);

/// The layer with every option written (defaults filled in, nested Bidirectional layer too):
/// what the nnplay model parser writes, used to compare imports with canonical objects.
json canonical_layer(const json& layer);

/// Names of a layer's extra outputs after its main output, as nnplay names them
/// ("state_h", "state_c"; Bidirectional: "forward_state_h", ...); empty without return_state.
std::vector<std::string> state_output_names(const json& layer);

}  // namespace nn::bridge::keras
