// Session op backprop: one sample's forward and backward pass, every number as an array.
#include "engine/bridge/session.hpp"
#include "engine/bridge/session_arrays.hpp"
#include "engine/bridge/session_state.hpp"
#include "engine/bridge/session_util.hpp"

namespace nn::bridge {

json SessionState::op_backprop(ObjectReader& request) {
  Model& m = compiled_model("backprop");
  Index samples = 0;
  const std::vector<Matrix> x = arrays_for(m, request.require("x"), "/x", false, &samples);
  const std::vector<Matrix> y = arrays_for(m, request.require("y"), "/y", true, &samples);
  const auto sample = static_cast<Index>(request.integer("sample", 0, 0, samples - 1));
  const std::string out = read_out(request, "backprop", 32);
  request.finish({"op", "x", "y", "sample", "out"});

  std::vector<Matrix> x1, y1;  // the chosen sample: a batch of one
  for (const Matrix& a : x) x1.emplace_back(a.col(sample));
  for (const Matrix& a : y) y1.emplace_back(a.col(sample));
  // A training-mode pass (what one train step of batch_size 1 computes) that updates nothing.
  TrainingPassState saved(m);
  BackwardTrace trace;
  try {
    trace = m.trace_gradients(x1, y1);
  } catch (...) {
    saved.restore();
    throw;
  }
  saved.restore();

  Graph& g = m.graph();
  ArrayBatch batch(out);
  json layers = json::array();
  for (std::size_t n = 0; n < g.node_count(); ++n) {
    const auto node = static_cast<int>(n);
    Layer* layer = g.layer(node);
    if (layer == nullptr) continue;
    const std::string& lname = layer->name();
    const std::vector<int>& inbound = g.node_inputs(node);
    json named = json::object();
    json from = json::array();
    for (std::size_t k = 0; k < inbound.size(); ++k) {
      // One input: "input"/"grad_input"; several (Add, Concatenate): "input_0", "input_1", ...
      const std::string suffix = inbound.size() == 1 ? "" : "_" + std::to_string(k);
      const Matrix& value = g.node_value(inbound[k]);
      from.push_back(g.node_name(inbound[k]));
      named["input" + suffix] = batch.add(lname, "input" + suffix, flatten({value}));
      const std::vector<Matrix>& dx = trace.d_inputs[n];
      if (k < dx.size() && dx[k].size() == value.size()) {
        named["grad_input" + suffix] = batch.add(lname, "grad_input" + suffix, flatten({dx[k]}));
      }
    }
    const Matrix& value = g.node_value(node);
    if (trace.d_pre_activations[n].size() != 0) {
      named["pre_activation"] =
          batch.add(lname, "pre_activation", flatten({layer->pre_activation()}));
    }
    named["output"] = batch.add(lname, "output", flatten({value}));
    // A layer the loss does not depend on gets dL/d(output) = 0.
    Matrix dy = trace.d_values[n];
    if (dy.size() != value.size()) dy = Matrix::Zero(value.rows(), value.cols());
    named["grad_output"] = batch.add(lname, "grad_output", flatten({dy}));
    if (trace.d_pre_activations[n].size() != 0) {
      named["grad_pre_activation"] =
          batch.add(lname, "grad_pre_activation", flatten({trace.d_pre_activations[n]}));
    }
    json weights = json::array();
    for (Param* p : layer->params()) {
      if (!layer->trainable() || !p->trainable) continue;  // Keras: model.trainable_weights
      const std::string wname = lname + "/" + p->name;
      const json wshape = keras_weight_shape(wname, p->grad);
      weights.push_back({{"name", wname},
                         {"shape", wshape},
                         {"array", batch.add(lname, "grad_" + p->name, flatten({p->grad}))}});
    }
    layers.push_back({{"name", lname},
                      {"type", layer->type()},
                      {"inputs", from},
                      {"arrays", named},
                      {"weights", weights}});
  }
  batch.store(*this);
  return {{"loss", trace.logs["loss"]}, {"sample", sample}, {"layers", layers}};
}

}  // namespace nn::bridge
