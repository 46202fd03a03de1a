#pragma once
/// nnplay model objects -> Keras model.to_json() configs in the TF.js Layers dialect, which
/// tf.models.modelFromJSON / tf.loadLayersModel accept and Keras itself can read.
#include <string>

#include "engine/bridge/json/reader.hpp"

namespace nn::bridge {

/// The Keras to_json() object of a canonical nnplay model object (as model_to_json writes it).
/// keras_to_model_json(model_json_to_keras(m)) == m for every model nnplay can build.
json model_json_to_keras(const json& model);

}  // namespace nn::bridge
