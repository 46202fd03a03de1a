// Keras layer configs <-> nnplay layer objects, driven by the per-class key table
// (keras_layer_table.cpp).
#include "engine/bridge/keras/keras_layers.hpp"

#include <algorithm>

#include "engine/bridge/keras/keras_activation_layers.hpp"
#include "engine/bridge/keras/keras_layer_table.hpp"
#include "engine/core/base/naming.hpp"
#include "engine/core/base/shape.hpp"

namespace nn::bridge::keras {
namespace {

/// Reads one table field from a Keras config into nnplay terms (null = leave the default).
json import_field(const Field& f, ObjectReader& cfg, Dialect dialect) {
  const std::string at = cfg.path_of(f.keras);
  if (f.kind == Kind::kActivation && cfg.value().contains(f.keras) &&
      cfg.value()[f.keras].is_null()) {
    cfg.skip(f.keras);
    return "linear";  // Keras's activation=None
  }
  const json* v = cfg.find(f.keras);
  if (v == nullptr) return nullptr;
  switch (f.kind) {
    case Kind::kPositive:
      return read_integer(*v, at, 1, kMaxDimension);
    case Kind::kInteger:
      return read_integer(*v, at);
    case Kind::kNumber:
      return read_number(*v, at);
    case Kind::kRate: {
      const double r = read_number(*v, at, 0.0, 1.0);
      if (r >= 1.0) fail_at(at, "expected a number in [0, 1), got " + describe(*v));
      return r;
    }
    case Kind::kBool:
      return read_bool(*v, at);
    case Kind::kActivation:
      return import_activation(*v, at, dialect);
    case Kind::kInitializer:
      return import_initializer(*v, at);
    case Kind::kRegularizer:
      return import_regularizer(*v, at);
    case Kind::kSeed:
      return read_integer(*v, at, 0);
    case Kind::kAlpha: {
      const json init = import_initializer(*v, at);
      if (init == "zeros") return 0.0;
      if (init == "constant") return 0.0;
      if (init.is_object() && init.value("type", "") == "constant") return init.at("value");
      fail_at(at, "nnplay's PReLU starts from a constant alpha; expected Zeros or Constant, got " +
                      init.dump());
    }
    case Kind::kMergeMode: {
      static const std::vector<std::string> modes = {"concat", "sum", "mul", "ave"};
      const std::string m = read_string(*v, at);
      if (std::find(modes.begin(), modes.end(), m) == modes.end()) {
        fail_unknown_name(at, "merge_mode", m, modes);
      }
      return m;
    }
    case Kind::kAxisLast: {
      // -1, or the last axis as Keras 2 writes it after building ([1] for (batch, f) inputs).
      const json& a = v->is_array() && v->size() == 1 ? (*v)[0] : *v;
      const std::int64_t axis = read_integer(a, v->is_array() ? child_path(at, 0) : at);
      if (axis == 0 || axis < -1) {
        fail_at(at, "nnplay normalizes the last axis only; expected -1, got " + describe(*v));
      }
      return nullptr;
    }
    case Kind::kShape: {
      // The layer parser checks the dimensions (positive, one -1 at most) at this same path.
      const json& dims = read_array(*v, at, kMaxRank);
      for (std::size_t j = 0; j < dims.size(); ++j) read_integer(dims[j], child_path(at, j));
      return dims;
    }
    case Kind::kNeutral:
      require_neutral(*v, f.neutral, at, f.keras);
      return nullptr;
    case Kind::kNeutralInit: {
      const json init = import_initializer(*v, at);
      if (init != f.neutral) {
        fail_at(at, "nnplay does not support " + f.keras + "; expected " + describe(f.neutral) +
                        ", got " + init.dump());
      }
      return nullptr;
    }
    case Kind::kAny:
      return nullptr;
  }
  return nullptr;
}

/// Whether an imported option equals nnplay's default (initializers compare by meaning).
bool is_default(const json& defaults, const std::string& key, const json& value) {
  if (!defaults.contains(key)) return false;
  const json& d = defaults.at(key);
  if (key.size() > 12 && key.compare(key.size() - 12, 12, "_initializer") == 0) {
    return same_initializer(d, value);
  }
  return d == value;
}

}  // namespace

ImportedLayer import_layer(const std::string& class_name, const std::string& class_path,
                           const json& config, const std::string& config_path, Dialect dialect) {
  const LayerClass* cls = by_keras(class_name);
  const auto& act_classes = activation_layer_classes();
  const bool act =
      std::find(act_classes.begin(), act_classes.end(), class_name) != act_classes.end();
  if (cls == nullptr && !act) {
    std::vector<std::string> valid;
    for (const auto& c : classes()) valid.push_back(c.keras_class);
    valid.insert(valid.end(), act_classes.begin(), act_classes.end());
    valid.push_back("InputLayer");
    fail_unknown_name(class_path, "Keras layer class", class_name, valid);
  }
  ObjectReader cfg(config, config_path);
  ImportedLayer out;
  out.layer = {{"type", act ? "activation" : cls->type}};
  out.layer["name"] = cfg.string("name", nn::snake_case(class_name));
  if (!cfg.boolean("trainable", true)) out.layer["trainable"] = false;
  if (const json* d = cfg.find("dtype")) check_dtype(*d, cfg.path_of("dtype"), false);
  for (const char* key : {"batch_input_shape", "batch_shape"}) {
    if (const json* s = cfg.find(key)) out.batch_shape = *s;
  }
  cfg.skip("input_shape");
  cfg.skip("batch_size");
  if (act) {
    // LeakyReLU, ReLU, ELU, Softmax: an Activation layer with the activation they compute.
    out.layer["activation"] = import_activation_layer(class_name, cfg);
    cfg.finish();
    return out;
  }
  for (const auto& f : cls->fields) {
    // Options nnplay requires (no default) are required in the Keras config too.
    if (!f.nnplay.empty() && !cls->defaults.contains(f.nnplay)) cfg.require(f.keras);
    json v = import_field(f, cfg, dialect);
    if (f.nnplay.empty() || v.is_null()) continue;
    if (!is_default(cls->defaults, f.nnplay, v)) out.layer[f.nnplay] = v;
  }
  if (cls->type == "bidirectional") {
    const std::string lpath = cfg.path_of("layer");
    ObjectReader inner(cfg.require("layer"), lpath);
    inner.skip("module");
    inner.skip("registered_name");
    inner.skip("build_config");
    const std::string inner_class = inner.required_string("class_name");
    if (inner_class != "LSTM" && inner_class != "GRU" && inner_class != "SimpleRNN") {
      fail_unknown_name(inner.path_of("class_name"), "Bidirectional layer class", inner_class,
                        {"SimpleRNN", "LSTM", "GRU"});
    }
    const ImportedLayer wrapped =
        import_layer(inner_class, inner.path_of("class_name"), inner.require("config"),
                     inner.path_of("config"), dialect);
    inner.finish();
    out.layer["layer"] = wrapped.layer;
    if (const json* back = cfg.find("backward_layer")) {
      // Keras 3 writes the backward half too: the same layer going the other way.
      const std::string bpath = cfg.path_of("backward_layer");
      ObjectReader b(*back, bpath);
      b.skip("module");
      b.skip("registered_name");
      b.skip("build_config");
      json imported = import_layer(b.required_string("class_name"), b.path_of("class_name"),
                                   b.require("config"), b.path_of("config"), dialect)
                          .layer;
      b.finish();
      json expected = canonical_layer(wrapped.layer);
      imported = canonical_layer(imported);
      expected["go_backwards"] = !expected["go_backwards"].get<bool>();
      expected.erase("name");
      imported.erase("name");
      if (imported != expected) {
        fail_at(bpath,
                "nnplay's Bidirectional runs a copy of `layer` backwards; expected "
                "backward_layer to be that copy, got a different configuration");
      }
    }
  }
  cfg.finish();
  return out;
}

const json& layer_defaults(const std::string& type) {
  static const json table = [] {
    json t = json::object();
    for (const auto& c : classes()) {
      json d = c.defaults;
      d["trainable"] = true;
      t[c.type] = d;
    }
    return t;
  }();
  return table.at(by_type(type, "").type);
}

json canonical_layer(const json& layer) {
  json out = layer;
  const json& defaults = layer_defaults(layer.at("type").get<std::string>());
  for (auto it = defaults.begin(); it != defaults.end(); ++it) {
    if (!out.contains(it.key())) out[it.key()] = it.value();
  }
  if (out.contains("layer")) out["layer"] = canonical_layer(out["layer"]);
  return out;
}

std::vector<std::string> state_output_names(const json& layer) {
  const std::string type = layer.value("type", "");
  if (type == "bidirectional") {
    std::vector<std::string> names;
    for (const char* half : {"forward_", "backward_"}) {
      for (const auto& s : state_output_names(layer.value("layer", json::object()))) {
        names.push_back(half + s);
      }
    }
    return names;
  }
  if (!layer.value("return_state", false)) return {};
  if (type == "lstm") return {"state_h", "state_c"};
  if (type == "gru" || type == "simple_rnn") return {"state_h"};
  return {};
}

json export_layer(const json& layer, const std::string& path) {
  ObjectReader reader(layer, path);
  const std::string type = reader.required_string("type");
  const LayerClass& cls = by_type(type, reader.path_of("type"));
  const json full = canonical_layer(layer);
  if (type == "activation" && full.contains("activation")) {
    // leaky_relu and elu with their option: Keras's LeakyReLU / ELU layers.
    if (std::optional<json> special = export_activation_layer(full.at("activation"))) {
      json& config = (*special)["config"];
      config["name"] =
          full.value("name", nn::snake_case(special->at("class_name").get<std::string>()));
      config["trainable"] = full.value("trainable", true);
      return *special;
    }
  }
  json config = json::object();
  for (const auto& f : cls.fields) {
    if (f.nnplay.empty()) {
      if (!f.tfjs) continue;
      config[f.keras] =
          f.kind == Kind::kNeutralInit ? export_initializer(f.neutral, path) : f.neutral;
      continue;
    }
    const std::string at = child_path(path, f.nnplay);
    if (!full.contains(f.nnplay)) fail_at(at, "missing required field '" + f.nnplay + "'");
    const json& v = full.at(f.nnplay);
    switch (f.kind) {
      case Kind::kActivation:
        config[f.keras] = export_activation(v, at);
        break;
      case Kind::kInitializer:
        config[f.keras] = export_initializer(v, at);
        break;
      case Kind::kRegularizer:
        config[f.keras] = export_regularizer(v, at);
        break;
      case Kind::kAlpha:
        config[f.keras] = {{"class_name", "Constant"}, {"config", {{"value", read_number(v, at)}}}};
        break;
      default:
        config[f.keras] = v;
    }
  }
  config["name"] = full.value("name", nn::snake_case(cls.keras_class));
  config["trainable"] = full.value("trainable", true);
  if (type == "bidirectional") {
    config["layer"] = export_layer(full.at("layer"), child_path(path, "layer"));
  }
  return {{"class_name", cls.keras_class}, {"config", config}};
}

}  // namespace nn::bridge::keras
