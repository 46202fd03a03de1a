// Keras Functional / TF.js Model configs -> nnplay functional models. Inbound nodes:
// Keras 2 / TF.js [[["name", node, tensor, {kwargs}], ...]] (tfjs-layers container.ts);
// Keras 3 [{"args": [...], "kwargs": {...}}] with tensors {"class_name": "__keras_tensor__",
// "config": {"keras_history": [name, node, tensor]}} (keras/src/models/functional.py,
// serialize_node).
#include <map>

#include "engine/bridge/keras/keras_import_parts.hpp"

namespace nn::bridge::keras {
namespace {

/// Names of the nodes defined so far, and their extra (state) outputs.
struct Graph {
  std::map<std::string, std::vector<std::string>> extra_outputs;
  std::vector<std::string> names;
};

/// The nnplay node name of a Keras tensor reference (layer name, node index, tensor index).
std::string resolve(const Graph& g, const json& history, const std::string& path) {
  const json& h = read_array(history, path);
  if (h.size() < 3)
    fail_at(path, "expected [layer name, node index, tensor index], got " + h.dump());
  const std::string name = read_string(h[0], child_path(path, 0));
  const auto it = g.extra_outputs.find(name);
  if (it == g.extra_outputs.end()) {
    fail_unknown_name(child_path(path, 0), "inbound layer", name, g.names);
  }
  if (read_integer(h[1], child_path(path, 1), 0) != 0) {
    fail_at(child_path(path, 1),
            "nnplay does not support shared layers (a layer called more "
            "than once); expected node index 0, got " +
                h[1].dump());
  }
  const auto n = static_cast<std::int64_t>(it->second.size());
  const std::int64_t k = read_integer(h[2], child_path(path, 2), 0);
  if (k > n) {
    fail_at(child_path(path, 2), "layer '" + name + "' has " + std::to_string(n + 1) +
                                     " output(s); expected a tensor index <= " + std::to_string(n) +
                                     ", got " + std::to_string(k));
  }
  return k == 0 ? name : name + "/" + it->second[static_cast<std::size_t>(k - 1)];
}

/// Appends every Keras 3 tensor found in `value` (a tensor or nested lists of them).
void keras3_tensors(const Graph& g, const json& value, const std::string& path, json& inputs) {
  if (value.is_array()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      keras3_tensors(g, value[i], child_path(path, i), inputs);
    }
    return;
  }
  ObjectReader t(value, path);
  const std::string cls = t.required_string("class_name");
  if (cls != "__keras_tensor__") {
    fail_at(t.path_of("class_name"),
            "expected a \"__keras_tensor__\" argument, got " + describe(json(cls)));
  }
  ObjectReader cfg(t.require("config"), t.path_of("config"));
  cfg.skip("shape");
  cfg.skip("dtype");
  inputs.push_back(resolve(g, cfg.require("keras_history"), cfg.path_of("keras_history")));
  cfg.finish();
  t.finish();
}

/// Call keyword arguments: initial_state (recurrent layers) becomes extra inputs; "mask" and
/// "training" are accepted when null; anything else is refused.
void read_kwargs(const Graph& g, const json& kwargs, const std::string& path, bool recurrent,
                 bool keras3, json& inputs) {
  ObjectReader kw(kwargs, path);
  if (const json* s = kw.find("initial_state")) {
    if (!recurrent)
      fail_at(kw.path_of("initial_state"), "only recurrent layers take initial_state");
    if (!keras3) fail_at(kw.path_of("initial_state"), "expected initial_state as inputs");
    keras3_tensors(g, *s, kw.path_of("initial_state"), inputs);
  }
  kw.skip("mask");
  kw.skip("training");
  kw.finish();
}

/// The inputs of a layer's single inbound node.
json read_inbound(const Graph& g, const LayerObject& obj, bool recurrent) {
  const std::string path = child_path(obj.path, "inbound_nodes");
  if (obj.inbound_nodes == nullptr) fail_at(path, "missing required field 'inbound_nodes'");
  const json& nodes = read_array(*obj.inbound_nodes, path);
  if (nodes.size() != 1) {
    fail_at(path,
            "nnplay does not support shared or unconnected layers; expected 1 inbound "
            "node, got " +
                std::to_string(nodes.size()));
  }
  const std::string npath = child_path(path, 0);
  const json& node = nodes[0];
  json inputs = json::array();
  if (node.is_array()) {
    // Keras 2 / TF.js: [["name", node, tensor, {kwargs}], ...].
    for (std::size_t i = 0; i < node.size(); ++i) {
      const std::string epath = child_path(npath, i);
      const json& entry = read_array(node[i], epath);
      inputs.push_back(resolve(g, entry, epath));
      if (entry.size() > 3)
        read_kwargs(g, entry[3], child_path(epath, 3), recurrent, false, inputs);
    }
  } else {
    ObjectReader n(node, npath);
    keras3_tensors(g, n.require("args"), n.path_of("args"), inputs);
    if (const json* kw = n.find("kwargs")) {
      read_kwargs(g, *kw, n.path_of("kwargs"), recurrent, true, inputs);
    }
    n.finish();
  }
  if (inputs.empty()) fail_at(npath, "expected at least one input tensor, got none");
  return inputs;
}

/// input_layers / output_layers: [[name, node, tensor], ...] or Keras 3's single [name, 0, 0].
json read_endpoints(const Graph& g, const json& value, const std::string& path) {
  const json& list = read_array(value, path);
  json names = json::array();
  if (!list.empty() && list[0].is_string()) {
    names.push_back(resolve(g, list, path));
    return names;
  }
  for (std::size_t i = 0; i < list.size(); ++i) {
    names.push_back(resolve(g, list[i], child_path(path, i)));
  }
  if (names.empty()) fail_at(path, "expected at least one tensor, got none");
  return names;
}

}  // namespace

json import_functional(const json& config, const std::string& path, Dialect dialect) {
  ObjectReader cfg(config, path);
  const std::string name = cfg.string("name", "functional");
  cfg.skip("trainable");
  const std::string list_path = cfg.path_of("layers");
  const json& layers = read_array(cfg.require("layers"), list_path);
  Graph g;
  std::map<std::string, json> model_inputs;
  json out_layers = json::array();
  for (std::size_t i = 0; i < layers.size(); ++i) {
    const LayerObject obj = read_layer_object(layers[i], child_path(list_path, i));
    if (obj.class_name == "InputLayer") {
      const json input = import_input_layer(obj);
      const std::string n = input.at("name").get<std::string>();
      model_inputs[n] = input;
      g.extra_outputs[n] = {};
      g.names.push_back(n);
      continue;
    }
    ImportedLayer imported = import_layer(obj.class_name, child_path(obj.path, "class_name"),
                                          *obj.config, child_path(obj.path, "config"), dialect);
    json layer = imported.layer;
    if (!obj.name.empty()) layer["name"] = obj.name;
    const std::string type = layer.at("type").get<std::string>();
    const bool recurrent =
        type == "lstm" || type == "gru" || type == "simple_rnn" || type == "bidirectional";
    layer["inputs"] = read_inbound(g, obj, recurrent);
    const std::string n = layer.at("name").get<std::string>();
    g.extra_outputs[n] = state_output_names(canonical_layer(layer));
    g.names.push_back(n);
    out_layers.push_back(layer);
  }
  if (out_layers.empty())
    fail_at(list_path, "expected at least one layer besides inputs, got none");
  json inputs = json::array();
  const std::string ipath = cfg.path_of("input_layers");
  for (const auto& n : read_endpoints(g, cfg.require("input_layers"), ipath)) {
    const auto it = model_inputs.find(n.get<std::string>());
    if (it == model_inputs.end()) {
      fail_at(ipath, "expected the name of an InputLayer, got " + n.dump());
    }
    inputs.push_back(it->second);
  }
  const json outputs =
      read_endpoints(g, cfg.require("output_layers"), cfg.path_of("output_layers"));
  cfg.finish();
  json model = {{"type", "functional"}};
  if (name != "functional") model["name"] = name;
  model["seed"] = 0;
  model["inputs"] = inputs;
  model["layers"] = out_layers;
  model["outputs"] = outputs;
  return model;
}

}  // namespace nn::bridge::keras
