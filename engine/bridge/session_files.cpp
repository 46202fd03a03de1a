// Session ops on files: save/load (one nnplay file: document, weights, optimizer, trainer and
// random-stream state, so training resumes exactly) and Keras / TF.js export and import.
#include <cmath>
#include <cstdio>

#include "engine/bridge/json/base64.hpp"
#include "engine/bridge/keras/keras_error_path.hpp"
#include "engine/bridge/keras/keras_export.hpp"
#include "engine/bridge/keras/keras_import.hpp"
#include "engine/bridge/keras/tfjs_format.hpp"
#include "engine/bridge/session.hpp"
#include "engine/bridge/session_state.hpp"
#include "engine/bridge/session_util.hpp"
#include "engine/core/base/error.hpp"

namespace nn::bridge {

namespace {

constexpr const char* kFileFormat = "nnplay-model";

/// Fills `ms` (already shaped) from v; throws at `path` unless the sizes agree.
void unflatten(const std::vector<float>& v, std::vector<Matrix>& ms, const std::string& path) {
  std::size_t total = 0;
  for (const Matrix& m : ms) total += static_cast<std::size_t>(m.size());
  if (v.size() != total) {
    fail_at(path, "expected " + std::to_string(total) + " values, got " + std::to_string(v.size()));
  }
  std::size_t at = 0;
  for (Matrix& m : ms) {
    for (Index k = 0; k < m.size(); ++k) {
      if (!std::isfinite(v[at])) fail_at(path, "value " + std::to_string(at) + " is not finite");
      m.data()[k] = static_cast<Scalar>(v[at++]);
    }
  }
}

std::string hex64(std::uint64_t x) {
  char buf[17];
  std::snprintf(buf, sizeof buf, "%016llx", static_cast<unsigned long long>(x));
  return buf;
}

std::uint64_t read_hex64(const json& v, const std::string& path) {
  const std::string s = read_string(v, path);
  if (s.empty() || s.size() > 16) fail_at(path, "expected 1 to 16 hex digits, got " + describe(v));
  std::uint64_t x = 0;
  for (char c : s) {
    int d = -1;
    if (c >= '0' && c <= '9') d = c - '0';
    if (c >= 'a' && c <= 'f') d = c - 'a' + 10;
    if (d < 0) fail_at(path, "expected lowercase hex digits, got " + describe(v));
    x = (x << 4) | static_cast<std::uint64_t>(d);
  }
  return x;
}

json words_json(const std::vector<std::uint64_t>& words) {
  json out = json::array();
  for (std::uint64_t w : words) out.push_back(hex64(w));
  return out;
}

std::vector<std::uint64_t> read_words(const json& v, const std::string& path) {
  read_array(v, path, 64);
  std::vector<std::uint64_t> out;
  for (std::size_t i = 0; i < v.size(); ++i) out.push_back(read_hex64(v[i], child_path(path, i)));
  return out;
}

json number_or_null(double x) { return std::isfinite(x) ? json(x) : json(nullptr); }

double read_number_or_nan(const json& v, const std::string& path) {
  return v.is_null() ? std::nan("") : read_number(v, path);
}

json trainer_json(const TrainerState& s) {
  std::vector<double> order(s.order.begin(), s.order.end());
  json sums = json::object();
  for (const auto& [k, v] : s.sums) sums[k] = number_or_null(v);
  json history = json::object();
  for (const auto& [k, values] : s.history.history) {
    json list = json::array();
    for (double v : values) list.push_back(number_or_null(v));
    history[k] = list;
  }
  json callbacks = json::array();
  for (const auto& c : s.callbacks) callbacks.push_back(encode_doubles(c));
  return {{"epoch", s.epoch},
          {"batch", s.batch},
          {"started", s.started},
          {"in_epoch", s.in_epoch},
          {"finished", s.finished},
          {"stop_reason", s.history.stop_reason},
          {"order", encode_doubles(order)},
          {"rng", words_json(s.rng)},
          {"sums", sums},
          {"seen", s.seen},
          {"epochs", s.history.epochs},
          {"history", history},
          {"callbacks", callbacks}};
}

TrainerState read_trainer(const json& v, const std::string& path) {
  ObjectReader r(v, path);
  TrainerState s;
  s.epoch = static_cast<int>(r.required_integer("epoch", 0, 1000000));
  s.batch = static_cast<Index>(r.required_integer("batch", 0, kMaxDimension));
  s.started = read_bool(r.require("started"), r.path_of("started"));
  s.in_epoch = read_bool(r.require("in_epoch"), r.path_of("in_epoch"));
  s.finished = read_bool(r.require("finished"), r.path_of("finished"));
  s.history.stop_reason = r.string("stop_reason", "");
  for (double d : decode_doubles(r.required_string("order"), r.path_of("order"))) {
    s.order.push_back(static_cast<Index>(d));
  }
  s.rng = read_words(r.require("rng"), r.path_of("rng"));
  if (s.rng.size() != 6) fail_at(r.path_of("rng"), "expected 6 state words");
  const json& sums = read_object(r.require("sums"), r.path_of("sums"));
  for (auto it = sums.begin(); it != sums.end(); ++it) {
    s.sums[it.key()] = read_number_or_nan(it.value(), child_path(r.path_of("sums"), it.key()));
  }
  s.seen = static_cast<Index>(r.required_integer("seen", 0, kMaxDimension));
  const json& epochs = read_array(r.require("epochs"), r.path_of("epochs"));
  for (std::size_t i = 0; i < epochs.size(); ++i) {
    s.history.epochs.push_back(
        static_cast<int>(read_integer(epochs[i], child_path(r.path_of("epochs"), i), 0, 1000000)));
  }
  const json& history = read_object(r.require("history"), r.path_of("history"));
  for (auto it = history.begin(); it != history.end(); ++it) {
    const std::string at = child_path(r.path_of("history"), it.key());
    read_array(it.value(), at);
    auto& values = s.history.history[it.key()];
    for (std::size_t i = 0; i < it.value().size(); ++i) {
      values.push_back(read_number_or_nan(it.value()[i], child_path(at, i)));
    }
  }
  const json& callbacks = read_array(r.require("callbacks"), r.path_of("callbacks"), 16);
  for (std::size_t i = 0; i < callbacks.size(); ++i) {
    const std::string at = child_path(r.path_of("callbacks"), i);
    s.callbacks.push_back(decode_doubles(read_string(callbacks[i], at), at));
  }
  r.finish();
  return s;
}

}  // namespace

json SessionState::op_save(ObjectReader& request) {
  request.finish({"op"});
  Model& m = model("save");
  WeightBlob blob = weight_blob(m);
  json manifest = json::array();
  for (const WeightEntry& e : blob.entries) {
    manifest.push_back({{"name", e.name}, {"shape", e.shape}});
  }
  json streams = json::array();
  const Graph& g = m.graph();
  for (std::size_t n = 0; n < g.node_count(); ++n) {
    const Layer* l = g.layer(static_cast<int>(n));
    if (l != nullptr && !l->random_state().empty()) {
      streams.push_back({{"layer", l->name()}, {"state", words_json(l->random_state())}});
    }
  }
  json file = {{"format", kFileFormat},
               {"schema", kSchemaVersion},
               {"spec", document_to_json(*doc_)},
               {"weights", {{"manifest", manifest}, {"data", encode_floats(blob.values)}}},
               {"random_states", streams},
               {"optimizer", nullptr},
               {"trainer", nullptr}};
  if (m.compiled()) {
    std::vector<Matrix> slots;
    for (const auto& per_param : m.optimizer().slots()) {
      for (const Matrix& s : per_param) slots.push_back(s);
    }
    file["optimizer"] = {{"iterations", m.optimizer().iterations()},
                         {"slots", encode_floats(flatten(slots))}};
  }
  if (trainer_) file["trainer"] = trainer_json(trainer_->state());
  return {{"file", file}};
}

json SessionState::op_load(ObjectReader& request) {
  const json& file = request.require("file");
  request.finish({"op", "file"});
  ObjectReader r(file, "/file");
  if (r.required_string("format") != kFileFormat) {
    fail_at("/file/format", std::string("expected \"") + kFileFormat + "\"");
  }
  if (r.required_integer("schema") != kSchemaVersion) {
    fail_at("/file/schema", "expected schema version " + std::to_string(kSchemaVersion));
  }
  Loaded loaded = load_document(parse_document(r.require("spec"), "/file/spec"), "/file/spec");
  Model& m = *loaded.model;

  // Weights: the manifest must match the model weight by weight.
  ObjectReader w(r.require("weights"), "/file/weights");
  const json& manifest = read_array(w.require("manifest"), w.path_of("manifest"));
  std::vector<Matrix> weights = m.get_weights();
  const std::vector<std::string> names = m.weight_names();
  if (manifest.size() != weights.size()) {
    fail_at(w.path_of("manifest"), "the model has " + std::to_string(weights.size()) +
                                       " weights, the file lists " +
                                       std::to_string(manifest.size()));
  }
  for (std::size_t i = 0; i < manifest.size(); ++i) {
    const std::string at = child_path(w.path_of("manifest"), i);
    ObjectReader entry(manifest[i], at);
    const std::string name = entry.required_string("name");
    if (name != names[i]) fail_at(at + "/name", "expected '" + names[i] + "', got '" + name + "'");
    entry.skip("shape");
    entry.finish();
  }
  unflatten(decode_floats(w.required_string("data"), w.path_of("data")), weights,
            w.path_of("data"));
  w.finish();
  m.set_weights(weights);

  const json& streams = read_array(r.require("random_states"), r.path_of("random_states"), 1000);
  for (std::size_t i = 0; i < streams.size(); ++i) {
    const std::string at = child_path(r.path_of("random_states"), i);
    ObjectReader s(streams[i], at);
    const int node = m.graph().find(s.required_string("layer"));
    if (node < 0) fail_at(at + "/layer", "no such layer in the model");
    const std::vector<std::uint64_t> words = read_words(s.require("state"), at + "/state");
    if (words.size() != 6) fail_at(at + "/state", "expected 6 state words");
    m.graph().layer(node)->set_random_state(words);
    s.finish();
  }
  if (const json* opt = r.find("optimizer")) {
    if (!m.compiled()) fail_at("/file/optimizer", "the document has no compile object");
    ObjectReader o(*opt, "/file/optimizer");
    std::vector<Matrix> slots;
    for (const auto& per_param : m.optimizer().slots()) {
      for (const Matrix& s : per_param) slots.push_back(s);
    }
    unflatten(decode_floats(o.required_string("slots"), o.path_of("slots")), slots,
              o.path_of("slots"));
    const std::int64_t iterations = o.required_integer("iterations", 0);
    o.finish();
    std::size_t k = 0;
    for (auto& per_param : m.optimizer().slots()) {
      for (Matrix& s : per_param) s = slots[k++];
    }
    m.optimizer().set_iterations(iterations);
  }
  std::optional<TrainerState> resume;
  if (const json* t = r.find("trainer")) resume = read_trainer(*t, "/file/trainer");
  r.finish();

  std::optional<SessionData> data;
  if (loaded.doc.data && m.compiled())
    data = data_from_spec(*loaded.doc.data, m, "/file/spec/data");
  // The trainer is built aside and restored before anything is swapped in.
  std::unique_ptr<Trainer> trainer;
  std::vector<std::unique_ptr<Callback>> callbacks;
  if (resume) {
    const ModelData* train = data ? &data->train : (train_data_ ? &*train_data_ : nullptr);
    const ModelData* validation = data ? (data->validation ? &*data->validation : nullptr)
                                       : (validation_data_ ? &*validation_data_ : nullptr);
    if (train == nullptr) {
      fail_at("/file/trainer",
              "resuming training needs data: the document has no \"data\" "
              "object and the session holds none");
    }
    callbacks = make_callbacks(loaded.doc.fit, "/file/spec/fit/callbacks");
    std::vector<Callback*> raw;
    for (auto& c : callbacks) raw.push_back(c.get());
    trainer = std::make_unique<Trainer>(m, *train, loaded.doc.fit.options, raw, validation);
    try {
      trainer->restore(*resume);
    } catch (const nn::Error& e) {
      fail_at("/file/trainer", e.what());
    }
  }
  install(std::move(loaded), std::move(data));
  trainer_ = std::move(trainer);
  callbacks_ = std::move(callbacks);
  return model_info();
}

json SessionState::op_export(ObjectReader& request) {
  const std::string format = request.required_string("format");
  const std::string out = read_out(request, "export", kMaxArrayName);
  request.finish({"op", "format", "out"});
  Model& m = model("export");
  json keras = model_json_to_keras(model_to_json(doc_->model));
  if (format == "keras") return {{"keras", keras}};
  if (format != "tfjs") fail_unknown_name("/format", "export format", format, {"keras", "tfjs"});
  // TF.js infers a Reshape's -1 only when the batch size is known, which it never is while
  // building, so its layers after a Reshape would get an unknown size: write the built shape.
  for (json& layer : keras.at("config").at("layers")) {
    if (layer.at("class_name") != "Reshape") continue;
    const int node = m.graph().find(layer.at("config").at("name").get<std::string>());
    if (node >= 0) layer["config"]["target_shape"] = m.graph().node_shape(node);
  }
  WeightBlob blob = weight_blob(m);
  const std::size_t total = blob.values.size();
  (void)put_array(out, std::move(blob.values), json::array({total}));
  return {{"model_json", tfjs_model_json(keras, blob.entries)}, {"array", out}};
}

json SessionState::op_import(ObjectReader& request) {
  // Errors point into the request: the model.json, not the nnplay model it became (nested
  // remaps are safe: a path that exists stays as it is).
  return pointing_into_request(request.value(), "", nullptr, "",
                               [&] { return import_tfjs(request); });
}

json SessionState::import_tfjs(ObjectReader& request) {
  const std::string format = request.required_string("format");
  if (format != "tfjs") fail_unknown_name("/format", "import format", format, {"tfjs"});
  const TfjsModel tfjs = parse_tfjs_model_json(request.require("model_json"), "/model_json");
  const std::string array = request.required_string("array");
  const json& whole = request.value();
  const std::string topology = "/model_json/modelTopology";
  const json model_json = keras_to_model_json(tfjs.topology, topology);
  Document doc;
  doc.model = pointing_into_request(whole, topology, &model_json, topology,
                                    [&] { return parse_model(model_json, topology); });
  if (const json* c = request.find("compile")) doc.compile = parse_compile(*c, "/compile");
  if (const json* f = request.find("fit")) doc.fit = parse_fit(*f, "/fit");
  request.finish({"op", "format", "model_json", "array", "compile", "fit"});
  auto it = arrays.find(array);
  if (it == arrays.end()) fail_at("/array", "no array named '" + excerpt(array) + "'");
  const std::vector<float>& blob = it->second;
  if (static_cast<std::int64_t>(blob.size()) != tfjs.total_floats) {
    fail_at("/array", "the manifest lists " + std::to_string(tfjs.total_floats) +
                          " values, the array has " + std::to_string(blob.size()));
  }
  Loaded loaded = pointing_into_request(whole, topology, &model_json, "/model",
                                        [&] { return load_document(std::move(doc), ""); });
  Model& m = *loaded.model;
  std::vector<Matrix> weights = m.get_weights();
  const std::vector<std::string> names = m.weight_names();
  for (std::size_t i = 0; i < weights.size(); ++i) {
    const WeightEntry* found = nullptr;
    for (const WeightEntry& e : tfjs.weights) {
      if (e.name == names[i]) found = &e;  // TF.js names weights as the engine does
    }
    if (found == nullptr) {
      fail_at("/model_json/weightsManifest", "no weight named '" + names[i] + "'");
    }
    if (found->shape != keras_weight_shape(names[i], weights[i])) {
      fail_at("/model_json/weightsManifest", "weight '" + names[i] + "' has the wrong shape");
    }
    for (Index k = 0; k < weights[i].size(); ++k) {
      const float v = blob[static_cast<std::size_t>(found->offset + k)];
      if (!std::isfinite(v))
        fail_at("/array", "weight '" + names[i] + "' holds a non-finite value");
      weights[i].data()[k] = static_cast<Scalar>(v);
    }
  }
  m.set_weights(weights);
  install(std::move(loaded), std::nullopt);
  return model_info();
}

}  // namespace nn::bridge
