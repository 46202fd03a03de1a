// The "fit" object: Keras fit() arguments and the callbacks (EarlyStopping, ReduceLROnPlateau).
#include "engine/bridge/spec/fit_spec.hpp"

#include "engine/bridge/spec/augment_spec.hpp"
#include "engine/core/base/error.hpp"

namespace nn::bridge {
namespace {

const std::vector<std::string>& callback_names() {
  static const std::vector<std::string> names = {"early_stopping", "reduce_lr_on_plateau"};
  return names;
}

/// "mode": "auto", "min" or "max".
std::string read_mode(ObjectReader& r) {
  const std::string mode = r.string("mode", "auto");
  if (mode != "auto" && mode != "min" && mode != "max") {
    fail_unknown_name(r.path_of("mode"), "mode", mode, {"auto", "min", "max"});
  }
  return mode;
}

/// A non-empty monitor key ("val_loss", "accuracy", ...).
std::string read_monitor(ObjectReader& r) {
  const std::string monitor = r.string("monitor", "val_loss");
  if (monitor.empty())
    fail_at(r.path_of("monitor"), "expected a log key such as \"val_loss\", got \"\"");
  return monitor;
}

EarlyStoppingOptions parse_early_stopping(ObjectReader& r) {
  EarlyStoppingOptions o;
  o.monitor = read_monitor(r);
  o.min_delta = r.number("min_delta", o.min_delta, 0.0);
  o.patience = static_cast<int>(r.integer("patience", o.patience, 0, kMaxPatience));
  o.mode = read_mode(r);
  o.restore_best_weights = r.boolean("restore_best_weights", o.restore_best_weights);
  r.finish({"type", "monitor", "min_delta", "patience", "mode", "restore_best_weights"});
  return o;
}

ReduceLROnPlateauOptions parse_reduce_lr(ObjectReader& r) {
  ReduceLROnPlateauOptions o;
  o.monitor = read_monitor(r);
  if (const json* f = r.find("factor")) {
    o.factor = read_number(*f, r.path_of("factor"));
    if (!(o.factor > 0.0 && o.factor < 1.0)) {
      fail_at(r.path_of("factor"), "expected a number in (0, 1), got " + describe(*f));
    }
  }
  o.patience = static_cast<int>(r.integer("patience", o.patience, 0, kMaxPatience));
  o.mode = read_mode(r);
  o.min_delta = r.number("min_delta", o.min_delta, 0.0);
  o.cooldown = static_cast<int>(r.integer("cooldown", o.cooldown, 0, kMaxPatience));
  o.min_lr = r.number("min_lr", o.min_lr, 0.0);
  r.finish({"type", "monitor", "factor", "patience", "mode", "min_delta", "cooldown", "min_lr"});
  return o;
}

/// A callback: a name (Keras defaults) or {"type": name, <options>}.
CallbackSpec parse_callback(const json& value, const std::string& path) {
  CallbackSpec spec;
  if (value.is_string()) {
    spec.type = value.get<std::string>();
    if (spec.type != "early_stopping" && spec.type != "reduce_lr_on_plateau") {
      fail_unknown_name(path, "callback", spec.type, callback_names());
    }
    return spec;
  }
  ObjectReader r(value, path);
  spec.type = r.required_string("type");
  if (spec.type == "early_stopping") {
    spec.early_stopping = parse_early_stopping(r);
  } else if (spec.type == "reduce_lr_on_plateau") {
    spec.reduce_lr_on_plateau = parse_reduce_lr(r);
  } else {
    fail_unknown_name(r.path_of("type"), "callback", spec.type, callback_names());
  }
  return spec;
}

json early_stopping_to_json(const EarlyStoppingOptions& o) {
  const EarlyStoppingOptions d;
  if (o.monitor == d.monitor && o.min_delta == d.min_delta && o.patience == d.patience &&
      o.mode == d.mode && o.restore_best_weights == d.restore_best_weights) {
    return "early_stopping";
  }
  return {{"type", "early_stopping"}, {"monitor", o.monitor},
          {"min_delta", o.min_delta}, {"patience", o.patience},
          {"mode", o.mode},           {"restore_best_weights", o.restore_best_weights}};
}

json reduce_lr_to_json(const ReduceLROnPlateauOptions& o) {
  const ReduceLROnPlateauOptions d;
  if (o.monitor == d.monitor && o.factor == d.factor && o.patience == d.patience &&
      o.mode == d.mode && o.min_delta == d.min_delta && o.cooldown == d.cooldown &&
      o.min_lr == d.min_lr) {
    return "reduce_lr_on_plateau";
  }
  return {{"type", "reduce_lr_on_plateau"}, {"monitor", o.monitor}, {"factor", o.factor},
          {"patience", o.patience},         {"mode", o.mode},       {"min_delta", o.min_delta},
          {"cooldown", o.cooldown},         {"min_lr", o.min_lr}};
}

}  // namespace

FitSpec parse_fit(const json& value, const std::string& path) {
  ObjectReader r(value, path);
  FitSpec spec;
  FitOptions& o = spec.options;
  o.epochs = static_cast<int>(r.integer("epochs", o.epochs, 1, kMaxEpochs));
  o.batch_size = static_cast<Index>(r.integer("batch_size", o.batch_size, 1, kMaxBatchSize));
  o.shuffle = r.boolean("shuffle", o.shuffle);
  if (const json* v = r.find("validation_split")) {
    o.validation_split = read_number(*v, r.path_of("validation_split"));
    if (!(o.validation_split >= 0.0 && o.validation_split < 1.0)) {
      fail_at(r.path_of("validation_split"), "expected a number in [0, 1), got " + describe(*v));
    }
  }
  o.seed = static_cast<std::uint64_t>(r.integer("seed", 0, 0));
  if (const json* c = r.find("callbacks")) {
    const std::string c_path = r.path_of("callbacks");
    read_array(*c, c_path, 16);
    for (std::size_t i = 0; i < c->size(); ++i) {
      spec.callbacks.push_back(parse_callback((*c)[i], child_path(c_path, i)));
    }
  }
  if (const json* a = r.find("augmentation")) {
    o.augmentation = parse_augmentation(*a, r.path_of("augmentation"));
  }
  r.finish(
      {"epochs", "batch_size", "shuffle", "validation_split", "seed", "callbacks", "augmentation"});
  // The core constructors check what is left (none today); errors land on the callback.
  (void)make_callbacks(spec, path);
  return spec;
}

json fit_to_json(const FitSpec& spec) {
  const FitOptions& o = spec.options;
  json callbacks = json::array();
  for (const CallbackSpec& c : spec.callbacks) {
    callbacks.push_back(c.type == "early_stopping" ? early_stopping_to_json(c.early_stopping)
                                                   : reduce_lr_to_json(c.reduce_lr_on_plateau));
  }
  json out = {{"epochs", o.epochs},   {"batch_size", static_cast<std::int64_t>(o.batch_size)},
              {"shuffle", o.shuffle}, {"validation_split", o.validation_split},
              {"seed", o.seed},       {"callbacks", callbacks}};
  // Written only when given, so fits without augmentation keep their canonical form.
  if (has_augmentation(spec)) out["augmentation"] = augmentation_to_json(o.augmentation);
  return out;
}

std::vector<std::unique_ptr<Callback>> make_callbacks(const FitSpec& spec,
                                                      const std::string& path) {
  std::vector<std::unique_ptr<Callback>> out;
  for (std::size_t i = 0; i < spec.callbacks.size(); ++i) {
    const CallbackSpec& c = spec.callbacks[i];
    const std::string at = child_path(child_path(path, "callbacks"), i);
    try {
      if (c.type == "early_stopping") {
        out.push_back(std::make_unique<EarlyStopping>(c.early_stopping));
      } else if (c.type == "reduce_lr_on_plateau") {
        out.push_back(std::make_unique<ReduceLROnPlateau>(c.reduce_lr_on_plateau));
      } else {
        fail_unknown_name(at, "callback", c.type, callback_names());
      }
    } catch (const nn::Error& e) {
      fail_at(at, e.what());
    }
  }
  return out;
}

}  // namespace nn::bridge
