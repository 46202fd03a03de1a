#include "engine/bridge/spec/family_spec.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

namespace nn::bridge {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();
constexpr double kInf = std::numeric_limits<double>::infinity();

/// One numeric option of a family member: its JSON key, where it lives, its Keras default and
/// its accepted range (positive = strictly above lo).
template <typename Options>
struct OptionDef {
  const char* key;
  double Options::*field;
  double keras_default;
  double lo;
  bool positive;
};

using ActivationDef = OptionDef<ActivationOptions>;
using InitializerDef = OptionDef<InitializerOptions>;

/// The options of the parameterised activations (Keras 3: leaky_relu negative_slope 0.2,
/// elu alpha 1.0); every other activation has none.
std::vector<ActivationDef> activation_options_of(const std::string& name) {
  if (name == "leaky_relu") return {{"alpha", &ActivationOptions::alpha, 0.2, 0.0, false}};
  if (name == "elu") return {{"alpha", &ActivationOptions::alpha, 1.0, 0.0, false}};
  return {};
}

/// The options of the parameterised initializers (keras/src/initializers defaults).
std::vector<InitializerDef> initializer_options_of(const std::string& name) {
  using O = InitializerOptions;
  if (name == "constant") return {{"value", &O::value, 0.0, -kInf, false}};
  if (name == "random_normal" || name == "truncated_normal") {
    return {{"mean", &O::mean, 0.0, -kInf, false}, {"stddev", &O::stddev, 0.05, 0.0, true}};
  }
  if (name == "random_uniform" || name == "uniform") {
    return {{"minval", &O::minval, -0.05, -kInf, false},
            {"maxval", &O::maxval, 0.05, -kInf, false}};
  }
  if (name == "orthogonal") return {{"gain", &O::gain, 1.0, -kInf, false}};
  return {};
}

/// Reads a family member given as a string or {"type": ..., options}. Options equal to their
/// default are stored as NaN so that the canonical form is unique.
template <typename Options>
std::string parse_member(const json& value, const std::string& path, const std::string& family,
                         const std::vector<std::string>& valid,
                         std::vector<OptionDef<Options>> (*defs_of)(const std::string&),
                         Options& options) {
  options = Options{};
  auto check_name = [&](const std::string& name, const std::string& at) {
    if (std::find(valid.begin(), valid.end(), name) == valid.end()) {
      fail_unknown_name(at, family, name, valid);
    }
  };
  if (value.is_string()) {
    const std::string name = value.get<std::string>();
    check_name(name, path);
    return name;
  }
  if (!value.is_object()) {
    fail_at(path,
            "expected an " + family + " name or an object with a \"type\", got " + describe(value));
  }
  ObjectReader reader(value, path);
  const std::string name = reader.required_string("type");
  check_name(name, reader.path_of("type"));
  std::vector<std::string> known = {"type"};
  for (const auto& def : defs_of(name)) {
    known.push_back(def.key);
    double x = reader.number(def.key, kNaN, def.lo);
    if (def.positive && !std::isnan(x) && x <= def.lo) {
      fail_at(reader.path_of(def.key), "expected a positive number, got " + describe(x));
    }
    options.*def.field = (x == def.keras_default) ? kNaN : x;
  }
  reader.finish(known);
  return name;
}

template <typename Options>
json member_to_json(const std::string& name, const Options& options,
                    const std::vector<OptionDef<Options>>& defs) {
  const bool all_default = std::all_of(
      defs.begin(), defs.end(), [&](const auto& def) { return std::isnan(options.*def.field); });
  if (all_default) return name;
  json out = {{"type", name}};
  for (const auto& def : defs) {
    const double x = options.*def.field;
    out[def.key] = std::isnan(x) ? def.keras_default : x;
  }
  return out;
}

/// The value of an option, its default when unset.
double effective(double option, double keras_default) {
  return std::isnan(option) ? keras_default : option;
}

}  // namespace

bool same_option(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

bool same_options(const ActivationOptions& a, const ActivationOptions& b) {
  return same_option(a.alpha, b.alpha);
}

bool same_options(const InitializerOptions& a, const InitializerOptions& b) {
  return same_option(a.value, b.value) && same_option(a.mean, b.mean) &&
         same_option(a.stddev, b.stddev) && same_option(a.minval, b.minval) &&
         same_option(a.maxval, b.maxval) && same_option(a.gain, b.gain);
}

bool same_regularizer(const Regularizer& a, const Regularizer& b) {
  return a.l1 == b.l1 && a.l2 == b.l2;
}

std::string parse_activation(const json& value, const std::string& path,
                             ActivationOptions& options) {
  static const std::vector<std::string> valid = activation_names();
  return parse_member(value, path, "activation", valid, &activation_options_of, options);
}

json activation_to_json(const std::string& name, const ActivationOptions& options) {
  return member_to_json(name, options, activation_options_of(name));
}

const std::vector<std::string>& initializer_spec_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n = initializer_names();
    n.push_back("uniform");
    std::sort(n.begin(), n.end());
    return n;
  }();
  return names;
}

std::string parse_initializer(const json& value, const std::string& path,
                              InitializerOptions& options) {
  const std::string name = parse_member(value, path, "initializer", initializer_spec_names(),
                                        &initializer_options_of, options);
  if (name == "random_uniform" || name == "uniform") {
    const double lo = effective(options.minval, -0.05);
    const double hi = effective(options.maxval, 0.05);
    if (hi < lo) {
      fail_at(child_path(path, "maxval"),
              "expected maxval >= minval (" + json(lo).dump() + "), got " + json(hi).dump());
    }
  }
  return name;
}

json initializer_to_json(const std::string& name, const InitializerOptions& options) {
  return member_to_json(name, options, initializer_options_of(name));
}

Regularizer parse_regularizer(const json* value, const std::string& path) {
  if (value == nullptr || value->is_null()) return {};
  if (value->is_string()) {
    const std::string name = value->get<std::string>();
    if (name == "l1") return Regularizer::L1();
    if (name == "l2") return Regularizer::L2();
    if (name == "l1_l2") return Regularizer::L1L2();
    fail_unknown_name(path, "regularizer", name, {"l1", "l1_l2", "l2"});
  }
  if (!value->is_object()) {
    fail_at(path,
            "expected null, a regularizer name or {\"l1\": a, \"l2\": b}, got " + describe(*value));
  }
  ObjectReader reader(*value, path);
  Regularizer r;
  r.l1 = reader.number("l1", 0.0, 0.0);
  r.l2 = reader.number("l2", 0.0, 0.0);
  reader.finish({"l1", "l2"});
  return r;
}

json regularizer_to_json(const Regularizer& regularizer) {
  if (!regularizer.active()) return nullptr;
  return {{"l1", regularizer.l1}, {"l2", regularizer.l2}};
}

}  // namespace nn::bridge
