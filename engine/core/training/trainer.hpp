#pragma once
/// Trainer: Keras's fit() loop made resumable. run(max_batches) trains at most that many batches
/// and returns, so native fit() and the browser's sliced training (a few ms per slice) share
/// one code path. Epoch ends (validation, History, callbacks) happen inside run().
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/base/rng.hpp"
#include "engine/core/data/augment.hpp"
#include "engine/core/training/callback.hpp"
#include "engine/core/training/model_data.hpp"

namespace nn {

class Model;

/// Keras fit() arguments.
struct FitOptions {
  int epochs = 1;
  Index batch_size = 32;
  bool shuffle = true;
  /// Fraction of the samples, taken from the END before shuffling (as Keras), held out.
  double validation_split = 0.0;
  /// Seeds the shuffling and the augmentation.
  std::uint64_t seed = 0;
  /// Applied to each training batch's first input after it is gathered (never to validation
  /// data); batch b of epoch e uses the seed augment_seed(seed, e, b).
  AugmentOptions augmentation;
};

/// The augmentation seed of batch `batch` of epoch `epoch`: fixed by the position, so a run
/// trained in slices, or saved and resumed, augments every batch as one run in one go does.
std::uint64_t augment_seed(std::uint64_t seed, int epoch, Index batch);

/// Where a Trainer is, exactly enough to resume it (save/load): with the same model weights,
/// optimizer state and data, a restored Trainer continues bit-identically.
struct TrainerState {
  int epoch = 0;
  Index batch = 0;
  bool started = false;
  bool in_epoch = false;
  bool finished = false;
  std::vector<Index> order;        // this epoch's sample order
  std::vector<std::uint64_t> rng;  // the shuffling stream (Rng::state)
  Logs sums;                       // epoch sums so far
  Index seen = 0;                  // samples so far this epoch
  History history;
  std::vector<std::vector<double>> callbacks;  // each callback's state()
};

class Trainer {
 public:
  /// validation: explicit validation data (Keras validation_data); overrides validation_split.
  Trainer(Model& model, const ModelData& data, FitOptions options,
          std::vector<Callback*> callbacks = {}, const ModelData* validation = nullptr);

  /// Trains up to max_batches batches; returns how many ran (0 once finished).
  Index run(Index max_batches);

  bool finished() const { return finished_; }
  /// Why training ended before `epochs` (early stopping, divergence), or "".
  const std::string& stop_reason() const { return history_.stop_reason; }
  const History& history() const { return history_; }
  /// Current 0-based epoch and batch within it.
  int epoch() const { return epoch_; }
  Index batch() const { return batch_; }
  Index batches_per_epoch() const { return batches_per_epoch_; }
  /// Logs of the most recent batch.
  const Logs& last_batch_logs() const { return last_batch_logs_; }
  const FitOptions& options() const { return options_; }

  /// Changes the batch size from the next batch on (Keras: fit() again with another
  /// batch_size). The current epoch keeps its sample order and goes on after the samples it has
  /// already trained, in batches of the new size (its last one may be smaller);
  /// batches_per_epoch() becomes the count for a whole epoch. batch_size >= 1, else nn::Error.
  void set_batch_size(Index batch_size);
  /// Changes the epoch limit. A limit at or below the finished epochs ends training at once (a
  /// partly run epoch stays as it is, unlogged); a limit above them lets a run that ended at the
  /// old limit continue (a run stopped by a callback or a divergence stays stopped).
  /// epochs >= 1, else nn::Error.
  void set_epochs(int epochs);
  /// Changes the augmentation from the next batch on (off when !options.active()). Throws
  /// nn::Error when it is on and its image size differs from the first input's features.
  void set_augmentation(const AugmentOptions& options);

  /// A snapshot of the training position (and the callbacks' counters).
  TrainerState state() const;
  /// Resumes from a state() of a Trainer over the same data and callbacks. Throws nn::Error
  /// when the sample count or the callbacks differ.
  void restore(const TrainerState& state);
  /// After a divergence (finished with the model diverged), lets run() continue from the
  /// current weights, e.g. once the learning rate was lowered. Returns whether it did.
  bool resume_after_divergence();

 private:
  void begin_epoch();
  void end_epoch();
  void finish(const std::string& reason);

  Model& model_;
  ModelData train_;
  std::optional<ModelData> validation_;
  FitOptions options_;
  std::vector<Callback*> callbacks_;
  TrainingContext context_;
  Rng rng_;
  History history_;
  std::vector<Index> order_;
  Logs sums_;  // epoch sums of batch logs weighted by batch size
  Logs last_batch_logs_;
  Index seen_ = 0;  // samples so far this epoch: where its next batch starts in order_
  Index batches_per_epoch_ = 0;
  int epoch_ = 0;
  Index batch_ = 0;
  bool started_ = false;
  bool in_epoch_ = false;
  bool finished_ = false;
};

}  // namespace nn
