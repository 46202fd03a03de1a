// Session ops that run the model: train (sliced, resumable), evaluate, predict.
#include <algorithm>
#include <chrono>
#include <cmath>

#include "engine/bridge/session_state.hpp"
#include "engine/bridge/session_util.hpp"
#include "engine/core/training/early_stopping.hpp"

namespace nn::bridge {

namespace {

json logs_json(const Logs& logs) {
  json out = json::object();
  for (const auto& [key, value] : logs) {
    // JSON has no NaN/Inf: a diverged value is reported as null.
    out[key] = std::isfinite(value) ? json(value) : json(nullptr);
  }
  return out;
}

/// A finite number, or null (JSON has no NaN/Inf).
json number_or_null(double v) { return std::isfinite(v) ? json(v) : json(nullptr); }

}  // namespace

json SessionState::early_stopping_json() const {
  const std::vector<CallbackSpec>& specs = doc_->fit.callbacks;
  for (std::size_t i = 0; i < specs.size() && i < callbacks_.size(); ++i) {
    const auto* es = dynamic_cast<const EarlyStopping*>(callbacks_[i].get());
    if (es == nullptr) continue;
    const EarlyStoppingOptions& options = specs[i].early_stopping;
    // Epochs are 0-based like epoch_logs[].epoch; best is infinite until an epoch has ended.
    const bool seen = std::isfinite(es->best());
    const bool stopped = es->stopped_epoch() >= 0;
    return {{"monitor", options.monitor},
            {"best_epoch", seen ? json(es->best_epoch()) : json(nullptr)},
            {"best", number_or_null(es->best())},
            {"stopped_epoch", stopped ? json(es->stopped_epoch()) : json(nullptr)},
            {"restored", stopped && options.restore_best_weights}};
  }
  return nullptr;
}

Trainer& SessionState::trainer() {
  if (!trainer_) {
    Model& m = compiled_model("train");
    if (!train_data_) {
      fail_at("/op", "train: no data yet; send set_data (or build a document with \"data\")");
    }
    const FitSpec& fit = doc_->fit;
    std::vector<std::unique_ptr<Callback>> callbacks = make_callbacks(fit, "/spec/fit/callbacks");
    std::vector<Callback*> raw;
    for (auto& c : callbacks) raw.push_back(c.get());
    trainer_ = std::make_unique<Trainer>(m, *train_data_, fit.options, raw,
                                         validation_data_ ? &*validation_data_ : nullptr);
    callbacks_ = std::move(callbacks);
  }
  return *trainer_;
}

json SessionState::op_train(ObjectReader& request) {
  const bool has_batches = request.has("batches");
  const bool has_ms = request.has("ms");
  if (has_batches == has_ms) fail_at("", "train needs exactly one of \"batches\" or \"ms\"");
  const std::int64_t batches = request.integer("batches", 0, 1, 1000000);
  const std::int64_t ms = request.integer("ms", 0, 1, 60000);
  request.finish({"op", "batches", "ms"});
  Trainer& t = trainer();
  Model& m = *model_;
  t.resume_after_divergence();  // a diverged run continues from its kept weights on request
  const std::size_t epochs_before = t.history().epochs.size();
  Index ran = 0;
  if (has_batches) {
    ran = t.run(static_cast<Index>(batches));
  } else {
    using Clock = std::chrono::steady_clock;
    const auto deadline = Clock::now() + std::chrono::milliseconds(ms);
    while (!t.finished() && Clock::now() < deadline) ran += t.run(1);
  }
  json epoch_logs = json::array();
  const History& h = t.history();
  for (std::size_t e = epochs_before; e < h.epochs.size(); ++e) {
    Logs logs;
    for (const auto& [key, values] : h.history) {
      if (e < values.size()) logs[key] = values[e];
    }
    epoch_logs.push_back({{"epoch", h.epochs[e]}, {"logs", logs_json(logs)}});
  }
  json answer = {{"epoch", t.epoch()},
                 {"batch", t.batch()},
                 {"batches_per_epoch", t.batches_per_epoch()},
                 {"batches_run", ran},
                 {"iterations", m.optimizer().iterations()},
                 {"learning_rate", m.optimizer().learning_rate()},
                 {"logs", logs_json(t.last_batch_logs())},
                 {"epoch_logs", epoch_logs},
                 {"finished", t.finished()},
                 {"stop_reason", t.stop_reason()},
                 {"diverged", m.diverged()}};
  if (m.diverged()) answer["reason"] = m.divergence_reason();
  json early = early_stopping_json();
  if (!early.is_null()) answer["early_stopping"] = std::move(early);
  return answer;
}

json SessionState::op_evaluate(ObjectReader& request) {
  Model& m = compiled_model("evaluate");
  std::optional<ModelData> given;
  if (request.has("x") || request.has("y")) {
    Index samples = 0;
    ModelData d;
    d.x = arrays_for(m, request.require("x"), "/x", false, &samples);
    d.y = arrays_for(m, request.require("y"), "/y", true, &samples);
    given = std::move(d);
  }
  // "data": "train" or "validation" picks the session's own data (default: validation, else
  // train); it cannot be combined with x and y.
  const std::string which = request.string("data", "");
  if (!which.empty() && which != "train" && which != "validation") {
    fail_at("/data", "expected \"train\" or \"validation\", got '" + which + "'");
  }
  if (!which.empty() && given) {
    fail_at("/data", "give either \"data\" or \"x\" and \"y\", not both");
  }
  request.finish({"op", "x", "y", "data"});
  if (which == "train" && !train_data_) {
    fail_at("/data", "evaluate: no training data; send set_data");
  }
  if (which == "validation" && !validation_data_) {
    fail_at("/data", "evaluate: the data have no validation part");
  }
  const ModelData* data = given              ? &*given
                          : which == "train" ? &*train_data_
                          : validation_data_ ? &*validation_data_
                          : train_data_      ? &*train_data_
                                             : nullptr;
  if (data == nullptr) fail_at("", "evaluate: no data; give \"x\" and \"y\" or send set_data");
  const Index batch = doc_ ? doc_->fit.options.batch_size : 32;
  return {{"logs", logs_json(m.evaluate(data->x, data->y, batch))},
          {"samples", data->size()},
          {"on", given ? "given" : (data == &*train_data_ ? "train" : "validation")}};
}

json SessionState::op_predict(ObjectReader& request) {
  Model& m = model("predict");
  Index samples = 0;
  const std::vector<Matrix> x = arrays_for(m, request.require("x"), "/x", false, &samples);
  const std::string out = read_out(request, "predict", 32);
  request.finish({"op", "x", "out"});
  const std::vector<Matrix> y = m.predict(x, std::max<Index>(1, std::min<Index>(samples, 1024)));
  json list = json::array();
  const Graph& g = m.graph();
  for (std::size_t i = 0; i < y.size(); ++i) {
    const Matrix& yi = y[i];  // (shape_size, n): one flat row-major sample per column
    std::vector<float> values(static_cast<std::size_t>(yi.size()));
    for (Index k = 0; k < yi.size(); ++k) values[static_cast<std::size_t>(k)] = yi.data()[k];
    json shape = json::array({samples});
    for (Index d : g.node_shape(g.output_nodes()[i])) shape.push_back(d);
    list.push_back(put_array(out + "/" + std::to_string(i), std::move(values), shape));
  }
  return {{"arrays", list}};
}

}  // namespace nn::bridge
