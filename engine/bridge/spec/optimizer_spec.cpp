// The optimizer part of "compile": names, per-optimizer hyper-parameters with Keras defaults,
// learning-rate schedules, and the factory over nn::make_optimizer.
#include <algorithm>
#include <cmath>
#include <limits>

#include "engine/bridge/spec/compile_spec.hpp"
#include "engine/core/base/error.hpp"
#include "engine/core/optimizers/adagrad.hpp"
#include "engine/core/optimizers/adam.hpp"
#include "engine/core/optimizers/rmsprop.hpp"
#include "engine/core/optimizers/sgd.hpp"

namespace nn::bridge {
namespace {

constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

/// How a numeric hyper-parameter is range-checked.
enum class Range { kUnit, kPositive, kNonNegative };

/// One optimizer-specific hyper-parameter: a number (num) or a flag (flag).
struct HyperField {
  const char* name;
  double OptimizerHyperparams::*num;
  std::optional<bool> OptimizerHyperparams::*flag;
  Range range;
};

/// Every hyper-parameter, in the order messages and canonical JSON list them.
const std::vector<HyperField>& hyper_fields() {
  using H = OptimizerHyperparams;
  static const std::vector<HyperField> fields = {
      {"momentum", &H::momentum, nullptr, Range::kUnit},
      {"nesterov", nullptr, &H::nesterov, Range::kUnit},
      {"rho", &H::rho, nullptr, Range::kUnit},
      {"beta_1", &H::beta_1, nullptr, Range::kUnit},
      {"beta_2", &H::beta_2, nullptr, Range::kUnit},
      {"epsilon", &H::epsilon, nullptr, Range::kPositive},
      {"amsgrad", nullptr, &H::amsgrad, Range::kUnit},
      {"centered", nullptr, &H::centered, Range::kUnit},
      {"initial_accumulator_value", &H::initial_accumulator_value, nullptr, Range::kNonNegative},
  };
  return fields;
}

/// The Keras defaults of the hyper-parameters `type` takes (others stay unset).
OptimizerHyperparams keras_defaults(const std::string& type) {
  OptimizerHyperparams h;
  if (type == "sgd") {
    const SGDOptions o;
    h.momentum = o.momentum;
    h.nesterov = o.nesterov;
  } else if (type == "adagrad") {
    const AdagradOptions o;
    h.initial_accumulator_value = o.initial_accumulator_value;
    h.epsilon = o.epsilon;
  } else if (type == "rmsprop") {
    const RMSpropOptions o;
    h.rho = o.rho;
    h.momentum = o.momentum;
    h.epsilon = o.epsilon;
    h.centered = o.centered;
  } else if (type == "adam" || type == "adamw") {
    const AdamOptions o;
    h.beta_1 = o.beta_1;
    h.beta_2 = o.beta_2;
    h.epsilon = o.epsilon;
    h.amsgrad = o.amsgrad;
  }
  return h;
}

/// Whether `type` takes hyper-parameter `field` (it has a Keras default for it).
bool takes(const OptimizerHyperparams& defaults, const HyperField& field) {
  return field.num ? !std::isnan(defaults.*field.num) : (defaults.*field.flag).has_value();
}

/// The options `type` takes, for messages: learning_rate, its own, then the common ones.
std::string taken_list(const std::string& type) {
  const OptimizerHyperparams defaults = keras_defaults(type);
  std::string list = "learning_rate";
  for (const HyperField& f : hyper_fields()) {
    if (takes(defaults, f)) list += std::string(", ") + f.name;
  }
  return list + ", weight_decay, clipnorm, clipvalue, global_clipnorm";
}

/// Largest option value: the engine computes in float32, where 1e39 is already infinite.
constexpr double kMaxOption = static_cast<double>(std::numeric_limits<float>::max());

/// A number checked against `range` ("expected a number in [0, 1), got 1").
double read_ranged(const json& value, const std::string& path, Range range) {
  const double x = read_number(value, path);
  if (std::fabs(x) > kMaxOption) {
    fail_at(path, "expected a number float32 can hold (at most 3.4e38), got " + describe(value));
  }
  if (range == Range::kUnit && !(x >= 0.0 && x < 1.0)) {
    fail_at(path, "expected a number in [0, 1), got " + describe(value));
  }
  if (range == Range::kPositive && !(x > 0.0)) {
    fail_at(path, "expected a positive number, got " + describe(value));
  }
  if (range == Range::kNonNegative && !(x >= 0.0)) {
    fail_at(path, "expected a number >= 0, got " + describe(value));
  }
  return x;
}

/// A common option >= 0 (weight_decay, the clips) that float32 can hold, or `fallback`.
double read_common(ObjectReader& r, const std::string& key, double fallback) {
  const double x = r.number(key, fallback, 0.0);
  if (x > kMaxOption) {
    fail_at(r.path_of(key),
            "expected a number float32 can hold (at most 3.4e38), got " + describe(*r.find(key)));
  }
  return x;
}

/// The defaults of the common options for `type` (learning rate, weight decay), from the core.
OptimizerOptions common_defaults(const std::string& type) {
  const OptimizerPtr fresh = nn::make_optimizer(type);
  OptimizerOptions o;
  o.learning_rate = fresh->learning_rate();
  o.weight_decay = fresh->options().weight_decay;
  return o;
}

/// "learning_rate": {"type": "exponential_decay" | "piecewise_constant_decay", ...}.
ScheduleSpec parse_schedule(const json& value, const std::string& path) {
  ObjectReader r(value, path);
  ScheduleSpec s;
  s.type = r.required_string("type");
  if (s.type == "exponential_decay") {
    s.initial_learning_rate = read_ranged(r.require("initial_learning_rate"),
                                          r.path_of("initial_learning_rate"), Range::kPositive);
    s.decay_steps = r.required_integer("decay_steps", 1);
    s.decay_rate = read_ranged(r.require("decay_rate"), r.path_of("decay_rate"), Range::kPositive);
    s.staircase = r.boolean("staircase", false);
  } else if (s.type == "piecewise_constant_decay") {
    const json& b = read_array(r.require("boundaries"), r.path_of("boundaries"), 1000);
    for (std::size_t i = 0; i < b.size(); ++i) {
      s.boundaries.push_back(read_integer(b[i], child_path(r.path_of("boundaries"), i), 0));
      if (i > 0 && s.boundaries[i] <= s.boundaries[i - 1]) {
        fail_at(child_path(r.path_of("boundaries"), i),
                "expected boundaries in increasing order, got " + describe(b[i]) + " after " +
                    describe(b[i - 1]));
      }
    }
    const json& v = read_array(r.require("values"), r.path_of("values"), 1001);
    for (std::size_t i = 0; i < v.size(); ++i) {
      s.values.push_back(read_ranged(v[i], child_path(r.path_of("values"), i), Range::kPositive));
    }
    if (s.values.size() != s.boundaries.size() + 1) {
      fail_at(r.path_of("values"), "expected " + std::to_string(s.boundaries.size() + 1) +
                                       " values (one more than boundaries), got " +
                                       std::to_string(s.values.size()));
    }
  } else {
    fail_unknown_name(r.path_of("type"), "learning rate schedule", s.type,
                      {"exponential_decay", "piecewise_constant_decay"});
  }
  r.finish();
  return s;
}

json schedule_to_json(const ScheduleSpec& s) {
  if (s.type == "exponential_decay") {
    return {{"type", s.type},
            {"initial_learning_rate", s.initial_learning_rate},
            {"decay_steps", s.decay_steps},
            {"decay_rate", s.decay_rate},
            {"staircase", s.staircase}};
  }
  return {{"type", s.type}, {"boundaries", s.boundaries}, {"values", s.values}};
}

/// NaN when x equals the default (so specs compare equal however they were written).
double unless_default(double x, double fallback) { return x == fallback ? kNaN : x; }

}  // namespace

OptimizerSpec parse_optimizer(const json& value, const std::string& path) {
  OptimizerSpec spec;
  const auto& names = optimizer_names();
  if (value.is_string()) {
    spec.type = value.get<std::string>();
    if (std::find(names.begin(), names.end(), spec.type) == names.end()) {
      fail_unknown_name(path, "optimizer", spec.type, names);
    }
    return spec;
  }
  ObjectReader r(value, path);
  spec.type = r.required_string("type");
  if (std::find(names.begin(), names.end(), spec.type) == names.end()) {
    fail_unknown_name(r.path_of("type"), "optimizer", spec.type, names);
  }
  const OptimizerOptions common = common_defaults(spec.type);
  if (const json* lr = r.find("learning_rate")) {
    if (lr->is_object()) {
      spec.schedule = parse_schedule(*lr, r.path_of("learning_rate"));
    } else if (lr->is_number()) {
      const double x = read_ranged(*lr, r.path_of("learning_rate"), Range::kPositive);
      spec.common.learning_rate = unless_default(x, common.learning_rate);
    } else {
      fail_at(r.path_of("learning_rate"),
              "expected a positive number or a schedule object, got " + describe(*lr));
    }
  }
  const OptimizerHyperparams defaults = keras_defaults(spec.type);
  for (const HyperField& f : hyper_fields()) {
    if (!r.has(f.name)) continue;
    const std::string at = r.path_of(f.name);
    if (!takes(defaults, f)) {
      fail_at(at, "optimizer '" + spec.type + "' does not take '" + f.name +
                      "'; it takes: " + taken_list(spec.type));
    }
    if (f.num) {
      spec.hyper.*f.num =
          unless_default(read_ranged(*r.find(f.name), at, f.range), defaults.*f.num);
    } else {
      const bool b = read_bool(*r.find(f.name), at);
      if (b != *(defaults.*f.flag)) spec.hyper.*f.flag = b;
    }
  }
  spec.common.weight_decay =
      unless_default(read_common(r, "weight_decay", common.weight_decay), common.weight_decay);
  spec.common.clipnorm = read_common(r, "clipnorm", 0.0);
  spec.common.clipvalue = read_common(r, "clipvalue", 0.0);
  spec.common.global_clipnorm = read_common(r, "global_clipnorm", 0.0);
  std::vector<std::string> known = {"type", "learning_rate"};
  for (const HyperField& f : hyper_fields()) {
    if (takes(defaults, f)) known.emplace_back(f.name);
  }
  for (const char* k : {"weight_decay", "clipnorm", "clipvalue", "global_clipnorm"}) {
    known.emplace_back(k);
  }
  r.finish(known);
  // The core checks what remains (at most one clipping rule).
  (void)make_optimizer(spec, path);
  return spec;
}

json optimizer_to_json(const OptimizerSpec& spec) {
  const auto set = [](double x) { return !std::isnan(x); };
  bool plain = !spec.schedule && !set(spec.common.learning_rate) &&
               !set(spec.common.weight_decay) && spec.common.clipnorm == 0.0 &&
               spec.common.clipvalue == 0.0 && spec.common.global_clipnorm == 0.0;
  for (const HyperField& f : hyper_fields()) {
    plain = plain && (f.num ? !set(spec.hyper.*f.num) : !(spec.hyper.*f.flag).has_value());
  }
  if (plain) return spec.type;
  return optimizer_to_object(spec);
}

json optimizer_to_object(const OptimizerSpec& spec) {
  const OptimizerOptions common = common_defaults(spec.type);
  const OptimizerHyperparams defaults = keras_defaults(spec.type);
  const auto set = [](double x) { return !std::isnan(x); };
  json out = {{"type", spec.type}};
  if (spec.schedule) {
    out["learning_rate"] = schedule_to_json(*spec.schedule);
  } else {
    out["learning_rate"] =
        set(spec.common.learning_rate) ? spec.common.learning_rate : common.learning_rate;
  }
  for (const HyperField& f : hyper_fields()) {
    if (!takes(defaults, f)) continue;
    if (f.num) {
      out[f.name] = set(spec.hyper.*f.num) ? spec.hyper.*f.num : defaults.*f.num;
    } else {
      out[f.name] = (spec.hyper.*f.flag).value_or(*(defaults.*f.flag));
    }
  }
  out["weight_decay"] =
      set(spec.common.weight_decay) ? spec.common.weight_decay : common.weight_decay;
  out["clipnorm"] = spec.common.clipnorm;
  out["clipvalue"] = spec.common.clipvalue;
  out["global_clipnorm"] = spec.common.global_clipnorm;
  return out;
}

OptimizerPtr make_optimizer(const OptimizerSpec& spec, const std::string& path) {
  OptimizerOptions common = spec.common;
  try {
    if (spec.schedule) {
      const ScheduleSpec& s = *spec.schedule;
      if (s.type == "exponential_decay") {
        common.schedule = std::make_shared<ExponentialDecay>(s.initial_learning_rate, s.decay_steps,
                                                             s.decay_rate, s.staircase);
      } else {
        common.schedule = std::make_shared<PiecewiseConstantDecay>(s.boundaries, s.values);
      }
    }
    return nn::make_optimizer(spec.type, common, spec.hyper);
  } catch (const nn::Error& e) {
    fail_at(path, e.what());
  }
}

}  // namespace nn::bridge
