#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/base/error.hpp"
#include "engine/core/layers/dropout.hpp"
#include "support/gradcheck.hpp"

using nn::Dropout;
using nn::Index;
using nn::Matrix;
using nn::Rng;

TEST_CASE("Dropout: identity in inference", "[layers]") {
  Rng rng(1);
  Dropout layer(0.5, 7);
  layer.build({{6}}, rng);
  const Matrix x = nn::test::random_matrix(6, 4, rng);
  CHECK(layer.forward(x, false) == x);
  CHECK(layer.backward(x)[0] == x);
  CHECK(layer.type() == "Dropout");
}

TEST_CASE("Dropout: rate 0 is the identity in training", "[layers]") {
  Rng rng(1);
  Dropout layer(0.0);
  layer.build({{3, 2}}, rng);
  const Matrix x = nn::test::random_matrix(2, 3 * 4, rng);
  CHECK(layer.forward(x, true) == x);
}

TEST_CASE("Dropout: training keeps about 1 - rate of entries scaled by 1 over 1 - rate",
          "[layers]") {
  Rng rng(1);
  const double rate = 0.3;
  Dropout layer(rate, 11);
  layer.build({{100}}, rng);
  const Matrix x = Matrix::Constant(100, 200, 2.0);
  const Matrix y = layer.forward(x, true);
  Index kept = 0;
  for (Index i = 0; i < y.size(); ++i) {
    const double v = y.data()[i];
    if (v != 0.0) {
      ++kept;
      REQUIRE(v == Approx(2.0 / (1.0 - rate)).epsilon(1e-12));
    }
  }
  CHECK(static_cast<double>(kept) / static_cast<double>(y.size()) ==
        Approx(1.0 - rate).margin(0.01));
  // Backward multiplies by the same mask.
  const Matrix dx = layer.backward(Matrix::Ones(100, 200))[0];
  CHECK(dx == y / 2.0);
}

TEST_CASE("Dropout: the same seed gives the same mask", "[layers]") {
  Rng rng(1);
  Dropout a(0.5, 42), b(0.5, 42), c(0.5, 43);
  a.build({{8}}, rng);
  b.build({{8}}, rng);
  c.build({{8}}, rng);
  const Matrix x = Matrix::Ones(8, 10);
  const Matrix ya = a.forward(x, true);
  CHECK(ya == b.forward(x, true));
  CHECK(ya != c.forward(x, true));
  // A second batch draws a new mask; a rebuild replays the stream from the seed.
  CHECK(a.forward(x, true) != ya);
  a.build({{8}}, rng);
  CHECK(a.forward(x, true) == ya);
}

TEST_CASE("Dropout: a frozen mask is reused by training forwards", "[layers]") {
  Rng rng(1);
  Dropout layer(0.5, 5);
  layer.build({{8}}, rng);
  const Matrix x = Matrix::Ones(8, 10);
  layer.freeze_mask(true);
  const Matrix first = layer.forward(x, true);
  CHECK(layer.forward(x, true) == first);
  layer.freeze_mask(false);
  CHECK(layer.forward(x, true) != first);
}

TEST_CASE("Dropout: rate outside 0 to 1 is an error naming the layer", "[layers][errors]") {
  CHECK_THROWS_WITH(Dropout(1.0, 0, "drop"), Catch::Contains("Dropout 'drop'") &&
                                                 Catch::Contains("rate") &&
                                                 Catch::Contains("got 1"));
  CHECK_THROWS_AS(Dropout(-0.1), nn::Error);
  CHECK_THROWS_AS(Dropout(std::nan("")), nn::Error);
  CHECK_NOTHROW(Dropout(0.0));
  CHECK_NOTHROW(Dropout(0.99));
}

TEST_CASE("Dropout: gradient check with a frozen mask in training", "[layers][gradcheck]") {
  Rng rng(2);
  Dropout layer(0.4, 9);
  layer.build({{3, 5}}, rng);
  layer.freeze_mask(true);
  const auto report = nn::test::check_layer(layer, {nn::test::random_matrix(5, 3 * 4, rng)}, true);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
  // The check is not vacuous: some entries are dropped.
  CHECK((layer.mask().array() == 0.0).any());
}
