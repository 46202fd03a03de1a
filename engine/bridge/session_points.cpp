// Session ops on raw 2-D points: set_data "points" (points from named arrays, shaped as the
// document's "data" says) and "points" (the raw points of the current data, as arrays).
#include <algorithm>
#include <cmath>

#include "engine/bridge/session.hpp"
#include "engine/bridge/session_state.hpp"
#include "engine/bridge/session_util.hpp"
#include "engine/core/base/text.hpp"

namespace nn::bridge {

namespace {

constexpr std::size_t kMaxPoints = 1000000;

/// A float as the engine prints numbers elsewhere ("2.5", "NaN", "Infinity").
std::string show(float v) {
  if (std::isnan(v)) return "NaN";
  if (std::isinf(v)) return v > 0 ? "Infinity" : "-Infinity";
  return number_text(static_cast<double>(v));
}

bool is_class_id(double v) { return std::isfinite(v) && v >= 0.0 && std::floor(v) == v; }

/// Number of classes of a labelled point set: the largest id + 1, at least 2 (or the
/// document's "classes" for blobs when larger).
Index class_count(const DataSpec& spec, const Dataset& all) {
  Index k = 2;
  for (Index j = 0; j < all.y.cols(); ++j) {
    k = std::max(k, static_cast<Index>(all.y(0, j)) + 1);
  }
  if (spec.name == "blobs") k = std::max(k, static_cast<Index>(spec.classes));
  return k;
}

/// The smallest number of classes any output of `model` can take, or 0 when no output limits
/// class ids: a one-hot or sparse output takes its units, a one-unit classification output 2.
Index class_limit(const DataSpec& spec, Model& model) {
  const Graph& g = model.graph();
  Index limit = 0;
  for (std::size_t i = 0; i < g.output_nodes().size(); ++i) {
    const Index k = g.node_shape(g.output_nodes()[i]).back();
    const std::string loss = model.loss_name(i);
    std::string mode = i < spec.targets.size() ? spec.targets[i] : "auto";
    if (mode == "auto") mode = (loss == "categorical_crossentropy" && k > 1) ? "one_hot" : "label";
    Index outputs_classes = 0;
    if (mode == "one_hot" || loss == "sparse_categorical_crossentropy") {
      outputs_classes = k;
    } else if (k == 1 &&
               (loss == "binary_crossentropy" || loss == "hinge" || loss == "perceptron")) {
      outputs_classes = 2;
    }
    if (outputs_classes > 0)
      limit = limit == 0 ? outputs_classes : std::min(limit, outputs_classes);
  }
  return limit;
}

}  // namespace

SessionData SessionState::data_from_spec(const DataSpec& spec, Model& model,
                                         const std::string& path) const {
  const Dataset all = generate_data(spec, path);
  const std::pair<Dataset, Dataset> parts =
      split_data(spec, all, child_path(path, "validation_fraction"));
  GeneratedData encoded = encode_data(spec, parts.first, parts.second, model, path);
  SessionData out;
  out.train = std::move(encoded.train);
  out.validation = std::move(encoded.validation);
  if (is_point_dataset(spec.name)) {
    PointData points;
    points.values = is_regression_dataset(spec.name);
    points.classes = points.values ? 0 : class_count(spec, all);
    points.train = parts.first;
    points.validation = parts.second;
    out.points = std::move(points);
  }
  return out;
}

SessionData SessionState::data_from_points(Model& model, const json& part) {
  ObjectReader reader(part, "/points");
  const std::string x_path = reader.path_of("x"), y_path = reader.path_of("y");
  const std::string x_name = read_string(reader.require("x"), x_path);
  const std::string y_name = read_string(reader.require("y"), y_path);
  reader.finish({"x", "y"});
  if (!doc_ || !doc_->data) {
    fail_at("/points",
            "points need a document with a \"data\" object: its inputs, targets, "
            "validation_fraction and seed say how the points feed the model");
  }
  const DataSpec& spec = *doc_->data;
  if (!is_point_dataset(spec.name)) {
    fail_at("/points",
            "points need the document's data to be a 2-D set or a gate (its name says "
            "whether labels are classes or values), got '" +
                spec.name + "'");
  }
  compiled_model("set_data");
  const auto find = [&](const std::string& name, const std::string& at) {
    auto it = arrays.find(name);
    if (it == arrays.end())
      fail_at(at, "no array named '" + excerpt(name) + "'; send it with setArray first");
    return &it->second;
  };
  const std::vector<float>& xs = *find(x_name, x_path);
  const std::vector<float>& ys = *find(y_name, y_path);
  if (xs.empty() || xs.size() % 2 != 0) {
    fail_at(x_path, "array '" + x_name + "' has " + std::to_string(xs.size()) +
                        " values; expected x1, x2 of each point (n x 2, n >= 1)");
  }
  const std::size_t n = xs.size() / 2;
  if (n > kMaxPoints) {
    fail_at(x_path, "array '" + x_name + "' holds " + std::to_string(n) +
                        " points, beyond the limit of " + std::to_string(kMaxPoints));
  }
  if (ys.size() != n) {
    fail_at(y_path, "array '" + y_name + "' has " + std::to_string(ys.size()) +
                        " values; expected " + std::to_string(n) + ", one per point");
  }
  const bool values = is_regression_dataset(spec.name);
  const Index limit = values ? 0 : class_limit(spec, model);
  const std::string ids =
      limit > 0 ? "an integer 0.." + std::to_string(limit - 1) : "an integer >= 0";
  Dataset all;
  all.x.resize(2, static_cast<Index>(n));
  all.y.resize(1, static_cast<Index>(n));
  for (std::size_t i = 0; i < n; ++i) {
    const std::string row = "row " + std::to_string(i) + ": ";
    for (std::size_t c = 0; c < 2; ++c) {
      const float v = xs[2 * i + c];
      if (!std::isfinite(v)) {
        fail_at(x_path, row + "x" + std::to_string(c + 1) + " is " + show(v) +
                            "; points must be finite numbers");
      }
      all.x(static_cast<Index>(c), static_cast<Index>(i)) = static_cast<Scalar>(v);
    }
    const float y = ys[i];
    if (values && !std::isfinite(y)) {
      fail_at(y_path, row + "value " + show(y) + " is not a finite number");
    }
    const bool too_big = limit > 0 && static_cast<double>(y) >= static_cast<double>(limit);
    if (!values && (!is_class_id(static_cast<double>(y)) || too_big)) {
      fail_at(y_path, row + "label " + show(y) + " is not a class id (" + ids + ")");
    }
    all.y(0, static_cast<Index>(i)) = static_cast<Scalar>(y);
  }
  const std::pair<Dataset, Dataset> parts = split_data(spec, all, "/points");
  GeneratedData encoded = encode_data(spec, parts.first, parts.second, model, "/spec/data");
  SessionData out;
  out.train = std::move(encoded.train);
  out.validation = std::move(encoded.validation);
  PointData points;
  points.values = values;
  points.classes = values ? 0 : class_count(spec, all);
  points.train = parts.first;
  points.validation = parts.second;
  out.points = std::move(points);
  return out;
}

json SessionState::op_points(ObjectReader& request) {
  const std::string out = read_out(request, "points", kMaxArrayName - 13);
  request.finish({"op", "out"});
  if (!points_) {
    fail_at("", !train_data_
                    ? "points: no data yet; send set_data (or build a document with \"data\")"
                    : "points: the current data are not 2-D points; points exist for the 2-D "
                      "sets, the gates and set_data \"points\", not for arrays or other datasets");
  }
  const PointData& p = *points_;
  // x (2, n) column-major is n x 2 row-major; y is one value per point.
  const auto values_of = [](const Matrix& m) {
    std::vector<float> v(static_cast<std::size_t>(m.size()));
    for (Index k = 0; k < m.size(); ++k)
      v[static_cast<std::size_t>(k)] = static_cast<float>(m.data()[k]);
    return v;
  };
  const std::vector<std::pair<std::string, const Matrix*>> parts = {
      {"train_x", &p.train.x},
      {"train_y", &p.train.y},
      {"validation_x", &p.validation.x},
      {"validation_y", &p.validation.y}};
  // Check the limits for all four first, so a refusal stores none of them.
  std::size_t total = total_floats;
  for (const auto& [key, m] : parts) {
    auto it = arrays.find(out + "_" + key);
    total =
        total - (it == arrays.end() ? 0 : it->second.size()) + static_cast<std::size_t>(m->size());
  }
  if (total > kMaxTotalFloats) {
    fail_at("", "cannot store the points: arrays would hold more than " +
                    std::to_string(kMaxTotalFloats) + " values; delete some first");
  }
  json names = json::object();
  for (const auto& [key, m] : parts) {
    const std::string name = out + "_" + key;
    names[key] = put_array(name, values_of(*m), json::array())["name"];
  }
  return {{"train", p.train.size()},
          {"validation", p.validation.size()},
          {"kind", p.values ? "values" : "classes"},
          {"classes", p.classes},
          {"arrays", names}};
}

}  // namespace nn::bridge
