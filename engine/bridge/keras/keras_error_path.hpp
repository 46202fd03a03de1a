#pragma once
/// Errors raised while importing a Keras model point into the file the user sent: the nnplay
/// model the import produced is checked (and built) under its own paths ("/keras/layers/0",
/// "/model/layers/0/epsilon"), which are mapped back to the Keras layer they came from
/// ("/keras/config/layers/2/config/epsilon"), and every path is cut to the nearest value that
/// exists in the request (a missing field points at the object that lacks it).
#include <string>

#include "engine/bridge/json/reader.hpp"

namespace nn::bridge {

/// The longest prefix of JSON Pointer `path`, in whole segments, that names a value in `root`.
std::string existing_pointer(const json& root, const std::string& path);

/// Where an error lies in the request, when it was raised about the nnplay model `model`
/// (imported from the Keras object at `keras_path` in `request`) under `model_prefix`; any other
/// path is only cut to an existing one.
std::string keras_source_path(const json& request, const std::string& keras_path, const json& model,
                              const std::string& model_prefix, const std::string& error_path);

/// Runs fn(); a BridgeError it throws is thrown again with keras_source_path() (model null:
/// existing_pointer()) as its path.
template <typename Fn>
auto pointing_into_request(const json& request, const std::string& keras_path, const json* model,
                           const std::string& model_prefix, Fn&& fn) -> decltype(fn()) {
  try {
    return fn();
  } catch (const BridgeError& e) {
    const std::string path =
        model == nullptr ? existing_pointer(request, e.path())
                         : keras_source_path(request, keras_path, *model, model_prefix, e.path());
    throw BridgeError(path, e.message());
  }
}

}  // namespace nn::bridge
