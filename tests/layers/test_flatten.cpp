#include <catch2/catch.hpp>

#include "engine/core/layers/flatten.hpp"
#include "support/gradcheck.hpp"

using nn::Flatten;
using nn::Index;
using nn::Matrix;
using nn::Rng;

TEST_CASE("Flatten: output shape is steps times features", "[layers]") {
  Rng rng(1);
  Flatten seq;
  CHECK(seq.build({{4, 3}}, rng) == nn::Shape{12});
  Flatten flat;
  CHECK(flat.build({{5}}, rng) == nn::Shape{5});
  CHECK(seq.type() == "Flatten");
  CHECK(seq.param_count() == 0);
}

TEST_CASE("Flatten: order equals the Keras row-major reshape", "[layers]") {
  Rng rng(1);
  Flatten layer("flat");
  const Index steps = 3, features = 2, batch = 2;
  layer.build({{steps, features}}, rng);
  // x[b][t][j] = 100 b + 10 t + j, laid out as column t*batch + b, row j.
  Matrix x(features, steps * batch);
  for (Index b = 0; b < batch; ++b)
    for (Index t = 0; t < steps; ++t)
      for (Index j = 0; j < features; ++j) x(j, t * batch + b) = 100.0 * b + 10.0 * t + j;
  const Matrix y = layer.forward(x, false);
  REQUIRE(y.rows() == steps * features);
  REQUIRE(y.cols() == batch);
  // Keras reshape (batch, t, f) -> (batch, t*f): flat index t*f + j.
  for (Index b = 0; b < batch; ++b)
    for (Index t = 0; t < steps; ++t)
      for (Index j = 0; j < features; ++j)
        CHECK(y(t * features + j, b) == 100.0 * b + 10.0 * t + j);
  // Backward is the inverse reshape.
  CHECK(layer.backward(y)[0] == x);
}

TEST_CASE("Flatten: rank-1 input passes through", "[layers]") {
  Rng rng(2);
  Flatten layer;
  layer.build({{4}}, rng);
  const Matrix x = nn::test::random_matrix(4, 3, rng);
  CHECK(layer.forward(x, true) == x);
  CHECK(layer.backward(x)[0] == x);
}

TEST_CASE("Flatten: gradient check on a rank-2 input", "[layers][gradcheck]") {
  Rng rng(3);
  Flatten layer;
  layer.build({{3, 4}}, rng);
  const auto report = nn::test::check_layer(layer, {nn::test::random_matrix(4, 3 * 5, rng)}, true);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}
