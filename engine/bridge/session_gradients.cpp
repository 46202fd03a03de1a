// Session ops gradients and forward: a gradient view's two passes, each in training mode and
// each leaving the model exactly as it was (weights, BatchNormalization statistics, Dropout
// streams).
#include "engine/bridge/session.hpp"
#include "engine/bridge/session_arrays.hpp"
#include "engine/bridge/session_util.hpp"
#include "engine/core/base/rng.hpp"

namespace nn::bridge {

namespace {

/// The samples [start, start + count) the request picks out of `samples` ("start" default 0,
/// "count" default the rest).
std::pair<Index, Index> sample_range(ObjectReader& request, Index samples) {
  const auto start = static_cast<Index>(request.integer("start", 0, 0, samples - 1));
  const auto count =
      static_cast<Index>(request.integer("count", samples - start, 1, samples - start));
  return {start, count};
}

/// Columns [start, start + count) of each matrix.
std::vector<Matrix> columns(const std::vector<Matrix>& ms, Index start, Index count) {
  std::vector<Matrix> out;
  for (const Matrix& m : ms) out.emplace_back(m.middleCols(start, count));
  return out;
}

}  // namespace

json SessionState::op_gradients(ObjectReader& request) {
  Model& m = compiled_model("gradients");
  Index samples = 0;
  const std::vector<Matrix> x = arrays_for(m, request.require("x"), "/x", false, &samples);
  const std::vector<Matrix> y = arrays_for(m, request.require("y"), "/y", true, &samples);
  const auto [start, count] = sample_range(request, samples);
  const std::string out = read_out(request, "gradients", 32);
  request.finish({"op", "x", "y", "start", "count", "out"});

  // What one train step on this batch computes (training mode, regularization included),
  // without the update; then the model is put back as it was.
  TrainingPassState saved(m);
  BackwardTrace trace;
  try {
    trace = m.trace_gradients(columns(x, start, count), columns(y, start, count));
  } catch (...) {
    saved.restore();
    throw;
  }
  saved.restore();

  Graph& g = m.graph();
  ArrayBatch batch(out);
  json weights = json::array();
  for (std::size_t n = 0; n < g.node_count(); ++n) {
    Layer* layer = g.layer(static_cast<int>(n));
    if (layer == nullptr) continue;
    for (Param* p : layer->params()) {
      if (!layer->trainable() || !p->trainable) continue;  // Keras: model.trainable_weights
      const std::string wname = layer->name() + "/" + p->name;
      weights.push_back({{"name", wname},
                         {"shape", keras_weight_shape(wname, p->grad)},
                         {"array", batch.add(layer->name(), p->name, flatten({p->grad}))}});
    }
  }
  batch.store(*this);
  return {{"loss", trace.logs["loss"]}, {"start", start}, {"count", count}, {"weights", weights}};
}

json SessionState::op_forward(ObjectReader& request) {
  Model& m = model("forward");
  Index samples = 0;
  const std::vector<Matrix> x = arrays_for(m, request.require("x"), "/x", false, &samples);
  const auto [start, count] = sample_range(request, samples);
  const std::int64_t seed = request.integer("seed", -1, 0);
  const std::string out = read_out(request, "forward", 32);
  request.finish({"op", "x", "start", "count", "seed", "out"});

  Graph& g = m.graph();
  std::vector<Matrix> inputs;
  for (std::size_t i = 0; i < x.size(); ++i) {
    inputs.push_back(to_layout(x[i].middleCols(start, count), g.node_shape(g.input_nodes()[i])));
  }
  TrainingPassState saved(m);
  try {
    if (seed >= 0) {
      // Each layer with a random stream (Dropout) draws from its own split of Rng(seed).
      Rng master(static_cast<std::uint64_t>(seed));
      for (std::size_t n = 0; n < g.node_count(); ++n) {
        Layer* l = g.layer(static_cast<int>(n));
        if (l != nullptr && !l->random_state().empty()) l->set_random_state(master.split().state());
      }
    }
    (void)g.forward(inputs, true);
  } catch (...) {
    saved.restore();
    throw;
  }
  // The node values stay; the weights (BatchNormalization's moving statistics) and streams
  // go back to what they were.
  saved.restore();

  ArrayBatch batch(out);
  json layers = json::array();
  for (std::size_t n = 0; n < g.node_count(); ++n) {
    const auto node = static_cast<int>(n);
    const Layer* layer = g.layer(node);
    if (layer == nullptr) continue;
    const Shape& shape = g.node_shape(node);
    json keras_shape = shape_json(shape);
    keras_shape.insert(keras_shape.begin(), count);
    layers.push_back({{"name", layer->name()},
                      {"type", layer->type()},
                      {"shape", keras_shape},
                      {"array", batch.add(layer->name(), "output",
                                          flatten({from_layout(g.node_value(node), shape)}))}});
  }
  batch.store(*this);
  json outputs = json::array();
  for (int node : g.output_nodes()) outputs.push_back(out + "/" + g.node_name(node) + "/output");
  return {{"start", start}, {"count", count}, {"layers", layers}, {"outputs", outputs}};
}

}  // namespace nn::bridge
