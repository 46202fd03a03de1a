#include <catch2/catch.hpp>

#include <algorithm>
#include <vector>

#include "engine/core/base/error.hpp"
#include "engine/core/data/dataset.hpp"

using nn::Dataset;
using nn::Index;

namespace {

/// n samples whose x holds the sample id (twice) and y the id plus 1000: pairing is checkable.
Dataset numbered(Index n) {
  Dataset d{nn::Matrix(2, n), nn::Matrix(1, n)};
  for (Index i = 0; i < n; ++i) {
    d.x(0, i) = static_cast<double>(i);
    d.x(1, i) = static_cast<double>(-i);
    d.y(0, i) = static_cast<double>(i + 1000);
  }
  return d;
}

std::vector<Index> ids(const Dataset& d) {
  std::vector<Index> out;
  for (Index i = 0; i < d.size(); ++i) {
    CHECK(d.y(0, i) == d.x(0, i) + 1000.0);
    CHECK(d.x(1, i) == -d.x(0, i));
    out.push_back(static_cast<Index>(d.x(0, i)));
  }
  return out;
}

}  // namespace

TEST_CASE("train_test_split: the test part gets round of n times fraction", "[data]") {
  const Dataset d = numbered(10);
  CHECK(nn::train_test_split(d, 0.2, 1).second.size() == 2);
  CHECK(nn::train_test_split(d, 0.25, 1).second.size() == 3);  // 2.5 rounds up
  CHECK(nn::train_test_split(d, 0.24, 1).second.size() == 2);
  const auto parts = nn::train_test_split(d, 0.0, 1);
  CHECK(parts.first.size() == 10);
  CHECK(parts.second.size() == 0);
  CHECK(parts.second.x.rows() == 2);
  CHECK(nn::train_test_split(d, 0.9, 1).first.size() == 1);
}

TEST_CASE("train_test_split: parts are disjoint and their union is the data", "[data]") {
  const auto parts = nn::train_test_split(numbered(57), 0.3, 4);
  std::vector<Index> all = ids(parts.first), test = ids(parts.second);
  CHECK(test.size() == 17);
  all.insert(all.end(), test.begin(), test.end());
  std::sort(all.begin(), all.end());
  std::vector<Index> expected(57);
  for (Index i = 0; i < 57; ++i) expected[static_cast<std::size_t>(i)] = i;
  CHECK(all == expected);
}

TEST_CASE("train_test_split: the seed fixes the shuffle", "[data]") {
  const Dataset d = numbered(40);
  const auto a = nn::train_test_split(d, 0.25, 9), b = nn::train_test_split(d, 0.25, 9);
  const auto c = nn::train_test_split(d, 0.25, 10);
  CHECK(a.first.x == b.first.x);
  CHECK(a.second.x == b.second.x);
  CHECK(a.second.x != c.second.x);
  // Shuffled, not a tail slice.
  CHECK(ids(a.second) != std::vector<Index>{30, 31, 32, 33, 34, 35, 36, 37, 38, 39});
}

TEST_CASE("train_test_split: rejects fractions outside 0 to 1 and empty training parts",
          "[data][errors]") {
  const Dataset d = numbered(4);
  CHECK_THROWS_WITH(nn::train_test_split(d, 1.0, 0),
                    Catch::Contains("test_fraction must be in [0, 1), got 1"));
  CHECK_THROWS_WITH(nn::train_test_split(d, -0.1, 0), Catch::Contains("test_fraction"));
  CHECK_THROWS_AS(nn::train_test_split(d, std::nan(""), 0), nn::Error);
  CHECK_THROWS_WITH(nn::train_test_split(d, 0.9, 0), Catch::Contains("leave no training samples"));
  CHECK_THROWS_WITH(nn::train_test_split(numbered(0), 0.0, 0),
                    Catch::Contains("leave no training samples"));
  Dataset bad{nn::Matrix(2, 3), nn::Matrix(1, 2)};
  CHECK_THROWS_WITH(nn::train_test_split(bad, 0.5, 0),
                    Catch::Contains("x has 3 samples but y has 2"));
}

TEST_CASE("take_columns: picks samples in order and rejects bad indices", "[data][errors]") {
  const Dataset d = numbered(6);
  const Dataset picked = nn::take_columns(d, {4, 1, 4});
  CHECK(ids(picked) == std::vector<Index>{4, 1, 4});
  CHECK(nn::take_columns(d, {}).size() == 0);
  CHECK_THROWS_WITH(nn::take_columns(d, {6}),
                    Catch::Contains("index 6 is out of range for 6 samples"));
  CHECK_THROWS_AS(nn::take_columns(d, {-1}), nn::Error);
}

TEST_CASE("shuffle_samples: permutes x and y together", "[data]") {
  Dataset d = numbered(30);
  nn::Rng rng(12);
  nn::shuffle_samples(d, rng);
  std::vector<Index> order = ids(d);
  CHECK(order != ids(numbered(30)));
  std::sort(order.begin(), order.end());
  CHECK(order == ids(numbered(30)));
}
