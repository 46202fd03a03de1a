#include "engine/core/training/trainer.hpp"

#include <algorithm>
#include <cmath>

#include "engine/core/base/error.hpp"
#include "engine/core/models/model.hpp"

namespace nn {

Trainer::Trainer(Model& model, const ModelData& data, FitOptions options,
                 std::vector<Callback*> callbacks, const ModelData* validation)
    : model_(model),
      options_(options),
      callbacks_(std::move(callbacks)),
      context_{model, false, ""},
      rng_(options.seed) {
  if (!model.compiled()) fail("fit: the model must be compiled first (compile(optimizer, loss))");
  if (options_.epochs <= 0) fail("fit: epochs must be a positive integer, got ", options_.epochs);
  if (options_.batch_size <= 0) {
    fail("fit: batch_size must be a positive integer, got ", options_.batch_size);
  }
  if (!(options_.validation_split >= 0.0 && options_.validation_split < 1.0)) {
    fail("fit: validation_split must be in [0, 1), got ", options_.validation_split);
  }
  data.check("fit");
  if (validation) {
    validation->check("fit validation_data");
    validation_ = *validation;
    train_ = data;
  } else if (options_.validation_split > 0.0) {
    // Keras: the last fraction of the samples, before any shuffling.
    const Index n = data.size();
    const auto split_at =
        static_cast<Index>(std::floor(static_cast<double>(n) * (1.0 - options_.validation_split)));
    if (split_at <= 0 || split_at >= n) {
      fail("fit: validation_split ", options_.validation_split,
           " leaves no training or no validation samples out of ", n);
    }
    train_ = data.slice(0, split_at);
    validation_ = data.slice(split_at, n);
  } else {
    train_ = data;
  }
  set_augmentation(options_.augmentation);
  const Index n = train_.size();
  batches_per_epoch_ = (n + options_.batch_size - 1) / options_.batch_size;
  order_.resize(static_cast<std::size_t>(n));
}

void Trainer::begin_epoch() {
  for (std::size_t i = 0; i < order_.size(); ++i) order_[i] = static_cast<Index>(i);
  if (options_.shuffle) {
    for (std::size_t i = order_.size(); i > 1; --i) {  // Fisher-Yates with our portable Rng
      std::swap(order_[i - 1], order_[static_cast<std::size_t>(rng_.below(i))]);
    }
  }
  sums_.clear();
  seen_ = 0;
  batch_ = 0;
  in_epoch_ = true;
  for (Callback* c : callbacks_) c->on_epoch_begin(epoch_, context_);
}

void Trainer::end_epoch() {
  Logs logs;
  for (const auto& [key, value] : sums_) logs[key] = value / static_cast<double>(seen_);
  if (validation_) {
    const Logs val = model_.evaluate(validation_->x, validation_->y, options_.batch_size);
    for (const auto& [key, value] : val) logs["val_" + key] = value;
  }
  for (Callback* c : callbacks_) c->on_epoch_end(epoch_, logs, context_);
  history_.append(epoch_, logs);
  in_epoch_ = false;
  ++epoch_;
  if (context_.stop_training)
    finish(context_.stop_reason.empty() ? "stopped by a callback" : context_.stop_reason);
  else if (epoch_ >= options_.epochs)
    finish("");
}

void Trainer::finish(const std::string& reason) {
  history_.stop_reason = reason;
  finished_ = true;
  for (Callback* c : callbacks_) c->on_train_end(context_);
}

Index Trainer::run(Index max_batches) {
  if (!started_) {
    started_ = true;
    for (Callback* c : callbacks_) c->on_train_begin(context_);
  }
  Index ran = 0;
  std::vector<Index> indices;
  while (!finished_ && ran < max_batches) {
    if (!in_epoch_) begin_epoch();
    const Index n = train_.size();
    // The position is kept in samples, so a batch size changed mid-epoch goes on from there.
    const Index start = seen_;
    const Index count = std::min(options_.batch_size, n - start);
    indices.assign(order_.begin() + start, order_.begin() + start + count);
    ModelData batch = train_.take(indices);
    if (options_.augmentation.active()) {
      augment_images(batch.x[0], options_.augmentation,
                     augment_seed(options_.seed, epoch_, batch_));
    }
    last_batch_logs_ = model_.train_on_batch(batch.x, batch.y);
    ++ran;
    if (model_.diverged()) {
      finish("training diverged at epoch " + std::to_string(epoch_) + ", batch " +
             std::to_string(batch_) + ": " + model_.divergence_reason());
      break;
    }
    for (const auto& [key, value] : last_batch_logs_)
      sums_[key] += value * static_cast<double>(count);
    seen_ += count;
    for (Callback* c : callbacks_)
      c->on_batch_end(epoch_, static_cast<long>(batch_), last_batch_logs_, context_);
    ++batch_;
    if (seen_ >= n) end_epoch();
  }
  return ran;
}

TrainerState Trainer::state() const {
  TrainerState s;
  s.epoch = epoch_;
  s.batch = batch_;
  s.started = started_;
  s.in_epoch = in_epoch_;
  s.finished = finished_;
  s.order = order_;
  s.rng = rng_.state();
  s.sums = sums_;
  s.seen = seen_;
  s.history = history_;
  for (const Callback* c : callbacks_) s.callbacks.push_back(c->state());
  return s;
}

void Trainer::restore(const TrainerState& s) {
  if (s.order.size() != order_.size()) {
    fail("Trainer: the saved position is over ", s.order.size(), " training samples, the data has ",
         order_.size());
  }
  if (s.callbacks.size() != callbacks_.size()) {
    fail("Trainer: the saved position has ", s.callbacks.size(), " callback(s), this run has ",
         callbacks_.size());
  }
  const auto n = static_cast<Index>(order_.size());
  for (Index i : s.order) {
    if (i < 0 || i >= n) fail("Trainer: saved sample order holds ", i, " outside [0, ", n, ")");
  }
  // A batch size changed mid-epoch may leave more batches in this epoch than a whole epoch has
  // now, so the batch count is bounded by the samples; the position itself is `seen`.
  if (s.epoch < 0 || s.batch < 0 || s.batch > n || s.seen < 0 || s.seen > n ||
      (s.in_epoch && s.seen == n)) {
    fail("Trainer: saved position (epoch ", s.epoch, ", batch ", s.batch, ") is out of range");
  }
  epoch_ = s.epoch;
  batch_ = s.batch;
  started_ = s.started;
  in_epoch_ = s.in_epoch;
  finished_ = s.finished;
  order_ = s.order;
  rng_.set_state(s.rng);
  sums_ = s.sums;
  seen_ = s.seen;
  history_ = s.history;
  for (std::size_t i = 0; i < callbacks_.size(); ++i) callbacks_[i]->set_state(s.callbacks[i]);
}

void Trainer::set_batch_size(Index batch_size) {
  if (batch_size <= 0) fail("fit: batch_size must be a positive integer, got ", batch_size);
  options_.batch_size = batch_size;
  batches_per_epoch_ = (train_.size() + batch_size - 1) / batch_size;
}

void Trainer::set_epochs(int epochs) {
  if (epochs <= 0) fail("fit: epochs must be a positive integer, got ", epochs);
  options_.epochs = epochs;
  if (!finished_ && epoch_ >= epochs) {
    finish("");
  } else if (finished_ && history_.stop_reason.empty() && epoch_ < epochs) {
    finished_ = false;  // ended at the old limit: the next run() goes on (Keras: fit() again)
  }
}

void Trainer::set_augmentation(const AugmentOptions& options) {
  if (options.active()) {
    check_augment_options(options);
    check_augment_input(options, train_.x[0].rows());
  }
  options_.augmentation = options;
}

std::uint64_t augment_seed(std::uint64_t seed, int epoch, Index batch) {
  // Each step goes through splitmix64 (Rng's seeding), so nearby seeds and positions do not
  // give shifted copies of one another's streams.
  Rng a(seed ^ 0xA5A5A5A5A5A5A5A5ULL);
  Rng b(a.next_u64() ^ static_cast<std::uint64_t>(epoch));
  return Rng(b.next_u64() ^ static_cast<std::uint64_t>(batch)).next_u64();
}

bool Trainer::resume_after_divergence() {
  if (!finished_ || !model_.diverged()) return false;
  finished_ = false;
  history_.stop_reason.clear();
  return true;
}

}  // namespace nn
