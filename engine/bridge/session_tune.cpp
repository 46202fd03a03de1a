// Session op tune: changes hyper-parameters of the running model in place (docs/schema/session.md,
// "Tuning a running model"), as Keras allows between two fit() calls: the optimizer's
// hyper-parameters (model.optimizer.learning_rate.assign(x)), fit's batch_size and epochs,
// EarlyStopping's patience, layers' regularizers and Dropout rates. Weights, optimizer slots,
// the training position and the history stay. Everything is read and built aside first; the
// session changes only once nothing can fail any more.
#include <algorithm>
#include <optional>
#include <utility>

#include "engine/bridge/session_state.hpp"
#include "engine/bridge/session_util.hpp"
#include "engine/bridge/spec/augment_spec.hpp"
#include "engine/bridge/spec/family_spec.hpp"
#include "engine/core/base/error.hpp"
#include "engine/core/layers/dropout.hpp"

namespace nn::bridge {

namespace {

/// "a, b, c".
std::string join(const std::vector<std::string>& names) {
  std::string list;
  for (const std::string& n : names) list += (list.empty() ? "" : ", ") + n;
  return list.empty() ? "none" : list;
}

/// The fields tune accepts for a layer of document type `type` (empty: nothing to tune).
std::vector<std::string> tunable_fields(const std::string& type) {
  if (type == "dense") return {"kernel_regularizer", "bias_regularizer"};
  if (type == "embedding") return {"embeddings_regularizer"};
  if (type == "simple_rnn" || type == "lstm" || type == "gru" || type == "bidirectional") {
    return {"kernel_regularizer", "recurrent_regularizer", "bias_regularizer"};
  }
  if (type == "dropout") return {"rate"};
  return {};
}

/// The weight a regularizer field penalises ("kernel_regularizer" -> "kernel").
std::string weight_of(const std::string& field) {
  if (field == "recurrent_regularizer") return "recurrent_kernel";
  return field.substr(0, field.size() - std::string("_regularizer").size());
}

/// The spec's regularizer behind `field` (the inner layer's for a Bidirectional); the layer's
/// type must have that field (tunable_fields).
const Regularizer& spec_regularizer(const LayerSpec& spec, const std::string& field) {
  if (const auto* d = std::get_if<DenseSpec>(&spec.options)) {
    return field == "kernel_regularizer" ? d->options.kernel_regularizer
                                         : d->options.bias_regularizer;
  }
  if (const auto* e = std::get_if<EmbeddingSpec>(&spec.options)) {
    return e->options.embeddings_regularizer;
  }
  const RecurrentOptions& o = std::holds_alternative<BidirectionalSpec>(spec.options)
                                  ? std::get<BidirectionalSpec>(spec.options).layer.options
                                  : std::get<RecurrentLayerSpec>(spec.options).options;
  if (field == "kernel_regularizer") return o.kernel_regularizer;
  if (field == "recurrent_regularizer") return o.recurrent_regularizer;
  return o.bias_regularizer;
}
Regularizer& spec_regularizer(LayerSpec& spec, const std::string& field) {
  return const_cast<Regularizer&>(spec_regularizer(std::as_const(spec), field));
}

/// The {field: value} a layer spec holds for every field tune can change.
json tunable_json(const LayerSpec& spec) {
  json out = json::object();
  for (const std::string& field : tunable_fields(spec.type)) {
    if (field == "rate") {
      out[field] = std::get<DropoutSpec>(spec.options).rate;
    } else {
      out[field] = regularizer_to_json(spec_regularizer(spec, field));
    }
  }
  return out;
}

/// One layer's changes: regularizers by field, a Dropout rate.
struct LayerChange {
  std::string name;
  std::vector<std::pair<std::string, Regularizer>> regularizers;
  std::optional<double> rate;
};

/// Reads "layers": {"<layer name>": {<field>: <value>, ...}, ...}, writing each change into
/// `doc` (a copy) and returning them for the live layers. null removes a regularizer.
std::vector<LayerChange> read_layers(const json& value, Document& doc) {
  read_object(value, "/layers");
  std::vector<LayerChange> changes;
  for (const auto& item : value.items()) {
    // Named copies: C++17 lambdas cannot capture structured bindings (clang refuses).
    const std::string name = item.key();
    const json& fields = item.value();
    const std::string at = child_path("/layers", name);
    auto it = std::find_if(doc.model.layers.begin(), doc.model.layers.end(),
                           [&](const LayerSpec& l) { return l.name == name; });
    if (it == doc.model.layers.end() || tunable_fields(it->type).empty()) {
      std::vector<std::string> names;
      for (const LayerSpec& l : doc.model.layers) {
        if (!tunable_fields(l.type).empty()) names.push_back(l.name);
      }
      if (it != doc.model.layers.end()) {
        fail_at(at, "layer '" + name + "' (" + it->type +
                        ") has nothing tune can change; layers that have: " + join(names));
      }
      fail_unknown_name(at, "layer", name, names);
    }
    read_object(fields, at);
    const std::vector<std::string> valid = tunable_fields(it->type);
    LayerChange change;
    change.name = name;
    for (const auto& [field, v] : fields.items()) {
      const std::string field_at = child_path(at, field);
      if (std::find(valid.begin(), valid.end(), field) == valid.end()) {
        fail_at(field_at, "unknown field '" + field + "' for a " + it->type +
                              " layer; tune can change: " + join(valid));
      }
      if (field == "rate") {
        const double rate = read_number(v, field_at);
        if (!(rate >= 0.0 && rate < 1.0)) {
          fail_at(field_at, "expected a number in [0, 1), got " + describe(v));
        }
        std::get<DropoutSpec>(it->options).rate = rate;
        change.rate = rate;
      } else {
        const Regularizer r = parse_regularizer(v.is_null() ? nullptr : &v, field_at);
        spec_regularizer(*it, field) = r;
        change.regularizers.emplace_back(weight_of(field), r);
      }
    }
    changes.push_back(std::move(change));
  }
  return changes;
}

/// The fit part of a tune request.
struct FitChange {
  std::optional<int> epochs;
  std::optional<Index> batch_size;
  std::optional<int> patience;
  std::size_t early_stopping = 0;  // index of the EarlyStopping callback patience applies to
  std::optional<AugmentOptions> augmentation;
};

/// Reads "fit": {"epochs", "batch_size", "early_stopping": {"patience"}, "augmentation"} into
/// `doc` (a copy); an augmentation must fit the model's input.
FitChange read_fit(const json& value, Document& doc, const Model& model) {
  ObjectReader r(value, "/fit");
  FitChange change;
  for (const char* fixed : {"shuffle", "validation_split", "seed", "callbacks"}) {
    if (r.has(fixed)) {
      fail_at(r.path_of(fixed), std::string("'") + fixed +
                                    "' cannot change in a running model; tune can change "
                                    "epochs, batch_size, early_stopping.patience and "
                                    "augmentation (send a new build for the rest)");
    }
  }
  if (r.has("epochs")) change.epochs = static_cast<int>(r.integer("epochs", 1, 1, kMaxEpochs));
  if (r.has("batch_size")) {
    change.batch_size = static_cast<Index>(r.integer("batch_size", 1, 1, kMaxBatchSize));
  }
  if (const json* es = r.find("early_stopping")) {
    ObjectReader e(*es, r.path_of("early_stopping"));
    const auto& specs = doc.fit.callbacks;
    auto it = std::find_if(specs.begin(), specs.end(),
                           [](const CallbackSpec& c) { return c.type == "early_stopping"; });
    if (it == specs.end()) {
      fail_at(e.path(),
              "the fit has no early_stopping callback; add one to fit.callbacks with "
              "a new build");
    }
    change.early_stopping = static_cast<std::size_t>(it - specs.begin());
    if (e.has("patience")) {
      change.patience = static_cast<int>(e.integer("patience", 0, 0, kMaxPatience));
    }
    e.finish({"patience"});
  }
  if (const json* a = r.find("augmentation")) {
    change.augmentation = parse_augmentation(*a, r.path_of("augmentation"));
    check_augmentation(model, *change.augmentation, r.path_of("augmentation"));
  }
  r.finish({"epochs", "batch_size", "early_stopping", "augmentation"});
  FitOptions& o = doc.fit.options;
  if (change.epochs) o.epochs = *change.epochs;
  if (change.batch_size) o.batch_size = *change.batch_size;
  if (change.augmentation) o.augmentation = *change.augmentation;
  if (change.patience)
    doc.fit.callbacks[change.early_stopping].early_stopping.patience = *change.patience;
  return change;
}

/// The optimizer spec a tune request asks for: the current one with the request's fields over
/// it, or, when "type" names another optimizer, one made from the request's fields alone (Keras:
/// a new optimizer starts from its defaults). Errors are at the request's "/optimizer/..." paths.
OptimizerSpec read_optimizer(const json& given, const OptimizerSpec& current, bool* fresh) {
  // "optimizer": "sgd" is {"type": "sgd"}, as in the document.
  const json value = given.is_string() ? json{{"type", given}} : given;
  if (given.is_string()) {
    const auto& names = optimizer_names();
    if (std::find(names.begin(), names.end(), given.get<std::string>()) == names.end()) {
      fail_unknown_name("/optimizer", "optimizer", given.get<std::string>(), names);
    }
  }
  read_object(value, "/optimizer");
  const json* type = value.contains("type") ? &value.at("type") : nullptr;
  *fresh = type != nullptr && !type->is_null() && !(type->is_string() && *type == current.type);
  if (*fresh) return parse_optimizer(value, "/optimizer");
  json merged = optimizer_to_object(current);
  for (const auto& [key, v] : value.items()) {
    if (!v.is_null()) merged[key] = v;  // null counts as absent, as everywhere in requests
  }
  return parse_optimizer(merged, "/optimizer");
}

}  // namespace

json SessionState::tune_answer() {
  Model& m = *model_;
  json layers = json::object();
  for (const LayerSpec& l : doc_->model.layers) {
    if (!tunable_fields(l.type).empty()) layers[l.name] = tunable_json(l);
  }
  json answer = {{"optimizer", nullptr}, {"learning_rate", nullptr},
                 {"iterations", 0},      {"fit", fit_to_json(doc_->fit)},
                 {"layers", layers},     {"training", nullptr}};
  if (m.compiled() && doc_->compile) {
    answer["optimizer"] = optimizer_to_object(doc_->compile->optimizer);
    answer["learning_rate"] = m.optimizer().learning_rate();
    answer["iterations"] = m.optimizer().iterations();
  }
  if (trainer_) {
    answer["training"] = {{"epoch", trainer_->epoch()},
                          {"batch", trainer_->batch()},
                          {"batches_per_epoch", trainer_->batches_per_epoch()},
                          {"finished", trainer_->finished()},
                          {"stop_reason", trainer_->stop_reason()}};
  }
  return answer;
}

json SessionState::op_tune(ObjectReader& request) {
  const json* optimizer = request.find("optimizer");
  const json* fit = request.find("fit");
  const json* layers = request.find("layers");
  request.finish({"op", "optimizer", "fit", "layers"});
  Model& m = model("tune");

  // Read and build everything aside, on a copy of the document.
  Document doc = *doc_;
  OptimizerPtr next;
  if (optimizer != nullptr) {
    if (!m.compiled() || !doc.compile) {
      fail_at("/optimizer", "the model is not compiled; build it with a \"compile\" object first");
    }
    bool fresh = false;
    doc.compile->optimizer = read_optimizer(*optimizer, doc.compile->optimizer, &fresh);
    next = make_optimizer(doc.compile->optimizer, "/optimizer");
    next->attach(m.graph().params());
    if (!fresh) {
      next->take_state(m.optimizer());  // slots by name and the step count
      // Without a new learning_rate the rate in force stays, even one ReduceLROnPlateau lowered.
      if (!optimizer->is_object() || !optimizer->contains("learning_rate") ||
          optimizer->at("learning_rate").is_null()) {
        next->take_learning_rate(m.optimizer());
      }
    }
  }
  const FitChange fit_change = fit ? read_fit(*fit, doc, m) : FitChange{};
  const std::vector<LayerChange> layer_changes =
      layers ? read_layers(*layers, doc) : std::vector<LayerChange>{};

  // Apply: the values are checked, so the setters below do not fail.
  if (next) m.set_optimizer(std::move(next));
  for (const LayerChange& c : layer_changes) {
    Layer* layer = m.graph().layer(m.graph().find(c.name));
    for (const auto& [weight, r] : c.regularizers) layer->set_regularizer(weight, r);
    if (c.rate) {
      if (auto* dropout = dynamic_cast<Dropout*>(layer)) dropout->set_rate(*c.rate);
    }
  }
  if (trainer_) {
    if (fit_change.batch_size) trainer_->set_batch_size(*fit_change.batch_size);
    if (fit_change.epochs) trainer_->set_epochs(*fit_change.epochs);
    if (fit_change.augmentation) trainer_->set_augmentation(*fit_change.augmentation);
    if (fit_change.patience && fit_change.early_stopping < callbacks_.size()) {
      if (auto* es = dynamic_cast<EarlyStopping*>(callbacks_[fit_change.early_stopping].get())) {
        es->set_patience(*fit_change.patience);
      }
    }
  }
  doc_ = std::move(doc);
  return tune_answer();
}

}  // namespace nn::bridge
