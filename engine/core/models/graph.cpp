#include "engine/core/models/graph.hpp"

#include <algorithm>

#include "engine/core/base/error.hpp"
#include "engine/core/base/naming.hpp"
#include "engine/core/layers/dense.hpp"

namespace nn {

Graph::Graph(std::uint64_t seed) : rng_(seed) {}

std::string Graph::unique_name(const std::string& wanted, const std::string& type) {
  auto taken = [&](const std::string& n) {
    return std::find(used_names_.begin(), used_names_.end(), n) != used_names_.end();
  };
  std::string name = wanted;
  if (name.empty()) {
    const std::string stem = snake_case(type);
    name = stem;
    for (int k = 1; taken(name); ++k) name = stem + "_" + std::to_string(k);
  } else if (taken(name)) {
    fail("layer name '", name, "' is used twice; names must be unique in a model");
  }
  used_names_.push_back(name);
  return name;
}

void Graph::check_node(NodeRef ref, const std::string& who) const {
  if (ref.index < 0 || static_cast<std::size_t>(ref.index) >= nodes_.size()) {
    fail(who, ": refers to node ", ref.index, ", but the model has ", nodes_.size(), " nodes");
  }
}

NodeRef Graph::input(const Shape& shape, std::string name) {
  check_shape(shape, "Input");
  Node node;
  node.name = unique_name(name, "InputLayer");
  node.shape = shape;
  nodes_.push_back(std::move(node));
  values_.emplace_back();
  grads_.emplace_back();
  const int index = static_cast<int>(nodes_.size()) - 1;
  inputs_.push_back(index);
  return {index};
}

NodeRef Graph::apply(LayerPtr layer, const std::vector<NodeRef>& inputs) {
  if (!layer) fail("apply: got a null layer");
  if (layer->built()) fail(layer->type(), " '", layer->name(), "': a layer can be applied once");
  if (inputs.empty()) fail(layer->type(), ": apply() needs at least one input node");
  std::vector<Shape> shapes;
  for (NodeRef r : inputs) {
    check_node(r, layer->type());
    shapes.push_back(nodes_[static_cast<std::size_t>(r.index)].shape);
  }
  const std::string name = unique_name(layer->name(), layer->type());
  layer->set_name(name);
  Shape out;
  try {
    out = layer->build(shapes, rng_);
  } catch (...) {
    used_names_.pop_back();  // leave the graph as it was
    throw;
  }
  Node node;
  node.name = name;
  node.shape = out;
  for (NodeRef r : inputs) {
    node.inputs.push_back(r.index);
    nodes_[static_cast<std::size_t>(r.index)].consumers++;
  }
  // A Dense layer fed only by model inputs need not compute dL/dx.
  if (auto* dense = dynamic_cast<Dense*>(layer.get()))
    dense->set_input_gradient_needed(record_ || !fed_only_by_inputs(node));
  node.layer = std::move(layer);
  nodes_.push_back(std::move(node));
  values_.emplace_back();
  grads_.emplace_back();
  const int index = static_cast<int>(nodes_.size()) - 1;
  // Extra outputs (return_state) become nodes right after their layer, so the reverse
  // topological order hands their gradients to the layer before its own backward.
  const Layer& built = *nodes_.back().layer;
  for (Index k = 0; k < built.extra_output_count(); ++k) {
    Node extra;
    extra.name = name + "/" + built.extra_output_name(k);
    extra.shape = built.extra_output_shape(k);
    extra.source = index;
    extra.output_index = k;
    nodes_.push_back(std::move(extra));
    values_.emplace_back();
    grads_.emplace_back();
  }
  return {index};
}

bool Graph::fed_only_by_inputs(const Node& node) const {
  return std::all_of(node.inputs.begin(), node.inputs.end(), [&](int i) { return is_input(i); });
}

void Graph::record_input_gradients(bool on) {
  record_ = on;
  for (Node& node : nodes_) {
    if (auto* dense = dynamic_cast<Dense*>(node.layer.get()))
      dense->set_input_gradient_needed(on || !fed_only_by_inputs(node));
  }
  if (!on) input_grads_.clear();
}

const std::vector<Matrix>& Graph::layer_input_gradients(int node) const {
  static const std::vector<Matrix> kNone;
  const auto n = static_cast<std::size_t>(node);
  return n < input_grads_.size() ? input_grads_[n] : kNone;
}

std::vector<NodeRef> Graph::outputs_of(NodeRef layer_node) const {
  check_node(layer_node, "outputs_of");
  std::vector<NodeRef> out = {layer_node};
  for (std::size_t n = static_cast<std::size_t>(layer_node.index) + 1; n < nodes_.size(); ++n) {
    if (nodes_[n].source != layer_node.index) break;
    out.push_back({static_cast<int>(n)});
  }
  return out;
}

void Graph::set_outputs(const std::vector<NodeRef>& outputs) {
  if (outputs.empty()) fail("model: expected at least one output");
  std::vector<int> out;
  for (NodeRef r : outputs) {
    check_node(r, "outputs");
    if (is_input(r.index))
      fail("model: output '", node_name(r.index), "' is an input, not a layer output");
    out.push_back(r.index);
  }
  outputs_ = out;
}

int Graph::find(const std::string& name) const {
  for (std::size_t i = 0; i < nodes_.size(); ++i) {
    if (nodes_[i].name == name) return static_cast<int>(i);
  }
  return -1;
}

std::vector<Matrix> Graph::forward(const std::vector<Matrix>& inputs, bool training) {
  if (outputs_.empty()) fail("model: no outputs were set");
  if (inputs.size() != inputs_.size()) {
    fail("model: expected ", inputs_.size(), " input array(s), got ", inputs.size());
  }
  for (std::size_t i = 0; i < inputs_.size(); ++i)
    values_[static_cast<std::size_t>(inputs_[i])] = inputs[i];
  std::vector<const Matrix*> args;
  for (std::size_t n = 0; n < nodes_.size(); ++n) {
    Node& node = nodes_[n];
    if (node.source >= 0) {
      values_[n] =
          nodes_[static_cast<std::size_t>(node.source)].layer->extra_output(node.output_index);
      continue;
    }
    if (!node.layer) continue;
    args.clear();
    for (int i : node.inputs) args.push_back(&values_[static_cast<std::size_t>(i)]);
    values_[n] = node.layer->forward(args, training);
  }
  std::vector<Matrix> out;
  for (int o : outputs_) out.push_back(values_[static_cast<std::size_t>(o)]);
  return out;
}

void Graph::backward(const std::vector<Matrix>& d_outputs,
                     const std::vector<bool>& from_pre_activation) {
  if (d_outputs.size() != outputs_.size() || from_pre_activation.size() != outputs_.size()) {
    fail("model: backward expected ", outputs_.size(), " output gradient(s), got ",
         d_outputs.size());
  }
  for (Matrix& g : grads_) g.resize(0, 0);
  if (record_) input_grads_.assign(nodes_.size(), {});
  std::vector<bool> pre(nodes_.size(), false);
  for (std::size_t i = 0; i < outputs_.size(); ++i) {
    const auto o = static_cast<std::size_t>(outputs_[i]);
    if (from_pre_activation[i]) {
      if (nodes_[o].consumers > 0 || grads_[o].size() > 0) {
        fail("model: output '", nodes_[o].name,
             "' also feeds other layers, so its loss cannot take the pre-activation");
      }
      pre[o] = true;
    }
    if (grads_[o].size() == 0)
      grads_[o] = d_outputs[i];
    else
      grads_[o] += d_outputs[i];
  }
  std::vector<bool> extra_grads(nodes_.size(), false);  // layer nodes given extra-output grads
  for (std::size_t n = nodes_.size(); n-- > 0;) {
    Node& node = nodes_[n];
    if (node.source >= 0) {
      if (grads_[n].size() == 0) continue;
      const auto src = static_cast<std::size_t>(node.source);
      nodes_[src].layer->add_extra_output_gradient(node.output_index, grads_[n]);
      extra_grads[src] = true;
      continue;
    }
    if (!node.layer) continue;
    if (grads_[n].size() == 0) {
      if (!extra_grads[n]) continue;
      // Only the extra outputs feed the loss: the first output's gradient is zero.
      grads_[n] = Matrix::Zero(values_[n].rows(), values_[n].cols());
    }
    std::vector<Matrix> dx = pre[n] ? node.layer->backward_from_pre_activation(grads_[n])
                                    : node.layer->backward(grads_[n]);
    if (record_) input_grads_[n] = dx;
    for (std::size_t k = 0; k < node.inputs.size(); ++k) {
      const auto src = static_cast<std::size_t>(node.inputs[k]);
      if ((!record_ && is_input(static_cast<int>(src))) || dx[k].size() == 0) continue;
      // Fan-out: a node read by several layers gets the sum of their gradients.
      if (grads_[src].size() == 0)
        grads_[src] = std::move(dx[k]);
      else
        grads_[src] += dx[k];
    }
  }
}

std::vector<Param*> Graph::params() {
  std::vector<Param*> out;
  for (Node& node : nodes_) {
    if (!node.layer) continue;
    for (Param* p : node.layer->params()) out.push_back(p);
  }
  return out;
}

std::vector<bool> Graph::trainable_mask() {
  std::vector<bool> out;
  for (Node& node : nodes_) {
    if (!node.layer) continue;
    for (Param* p : node.layer->params()) out.push_back(node.layer->trainable() && p->trainable);
  }
  return out;
}

void Graph::zero_grads() {
  for (Param* p : params()) p->grad.setZero();
}

}  // namespace nn
