#pragma once
/// CompileSpec: the "compile" object (docs/schema/training.md): optimizer (with schedule),
/// losses, loss weights and metrics, as Keras's model.compile() takes them.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/bridge/json/reader.hpp"
#include "engine/core/losses/loss.hpp"
#include "engine/core/models/model.hpp"
#include "engine/core/optimizers/registry.hpp"

namespace nn::bridge {

/// A learning-rate schedule: "exponential_decay" or "piecewise_constant_decay" (Keras names).
struct ScheduleSpec {
  std::string type;
  double initial_learning_rate = 0.01;
  std::int64_t decay_steps = 1;
  double decay_rate = 0.96;
  bool staircase = false;
  std::vector<std::int64_t> boundaries;
  std::vector<double> values;
};

struct OptimizerSpec {
  std::string type = "rmsprop";          // Keras's compile() default
  OptimizerOptions common;               // learning_rate (NaN = default), clipping, weight_decay
  OptimizerHyperparams hyper;            // NaN / nullopt = Keras default
  std::optional<ScheduleSpec> schedule;  // "learning_rate": {"type": "exponential_decay", ...}
};

struct LossSpec {
  std::string type;
  LossOptions options;
};

struct CompileSpec {
  OptimizerSpec optimizer;
  /// One loss for every output, or one per output (list, or object keyed by output name).
  std::vector<LossSpec> losses;
  /// Output names when the losses were given as an object keyed by output name; else empty.
  std::vector<std::string> loss_outputs;
  std::vector<double> loss_weights;  // empty = 1 each
  /// Output names when the loss weights were given as an object keyed by output name; else empty.
  std::vector<std::string> loss_weight_outputs;
  std::vector<std::string> metrics;
};

/// An optimizer: a name ("adam") or {"type": "adam", <options>}. Options the optimizer does not
/// take, values out of range and unknown names fail at their path; a value equal to the Keras
/// default is stored as unset (NaN / nullopt), so specs compare equal however they were written.
OptimizerSpec parse_optimizer(const json& value, const std::string& path);
/// A name when nothing differs from the defaults, else optimizer_to_object(spec).
json optimizer_to_json(const OptimizerSpec& spec);
/// Always the long form {"type", every option it takes}, defaults written out.
json optimizer_to_object(const OptimizerSpec& spec);

CompileSpec parse_compile(const json& value, const std::string& path);
/// Canonical JSON (every field written); parse_compile(compile_to_json(s)) == s.
json compile_to_json(const CompileSpec& spec);
/// The optimizer the spec describes (fresh state).
OptimizerPtr make_optimizer(const OptimizerSpec& spec, const std::string& path);
/// model.compile(...). Errors (a loss per output that does not match the outputs, an unknown
/// output name, a loss that does not fit an output) become BridgeError under `path`.
void compile_model(Model& model, const CompileSpec& spec, const std::string& path);

}  // namespace nn::bridge
