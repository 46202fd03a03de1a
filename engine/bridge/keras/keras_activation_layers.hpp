#pragma once
/// Internal to the Keras bridge: Keras's activation layer classes (LeakyReLU, ReLU, ELU,
/// Softmax) <-> nnplay `activation` layers. PReLU has weights and is a layer type of its own.
#include <optional>
#include <string>
#include <vector>

#include "engine/bridge/keras/keras_families.hpp"

namespace nn::bridge::keras {

/// The Keras classes read here: LeakyReLU, ReLU, ELU, Softmax.
const std::vector<std::string>& activation_layer_classes();

/// The nnplay activation ("relu", {"type": "leaky_relu", "alpha": 0.3}, ...) of a Keras
/// activation layer of class `class_name` (one of activation_layer_classes()), reading its
/// options from `cfg` (both dialects' keys: LeakyReLU `alpha` / `negative_slope`). Options the
/// engine cannot compute (ReLU max_value, threshold) fail at their path.
json import_activation_layer(const std::string& class_name, ObjectReader& cfg);

/// {"class_name", "config"} without name/trainable for an nnplay activation layer whose
/// activation (canonical) is leaky_relu or elu, as TF.js writes them; nullopt for the others
/// (they export as an Activation layer).
std::optional<json> export_activation_layer(const json& activation);

}  // namespace nn::bridge::keras
