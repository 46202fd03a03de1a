#pragma once
/// The families used inside layer options (docs/schema/model.md, "Families used inside layers"):
/// activations, initializers and regularizers. Each is read from a string or an object and
/// stored in the core's own option structs (ActivationOptions, InitializerOptions, Regularizer).
///
/// Canonical form: an option equal to the member's Keras default is stored as NaN ("default"),
/// so a member whose options are all default is written back as a plain string, any other as
/// {"type": name, <every option of that member>}. Regularizers: null or {"l1": a, "l2": b}.
#include <string>
#include <vector>

#include "engine/bridge/json/reader.hpp"
#include "engine/core/activations/activation.hpp"
#include "engine/core/initializers/initializer.hpp"
#include "engine/core/layers/regularizer.hpp"

namespace nn::bridge {

/// Equal, counting two NaNs ("default") as equal.
bool same_option(double a, double b);
bool same_options(const ActivationOptions& a, const ActivationOptions& b);
bool same_options(const InitializerOptions& a, const InitializerOptions& b);
bool same_regularizer(const Regularizer& a, const Regularizer& b);

/// Reads "relu" or {"type": "leaky_relu", "alpha": 0.1}; returns the name and fills `options`.
/// Unknown names list nn::activation_names().
std::string parse_activation(const json& value, const std::string& path,
                             ActivationOptions& options);
json activation_to_json(const std::string& name, const ActivationOptions& options);

/// The names parse_initializer accepts: nn::initializer_names() plus Keras's alias "uniform".
const std::vector<std::string>& initializer_spec_names();
/// Reads "glorot_uniform" or {"type": "random_normal", "stddev": 0.1}; returns the name.
std::string parse_initializer(const json& value, const std::string& path,
                              InitializerOptions& options);
json initializer_to_json(const std::string& name, const InitializerOptions& options);

/// Reads null, "l1" / "l2" (rate 0.01), "l1_l2" (0, 0) or {"l1": a, "l2": b} (each >= 0).
Regularizer parse_regularizer(const json* value, const std::string& path);
json regularizer_to_json(const Regularizer& regularizer);

}  // namespace nn::bridge
