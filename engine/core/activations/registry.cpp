// make_activation / activation_names: the one table from Keras names to activation classes.
#include <cmath>
#include <functional>
#include <map>

#include "engine/core/activations/activation.hpp"
#include "engine/core/activations/relu_family.hpp"
#include "engine/core/activations/sigmoid_family.hpp"
#include "engine/core/activations/smooth.hpp"
#include "engine/core/activations/softmax.hpp"
#include "engine/core/activations/step.hpp"
#include "engine/core/base/error.hpp"

namespace nn {
namespace {

using Factory = std::function<std::unique_ptr<Activation>(const ActivationOptions&)>;

/// alpha if given, else the activation's Keras default.
double alpha_or(const ActivationOptions& options, double keras_default) {
  return std::isnan(options.alpha) ? keras_default : options.alpha;
}

/// Sorted by name (std::map), so activation_names() comes out sorted.
const std::map<std::string, Factory>& table() {
  static const std::map<std::string, Factory> factories = {
      {"elu", [](const ActivationOptions& o) { return std::make_unique<Elu>(alpha_or(o, 1.0)); }},
      {"gelu", [](const ActivationOptions&) { return std::make_unique<Gelu>(); }},
      {"hard_sigmoid", [](const ActivationOptions&) { return std::make_unique<HardSigmoid>(); }},
      {"leaky_relu",
       [](const ActivationOptions& o) { return std::make_unique<LeakyRelu>(alpha_or(o, 0.2)); }},
      {"linear", [](const ActivationOptions&) { return std::make_unique<Linear>(); }},
      {"relu", [](const ActivationOptions&) { return std::make_unique<Relu>(); }},
      {"selu", [](const ActivationOptions&) { return std::make_unique<Selu>(); }},
      {"sigmoid", [](const ActivationOptions&) { return std::make_unique<Sigmoid>(); }},
      {"silu", [](const ActivationOptions&) { return std::make_unique<Swish>("silu"); }},
      {"softmax", [](const ActivationOptions&) { return std::make_unique<Softmax>(); }},
      {"softplus", [](const ActivationOptions&) { return std::make_unique<Softplus>(); }},
      {"softsign", [](const ActivationOptions&) { return std::make_unique<Softsign>(); }},
      {"step", [](const ActivationOptions&) { return std::make_unique<Step>(); }},
      {"swish", [](const ActivationOptions&) { return std::make_unique<Swish>("swish"); }},
      {"tanh", [](const ActivationOptions&) { return std::make_unique<Tanh>(); }},
  };
  return factories;
}

}  // namespace

std::unique_ptr<Activation> make_activation(const std::string& name,
                                            const ActivationOptions& options) {
  const auto& factories = table();
  const auto it = factories.find(name);
  if (it == factories.end()) {
    std::string valid;
    for (const auto& entry : factories) valid += (valid.empty() ? "" : ", ") + entry.first;
    fail("activation: unknown name \"", name, "\"; expected one of: ", valid);
  }
  return it->second(options);
}

std::vector<std::string> activation_names() {
  std::vector<std::string> names;
  for (const auto& entry : table()) names.push_back(entry.first);
  return names;
}

}  // namespace nn
