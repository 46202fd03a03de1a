#pragma once
/// Graph: the one functional executor. Nodes are inputs or layers applied to earlier nodes, so
/// the insertion order is a topological order. Supports several inputs and outputs and fan-out
/// (a node feeding several layers: its gradients are summed). Sequential is a builder over it.
///
/// Values are in the layout of base/shape.hpp: (features, steps*batch) per node.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/base/naming.hpp"
#include "engine/core/layers/layer.hpp"

namespace nn {

/// Handle to a node of a Graph (what Keras calls a symbolic tensor).
struct NodeRef {
  int index = -1;
};

class Graph {
 public:
  /// seed: the Rng that initialises every layer's weights, in the order layers are applied.
  explicit Graph(std::uint64_t seed = 0);
  Graph(Graph&&) = default;
  Graph& operator=(Graph&&) = default;

  /// Adds a model input of per-sample shape `shape` (Keras Input(shape=...)).
  NodeRef input(const Shape& shape, std::string name = "");
  /// Applies `layer` to `inputs`: builds it on their shapes now (Keras functional call).
  /// Throws nn::Error naming the layer when shapes do not fit; the graph is unchanged then.
  /// Returns the layer's (first) output; a layer with extra outputs (return_state) also gets
  /// one node per extra output, named "<layer>/<output>", reachable through outputs_of().
  NodeRef apply(LayerPtr layer, const std::vector<NodeRef>& inputs);
  /// Single-input convenience.
  NodeRef apply(LayerPtr layer, NodeRef input) {
    return apply(std::move(layer), std::vector<NodeRef>{input});
  }
  /// Every output of the layer node `layer_node`: itself, then its extra outputs (Keras's
  /// `output, state_h, state_c = LSTM(..., return_state=True)(x)`).
  std::vector<NodeRef> outputs_of(NodeRef layer_node) const;
  /// Declares the model outputs (at least one, each a layer node).
  void set_outputs(const std::vector<NodeRef>& outputs);

  /// Runs every node. inputs[i]: layout matrix of input i. Returns the output nodes' values.
  std::vector<Matrix> forward(const std::vector<Matrix>& inputs, bool training);
  /// Backpropagates from the outputs: d_outputs[i] is dL/d(output i), or dL/d(pre-activation)
  /// where from_pre_activation[i] (the fused loss path). Accumulates parameter gradients.
  void backward(const std::vector<Matrix>& d_outputs, const std::vector<bool>& from_pre_activation);
  /// While on, backward() also keeps what each layer passed back to each of its inputs
  /// (layer_input_gradients) and dL/d(model input) (node_gradient of an input node); every Dense
  /// layer then computes dL/dx. Off by default, so training does not pay for the copies.
  void record_input_gradients(bool on);
  /// dL/d(node value) from the last backward(), summed over the node's consumers; for an output
  /// whose loss took the pre-activation, dL/d(pre-activation). Empty where nothing flowed (and
  /// for model inputs unless recorded).
  const Matrix& node_gradient(int node) const { return grads_[static_cast<std::size_t>(node)]; }
  /// dL/d(each input) of the layer at `node` as that layer alone passed it back in the last
  /// recorded backward(); an entry is empty where the layer computes none.
  const std::vector<Matrix>& layer_input_gradients(int node) const;

  /// Every parameter in node order, each layer's in Keras order.
  std::vector<Param*> params();
  /// Whether each of params() is updated by training: layer.trainable() && param.trainable.
  std::vector<bool> trainable_mask();
  void zero_grads();

  // --- structure (summary, probes, the bridge) ---
  std::size_t node_count() const { return nodes_.size(); }
  /// A model input (no layer, not an extra output).
  bool is_input(int node) const {
    const Node& n = nodes_[static_cast<std::size_t>(node)];
    return n.layer == nullptr && n.source < 0;
  }
  /// An extra output of another node's layer (return_state); layer() is nullptr for it.
  bool is_extra_output(int node) const {
    return nodes_[static_cast<std::size_t>(node)].source >= 0;
  }
  /// For an extra output: the layer node it belongs to.
  int source_of(int node) const { return nodes_[static_cast<std::size_t>(node)].source; }
  /// The layer of a layer node; nullptr for inputs and extra outputs.
  Layer* layer(int node) { return nodes_[static_cast<std::size_t>(node)].layer.get(); }
  const Layer* layer(int node) const { return nodes_[static_cast<std::size_t>(node)].layer.get(); }
  const std::string& node_name(int node) const {
    return nodes_[static_cast<std::size_t>(node)].name;
  }
  const Shape& node_shape(int node) const { return nodes_[static_cast<std::size_t>(node)].shape; }
  const std::vector<int>& node_inputs(int node) const {
    return nodes_[static_cast<std::size_t>(node)].inputs;
  }
  const std::vector<int>& input_nodes() const { return inputs_; }
  const std::vector<int>& output_nodes() const { return outputs_; }
  /// Value of a node from the last forward pass (empty before one).
  const Matrix& node_value(int node) const { return values_[static_cast<std::size_t>(node)]; }
  /// Layer node by name, or -1.
  int find(const std::string& name) const;

 private:
  struct Node {
    std::string name;
    Shape shape;
    LayerPtr layer;           // nullptr for an input
    std::vector<int> inputs;  // inbound nodes
    int consumers = 0;        // how many layers read this node
    int source = -1;          // extra outputs: the layer node they come from
    Index output_index = 0;   // extra outputs: which one (0-based among the extras)
  };
  std::string unique_name(const std::string& wanted, const std::string& type);
  void check_node(NodeRef ref, const std::string& who) const;
  /// Whether every inbound node of `node` is a model input.
  bool fed_only_by_inputs(const Node& node) const;

  Rng rng_;
  std::vector<Node> nodes_;
  std::vector<int> inputs_;
  std::vector<int> outputs_;
  std::vector<Matrix> values_;  // per node, last forward
  std::vector<Matrix> grads_;   // per node, during backward
  bool record_ = false;
  std::vector<std::vector<Matrix>> input_grads_;  // per node, recorded backward only
  std::vector<std::string> used_names_;
};

}  // namespace nn
