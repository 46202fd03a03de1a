// The "compile" object: losses (one, a list per output, or keyed by output name), loss weights,
// metrics and the optimizer (optimizer_spec.cpp), and compile_model over nn::Model::compile.
#include "engine/bridge/spec/compile_spec.hpp"

#include <algorithm>

#include "engine/core/base/error.hpp"

namespace nn::bridge {
namespace {

/// The options a loss takes, by Keras name (aliases "mse", "mae" take none).
std::vector<std::string> loss_options_of(const std::string& type) {
  if (type == "binary_crossentropy" || type == "categorical_crossentropy") {
    return {"from_logits", "label_smoothing"};
  }
  if (type == "sparse_categorical_crossentropy") return {"from_logits"};
  if (type == "huber") return {"delta"};
  return {};
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

/// One loss: a name or {"type": name, <its options>}.
LossSpec parse_loss(const json& value, const std::string& path) {
  LossSpec spec;
  const std::vector<std::string> names = loss_names();
  if (value.is_string()) {
    spec.type = value.get<std::string>();
    if (!contains(names, spec.type)) fail_unknown_name(path, "loss", spec.type, names);
    return spec;
  }
  ObjectReader r(value, path);
  spec.type = r.required_string("type");
  if (!contains(names, spec.type)) fail_unknown_name(r.path_of("type"), "loss", spec.type, names);
  const std::vector<std::string> takes = loss_options_of(spec.type);
  for (const char* option : {"from_logits", "label_smoothing", "delta"}) {
    if (r.has(option) && !contains(takes, option)) {
      fail_at(r.path_of(option),
              "loss '" + spec.type + "' does not take '" + option + "'; " +
                  (takes.empty() ? "it takes no options" : "it takes: " + join(takes)));
    }
  }
  spec.options.from_logits = r.boolean("from_logits", false);
  spec.options.label_smoothing = r.number("label_smoothing", 0.0, 0.0, 1.0);
  if (const json* d = r.find("delta")) {
    spec.options.delta = read_number(*d, r.path_of("delta"));
    if (!(spec.options.delta > 0.0)) {
      fail_at(r.path_of("delta"), "expected a positive number, got " + describe(*d));
    }
  }
  std::vector<std::string> known = {"type"};
  known.insert(known.end(), takes.begin(), takes.end());
  r.finish(known);
  return spec;
}

json loss_to_json(const LossSpec& spec) {
  const LossOptions defaults;
  if (spec.options.from_logits == defaults.from_logits &&
      spec.options.label_smoothing == defaults.label_smoothing &&
      spec.options.delta == defaults.delta) {
    return spec.type;
  }
  json out = {{"type", spec.type}};
  for (const std::string& option : loss_options_of(spec.type)) {
    if (option == "from_logits") out[option] = spec.options.from_logits;
    if (option == "label_smoothing") out[option] = spec.options.label_smoothing;
    if (option == "delta") out[option] = spec.options.delta;
  }
  return out;
}

/// Maps entries keyed by output name (or given per output) to output order. Fails at `path`
/// (the "loss" or "loss_weights" field) when names or counts do not match the model.
std::vector<std::size_t> output_order(const std::vector<std::string>& keyed, std::size_t count,
                                      const std::vector<std::string>& outputs,
                                      const std::string& path, const std::string& what) {
  const std::string listing = std::to_string(outputs.size()) + " output(s): " + join(outputs);
  std::vector<std::size_t> order;  // order[output] = index into the spec's list
  if (keyed.empty()) {
    if (count != outputs.size()) {
      fail_at(path, "expected " + std::to_string(outputs.size()) + " " + what +
                        ", one per output (the model has " + listing + "), got " +
                        std::to_string(count));
    }
    for (std::size_t i = 0; i < count; ++i) order.push_back(i);
    return order;
  }
  for (const std::string& name : keyed) {
    if (!contains(outputs, name)) {
      fail_at(child_path(path, name), "unknown output '" + name + "'; the model has " + listing);
    }
  }
  for (const std::string& output : outputs) {
    const auto it = std::find(keyed.begin(), keyed.end(), output);
    if (it == keyed.end()) {
      fail_at(path, "no " + what + " for output '" + output + "'; the model has " + listing);
    }
    order.push_back(static_cast<std::size_t>(it - keyed.begin()));
  }
  return order;
}

}  // namespace

CompileSpec parse_compile(const json& value, const std::string& path) {
  ObjectReader r(value, path);
  CompileSpec spec;
  if (const json* o = r.find("optimizer"))
    spec.optimizer = parse_optimizer(*o, r.path_of("optimizer"));

  const json& loss = r.require("loss");
  const std::string loss_path = r.path_of("loss");
  if (loss.is_string() || (loss.is_object() && loss.contains("type"))) {
    spec.losses.push_back(parse_loss(loss, loss_path));
  } else if (loss.is_array()) {
    read_array(loss, loss_path, 1000);
    if (loss.empty()) fail_at(loss_path, "expected at least one loss, got []");
    for (std::size_t i = 0; i < loss.size(); ++i) {
      spec.losses.push_back(parse_loss(loss[i], child_path(loss_path, i)));
    }
  } else if (loss.is_object()) {
    if (loss.empty()) fail_at(loss_path, "expected at least one loss, got {}");
    for (auto it = loss.begin(); it != loss.end(); ++it) {
      spec.loss_outputs.push_back(it.key());
      spec.losses.push_back(parse_loss(it.value(), child_path(loss_path, it.key())));
    }
  } else {
    fail_at(loss_path,
            "expected a loss name, a loss object, a list of losses or an object keyed by output "
            "name, got " +
                describe(loss));
  }

  if (const json* w = r.find("loss_weights")) {
    const std::string w_path = r.path_of("loss_weights");
    if (w->is_array()) {
      read_array(*w, w_path, 1000);
      for (std::size_t i = 0; i < w->size(); ++i) {
        spec.loss_weights.push_back(read_number((*w)[i], child_path(w_path, i), 0.0));
      }
    } else if (w->is_object()) {
      for (auto it = w->begin(); it != w->end(); ++it) {
        spec.loss_weight_outputs.push_back(it.key());
        spec.loss_weights.push_back(read_number(it.value(), child_path(w_path, it.key()), 0.0));
      }
    } else {
      fail_at(w_path,
              "expected a list of numbers or an object keyed by output name, got " + describe(*w));
    }
  }

  if (const json* m = r.find("metrics")) {
    const std::string m_path = r.path_of("metrics");
    read_array(*m, m_path, 100);
    const std::vector<std::string> names = nn::metric_names();
    for (std::size_t i = 0; i < m->size(); ++i) {
      const std::string name = read_string((*m)[i], child_path(m_path, i));
      if (!contains(names, name)) fail_unknown_name(child_path(m_path, i), "metric", name, names);
      spec.metrics.push_back(name);
    }
  }
  r.finish({"optimizer", "loss", "loss_weights", "metrics"});
  return spec;
}

json compile_to_json(const CompileSpec& spec) {
  json out;
  out["optimizer"] = optimizer_to_json(spec.optimizer);
  if (!spec.loss_outputs.empty()) {
    json keyed = json::object();
    for (std::size_t i = 0; i < spec.losses.size(); ++i) {
      keyed[spec.loss_outputs[i]] = loss_to_json(spec.losses[i]);
    }
    out["loss"] = keyed;
  } else if (spec.losses.size() == 1) {
    out["loss"] = loss_to_json(spec.losses[0]);
  } else {
    json list = json::array();
    for (const LossSpec& l : spec.losses) list.push_back(loss_to_json(l));
    out["loss"] = list;
  }
  if (spec.loss_weights.empty()) {
    out["loss_weights"] = nullptr;
  } else if (!spec.loss_weight_outputs.empty()) {
    json keyed = json::object();
    for (std::size_t i = 0; i < spec.loss_weights.size(); ++i) {
      keyed[spec.loss_weight_outputs[i]] = spec.loss_weights[i];
    }
    out["loss_weights"] = keyed;
  } else {
    out["loss_weights"] = spec.loss_weights;
  }
  out["metrics"] = spec.metrics;
  return out;
}

void compile_model(Model& model, const CompileSpec& spec, const std::string& path) {
  std::vector<std::string> outputs;
  for (int node : model.graph().output_nodes()) outputs.push_back(model.graph().node_name(node));
  const std::string loss_path = child_path(path, "loss");
  if (spec.losses.empty()) fail_at(loss_path, "missing required field 'loss'");

  // One loss serves every output (Keras); otherwise one per output, matched by name or order.
  std::vector<std::unique_ptr<Loss>> losses;
  const bool shared = spec.losses.size() == 1 && spec.loss_outputs.empty();
  const std::vector<std::size_t> order =
      shared ? std::vector<std::size_t>(outputs.size(), 0)
             : output_order(spec.loss_outputs, spec.losses.size(), outputs, loss_path, "losses");
  for (std::size_t i = 0; i < order.size(); ++i) {
    const LossSpec& l = spec.losses[order[i]];
    try {
      losses.push_back(nn::make_loss(l.type, l.options));
    } catch (const nn::Error& e) {
      fail_at(loss_path, e.what());
    }
  }

  std::vector<double> weights;
  if (!spec.loss_weights.empty()) {
    const std::vector<std::size_t> w_order =
        output_order(spec.loss_weight_outputs, spec.loss_weights.size(), outputs,
                     child_path(path, "loss_weights"), "loss weights");
    for (std::size_t i : w_order) weights.push_back(spec.loss_weights[i]);
  }

  OptimizerPtr optimizer = make_optimizer(spec.optimizer, child_path(path, "optimizer"));
  try {
    model.compile(std::move(optimizer), std::move(losses), std::move(weights), spec.metrics);
  } catch (const nn::Error& e) {
    fail_at(path, e.what());
  }
}

}  // namespace nn::bridge
