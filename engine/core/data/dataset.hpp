#pragma once
/// Dataset: a batch of samples with their targets, columns are samples, plus the helpers that
/// reorder, subset and split one. Everything is deterministic given a seed (nn::Rng only).
#include <cstdint>
#include <utility>
#include <vector>

#include "engine/core/base/rng.hpp"
#include "engine/core/base/scalar.hpp"

namespace nn {

/// x: (features, n); y: (outputs, n). Binary labels are a (1, n) row of 0/1, multi-class
/// labels a (1, n) row of class ids 0..k-1, regression targets a (1, n) row of values.
struct Dataset {
  Matrix x;
  Matrix y;
  /// Number of samples (columns).
  Index size() const { return x.cols(); }
};

/// Shuffles the samples (columns of x and y together) in place by Fisher-Yates with rng.
/// Throws nn::Error if x and y disagree on the number of samples.
void shuffle_samples(Dataset& data, Rng& rng);

/// The samples at `indices`, in that order (repeats allowed): x (features, k), y (outputs, k).
/// Throws nn::Error for an index outside [0, n).
Dataset take_columns(const Dataset& data, const std::vector<Index>& indices);

/// Splits into (train, test). Rules: test_fraction must be finite and in [0, 1); the test part
/// gets round(n * test_fraction) samples (halves round up) and the train part the rest, which
/// must not be empty (so n >= 1). Samples are assigned through a Fisher-Yates permutation drawn
/// from Rng(seed): test takes the first round(n * fraction) positions of the permutation, train
/// the remaining ones, each in permutation order. Every sample lands in exactly one part.
std::pair<Dataset, Dataset> train_test_split(const Dataset& data, double test_fraction,
                                             std::uint64_t seed);

}  // namespace nn
