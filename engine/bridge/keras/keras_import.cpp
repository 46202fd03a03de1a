// Keras model.to_json() -> nnplay model objects: the model level (Sequential, Functional and
// TF.js's "Model"; inbound nodes of both dialects). Keras 3: keras/src/models/functional.py
// (get_config, functional_from_config) and keras/src/models/sequential.py; Keras 2 / TF.js:
// tfjs-layers/src/engine/container.ts (getConfig / fromConfig).
#include "engine/bridge/keras/keras_import.hpp"

#include <algorithm>
#include <map>

#include "engine/bridge/keras/keras_import_parts.hpp"

namespace nn::bridge::keras {

json per_sample_shape(const json& batch_shape, const std::string& path) {
  const json& s = read_array(batch_shape, path, 9);
  if (s.size() < 2) {
    fail_at(path,
            "expected a batch shape [null, d1, ...] with at least one per-sample "
            "dimension, got " +
                batch_shape.dump());
  }
  json out = json::array();
  for (std::size_t i = 1; i < s.size(); ++i) {
    // nnplay needs a fixed size for every per-sample dimension (no variable-length sequences).
    out.push_back(read_integer(s[i], child_path(path, i), 1, kMaxDimension));
  }
  return out;
}

LayerObject read_layer_object(const json& value, const std::string& path) {
  ObjectReader r(value, path);
  LayerObject out;
  out.path = path;
  out.class_name = r.required_string("class_name");
  out.name = r.string("name", "");
  out.config = &r.require("config");
  out.inbound_nodes = r.find("inbound_nodes");
  for (const char* key : {"module", "registered_name", "build_config"}) r.skip(key);
  r.finish();
  return out;
}

json import_input_layer(const LayerObject& obj) {
  const std::string path = child_path(obj.path, "config");
  ObjectReader cfg(*obj.config, path);
  const std::string name = cfg.string("name", obj.name.empty() ? "input_layer" : obj.name);
  const char* key = cfg.has("batch_shape") ? "batch_shape" : "batch_input_shape";
  const json shape = per_sample_shape(cfg.require(key), cfg.path_of(key));
  if (const json* d = cfg.find("dtype")) check_dtype(*d, cfg.path_of("dtype"), true);
  for (const char* neutral : {"sparse", "ragged", "optional"}) {
    if (const json* v = cfg.find(neutral)) {
      require_neutral(*v, false, cfg.path_of(neutral), neutral);
    }
  }
  cfg.skip("input_tensor");
  cfg.finish();
  return {{"name", obj.name.empty() ? name : obj.name}, {"shape", shape}};
}

namespace {

/// The layers of a Keras config: `config.layers`, or an old Keras 2 Sequential's bare list.
const json& layer_list(const json& config, const std::string& path, std::string& list_path) {
  list_path = path;
  if (config.is_array()) return config;
  list_path = child_path(path, "layers");
  if (!config.is_object() || !config.contains("layers")) {
    fail_at(list_path, "missing required field 'layers'");
  }
  return read_array(config.at("layers"), list_path);
}

json import_sequential(const json& config, const std::string& path, Dialect dialect) {
  std::string list_path;
  const json& layers = layer_list(config, path, list_path);
  json model = {{"type", "sequential"}};
  json input_shape;
  std::string name = "sequential";
  json build_shape;
  if (config.is_object()) {
    ObjectReader cfg(config, path);
    name = cfg.string("name", name);
    cfg.skip("layers");
    cfg.skip("trainable");
    if (const json* d = cfg.find("dtype")) check_dtype(*d, cfg.path_of("dtype"), false);
    if (const json* b = cfg.find("build_input_shape")) build_shape = *b;
    cfg.finish();
  }
  json out_layers = json::array();
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const LayerObject obj = read_layer_object(layers[i], child_path(list_path, i));
    if (obj.class_name == "InputLayer") {
      if (i != 0)
        fail_at(child_path(obj.path, "class_name"),
                "an InputLayer must come first in a Sequential model");
      input_shape = import_input_layer(obj).at("shape");
      continue;
    }
    ImportedLayer imported = import_layer(obj.class_name, child_path(obj.path, "class_name"),
                                          *obj.config, child_path(obj.path, "config"), dialect);
    if (input_shape.is_null() && out_layers.empty() && !imported.batch_shape.is_null()) {
      const std::string key =
          obj.config->contains("batch_shape") ? "batch_shape" : "batch_input_shape";
      input_shape =
          per_sample_shape(imported.batch_shape, child_path(child_path(obj.path, "config"), key));
    }
    out_layers.push_back(imported.layer);
  }
  if (out_layers.empty()) fail_at(list_path, "expected at least one layer, got none");
  if (input_shape.is_null() && !build_shape.is_null()) {
    input_shape = per_sample_shape(build_shape, child_path(path, "build_input_shape"));
  }
  if (input_shape.is_null()) {
    fail_at(child_path(list_path, 0),
            "nnplay needs the input shape; expected an InputLayer or batch_input_shape on the "
            "first layer, got neither");
  }
  if (name != "sequential") model["name"] = name;
  model["seed"] = 0;
  model["input_shape"] = input_shape;
  model["layers"] = out_layers;
  return model;
}

}  // namespace
}  // namespace nn::bridge::keras

namespace nn::bridge {

using keras::Dialect;

json keras_to_model_json(const json& keras_json, const std::string& path) {
  ObjectReader top(keras_json, path);
  const std::string cls = top.required_string("class_name");
  Dialect dialect = top.has("module") ? Dialect::kKeras3 : Dialect::kKeras2;
  if (const json* v = top.find("keras_version")) {
    if (v->is_string() && v->get<std::string>().rfind("3.", 0) == 0) dialect = Dialect::kKeras3;
  }
  for (const char* key :
       {"module", "registered_name", "build_config", "compile_config", "backend"}) {
    top.skip(key);
  }
  const json& config = top.require("config");
  const std::string cpath = top.path_of("config");
  top.finish();
  // Keras 3 layers carry "module"; a config written by Keras 3 is read in its dialect.
  if (config.is_object() && config.contains("layers") && config["layers"].is_array()) {
    for (const auto& l : config["layers"]) {
      if (l.is_object() && l.contains("module")) dialect = Dialect::kKeras3;
    }
  }
  if (cls == "Sequential") return keras::import_sequential(config, cpath, dialect);
  if (cls == "Functional" || cls == "Model")
    return keras::import_functional(config, cpath, dialect);
  fail_unknown_name(child_path(path, "class_name"), "Keras model class", cls,
                    {"Sequential", "Functional", "Model"});
}

bool is_keras_json(const json& value) {
  return value.is_object() && value.contains("class_name") && value.contains("config") &&
         value["class_name"].is_string();
}

}  // namespace nn::bridge
