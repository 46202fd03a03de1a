#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/layers/reshape.hpp"
#include "support/gradcheck.hpp"

using nn::Index;
using nn::Matrix;
using nn::Reshape;
using nn::Rng;
using nn::Shape;

TEST_CASE("Reshape: output shape, with one -1 inferred as Keras does", "[layers]") {
  Rng rng(1);
  Reshape plain(Shape{3, 4});
  CHECK(plain.build({{12}}, rng) == Shape{3, 4});
  Reshape inferred(Shape{-1, 2});
  CHECK(inferred.build({{3, 2, 2}}, rng) == Shape{6, 2});
  Reshape flat(Shape{-1});
  CHECK(flat.build({{2, 3, 4, 5}}, rng) == Shape{120});
  CHECK(plain.type() == "Reshape");
  CHECK(plain.param_count() == 0);
  CHECK(inferred.target_shape() == Shape{-1, 2});
}

TEST_CASE("Reshape: refuses target shapes Keras refuses", "[layers][errors]") {
  Rng rng(1);
  CHECK_THROWS_WITH(Reshape(Shape{}), Catch::Contains("target_shape must have 1 to 4"));
  CHECK_THROWS_WITH(Reshape(Shape{1, 1, 1, 1, 1}), Catch::Contains("got (1, 1, 1, 1, 1)"));
  CHECK_THROWS_WITH(Reshape(Shape{0, 3}), Catch::Contains("positive (or one -1), got (0, 3)"));
  CHECK_THROWS_WITH(Reshape(Shape{-1, -1}), Catch::Contains("one -1"));
  Reshape wrong(Shape{5, 3}, "r");
  CHECK_THROWS_WITH(wrong.build({{4, 4}}, rng),
                    Catch::Contains("cannot reshape an input of shape (None, 4, 4) (16 values "
                                    "per sample) to target_shape (5, 3)"));
  Reshape uneven(Shape{-1, 5});
  CHECK_THROWS_AS(uneven.build({{12}}, rng), nn::Error);
  // Known dimensions far larger than the input never overflow the size check.
  Reshape huge(Shape{1 << 20, 1 << 20, 1 << 20, -1});
  CHECK_THROWS_AS(huge.build({{6}}, rng), nn::Error);
}

TEST_CASE("Reshape: order equals the Keras row-major reshape", "[layers]") {
  Rng rng(1);
  // (2, 3, 2) -> (3, 4): both laid out as (features, steps*batch).
  Reshape layer(Shape{3, 4}, "r");
  layer.build({{2, 3, 2}}, rng);
  const Index batch = 2;
  // Sample b holds the flat row-major values 100 b + k, k = 0..11.
  Matrix flat(12, batch);
  for (Index b = 0; b < batch; ++b)
    for (Index k = 0; k < 12; ++k) flat(k, b) = 100.0 * b + k;
  const Matrix x = nn::to_layout(flat, {2, 3, 2});
  const Matrix y = layer.forward(x, false);
  REQUIRE(y.rows() == 4);
  REQUIRE(y.cols() == 3 * batch);
  // Output position (t, j) of sample b is flat index 4 t + j, at column t*batch + b, row j.
  for (Index b = 0; b < batch; ++b)
    for (Index t = 0; t < 3; ++t)
      for (Index j = 0; j < 4; ++j) CHECK(y(j, t * batch + b) == 100.0 * b + 4 * t + j);
  CHECK(layer.backward(y)[0] == x);
}

TEST_CASE("Reshape: gradient check from rank 3 to rank 2", "[layers][gradcheck]") {
  Rng rng(3);
  Reshape layer(Shape{-1, 3});
  layer.build({{2, 3, 4}}, rng);
  const auto report = nn::test::check_layer(layer, {nn::test::random_matrix(4, 6 * 5, rng)}, true);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}
