#pragma once
/// Internal to the Keras bridge: the table of Keras layer classes nnplay reads and writes, one
/// entry per class with each Keras config key, how it maps to an nnplay option, and nnplay's
/// defaults (docs/schema/keras.md lists them).
#include <string>
#include <vector>

#include "engine/bridge/keras/keras_families.hpp"

namespace nn::bridge::keras {

/// How a Keras key is read and written.
enum class Kind {
  kPositive,     // positive integer option
  kInteger,      // integer option
  kNumber,       // number option
  kRate,         // number in [0, 1)
  kBool,         // boolean option
  kActivation,   // activation option
  kInitializer,  // initializer option
  kRegularizer,  // regularizer option
  kSeed,         // Dropout seed: null = nnplay's 0
  kAlpha,        // PReLU alpha_initializer (a constant) <-> initial_alpha
  kMergeMode,    // Bidirectional merge_mode
  kAxisLast,     // BatchNormalization axis: the last one only
  kShape,        // Reshape target_shape: a list of positive dimensions (one may be -1)
  kNeutral,      // a Keras key nnplay has no use for: only its neutral value (or null)
  kNeutralInit,  // an initializer nnplay does not expose: only the neutral one
  kAny,          // accepted whatever its value (no effect on the computation)
};

struct Field {
  std::string keras;
  std::string nnplay;  // empty for keys nnplay does not have
  Kind kind;
  json neutral;       // kNeutral / kNeutralInit: the accepted value
  bool tfjs = false;  // kNeutral / kNeutralInit: written on export as TF.js does
};

struct LayerClass {
  std::string keras_class;
  std::string type;
  std::vector<Field> fields;
  json defaults;  // nnplay option defaults (required options absent)
};

/// Every class nnplay imports and exports, in the order messages list them.
const std::vector<LayerClass>& classes();
/// The entry of a Keras class name, or nullptr.
const LayerClass* by_keras(const std::string& keras_class);
/// The entry of an nnplay layer type; an unknown type fails at `path` listing the known ones.
const LayerClass& by_type(const std::string& type, const std::string& path);

}  // namespace nn::bridge::keras
