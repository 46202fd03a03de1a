// The "data" object: which built-in dataset to generate, and make_data, which generates it,
// splits off validation data and shapes inputs and targets for a compiled model.
#include "engine/bridge/spec/data_spec.hpp"
#include "engine/core/base/text.hpp"

#include <algorithm>
#include <cctype>
#include <cmath>

#include "engine/core/base/error.hpp"
#include "engine/core/data/generators.hpp"
#include "engine/core/data/logic_gates.hpp"
#include "engine/core/data/prototypes.hpp"

namespace nn::bridge {
namespace {

constexpr std::int64_t kMaxSamples = 1000000;
constexpr std::int64_t kMaxValues = std::int64_t{1} << 26;  // one array (session.md, Limits)

enum class Kind { kPlanar, kGate, kSequence, kPrototypes };

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

std::string join(const std::vector<std::string>& names) {
  std::string out;
  for (const std::string& n : names) out += (out.empty() ? "" : ", ") + n;
  return out;
}

/// "gate_and", "gate_or", ...: the logic gates, prefixed so "gate_xor" and the 2-D "xor" differ.
std::vector<std::string> gate_names() {
  std::vector<std::string> out;
  for (std::string g : logic_gate_names()) {
    for (char& c : g) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    out.push_back("gate_" + g);
  }
  return out;
}

/// Every dataset name, sorted.
std::vector<std::string> all_names() {
  std::vector<std::string> out = dataset_names();
  for (const auto& list : {gate_names(), sequence_dataset_names()}) {
    out.insert(out.end(), list.begin(), list.end());
  }
  out.emplace_back("prototypes");
  std::sort(out.begin(), out.end());
  return out;
}

Kind kind_of(const std::string& name) {
  if (contains(dataset_names(), name)) return Kind::kPlanar;
  if (contains(gate_names(), name)) return Kind::kGate;
  if (name == "prototypes") return Kind::kPrototypes;
  return Kind::kSequence;
}

/// Values per sample of x, to refuse oversized data before generating it.
std::int64_t values_per_sample(const DataSpec& s) {
  const SequenceDatasetOptions& q = s.sequence;
  switch (kind_of(s.name)) {
    case Kind::kPlanar:
    case Kind::kGate:
      return 2;
    case Kind::kPrototypes:
      return s.image_side * s.image_side;
    case Kind::kSequence:
      if (s.name == "adding") return 2 * q.length;
      if (s.name == "copy_memory") return (2 * q.copy_length + q.length) * (q.symbols + 2);
      return q.length;
  }
  return 1;
}

/// The generated (x, y) of the spec, before splitting and encoding.
Dataset generate(const DataSpec& s, const std::string& path) {
  try {
    switch (kind_of(s.name)) {
      case Kind::kPlanar:
        return make_dataset(s.name, static_cast<Index>(s.n), s.noise, s.seed,
                            static_cast<Index>(s.classes));
      case Kind::kGate:
        return logic_gate(s.name.substr(5));
      case Kind::kPrototypes:
        return make_prototypes(static_cast<Index>(s.n), static_cast<Index>(s.image_side),
                               static_cast<Index>(s.classes), s.noise, s.seed);
      case Kind::kSequence: {
        SequenceDatasetOptions o = s.sequence;
        o.n = static_cast<Index>(s.n);
        o.seed = s.seed;
        o.noise = s.noise;
        return make_sequence_dataset(s.name, o);
      }
    }
  } catch (const nn::Error& e) {
    fail_at(path, e.what());
  }
  fail_at(path, "unknown dataset '" + s.name + "'");
}

/// The model's input or output node names.
std::vector<std::string> names_of(const Model& model, const std::vector<int>& nodes) {
  std::vector<std::string> out;
  for (int node : nodes) out.push_back(model.graph().node_name(node));
  return out;
}

/// One matrix per model input; checks each against the input's per-sample size.
std::vector<Matrix> encode_inputs(const DataSpec& s, const Matrix& x, const Model& model,
                                  const std::string& path) {
  const Graph& g = model.graph();
  const std::string in_path = child_path(path, "inputs");
  const std::size_t n_in = g.input_nodes().size();
  const bool planar = kind_of(s.name) == Kind::kPlanar || kind_of(s.name) == Kind::kGate;
  if (!s.inputs.empty() && !planar) {
    fail_at(in_path, "features apply to the 2-D sets only; '" + s.name +
                         "' feeds its samples to one input as they are");
  }
  if (s.inputs.empty() && n_in != 1) {
    fail_at(in_path, "the model has " + std::to_string(n_in) + " inputs (" +
                         join(names_of(model, g.input_nodes())) + "); '" + s.name + "' feeds one" +
                         (planar ? " unless \"inputs\" lists features per input" : ""));
  }
  if (!s.inputs.empty() && s.inputs.size() != n_in) {
    fail_at(in_path, "expected " + std::to_string(n_in) + " feature lists, one per model input (" +
                         join(names_of(model, g.input_nodes())) + "), got " +
                         std::to_string(s.inputs.size()));
  }
  std::vector<Matrix> out;
  for (std::size_t i = 0; i < n_in; ++i) {
    const std::string at = child_path(in_path, i);
    out.push_back(s.inputs.empty() ? x : compute_features(x, s.inputs[i], at));
    const int node = g.input_nodes()[i];
    const Shape& shape = g.node_shape(node);
    const Index want = shape_size(shape), got = out.back().rows();
    if (want == got) continue;
    const std::string who = "the model's input '" + g.node_name(node) + "' takes ";
    if (shape.size() == 1) {
      fail_at(at, who + std::to_string(want) + " features, the data gives " + std::to_string(got));
    }
    fail_at(at, who + std::to_string(want) + " values per sample (shape " + shape_str(shape) +
                    "), the data gives " + std::to_string(got));
  }
  return out;
}

/// y as one-hot rows: ids (steps, n) -> (steps * k, n), row t * k + id set.
Matrix one_hot(const Matrix& y, Index k, const std::string& output, const std::string& at) {
  Matrix out = Matrix::Zero(y.rows() * k, y.cols());
  for (Index j = 0; j < y.cols(); ++j) {
    for (Index t = 0; t < y.rows(); ++t) {
      const double id = static_cast<double>(y(t, j));
      if (!(id >= 0.0 && id < static_cast<double>(k)) || std::floor(id) != id) {
        fail_at(at, "one-hot targets need class ids 0.." + std::to_string(k - 1) +
                        " for the output '" + output + "' of " + std::to_string(k) +
                        " units, the data has " + number_text(id));
      }
      out(t * k + static_cast<Index>(id), j) = 1;
    }
  }
  return out;
}

/// One matrix per model output, encoded as the spec's "targets" (or "auto") and the loss ask.
std::vector<Matrix> encode_targets(const DataSpec& s, const Matrix& y, Model& model,
                                   const std::string& path) {
  const Graph& g = model.graph();
  const std::string t_path = child_path(path, "targets");
  const std::size_t n_out = g.output_nodes().size();
  if (!s.targets.empty() && s.targets.size() != n_out) {
    fail_at(t_path, "expected " + std::to_string(n_out) + " target encodings, one per output (" +
                        join(names_of(model, g.output_nodes())) + "), got " +
                        std::to_string(s.targets.size()));
  }
  std::vector<Matrix> out;
  for (std::size_t i = 0; i < n_out; ++i) {
    const std::string at = child_path(t_path, i);
    const int node = g.output_nodes()[i];
    const std::string& name = g.node_name(node);
    const Shape& shape = g.node_shape(node);
    const Index steps = layout_steps(shape), k = shape.back();
    const std::string loss = model.loss_name(i);
    std::string mode = s.targets.empty() ? "auto" : s.targets[i];
    if (mode == "auto") {
      mode = (loss == "categorical_crossentropy" && k > 1) ? "one_hot" : "label";
    }
    if (mode == "one_hot") {
      if (y.rows() != steps) {
        fail_at(at, "one-hot targets need one class id per step (" + std::to_string(steps) +
                        ") for the output '" + name + "', the data has " +
                        std::to_string(y.rows()) + " values per sample");
      }
      out.push_back(one_hot(y, k, name, at));
      continue;
    }
    const bool sparse = loss == "sparse_categorical_crossentropy";
    const Index want = sparse ? steps : shape_size(shape);
    if (y.rows() != want) {
      std::string hint;
      if (!sparse && y.rows() == steps) {
        hint = " (class ids: use \"one_hot\" targets or sparse_categorical_crossentropy)";
      }
      fail_at(at, "the model's output '" + name + "' (shape " + shape_str(shape) + ", loss " +
                      loss + ") needs " + std::to_string(want) +
                      " target values per sample, the data gives " + std::to_string(y.rows()) +
                      hint);
    }
    out.push_back(y);
  }
  return out;
}

ModelData encode(const DataSpec& s, const Dataset& d, Model& model, const std::string& path) {
  ModelData out;
  out.x = encode_inputs(s, d.x, model, path);
  out.y = encode_targets(s, d.y, model, path);
  return out;
}

}  // namespace

DataSpec parse_data(const json& value, const std::string& path) {
  ObjectReader r(value, path);
  DataSpec s;
  s.name = r.required_string("name");
  const std::vector<std::string> names = all_names();
  if (!contains(names, s.name)) fail_unknown_name(r.path_of("name"), "dataset", s.name, names);
  s.n = r.integer("n", s.n, 1, kMaxSamples);
  s.noise = r.number("noise", s.noise, 0.0);
  s.seed = static_cast<std::uint64_t>(r.integer("seed", 0, 0));
  s.classes = r.integer("classes", s.classes, 2, 100);
  s.image_side = r.integer("image_side", s.image_side, 1, 64);
  SequenceDatasetOptions& q = s.sequence;
  q.length = static_cast<Index>(r.integer("length", q.length, 1, 10000));
  if (const json* p = r.find("period")) {
    q.period = read_number(*p, r.path_of("period"));
    if (!(q.period > 0.0))
      fail_at(r.path_of("period"), "expected a positive number, got " + describe(*p));
  }
  if (const json* a = r.find("amplitude")) {
    q.amplitude = read_number(*a, r.path_of("amplitude"));
    if (!(q.amplitude > 0.0)) {
      fail_at(r.path_of("amplitude"), "expected a positive number, got " + describe(*a));
    }
  }
  q.copy_length = static_cast<Index>(r.integer("copy_length", q.copy_length, 1, 1000));
  q.symbols = static_cast<Index>(r.integer("symbols", q.symbols, 1, 1000));
  q.stride = static_cast<Index>(r.integer("stride", q.stride, 1, 10000));
  if (const json* in = r.find("inputs")) {
    const std::string in_path = r.path_of("inputs");
    read_array(*in, in_path, 64);
    for (std::size_t i = 0; i < in->size(); ++i) {
      const std::string at = child_path(in_path, i);
      const json& list = read_array((*in)[i], at, 64);
      if (list.empty()) fail_at(at, "expected at least one feature, got []");
      std::vector<std::string> features;
      for (std::size_t f = 0; f < list.size(); ++f) {
        features.push_back(read_string(list[f], child_path(at, f)));
        if (!contains(feature_names(), features.back())) {
          fail_unknown_name(child_path(at, f), "feature", features.back(), feature_names());
        }
      }
      s.inputs.push_back(features);
    }
  }
  if (const json* t = r.find("targets")) {
    const std::string t_path = r.path_of("targets");
    read_array(*t, t_path, 64);
    for (std::size_t i = 0; i < t->size(); ++i) {
      const std::string mode = read_string((*t)[i], child_path(t_path, i));
      if (mode != "auto" && mode != "label" && mode != "one_hot") {
        fail_unknown_name(child_path(t_path, i), "target encoding", mode,
                          {"auto", "label", "one_hot"});
      }
      s.targets.push_back(mode);
    }
  }
  if (const json* v = r.find("validation_fraction")) {
    s.validation_fraction = read_number(*v, r.path_of("validation_fraction"));
    if (!(s.validation_fraction >= 0.0 && s.validation_fraction < 1.0)) {
      fail_at(r.path_of("validation_fraction"), "expected a number in [0, 1), got " + describe(*v));
    }
  }
  r.finish({"name", "n", "noise", "seed", "classes", "image_side", "length", "period", "amplitude",
            "copy_length", "symbols", "stride", "inputs", "targets", "validation_fraction"});
  const std::int64_t values = s.n * values_per_sample(s);
  if (values > kMaxValues) {
    fail_at(r.path_of("n"), "the data would hold " + std::to_string(values) +
                                " input values; at most " + std::to_string(kMaxValues) +
                                " (2^26) fit in one array");
  }
  return s;
}

json data_to_json(const DataSpec& s) {
  const SequenceDatasetOptions& q = s.sequence;
  return {{"name", s.name},
          {"n", s.n},
          {"noise", s.noise},
          {"seed", s.seed},
          {"classes", s.classes},
          {"image_side", s.image_side},
          {"length", static_cast<std::int64_t>(q.length)},
          {"period", q.period},
          {"amplitude", q.amplitude},
          {"copy_length", static_cast<std::int64_t>(q.copy_length)},
          {"symbols", static_cast<std::int64_t>(q.symbols)},
          {"stride", static_cast<std::int64_t>(q.stride)},
          {"inputs", s.inputs},
          {"targets", s.targets},
          {"validation_fraction", s.validation_fraction}};
}

bool is_point_dataset(const std::string& name) {
  return kind_of(name) == Kind::kPlanar || kind_of(name) == Kind::kGate;
}

bool is_regression_dataset(const std::string& name) { return name.rfind("regress_", 0) == 0; }

Dataset generate_data(const DataSpec& spec, const std::string& path) {
  return generate(spec, path);
}

std::pair<Dataset, Dataset> split_data(const DataSpec& spec, const Dataset& data,
                                       const std::string& split_path) {
  if (!(spec.validation_fraction > 0.0)) return {data, Dataset{}};
  try {
    return train_test_split(data, spec.validation_fraction, spec.seed);
  } catch (const nn::Error& e) {
    fail_at(split_path, e.what());
  }
}

GeneratedData encode_data(const DataSpec& spec, const Dataset& train, const Dataset& validation,
                          Model& model, const std::string& path) {
  if (!model.compiled()) {
    fail_at(path, "the model must be compiled first: its losses decide how targets are encoded");
  }
  GeneratedData out;
  out.train = encode(spec, train, model, path);
  if (validation.size() > 0) out.validation = encode(spec, validation, model, path);
  return out;
}

GeneratedData make_data(const DataSpec& spec, Model& model, const std::string& path) {
  if (!model.compiled()) {
    fail_at(path, "the model must be compiled first: its losses decide how targets are encoded");
  }
  const std::pair<Dataset, Dataset> parts =
      split_data(spec, generate(spec, path), child_path(path, "validation_fraction"));
  return encode_data(spec, parts.first, parts.second, model, path);
}

}  // namespace nn::bridge
