// make_layer: the factory table from layer type name to core layer, plus what the model parser
// needs to know about a layer before it exists (Keras class, state outputs, parameter bound).
#include <functional>
#include <map>

#include "engine/bridge/spec/layer_spec.hpp"
#include "engine/core/base/error.hpp"
#include "engine/core/layers/activation_layer.hpp"
#include "engine/core/layers/add.hpp"
#include "engine/core/layers/batch_normalization.hpp"
#include "engine/core/layers/bidirectional.hpp"
#include "engine/core/layers/concatenate.hpp"
#include "engine/core/layers/dropout.hpp"
#include "engine/core/layers/flatten.hpp"
#include "engine/core/layers/gru.hpp"
#include "engine/core/layers/lstm.hpp"
#include "engine/core/layers/prelu.hpp"
#include "engine/core/layers/reshape.hpp"
#include "engine/core/layers/simple_rnn.hpp"

namespace nn::bridge {
namespace {

using Factory = std::function<LayerPtr(const LayerSpec&)>;

struct Entry {
  std::string keras_class;
  Factory make;
};

std::unique_ptr<Recurrent> make_recurrent(const std::string& type, const RecurrentLayerSpec& s,
                                          const std::string& name) {
  if (type == "lstm") return std::make_unique<LSTM>(s.units, s.options, name);
  if (type == "gru") return std::make_unique<GRU>(s.units, s.options, name);
  return std::make_unique<SimpleRNN>(s.units, s.options, name);
}

/// One entry per layer type: its Keras class and how to make it from a spec.
const std::map<std::string, Entry>& table() {
  static const std::map<std::string, Entry> entries = {
      {"activation",
       {"Activation",
        [](const LayerSpec& l) -> LayerPtr {
          const auto& s = std::get<ActivationLayerSpec>(l.options);
          return std::make_unique<ActivationLayer>(s.activation, s.options, l.name);
        }}},
      {"add",
       {"Add", [](const LayerSpec& l) -> LayerPtr { return std::make_unique<Add>(l.name); }}},
      {"batch_normalization",
       {"BatchNormalization",
        [](const LayerSpec& l) -> LayerPtr {
          const auto& s = std::get<BatchNormalizationSpec>(l.options);
          return std::make_unique<BatchNormalization>(s.momentum, s.epsilon, s.center, s.scale,
                                                      l.name);
        }}},
      {"bidirectional",
       {"Bidirectional",
        [](const LayerSpec& l) -> LayerPtr {
          const auto& s = std::get<BidirectionalSpec>(l.options);
          return std::make_unique<Bidirectional>(
              make_recurrent(s.layer_type, s.layer, s.layer_name), s.merge_mode, l.name);
        }}},
      {"concatenate",
       {"Concatenate",
        [](const LayerSpec& l) -> LayerPtr {
          return std::make_unique<Concatenate>(std::get<ConcatenateSpec>(l.options).axis, l.name);
        }}},
      {"dense",
       {"Dense",
        [](const LayerSpec& l) -> LayerPtr {
          const auto& s = std::get<DenseSpec>(l.options);
          return std::make_unique<Dense>(s.units, s.options, l.name);
        }}},
      {"dropout",
       {"Dropout",
        [](const LayerSpec& l) -> LayerPtr {
          const auto& s = std::get<DropoutSpec>(l.options);
          return std::make_unique<Dropout>(s.rate, s.seed, l.name);
        }}},
      {"embedding",
       {"Embedding",
        [](const LayerSpec& l) -> LayerPtr {
          const auto& s = std::get<EmbeddingSpec>(l.options);
          return std::make_unique<Embedding>(s.input_dim, s.output_dim, s.options, l.name);
        }}},
      {"flatten",
       {"Flatten",
        [](const LayerSpec& l) -> LayerPtr { return std::make_unique<Flatten>(l.name); }}},
      {"gru",
       {"GRU",
        [](const LayerSpec& l) -> LayerPtr {
          return make_recurrent("gru", std::get<RecurrentLayerSpec>(l.options), l.name);
        }}},
      {"lstm",
       {"LSTM",
        [](const LayerSpec& l) -> LayerPtr {
          return make_recurrent("lstm", std::get<RecurrentLayerSpec>(l.options), l.name);
        }}},
      {"prelu",
       {"PReLU",
        [](const LayerSpec& l) -> LayerPtr {
          return std::make_unique<PReLU>(std::get<PReLUSpec>(l.options).initial_alpha, l.name);
        }}},
      {"reshape",
       {"Reshape",
        [](const LayerSpec& l) -> LayerPtr {
          return std::make_unique<Reshape>(std::get<ReshapeSpec>(l.options).target_shape, l.name);
        }}},
      {"simple_rnn",
       {"SimpleRNN",
        [](const LayerSpec& l) -> LayerPtr {
          return make_recurrent("simple_rnn", std::get<RecurrentLayerSpec>(l.options), l.name);
        }}},
  };
  return entries;
}

/// Parameters of a recurrent cell on `features` inputs, as Keras counts them.
double recurrent_params(const std::string& type, const RecurrentLayerSpec& s, double features) {
  const double gates = type == "lstm" ? 4.0 : type == "gru" ? 3.0 : 1.0;
  const double units = static_cast<double>(s.units);
  const double biases = !s.options.use_bias                        ? 0.0
                        : (type == "gru" && s.options.reset_after) ? 2.0
                                                                   : 1.0;
  return gates * units * (features + units + biases);
}

}  // namespace

const std::vector<std::string>& layer_type_names() {
  static const std::vector<std::string> names = [] {
    std::vector<std::string> n;
    for (const auto& entry : table()) n.push_back(entry.first);
    return n;
  }();
  return names;
}

std::string keras_class_of(const std::string& type) {
  const auto it = table().find(type);
  if (it == table().end()) fail_unknown_name("", "layer type", type, layer_type_names());
  return it->second.keras_class;
}

LayerPtr make_layer(const LayerSpec& spec, const std::string& path) {
  const auto it = table().find(spec.type);
  if (it == table().end()) {
    fail_unknown_name(child_path(path, "type"), "layer type", spec.type, layer_type_names());
  }
  LayerPtr layer;
  try {
    layer = it->second.make(spec);
  } catch (const nn::Error& e) {
    fail_at(path, e.what());
  } catch (const std::bad_variant_access&) {
    fail_at(path, "the options do not belong to layer type '" + spec.type + "'");
  }
  layer->set_trainable(spec.trainable);
  return layer;
}

std::vector<std::string> extra_output_names(const LayerSpec& spec) {
  auto states = [](const std::string& type, const RecurrentLayerSpec& s) {
    std::vector<std::string> out;
    if (!s.options.return_state) return out;
    out.push_back("state_h");
    if (type == "lstm") out.push_back("state_c");
    return out;
  };
  if (const auto* r = std::get_if<RecurrentLayerSpec>(&spec.options)) return states(spec.type, *r);
  if (const auto* b = std::get_if<BidirectionalSpec>(&spec.options)) {
    std::vector<std::string> out;
    for (const char* half : {"forward_", "backward_"}) {
      for (const auto& s : states(b->layer_type, b->layer)) out.push_back(half + s);
    }
    return out;
  }
  return {};
}

double estimate_params(const LayerSpec& spec, const std::vector<Shape>& input_shapes) {
  if (input_shapes.empty() || input_shapes[0].empty()) return 0.0;
  const double features = static_cast<double>(input_shapes[0].back());
  if (const auto* d = std::get_if<DenseSpec>(&spec.options)) {
    const double bias = d->options.use_bias ? 1.0 : 0.0;
    return (features + bias) * static_cast<double>(d->units);
  }
  if (const auto* e = std::get_if<EmbeddingSpec>(&spec.options)) {
    return static_cast<double>(e->input_dim) * static_cast<double>(e->output_dim);
  }
  if (const auto* r = std::get_if<RecurrentLayerSpec>(&spec.options)) {
    return recurrent_params(spec.type, *r, features);
  }
  if (const auto* b = std::get_if<BidirectionalSpec>(&spec.options)) {
    return 2.0 * recurrent_params(b->layer_type, b->layer, features);
  }
  if (const auto* n = std::get_if<BatchNormalizationSpec>(&spec.options)) {
    return (2.0 + (n->center ? 1.0 : 0.0) + (n->scale ? 1.0 : 0.0)) * features;
  }
  if (std::holds_alternative<PReLUSpec>(spec.options)) {
    return static_cast<double>(shape_size(input_shapes[0]));
  }
  return 0.0;
}

}  // namespace nn::bridge
