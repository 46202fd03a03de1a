// Session ops on the model itself: build, summary, reset.
#include "engine/bridge/keras/keras_error_path.hpp"
#include "engine/bridge/keras/keras_import.hpp"
#include "engine/bridge/session_state.hpp"
#include "engine/bridge/session_util.hpp"
#include "engine/core/base/error.hpp"
#include "engine/core/layers/dense.hpp"

namespace nn::bridge {

namespace {

/// Whether `data` has one array per model input/output of the right per-sample size.
bool data_fits(Model& model, const ModelData& data) {
  const Graph& g = model.graph();
  if (data.x.size() != g.input_nodes().size() || data.y.size() != g.output_nodes().size()) {
    return false;
  }
  for (std::size_t i = 0; i < data.x.size(); ++i) {
    if (data.x[i].rows() != shape_size(g.node_shape(g.input_nodes()[i]))) return false;
  }
  for (std::size_t i = 0; i < data.y.size(); ++i) {
    const Shape& shape = g.node_shape(g.output_nodes()[i]);
    const Index rows = data.y[i].rows();
    if (rows != shape_size(shape) && rows != layout_steps(shape)) return false;
  }
  return true;
}

}  // namespace

Model& SessionState::model(const char* op) {
  if (!model_) fail_at("/op", std::string(op) + ": no model yet; send a build request first");
  return *model_;
}

Model& SessionState::compiled_model(const char* op) {
  Model& m = model(op);
  if (!m.compiled()) {
    fail_at("/op", std::string(op) +
                       ": the model is not compiled; build it with a \"compile\" object "
                       "(optimizer and loss)");
  }
  return m;
}

Loaded SessionState::load_document(Document doc, const std::string& path) const {
  Loaded loaded;
  loaded.model = build_model(doc.model, path + "/model");
  if (doc.compile) compile_model(*loaded.model, *doc.compile, path + "/compile");
  if (has_augmentation(doc.fit)) {
    check_augmentation(*loaded.model, doc.fit.options.augmentation, path + "/fit/augmentation");
  }
  loaded.doc = std::move(doc);
  return loaded;
}

void SessionState::install(Loaded loaded, std::optional<SessionData> data) {
  trainer_.reset();
  callbacks_.clear();
  if (data) {
    train_data_ = std::move(data->train);
    validation_data_ = std::move(data->validation);
    points_ = std::move(data->points);
  } else if (train_data_ && !data_fits(*loaded.model, *train_data_)) {
    train_data_.reset();
    validation_data_.reset();
    points_.reset();
  } else if (validation_data_ && !data_fits(*loaded.model, *validation_data_)) {
    validation_data_.reset();
    points_.reset();  // they would no longer describe the data
  }
  doc_ = std::move(loaded.doc);
  model_ = std::move(loaded.model);
}

json SessionState::model_info() {
  Model& m = *model_;
  const Graph& g = m.graph();
  json inputs = json::array();
  for (int node : g.input_nodes()) {
    inputs.push_back({{"name", g.node_name(node)}, {"shape", shape_json(g.node_shape(node))}});
  }
  json outputs = json::array();
  for (int node : g.output_nodes()) {
    outputs.push_back({{"name", g.node_name(node)}, {"shape", shape_json(g.node_shape(node))}});
  }
  json layers = json::array();
  for (std::size_t n = 0; n < g.node_count(); ++n) {
    Layer* layer = m.graph().layer(static_cast<int>(n));
    if (layer == nullptr) continue;
    json entry = {{"name", layer->name()},
                  {"type", layer->type()},
                  {"output_shape", shape_json(layer->output_shape())},
                  {"params", layer->param_count()}};
    json from = json::array();
    for (int in : g.node_inputs(static_cast<int>(n))) from.push_back(g.node_name(in));
    entry["inputs"] = from;
    if (const auto* dense = dynamic_cast<const Dense*>(layer)) {
      entry["units"] = dense->units();
      entry["activation"] = dense->activation().name();
    }
    layers.push_back(entry);
  }
  json info = {{"name", m.name()},           {"inputs", inputs},
               {"outputs", outputs},         {"layers", layers},
               {"params", m.count_params()}, {"trainable_params", m.count_trainable_params()},
               {"compiled", m.compiled()}};
  return {{"model", info},
          {"summary", m.summary()},
          {"has_data", train_data_.has_value()},
          {"samples", train_data_ ? train_data_->size() : 0},
          {"validation_samples", validation_data_ ? validation_data_->size() : 0}};
}

json SessionState::op_build(ObjectReader& request) {
  const json& whole = request.value();
  Document doc;
  std::string base;
  json model_json;  // the nnplay model of a "keras" import
  const json* keras = request.find("keras");
  if (const json* spec = request.find("spec")) {
    doc = parse_document(*spec, "/spec");
    base = "/spec";
  } else if (keras != nullptr) {
    // Errors point into the request: the Keras file, not the model it was converted to.
    model_json = pointing_into_request(whole, "/keras", nullptr, "",
                                       [&] { return keras_to_model_json(*keras, "/keras"); });
    doc.model = pointing_into_request(whole, "/keras", &model_json, "/keras",
                                      [&] { return parse_model(model_json, "/keras"); });
    pointing_into_request(whole, "", nullptr, "", [&] {
      if (const json* c = request.find("compile")) doc.compile = parse_compile(*c, "/compile");
      if (const json* f = request.find("fit")) doc.fit = parse_fit(*f, "/fit");
      if (const json* d = request.find("data")) doc.data = parse_data(*d, "/data");
    });
  } else {
    fail_at("", "build needs a \"spec\" (an nnplay document) or a \"keras\" (a Keras to_json())");
  }
  request.finish({"op", "spec", "keras", "compile", "fit", "data"});
  const bool has_data = doc.data.has_value();
  auto load = [&] {
    Loaded loaded = load_document(std::move(doc), base);
    std::optional<SessionData> data;
    if (has_data) {
      if (!loaded.model->compiled()) {
        fail_at(base + "/data",
                "a built-in dataset needs a \"compile\" object (the losses decide the targets)");
      }
      data = data_from_spec(*loaded.doc.data, *loaded.model, base + "/data");
    }
    install(std::move(loaded), std::move(data));
  };
  if (keras != nullptr) {
    pointing_into_request(whole, "/keras", &model_json, "/model", load);
  } else {
    load();
  }
  return model_info();
}

json SessionState::op_summary(ObjectReader& request) {
  request.finish({"op"});
  model("summary");
  return model_info();
}

json SessionState::op_reset(ObjectReader& request) {
  const std::int64_t seed = request.integer("seed", -1, 0);
  request.finish({"op", "seed"});
  model("reset");
  Document doc = *doc_;
  if (seed >= 0) doc.model.seed = static_cast<std::uint64_t>(seed);
  Loaded loaded = load_document(std::move(doc), "");
  install(std::move(loaded), std::nullopt);
  return model_info();
}

}  // namespace nn::bridge
