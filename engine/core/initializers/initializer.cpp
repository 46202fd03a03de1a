#include "engine/core/initializers/initializer.hpp"

#include <algorithm>
#include <cmath>

#include "engine/core/base/error.hpp"
#include "engine/core/initializers/constant.hpp"
#include "engine/core/initializers/orthogonal.hpp"
#include "engine/core/initializers/random_initializers.hpp"
#include "engine/core/initializers/variance_scaling.hpp"

namespace nn {
namespace {

/// An option if it was set, else the Keras default.
double or_default(double option, double keras_default) {
  return std::isnan(option) ? keras_default : option;
}

std::string joined(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

}  // namespace

std::vector<std::string> initializer_names() {
  std::vector<std::string> names = {"constant",         "glorot_normal",  "glorot_uniform",
                                    "he_normal",        "he_uniform",     "lecun_normal",
                                    "lecun_uniform",    "ones",           "orthogonal",
                                    "random_normal",    "random_uniform", "truncated_normal",
                                    "variance_scaling", "zeros"};
  std::sort(names.begin(), names.end());
  return names;
}

std::unique_ptr<Initializer> make_initializer(const std::string& name,
                                              const InitializerOptions& options) {
  if (name == "zeros") return std::make_unique<Constant>("zeros", 0.0);
  if (name == "ones") return std::make_unique<Constant>("ones", 1.0);
  if (name == "constant")
    return std::make_unique<Constant>("constant", or_default(options.value, 0.0));
  if (name == "random_normal")
    return std::make_unique<RandomNormal>(or_default(options.mean, 0.0),
                                          or_default(options.stddev, 0.05));
  // "uniform" is Keras's alias of random_uniform (Embedding's default); as an alias it is not
  // listed in initializer_names().
  if (name == "random_uniform" || name == "uniform")
    return std::make_unique<RandomUniform>(or_default(options.minval, -0.05),
                                           or_default(options.maxval, 0.05));
  if (name == "truncated_normal")
    return std::make_unique<TruncatedNormal>(or_default(options.mean, 0.0),
                                             or_default(options.stddev, 0.05));
  if (name == "orthogonal") return std::make_unique<Orthogonal>(or_default(options.gain, 1.0));
  // Keras defaults: scale 1, fan_in, truncated_normal (InitializerOptions has no fields for them).
  if (name == "variance_scaling") return std::make_unique<VarianceScaling>();
  if (auto preset = make_variance_scaling_preset(name)) return preset;
  fail("unknown initializer '", name, "'; expected one of: ", joined(initializer_names()));
}

}  // namespace nn
