#pragma once
/// SessionState: what a Session holds (arrays, document, model, data, trainer) and its request
/// handlers, one file per group of ops (session_*.cpp). Internal to engine/bridge.
///
/// Every handler that changes the state builds the new pieces aside and swaps them in only when
/// all of them succeeded, so a failed request leaves the session as it was.
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "engine/bridge/json/reader.hpp"
#include "engine/bridge/spec/document.hpp"
#include "engine/core/data/dataset.hpp"
#include "engine/core/models/model.hpp"
#include "engine/core/training/trainer.hpp"

namespace nn::bridge {

/// A built model with the document it came from.
struct Loaded {
  Document doc;
  std::unique_ptr<Model> model;
};

/// The raw 2-D points behind the current data, when they are points (a 2-D set, a gate, or
/// set_data "points"): x (2, n) as (x1, x2) per column, y (1, n) class ids or values.
struct PointData {
  Dataset train;
  Dataset validation;   // no samples when the data have no validation part
  bool values = false;  // regression values rather than class ids
  Index classes = 0;    // number of classes (0 for values)
};

/// Data built aside before it is swapped in: encoded for the model, plus its points if any.
struct SessionData {
  ModelData train;
  std::optional<ModelData> validation;
  std::optional<PointData> points;
};

class SessionState {
 public:
  /// Parses and runs one request; throws BridgeError / nn::Error / std::exception on failure.
  json dispatch(const json& request);

  /// Stores `values` as array `name` within the documented limits; returns "" or why not.
  std::string store_array(const std::string& name, std::vector<float> values);

  std::map<std::string, std::vector<float>> arrays;
  std::size_t total_floats = 0;

 private:
  // --- session_model.cpp ---
  json op_build(ObjectReader& request);
  json op_summary(ObjectReader& request);
  json op_reset(ObjectReader& request);
  /// Builds (and compiles, when the document says how) the model of `doc`; errors under `path`.
  Loaded load_document(Document doc, const std::string& path) const;
  /// Makes `loaded` current. Keeps the current data (and points) when it fits the new model and
  /// `data` is empty; otherwise takes `data` (or none). Drops the trainer.
  void install(Loaded loaded, std::optional<SessionData> data);
  /// The {model, summary} part of build/load/import answers.
  json model_info();
  Model& model(const char* op);
  Model& compiled_model(const char* op);

  // --- session_data.cpp ---
  json op_set_data(ObjectReader& request);
  /// Arrays named by `names` (at `path`) shaped for the model's inputs (outputs when `targets`).
  std::vector<Matrix> arrays_for(Model& model, const json& names, const std::string& path,
                                 bool targets, Index* samples) const;
  ModelData data_from_arrays(Model& model, const json& part, const std::string& path) const;
  /// Stores `values` (row-major per sample) as array `name`; returns its {name, shape} entry.
  json put_array(const std::string& name, std::vector<float> values, const json& shape);

  // --- session_data_arrays.cpp ---
  /// A range of the training or validation samples as arrays, one per input and output.
  json op_data(ObjectReader& request);

  // --- session_points.cpp ---
  json op_points(ObjectReader& request);
  /// The document's dataset made for `model`, with its raw points when it is a 2-D set.
  SessionData data_from_spec(const DataSpec& spec, Model& model, const std::string& path) const;
  /// set_data "points": raw points from named arrays, featurised, encoded and split as the
  /// document's "data" says.
  SessionData data_from_points(Model& model, const json& part);

  // --- session_train.cpp ---
  json op_train(ObjectReader& request);
  json op_evaluate(ObjectReader& request);
  json op_predict(ObjectReader& request);
  Trainer& trainer();
  /// The first EarlyStopping callback's {monitor, best_epoch, best, stopped_epoch, restored},
  /// or null when the fit has none.
  json early_stopping_json() const;

  // --- session_views.cpp ---
  json op_grid(ObjectReader& request);
  json op_probes(ObjectReader& request);
  json op_get_weights(ObjectReader& request);
  json op_set_weights(ObjectReader& request);

  // --- session_backprop.cpp ---
  /// One sample forward and backward with every intermediate value and gradient as arrays.
  json op_backprop(ObjectReader& request);

  // --- session_gradients.cpp ---
  /// dL/dw of every trainable weight for a range of samples, as one train step computes it.
  json op_gradients(ObjectReader& request);
  /// Every layer's output for a range of samples in training mode, changing nothing.
  json op_forward(ObjectReader& request);

  // --- session_augment.cpp ---
  /// Augmented copies of the images in array "x" (fit.augmentation's transforms, seeded).
  json op_augment(ObjectReader& request);

  // --- session_surface.cpp ---
  /// An optimizer's path on a two-parameter loss (its gradients and slots), and a loss grid.
  json op_surface(ObjectReader& request);

  // --- session_tune.cpp ---
  /// Changes optimizer, fit and layer hyper-parameters of the running model in place.
  json op_tune(ObjectReader& request);
  /// What is in force: {optimizer, learning_rate, iterations, fit, layers, training}.
  json tune_answer();

  // --- session_files.cpp ---
  json op_save(ObjectReader& request);
  json op_load(ObjectReader& request);
  json op_export(ObjectReader& request);
  json op_import(ObjectReader& request);
  /// op_import's work; its errors may point at paths of the converted model.
  json import_tfjs(ObjectReader& request);

  std::optional<Document> doc_;
  std::unique_ptr<Model> model_;
  std::optional<ModelData> train_data_;
  std::optional<ModelData> validation_data_;
  std::optional<PointData> points_;
  std::vector<std::unique_ptr<Callback>> callbacks_;
  std::unique_ptr<Trainer> trainer_;
};

}  // namespace nn::bridge
