#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/layers/concatenate.hpp"
#include "support/gradcheck.hpp"

using nn::Concatenate;
using nn::Matrix;
using nn::Rng;
using nn::Shape;

TEST_CASE("Concatenate: output shape sums the feature axis", "[layers]") {
  Rng rng(1);
  Concatenate flat;
  CHECK(flat.build({{3}, {2}, {4}}, rng) == Shape{9});
  Concatenate seq(2);  // the last axis of (None, 5, f), counted as Keras does
  CHECK(seq.build({{5, 3}, {5, 1}}, rng) == Shape{5, 4});
  CHECK(seq.type() == "Concatenate");
}

TEST_CASE("Concatenate: forward stacks rows and backward splits them", "[layers]") {
  Rng rng(2);
  Concatenate layer;
  layer.build({{2, 2}, {2, 3}}, rng);
  const Matrix a = nn::test::random_matrix(2, 2 * 3, rng);
  const Matrix b = nn::test::random_matrix(3, 2 * 3, rng);
  const Matrix y = layer.forward(std::vector<const Matrix*>{&a, &b}, false);
  REQUIRE(y.rows() == 5);
  CHECK(y.topRows(2) == a);
  CHECK(y.bottomRows(3) == b);
  const std::vector<Matrix> dx = layer.backward(y);
  REQUIRE(dx.size() == 2);
  CHECK(dx[0] == a);
  CHECK(dx[1] == b);
}

TEST_CASE("Concatenate: mismatched inputs are an error naming the layer and shapes",
          "[layers][errors]") {
  Rng rng(3);
  Concatenate steps(-1, "cat");
  CHECK_THROWS_WITH(steps.build({{4, 3}, {5, 3}}, rng), Catch::Contains("Concatenate 'cat'") &&
                                                            Catch::Contains("(None, 4, 3)") &&
                                                            Catch::Contains("(None, 5, 3)"));
  Concatenate rank(-1, "cat");
  CHECK_THROWS_WITH(rank.build({{3}, {2, 3}}, rng), Catch::Contains("Concatenate 'cat'") &&
                                                        Catch::Contains("(None, 3)") &&
                                                        Catch::Contains("(None, 2, 3)"));
  Concatenate single(-1, "cat");
  CHECK_THROWS_WITH(single.build({{3}}, rng), Catch::Contains("at least 2 inputs"));
}

TEST_CASE("Concatenate: axes other than the last are an error", "[layers][errors]") {
  Rng rng(4);
  Concatenate time_axis(1, "cat");
  CHECK_THROWS_WITH(time_axis.build({{4, 3}, {4, 3}}, rng),
                    Catch::Contains("Concatenate 'cat'") && Catch::Contains("axis=1"));
  Concatenate batch_axis(0);
  CHECK_THROWS_AS(batch_axis.build({{3}, {3}}, rng), nn::Error);
  Concatenate last(1);  // the last axis for rank-1 inputs
  CHECK(last.build({{3}, {2}}, rng) == Shape{5});
}

TEST_CASE("Concatenate: gradient check with 2 rank-1 inputs", "[layers][gradcheck]") {
  Rng rng(5);
  Concatenate layer;
  layer.build({{3}, {4}}, rng);
  const auto report = nn::test::check_layer(
      layer, {nn::test::random_matrix(3, 5, rng), nn::test::random_matrix(4, 5, rng)}, true);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("Concatenate: gradient check with 3 rank-2 inputs", "[layers][gradcheck]") {
  Rng rng(6);
  Concatenate layer;
  layer.build({{3, 2}, {3, 1}, {3, 4}}, rng);
  const auto report = nn::test::check_layer(
      layer,
      {nn::test::random_matrix(2, 3 * 4, rng), nn::test::random_matrix(1, 3 * 4, rng),
       nn::test::random_matrix(4, 3 * 4, rng)},
      true);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}
