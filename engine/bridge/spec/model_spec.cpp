// parse_model / model_to_json: the "model" object <-> ModelSpec, with Keras's automatic names
// resolved and a functional model's wiring checked at parse time.
#include "engine/bridge/spec/model_spec.hpp"

#include <algorithm>
#include <map>

#include "engine/core/base/naming.hpp"

namespace nn::bridge {
namespace {

/// Most model inputs, outputs and inbound nodes of one layer accepted.
constexpr std::size_t kMaxEnds = 64;
/// Most layers accepted in a model (docs/schema/session.md, "Limits").
constexpr std::size_t kMaxLayers = 1000;

/// Reads the functional "inputs": [{"name", "shape"}, ...] (names may be left empty).
std::vector<InputSpec> parse_inputs(const json& value, const std::string& path) {
  read_array(value, path, kMaxEnds);
  if (value.empty()) fail_at(path, "expected at least one model input {name, shape}, got []");
  std::vector<InputSpec> inputs;
  for (std::size_t i = 0; i < value.size(); ++i) {
    ObjectReader r(value[i], child_path(path, i));
    InputSpec input;
    if (const json* n = r.find("name")) {
      input.name = read_string(*n, r.path_of("name"));
      check_name_length(input.name, r.path_of("name"));
      if (input.name.empty() || input.name.find('/') != std::string::npos) {
        fail_at(r.path_of("name"), "expected a non-empty name without '/', got " + describe(*n));
      }
    }
    input.shape = read_shape(r.require("shape"), r.path_of("shape"));
    r.finish();
    inputs.push_back(std::move(input));
  }
  return inputs;
}

/// Keras's automatic naming: explicit names are reserved first (and must be unique); then each
/// unnamed input gets "input_layer", "input_layer_1", ... and each unnamed layer the snake_case
/// of its Keras class, "dense", "dense_1", ..., skipping names already taken.
void resolve_names(ModelSpec& m, const std::string& path, bool functional) {
  std::vector<std::string> taken;
  auto is_taken = [&](const std::string& n) {
    return std::find(taken.begin(), taken.end(), n) != taken.end();
  };
  auto reserve = [&](const std::string& n, const std::string& at) {
    if (n.empty()) return;
    if (is_taken(n)) {
      fail_at(at, "duplicate name '" + excerpt(n) + "'; model inputs and layers need unique names");
    }
    taken.push_back(n);
  };
  auto automatic = [&](const std::string& stem) {
    std::string n = stem;
    for (int k = 1; is_taken(n); ++k) n = stem + "_" + std::to_string(k);
    taken.push_back(n);
    return n;
  };
  const std::string inputs_path = child_path(path, functional ? "inputs" : "input_shape");
  for (std::size_t i = 0; i < m.inputs.size(); ++i) {
    reserve(m.inputs[i].name, child_path(child_path(inputs_path, i), "name"));
  }
  const std::string layers_path = child_path(path, "layers");
  for (std::size_t i = 0; i < m.layers.size(); ++i) {
    reserve(m.layers[i].name, child_path(child_path(layers_path, i), "name"));
  }
  for (auto& input : m.inputs) {
    if (input.name.empty()) input.name = automatic("input_layer");
  }
  for (auto& layer : m.layers) {
    if (layer.name.empty()) layer.name = automatic(snake_case(keras_class_of(layer.type)));
  }
}

/// Functional wiring: each inbound name is a model input, an earlier layer or an earlier
/// layer's state output; each output is a layer node.
void check_wiring(const ModelSpec& m, const std::string& path) {
  std::vector<std::string> available;
  for (const auto& input : m.inputs) available.push_back(input.name);
  std::map<std::string, std::size_t> position;  // every layer node -> its layer index
  for (std::size_t i = 0; i < m.layers.size(); ++i) {
    position[m.layers[i].name] = i;
    for (const auto& extra : extra_output_names(m.layers[i])) {
      position[m.layers[i].name + "/" + extra] = i;
    }
  }
  const std::string layers_path = child_path(path, "layers");
  for (std::size_t i = 0; i < m.layers.size(); ++i) {
    const LayerSpec& layer = m.layers[i];
    const std::string at = child_path(child_path(layers_path, i), "inputs");
    for (std::size_t j = 0; j < layer.inputs.size(); ++j) {
      const std::string& n = layer.inputs[j];
      if (std::find(available.begin(), available.end(), n) != available.end()) continue;
      const auto later = position.find(n);
      if (later == position.end()) fail_unknown_name(child_path(at, j), "node", n, available);
      fail_at(child_path(at, j), later->second == i
                                     ? "layer '" + layer.name + "' cannot read its own output"
                                     : "node '" + n + "' is defined later (layers/" +
                                           std::to_string(later->second) +
                                           "); a layer reads only model inputs and earlier layers");
    }
    available.push_back(layer.name);
    for (const auto& extra : extra_output_names(layer))
      available.push_back(layer.name + "/" + extra);
  }
  const std::string outputs_path = child_path(path, "outputs");
  std::vector<std::string> layer_nodes(available.begin() + static_cast<long>(m.inputs.size()),
                                       available.end());
  for (std::size_t k = 0; k < m.outputs.size(); ++k) {
    const std::string& n = m.outputs[k];
    if (position.count(n) != 0) continue;
    const bool is_input = std::any_of(m.inputs.begin(), m.inputs.end(),
                                      [&](const InputSpec& in) { return in.name == n; });
    if (is_input) {
      fail_at(child_path(outputs_path, k),
              "output '" + n + "' is a model input; expected the name of a layer output");
    }
    fail_unknown_name(child_path(outputs_path, k), "output node", n, layer_nodes);
  }
}

}  // namespace

bool operator==(const InputSpec& a, const InputSpec& b) {
  return a.name == b.name && a.shape == b.shape;
}

bool operator==(const ModelSpec& a, const ModelSpec& b) {
  return a.type == b.type && a.name == b.name && a.seed == b.seed && a.inputs == b.inputs &&
         a.layers == b.layers && a.outputs == b.outputs;
}

ModelSpec parse_model(const json& value, const std::string& path) {
  ObjectReader r(value, path);
  ModelSpec m;
  m.type = r.required_string("type");
  if (m.type != "sequential" && m.type != "functional") {
    fail_unknown_name(r.path_of("type"), "model type", m.type, {"functional", "sequential"});
  }
  const bool functional = m.type == "functional";
  m.name = r.string("name", m.type);
  if (m.name.empty()) fail_at(r.path_of("name"), "expected a non-empty name, got \"\"");
  check_name_length(m.name, r.path_of("name"));
  m.seed = static_cast<std::uint64_t>(r.integer("seed", 0, 0));
  if (functional) {
    if (r.has("input_shape")) {
      fail_at(r.path_of("input_shape"),
              "a functional model takes \"inputs\": [{\"name\", \"shape\"}], not \"input_shape\"");
    }
    m.inputs = parse_inputs(r.require("inputs"), r.path_of("inputs"));
  } else {
    if (r.has("inputs")) {
      fail_at(r.path_of("inputs"),
              "a sequential model takes \"input_shape\", not \"inputs\" (those are functional)");
    }
    m.inputs = {{"input_layer", read_shape(r.require("input_shape"), r.path_of("input_shape"))}};
  }
  const std::string layers_path = r.path_of("layers");
  const json& layers = read_array(r.require("layers"), layers_path, kMaxLayers);
  if (layers.empty()) fail_at(layers_path, "expected at least one layer, got []");
  for (std::size_t i = 0; i < layers.size(); ++i) {
    m.layers.push_back(parse_layer(layers[i], child_path(layers_path, i), functional));
  }
  if (functional) {
    const std::string at = r.path_of("outputs");
    const json& outputs = read_array(r.require("outputs"), at, kMaxEnds);
    if (outputs.empty()) fail_at(at, "expected at least one output node name, got []");
    for (std::size_t k = 0; k < outputs.size(); ++k) {
      m.outputs.push_back(read_string(outputs[k], child_path(at, k)));
    }
  } else if (r.has("outputs")) {
    fail_at(r.path_of("outputs"),
            "a sequential model's output is its last layer; \"outputs\" is for functional models");
  }
  r.finish();
  resolve_names(m, path, functional);
  if (functional) check_wiring(m, path);
  return m;
}

json model_to_json(const ModelSpec& spec) {
  const bool functional = spec.type == "functional";
  json out = {{"type", spec.type},
              {"name", spec.name.empty() ? spec.type : spec.name},
              {"seed", spec.seed}};
  json layers = json::array();
  for (const auto& layer : spec.layers) layers.push_back(layer_to_json(layer));
  if (functional) {
    json inputs = json::array();
    for (const auto& input : spec.inputs) {
      inputs.push_back({{"name", input.name}, {"shape", input.shape}});
    }
    out["inputs"] = inputs;
    out["layers"] = layers;
    out["outputs"] = spec.outputs;
  } else {
    out["input_shape"] = spec.inputs.empty() ? json::array() : json(spec.inputs[0].shape);
    out["layers"] = layers;
  }
  return out;
}

}  // namespace nn::bridge
