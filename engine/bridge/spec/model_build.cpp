// build_model: ModelSpec -> uncompiled nn::Model (Sequential or a functional Graph), with core
// errors located at the layer that raised them and the parameter limit enforced.
#include <map>

#include "engine/bridge/spec/model_spec.hpp"
#include "engine/core/base/error.hpp"
#include "engine/core/models/sequential.hpp"

namespace nn::bridge {
namespace {

Shape to_shape(const std::vector<std::int64_t>& dims) {
  Shape shape;
  for (auto d : dims) shape.push_back(static_cast<Index>(d));
  return shape;
}

/// Adds the layer's parameters to the running total; refuses the model (at `path`) once the
/// total passes 2^24, before the layer allocates anything.
void count_layer(double& total, const LayerSpec& layer, const std::vector<Shape>& input_shapes,
                 const std::string& path) {
  total += estimate_params(layer, input_shapes);
  if (total > kMaxModelParams) {
    fail_at(path, "expected a model of at most 16777216 (2^24) parameters, got at least " +
                      std::to_string(static_cast<long long>(total)) + " by layer '" + layer.name +
                      "'");
  }
}

std::unique_ptr<Model> build_sequential(const ModelSpec& spec, const std::string& path) {
  const std::string name = spec.name.empty() ? "sequential" : spec.name;
  auto model = std::make_unique<Sequential>(spec.seed, name);
  if (spec.inputs.size() != 1) {
    fail_at(child_path(path, "input_shape"), "expected one input shape for a sequential model");
  }
  Shape current = to_shape(spec.inputs[0].shape);
  try {
    model->input(current);
  } catch (const nn::Error& e) {
    fail_at(child_path(path, "input_shape"), e.what());
  }
  double total = 0.0;
  const std::string layers_path = child_path(path, "layers");
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    const std::string at = child_path(layers_path, i);
    count_layer(total, spec.layers[i], {current}, path);
    LayerPtr layer = make_layer(spec.layers[i], at);
    try {
      model->add(std::move(layer));
    } catch (const nn::Error& e) {
      fail_at(at, e.what());
    }
    current = model->graph().node_shape(model->graph().output_nodes().front());
  }
  return model;
}

std::unique_ptr<Model> build_functional(const ModelSpec& spec, const std::string& path) {
  Graph graph(spec.seed);
  std::map<std::string, NodeRef> nodes;
  const std::string inputs_path = child_path(path, "inputs");
  for (std::size_t i = 0; i < spec.inputs.size(); ++i) {
    try {
      nodes[spec.inputs[i].name] = graph.input(to_shape(spec.inputs[i].shape), spec.inputs[i].name);
    } catch (const nn::Error& e) {
      fail_at(child_path(inputs_path, i), e.what());
    }
  }
  double total = 0.0;
  const std::string layers_path = child_path(path, "layers");
  for (std::size_t i = 0; i < spec.layers.size(); ++i) {
    const LayerSpec& spec_i = spec.layers[i];
    const std::string at = child_path(layers_path, i);
    std::vector<NodeRef> inbound;
    std::vector<Shape> shapes;
    for (std::size_t j = 0; j < spec_i.inputs.size(); ++j) {
      const auto it = nodes.find(spec_i.inputs[j]);
      if (it == nodes.end()) {
        fail_at(child_path(child_path(at, "inputs"), j),
                "unknown node '" + spec_i.inputs[j] +
                    "'; expected a model input or an earlier "
                    "layer");
      }
      inbound.push_back(it->second);
      shapes.push_back(graph.node_shape(it->second.index));
    }
    count_layer(total, spec_i, shapes, path);
    NodeRef ref;
    try {
      ref = graph.apply(make_layer(spec_i, at), inbound);
    } catch (const nn::Error& e) {
      fail_at(at, e.what());
    }
    // The layer node, then its state outputs ("lstm/state_h", ...).
    for (NodeRef out : graph.outputs_of(ref)) nodes[graph.node_name(out.index)] = out;
  }
  std::vector<NodeRef> outputs;
  const std::string outputs_path = child_path(path, "outputs");
  for (std::size_t k = 0; k < spec.outputs.size(); ++k) {
    const auto it = nodes.find(spec.outputs[k]);
    if (it == nodes.end()) {
      fail_at(child_path(outputs_path, k), "unknown output node '" + spec.outputs[k] + "'");
    }
    outputs.push_back(it->second);
  }
  try {
    graph.set_outputs(outputs);
  } catch (const nn::Error& e) {
    fail_at(outputs_path, e.what());
  }
  return std::make_unique<Model>(std::move(graph), spec.name.empty() ? "functional" : spec.name);
}

}  // namespace

std::unique_ptr<Model> build_model(const ModelSpec& spec, const std::string& path) {
  std::unique_ptr<Model> model =
      spec.type == "functional" ? build_functional(spec, path) : build_sequential(spec, path);
  const auto params = static_cast<double>(model->count_params());
  if (params > kMaxModelParams) {
    fail_at(path, "expected a model of at most 16777216 (2^24) parameters, got " +
                      std::to_string(static_cast<long long>(params)));
  }
  return model;
}

}  // namespace nn::bridge
