// Session ops that look inside the model: the decision grid, probes, weights.
#include <algorithm>
#include <cmath>

#include "engine/bridge/keras/tfjs_format.hpp"
#include "engine/bridge/session.hpp"
#include "engine/bridge/session_state.hpp"
#include "engine/bridge/session_util.hpp"
#include "engine/core/layers/dense.hpp"
#include "engine/core/layers/recurrent.hpp"

namespace nn::bridge {

namespace {

/// [lo, hi] with lo < hi, both finite.
std::pair<double, double> read_range(ObjectReader& request, const std::string& key) {
  const json& v = request.require(key);
  const std::string path = request.path_of(key);
  read_array(v, path);
  if (v.size() != 2)
    fail_at(path, "expected [low, high], got " + std::to_string(v.size()) + " values");
  const double lo = read_number(v[0], child_path(path, 0));
  const double hi = read_number(v[1], child_path(path, 1));
  if (!(lo < hi)) fail_at(path, "expected low < high");
  return {lo, hi};
}

/// Layout matrix (f, steps*batch) of one sample b -> row-major [steps][f].
std::vector<float> sample_of(const Matrix& layout, Index steps, Index batch, Index b) {
  std::vector<float> v;
  v.reserve(static_cast<std::size_t>(layout.rows() * steps));
  for (Index t = 0; t < steps; ++t) {
    for (Index r = 0; r < layout.rows(); ++r)
      v.push_back(static_cast<float>(layout(r, t * batch + b)));
  }
  return v;
}

}  // namespace

json SessionState::op_grid(ObjectReader& request) {
  Model& m = model("grid");
  const auto [x_lo, x_hi] = read_range(request, "x_range");
  const auto [y_lo, y_hi] = read_range(request, "y_range");
  const auto res = static_cast<Index>(request.required_integer("resolution", 2, 512));
  const bool neurons = request.boolean("neurons", true);
  std::vector<std::string> features = {"x1", "x2"};
  if (const json* f = request.find("features")) {
    read_array(*f, request.path_of("features"), 16);
    features.clear();
    for (std::size_t i = 0; i < f->size(); ++i) {
      features.push_back(read_string((*f)[i], child_path(request.path_of("features"), i)));
    }
  }
  const std::string out = read_out(request, "grid", 32);
  request.finish({"op", "x_range", "y_range", "resolution", "neurons", "features", "out"});

  Graph& g = m.graph();
  if (g.input_nodes().size() != 1 || g.node_shape(g.input_nodes()[0]).size() != 1) {
    fail_at("/op", "grid: needs a model with one input of shape (features)");
  }
  const Index width = g.node_shape(g.input_nodes()[0])[0];
  if (width != static_cast<Index>(features.size())) {
    fail_at("/features", "the model's input takes " + std::to_string(width) + " features, " +
                             std::to_string(features.size()) + " are listed");
  }
  // Point (row i, column j): x1 grows left to right, x2 top (y_hi) to bottom (y_lo).
  const Index points = res * res;
  Matrix xy(2, points);
  for (Index i = 0; i < res; ++i) {
    const double x2 = y_hi - (y_hi - y_lo) * static_cast<double>(i) / static_cast<double>(res - 1);
    for (Index j = 0; j < res; ++j) {
      const double x1 =
          x_lo + (x_hi - x_lo) * static_cast<double>(j) / static_cast<double>(res - 1);
      xy(0, i * res + j) = static_cast<Scalar>(x1);
      xy(1, i * res + j) = static_cast<Scalar>(x2);
    }
  }
  const Matrix input = compute_features(xy, features, "/features");
  const std::vector<Matrix> outputs = g.forward({input}, false);

  // Output units first, then every hidden Dense neuron in layer order.
  std::vector<std::pair<std::string, const Matrix*>> maps;
  for (std::size_t o = 0; o < outputs.size(); ++o) {
    maps.emplace_back(g.node_name(g.output_nodes()[o]), &outputs[o]);
  }
  if (neurons) {
    for (std::size_t n = 0; n < g.node_count(); ++n) {
      const Layer* layer = g.layer(static_cast<int>(n));
      const bool is_output = std::find(g.output_nodes().begin(), g.output_nodes().end(),
                                       static_cast<int>(n)) != g.output_nodes().end();
      if (layer == nullptr || is_output || dynamic_cast<const Dense*>(layer) == nullptr) continue;
      maps.emplace_back(layer->name(), &g.node_value(static_cast<int>(n)));
    }
  }
  Index total = 0;
  for (const auto& entry : maps) total += entry.second->rows();
  std::vector<float> values(static_cast<std::size_t>(total * points));
  json list = json::array();
  std::size_t at = 0;
  for (const auto& [name, value] : maps) {
    for (Index u = 0; u < value->rows(); ++u) {
      list.push_back({{"layer", name}, {"unit", u}, {"offset", at}});
      for (Index p = 0; p < points; ++p) values[at++] = static_cast<float>((*value)(u, p));
    }
  }
  json answer = {{"array", out}, {"resolution", res}, {"maps", list}};
  (void)put_array(out, std::move(values), shape_json(Shape{total, res, res}));
  return answer;
}

json SessionState::op_probes(ObjectReader& request) {
  Model& m = model("probes");
  Index samples = 0;
  const std::vector<Matrix> x = arrays_for(m, request.require("x"), "/x", false, &samples);
  std::vector<Matrix> y;
  if (const json* yn = request.find("y")) y = arrays_for(m, *yn, "/y", true, &samples);
  const auto sample = static_cast<Index>(request.integer("sample", 0, 0, samples - 1));
  const std::string out = read_out(request, "probe", 32);
  request.finish({"op", "x", "y", "sample", "out"});

  Graph& g = m.graph();
  json gradient_norms = json::array();
  if (!y.empty()) {
    // A training-mode pass with gradients (no update). BatchNormalization statistics and
    // Dropout streams move in training mode, so weights and random states are restored after.
    compiled_model("probes");
    TrainingPassState saved(m);
    (void)m.compute_gradients(x, y);
    for (const GradientNorm& gn : m.gradient_norms()) {
      gradient_norms.push_back({{"name", gn.name}, {"norm", gn.norm}});
    }
    saved.restore();
  } else {
    (void)m.predict(x, samples);
  }
  json layers = json::array();
  for (std::size_t n = 0; n < g.node_count(); ++n) {
    const Layer* layer = g.layer(static_cast<int>(n));
    if (layer == nullptr) continue;
    const Index steps = layout_steps(layer->output_shape());
    json probes = json::array();
    std::vector<Probe> list = {{"output", g.node_value(static_cast<int>(n))}};
    for (Probe& p : layer->probes()) list.push_back(std::move(p));
    for (const Probe& p : list) {
      const std::string name = out + "/" + layer->name() + "/" + p.name;
      if (name.size() > 64) continue;
      if (p.name == "dh_norm") {  // (1, steps) already per step, over the whole batch
        json entry = put_array(name, flatten({p.value}), shape_json(Shape{p.value.cols()}));
        entry["probe"] = p.name;
        probes.push_back(entry);
        continue;
      }
      const Index cols = p.value.cols();
      const Index probe_steps = cols % samples == 0 ? cols / samples : steps;
      if (probe_steps * samples != cols) continue;
      json entry = put_array(name, sample_of(p.value, probe_steps, samples, sample),
                             shape_json(Shape{probe_steps, p.value.rows()}));
      entry["probe"] = p.name;
      probes.push_back(entry);
    }
    layers.push_back({{"name", layer->name()}, {"type", layer->type()}, {"probes", probes}});
  }
  return {{"layers", layers}, {"gradient_norms", gradient_norms}, {"sample", sample}};
}

json SessionState::op_get_weights(ObjectReader& request) {
  Model& m = model("get_weights");
  const std::string out = read_out(request, "weights", kMaxArrayName);
  request.finish({"op", "out"});
  WeightBlob blob = weight_blob(m);
  json manifest = json::array();
  for (const WeightEntry& e : blob.entries) {
    manifest.push_back({{"name", e.name}, {"shape", e.shape}, {"offset", e.offset}});
  }
  const auto total = static_cast<Index>(blob.values.size());
  (void)put_array(out, std::move(blob.values), shape_json(Shape{total}));
  return {{"array", out}, {"weights", manifest}, {"size", total}};
}

json SessionState::op_set_weights(ObjectReader& request) {
  Model& m = model("set_weights");
  const std::string name = request.required_string("array");
  request.finish({"op", "array"});
  auto it = arrays.find(name);
  if (it == arrays.end()) fail_at("/array", "no array named '" + excerpt(name) + "'");
  std::vector<Matrix> weights = m.get_weights();
  std::size_t total = 0;
  for (const Matrix& w : weights) total += static_cast<std::size_t>(w.size());
  const std::vector<float>& v = it->second;
  if (v.size() != total) {
    fail_at("/array", "expected " + std::to_string(total) +
                          " values (every weight, in get_weights "
                          "order), got " +
                          std::to_string(v.size()));
  }
  std::size_t at = 0;
  for (Matrix& w : weights) {
    for (Index k = 0; k < w.size(); ++k) {
      if (!std::isfinite(v[at])) {
        fail_at("/array", "value " + std::to_string(at) + " is not a finite number");
      }
      w.data()[k] = static_cast<Scalar>(v[at++]);
    }
  }
  m.set_weights(weights);
  return json::object();
}

}  // namespace nn::bridge
