#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/layers/add.hpp"
#include "support/gradcheck.hpp"

using nn::Add;
using nn::Matrix;
using nn::Rng;
using nn::Shape;

TEST_CASE("Add: output is the sum with the shared shape", "[layers]") {
  Rng rng(1);
  Add layer;
  CHECK(layer.build({{2, 3}, {2, 3}, {2, 3}}, rng) == Shape{2, 3});
  CHECK(layer.type() == "Add");
  const Matrix a = nn::test::random_matrix(3, 2 * 4, rng);
  const Matrix b = nn::test::random_matrix(3, 2 * 4, rng);
  const Matrix c = nn::test::random_matrix(3, 2 * 4, rng);
  const Matrix expected = a + b + c;
  CHECK(layer.forward(std::vector<const Matrix*>{&a, &b, &c}, false).isApprox(expected, 1e-15));
  const std::vector<Matrix> dx = layer.backward(a);
  REQUIRE(dx.size() == 3);
  for (const Matrix& d : dx) CHECK(d == a);
}

TEST_CASE("Add: mismatched shapes are an error naming the layer and shapes", "[layers][errors]") {
  Rng rng(2);
  Add layer("sum");
  CHECK_THROWS_WITH(layer.build({{3}, {4}}, rng), Catch::Contains("Add 'sum'") &&
                                                      Catch::Contains("(None, 3)") &&
                                                      Catch::Contains("(None, 4)"));
  CHECK_THROWS_WITH(layer.build({{2, 3}, {3}}, rng), Catch::Contains("(None, 2, 3)"));
  CHECK_THROWS_WITH(layer.build({{3}}, rng), Catch::Contains("at least 2 inputs"));
}

TEST_CASE("Add: gradient check with 2 inputs", "[layers][gradcheck]") {
  Rng rng(3);
  Add layer;
  layer.build({{4}, {4}}, rng);
  const auto report = nn::test::check_layer(
      layer, {nn::test::random_matrix(4, 5, rng), nn::test::random_matrix(4, 5, rng)}, true);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("Add: gradient check with 3 rank-2 inputs", "[layers][gradcheck]") {
  Rng rng(4);
  Add layer;
  layer.build({{3, 2}, {3, 2}, {3, 2}}, rng);
  const auto report = nn::test::check_layer(
      layer,
      {nn::test::random_matrix(2, 3 * 4, rng), nn::test::random_matrix(2, 3 * 4, rng),
       nn::test::random_matrix(2, 3 * 4, rng)},
      true);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}
