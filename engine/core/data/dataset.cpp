#include "engine/core/data/dataset.hpp"

#include <cmath>
#include <numeric>

#include "engine/core/base/error.hpp"

namespace nn {
namespace {

void check_consistent(const Dataset& data, const char* who) {
  if (data.x.cols() != data.y.cols())
    fail(who, ": x has ", data.x.cols(), " samples but y has ", data.y.cols());
}

/// Fisher-Yates permutation of 0..n-1 (TF Playground's shuffle, with our Rng).
std::vector<Index> permutation(Index n, Rng& rng) {
  std::vector<Index> order(static_cast<std::size_t>(n));
  std::iota(order.begin(), order.end(), Index{0});
  for (Index i = n - 1; i > 0; --i) {
    const auto j = static_cast<Index>(rng.below(static_cast<std::uint64_t>(i + 1)));
    std::swap(order[static_cast<std::size_t>(i)], order[static_cast<std::size_t>(j)]);
  }
  return order;
}

}  // namespace

void shuffle_samples(Dataset& data, Rng& rng) {
  check_consistent(data, "shuffle_samples");
  data = take_columns(data, permutation(data.size(), rng));
}

Dataset take_columns(const Dataset& data, const std::vector<Index>& indices) {
  check_consistent(data, "take_columns");
  const auto k = static_cast<Index>(indices.size());
  Dataset out{Matrix(data.x.rows(), k), Matrix(data.y.rows(), k)};
  for (Index c = 0; c < k; ++c) {
    const Index i = indices[static_cast<std::size_t>(c)];
    if (i < 0 || i >= data.size())
      fail("take_columns: index ", i, " is out of range for ", data.size(), " samples");
    out.x.col(c) = data.x.col(i);
    out.y.col(c) = data.y.col(i);
  }
  return out;
}

std::pair<Dataset, Dataset> train_test_split(const Dataset& data, double test_fraction,
                                             std::uint64_t seed) {
  check_consistent(data, "train_test_split");
  if (!std::isfinite(test_fraction) || test_fraction < 0.0 || test_fraction >= 1.0)
    fail("train_test_split: test_fraction must be in [0, 1), got ", test_fraction);
  const Index n = data.size();
  const auto n_test = static_cast<Index>(std::llround(static_cast<double>(n) * test_fraction));
  if (n - n_test < 1)
    fail("train_test_split: ", n, " samples with test_fraction ", test_fraction,
         " leave no training samples (need n - round(n * fraction) >= 1)");
  Rng rng(seed);
  const std::vector<Index> order = permutation(n, rng);
  const auto cut = order.begin() + n_test;
  Dataset test = take_columns(data, std::vector<Index>(order.begin(), cut));
  Dataset train = take_columns(data, std::vector<Index>(cut, order.end()));
  return {std::move(train), std::move(test)};
}

}  // namespace nn
