#pragma once
/// Internal to the Keras bridge: activations, initializers, regularizers and dtypes between
/// Keras config values (both dialects) and nnplay family values (docs/schema/keras.md).
#include <string>

#include "engine/bridge/json/reader.hpp"

namespace nn::bridge::keras {

/// Which Keras wrote the config: Keras 2 / TF.js ("hard_sigmoid" = clip(0.2 x + 0.5)) or
/// Keras 3 ("hard_sigmoid" = relu6(x + 3) / 6, as nnplay computes it).
enum class Dialect { kKeras2, kKeras3 };

/// nnplay activation name of a Keras activation (a string, or Keras 3's serialized function
/// {"class_name": "function", "config": "relu"}); null means "linear".
json import_activation(const json& value, const std::string& path, Dialect dialect);
/// Keras (TF.js) activation string of a canonical nnplay activation found at `path`.
json export_activation(const json& value, const std::string& path);

/// nnplay initializer (a name, or {"type", options} when options differ) of a Keras
/// initializer object ({"class_name", "config"} with optional "module"/"registered_name") or
/// identifier string. Keras seeds are accepted and ignored (nnplay seeds from the model seed).
json import_initializer(const json& value, const std::string& path);
/// The TF.js form of a canonical nnplay initializer: {"class_name", "config"}.
json export_initializer(const json& value, const std::string& path);
/// Whether two nnplay initializers are the same ("uniform" is "random_uniform" at its defaults).
bool same_initializer(const json& a, const json& b);

/// nnplay regularizer (null or {"l1", "l2"}) of a Keras regularizer (null, L1L2, L1, L2 object
/// or "l1"/"l2"/"l1_l2" string).
json import_regularizer(const json& value, const std::string& path);
/// {"class_name": "L1L2", "config": {"l1", "l2"}} or null, from a canonical nnplay regularizer
/// (null, {"l1", "l2"} or the strings "l1", "l2", "l1_l2" at Keras's 0.01).
json export_regularizer(const json& value, const std::string& path);

/// Checks a Keras dtype (a string or a DTypePolicy object): "float32", or also an integer type
/// when `allow_int` (model inputs that feed an Embedding).
void check_dtype(const json& value, const std::string& path, bool allow_int);

/// Fails at `path` unless `value` is null or equals `neutral`:
/// "nnplay does not support <key>; expected <neutral>, got <value>".
void require_neutral(const json& value, const json& neutral, const std::string& path,
                     const std::string& key);

}  // namespace nn::bridge::keras
