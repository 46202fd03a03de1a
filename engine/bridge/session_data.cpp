// Session ops on data: set_data (from named arrays, or the document's built-in dataset).
#include <cmath>

#include "engine/bridge/session.hpp"
#include "engine/bridge/session_state.hpp"
#include "engine/core/base/text.hpp"

namespace nn::bridge {

namespace {

/// "NaN", "Infinity" or "-Infinity".
std::string non_finite_name(float v) {
  if (std::isnan(v)) return "NaN";
  return v > 0 ? "Infinity" : "-Infinity";
}

/// Fails at `at` unless every value of `values` (per_sample ids per sample) is a whole number
/// in [0, classes): sparse_categorical_crossentropy's class ids for output `node`.
void check_class_ids(const std::vector<float>& values, std::size_t per_sample, Index classes,
                     const std::string& at, const std::string& name, const std::string& node) {
  for (std::size_t k = 0; k < values.size(); ++k) {
    const float v = values[k];
    if (std::floor(v) == v && v >= 0 && v < static_cast<float>(classes)) continue;
    std::string where = "sample " + std::to_string(k / per_sample);
    if (per_sample > 1) where += ", step " + std::to_string(k % per_sample);
    fail_at(at, "array '" + excerpt(name) + "' has class id " +
                    number_text(static_cast<double>(v)) + " at " + where +
                    "; sparse_categorical_crossentropy needs whole class ids in [0, " +
                    std::to_string(classes) + ") for the output " + node);
  }
}

}  // namespace

std::vector<Matrix> SessionState::arrays_for(Model& model, const json& names,
                                             const std::string& path, bool targets,
                                             Index* samples) const {
  const Graph& g = model.graph();
  const std::vector<int>& nodes = targets ? g.output_nodes() : g.input_nodes();
  const char* what = targets ? "output" : "input";
  if (names.is_string() && nodes.size() == 1) {
    return arrays_for(model, json::array({names}), path, targets, samples);
  }
  read_array(names, path);
  if (names.size() != nodes.size()) {
    fail_at(path, "expected " + std::to_string(nodes.size()) + " array name(s), one per model " +
                      what + ", got " + std::to_string(names.size()));
  }
  std::vector<Matrix> out;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string at = child_path(path, i);
    const std::string name = read_string(names[i], at);
    auto it = arrays.find(name);
    if (it == arrays.end()) {
      fail_at(at, "no array named '" + excerpt(name) + "'; send it with setArray first");
    }
    const std::vector<float>& values = it->second;
    const Shape& shape = g.node_shape(nodes[i]);
    const auto full = static_cast<std::size_t>(shape_size(shape));
    const auto sparse = static_cast<std::size_t>(layout_steps(shape));
    const std::string node = "'" + g.node_name(nodes[i]) + "'";
    std::size_t per_sample = full;
    if (targets && *samples > 0 && values.size() != full * static_cast<std::size_t>(*samples) &&
        values.size() == sparse * static_cast<std::size_t>(*samples)) {
      per_sample = sparse;  // class ids for a sparse loss
    }
    if (values.empty() || values.size() % per_sample != 0) {
      fail_at(at, "array '" + excerpt(name) + "' has " + std::to_string(values.size()) +
                      " values; expected a positive multiple of " + std::to_string(per_sample) +
                      " (the " + what + " " + node + " has shape " + shape_str(shape) + ")");
    }
    const auto n = static_cast<Index>(values.size() / per_sample);
    if (*samples > 0 && n != *samples) {
      fail_at(at, "array '" + excerpt(name) + "' holds " + std::to_string(n) +
                      " samples, expected " + std::to_string(*samples) + " like the first array");
    }
    *samples = n;
    for (std::size_t k = 0; k < values.size(); ++k) {
      if (std::isfinite(values[k])) continue;
      fail_at(at, "array '" + excerpt(name) + "' has " + non_finite_name(values[k]) +
                      " at sample " + std::to_string(k / per_sample) + ", value " +
                      std::to_string(k % per_sample) + "; data must be finite numbers");
    }
    if (targets && model.compiled() && model.loss_name(i) == "sparse_categorical_crossentropy") {
      check_class_ids(values, per_sample, layout_rows(shape), at, name, node);
    }
    Matrix m = Eigen::Map<const Eigen::MatrixXf>(values.data(), static_cast<Index>(per_sample), n)
                   .cast<Scalar>();
    out.push_back(std::move(m));
  }
  return out;
}

ModelData SessionState::data_from_arrays(Model& model, const json& part,
                                         const std::string& path) const {
  ObjectReader reader(part, path);
  ModelData data;
  Index samples = 0;
  data.x = arrays_for(model, reader.require("x"), reader.path_of("x"), false, &samples);
  data.y = arrays_for(model, reader.require("y"), reader.path_of("y"), true, &samples);
  reader.finish({"x", "y"});
  return data;
}

json SessionState::op_set_data(ObjectReader& request) {
  Model& m = model("set_data");
  SessionData data;
  const json* points = request.find("points");
  if (points != nullptr && (request.has("train") || request.has("validation"))) {
    fail_at("/points",
            "give either \"points\" or \"train\" (with an optional \"validation\"), not both");
  }
  if (const json* part = request.find("train")) {
    data.train = data_from_arrays(m, *part, "/train");
    if (const json* val = request.find("validation")) {
      data.validation = data_from_arrays(m, *val, "/validation");
    }
  } else if (points != nullptr) {
    data = data_from_points(m, *points);
  } else {
    if (!doc_ || !doc_->data) {
      fail_at("",
              "set_data needs \"train\": {\"x\": [...], \"y\": [...]} (array names), "
              "\"points\": {\"x\": ..., \"y\": ...}, or a document with a \"data\" object");
    }
    compiled_model("set_data");
    data = data_from_spec(*doc_->data, m, "/spec/data");
  }
  request.finish({"op", "train", "validation", "points"});
  trainer_.reset();
  callbacks_.clear();
  train_data_ = std::move(data.train);
  validation_data_ = std::move(data.validation);
  points_ = std::move(data.points);
  return {{"samples", train_data_->size()},
          {"validation_samples", validation_data_ ? validation_data_->size() : 0}};
}

std::string SessionState::store_array(const std::string& name, std::vector<float> values) {
  if (name.empty() || name.size() > kMaxArrayName) {
    return "array name must have 1 to " + std::to_string(kMaxArrayName) + " characters";
  }
  if (values.size() > kMaxArrayFloats) {
    return "array '" + excerpt(name) + "' has " + std::to_string(values.size()) +
           " values, beyond the limit of " + std::to_string(kMaxArrayFloats);
  }
  auto it = arrays.find(name);
  const std::size_t old = it == arrays.end() ? 0 : it->second.size();
  if (total_floats - old + values.size() > kMaxTotalFloats) {
    return "arrays would hold more than " + std::to_string(kMaxTotalFloats) +
           " values; delete some first";
  }
  total_floats = total_floats - old + values.size();
  arrays[name] = std::move(values);
  return "";
}

json SessionState::put_array(const std::string& name, std::vector<float> values,
                             const json& shape) {
  const std::string why = store_array(name, std::move(values));
  if (!why.empty()) fail_at("", "cannot store the result: " + why);
  return {{"name", name}, {"shape", shape}};
}

}  // namespace nn::bridge
