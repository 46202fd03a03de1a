// nnplay model objects -> Keras to_json objects in the TF.js Layers dialect, the form
// tf.LayersModel.toJSON(null, false) returns (tfjs-layers 4.22: container.ts getConfig,
// models.ts Sequential.getConfig), which tf.models.modelFromJSON and Keras read back.
#include "engine/bridge/keras/keras_export.hpp"

#include <map>
#include <utility>

#include "engine/bridge/keras/keras_layers.hpp"

namespace nn::bridge {
namespace {

/// [null, d1, ...] from a per-sample shape.
json batch_shape(const json& shape, const std::string& path) {
  json out = json::array({nullptr});
  for (const auto d : read_shape(shape, path)) out.push_back(d);
  return out;
}

/// The top-level object TF.js writes around a model config.
json wrap(const std::string& class_name, json config) {
  return {{"class_name", class_name},
          {"config", std::move(config)},
          {"keras_version", "tfjs-layers 4.22.0"},
          {"backend", "tensor_flow.js"}};
}

json export_sequential(const json& model, const std::string& path) {
  ObjectReader r(model, path);
  const std::string name = r.string("name", "sequential");
  const json& layers = read_array(r.require("layers"), r.path_of("layers"));
  json out = json::array();
  for (std::size_t i = 0; i < layers.size(); ++i) {
    json layer = keras::export_layer(layers[i], child_path(r.path_of("layers"), i));
    if (i == 0) {
      layer["config"]["batch_input_shape"] =
          batch_shape(r.require("input_shape"), r.path_of("input_shape"));
      layer["config"]["dtype"] = "float32";
    }
    out.push_back(layer);
  }
  return wrap("Sequential", {{"name", name}, {"layers", out}});
}

json export_functional(const json& model, const std::string& path) {
  ObjectReader r(model, path);
  const std::string name = r.string("name", "functional");
  // Every node name nnplay can refer to -> [keras layer, node 0, tensor index].
  std::map<std::string, json> refs;
  const auto ref_of = [&](const json& n, const std::string& at) {
    const std::string s = read_string(n, at);
    const auto it = refs.find(s);
    if (it == refs.end()) {
      std::vector<std::string> valid;
      for (const auto& kv : refs) valid.push_back(kv.first);
      fail_unknown_name(at, "node", s, valid);
    }
    return it->second;
  };
  json layers = json::array();
  json input_layers = json::array();
  const std::string ipath = r.path_of("inputs");
  const json& inputs = read_array(r.require("inputs"), ipath);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    ObjectReader in(inputs[i], child_path(ipath, i));
    const std::string n = in.required_string("name");
    const json shape = batch_shape(in.require("shape"), in.path_of("shape"));
    in.finish();
    layers.push_back(
        {{"name", n},
         {"class_name", "InputLayer"},
         {"config",
          {{"batch_input_shape", shape}, {"dtype", "float32"}, {"sparse", false}, {"name", n}}},
         {"inbound_nodes", json::array()}});
    refs[n] = json::array({n, 0, 0});
    input_layers.push_back(refs[n]);
  }
  const std::string lpath = r.path_of("layers");
  const json& list = read_array(r.require("layers"), lpath);
  for (std::size_t i = 0; i < list.size(); ++i) {
    const std::string at = child_path(lpath, i);
    json layer = keras::export_layer(list[i], at);
    const std::string n = layer["config"]["name"].get<std::string>();
    json node = json::array();
    const std::string inpath = child_path(at, "inputs");
    if (!list[i].contains("inputs")) fail_at(inpath, "missing required field 'inputs'");
    const json& ins = read_array(list[i].at("inputs"), inpath);
    for (std::size_t k = 0; k < ins.size(); ++k) {
      json e = ref_of(ins[k], child_path(inpath, k));
      e.push_back(json::object());
      node.push_back(e);
    }
    layers.push_back({{"name", n},
                      {"class_name", layer["class_name"]},
                      {"config", layer["config"]},
                      {"inbound_nodes", json::array({node})}});
    refs[n] = json::array({n, 0, 0});
    const auto states = keras::state_output_names(keras::canonical_layer(list[i]));
    for (std::size_t k = 0; k < states.size(); ++k) {
      refs[n + "/" + states[k]] = json::array({n, 0, static_cast<int>(k + 1)});
    }
  }
  json output_layers = json::array();
  const std::string opath = r.path_of("outputs");
  const json& outs = read_array(r.require("outputs"), opath);
  for (std::size_t k = 0; k < outs.size(); ++k) {
    output_layers.push_back(ref_of(outs[k], child_path(opath, k)));
  }
  return wrap("Model", {{"name", name},
                        {"layers", layers},
                        {"input_layers", input_layers},
                        {"output_layers", output_layers}});
}

}  // namespace

json model_json_to_keras(const json& model) {
  const std::string path;
  ObjectReader r(model, path);
  const std::string type = r.required_string("type");
  if (type == "sequential") return export_sequential(model, path);
  if (type == "functional") return export_functional(model, path);
  fail_unknown_name(r.path_of("type"), "model type", type, {"sequential", "functional"});
}

}  // namespace nn::bridge
