#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/base/shape.hpp"

using namespace nn;

TEST_CASE("shape_str and shape_size follow Keras", "[shape]") {
  CHECK(shape_str({28, 28}) == "(None, 28, 28)");
  CHECK(shape_size({28, 28}) == 784);
  CHECK(layout_rows({5, 3}) == 3);
  CHECK(layout_steps({5, 3}) == 5);
  CHECK(layout_steps({7}) == 1);
  // Rank 3 and 4: every axis but the last is a layout block, in row-major order.
  CHECK(layout_steps({28, 28, 1}) == 784);
  CHECK(layout_rows({28, 28, 1}) == 1);
  CHECK(layout_steps({3, 2, 2}) == 6);
  CHECK(layout_steps({2, 3, 4, 5}) == 24);
}

TEST_CASE("check_shape rejects empty, rank 5 and non-positive dimensions", "[shape][errors]") {
  CHECK_THROWS_AS(check_shape({}, "x"), Error);
  CHECK_NOTHROW(check_shape({2, 2, 2}, "x"));
  CHECK_NOTHROW(check_shape({28, 28, 1}, "x"));
  CHECK_NOTHROW(check_shape({2, 2, 2, 2}, "x"));
  CHECK_THROWS_WITH(check_shape({2, 2, 2, 2, 2}, "Input"),
                    Catch::Contains("rank 1 to 4") && Catch::Contains("(None, 2, 2, 2, 2, 2)"));
  CHECK_THROWS_WITH(check_shape({0}, "Dense 'd'"),
                    Catch::Contains("Dense 'd'") && Catch::Contains("(None, 0)"));
  CHECK_NOTHROW(check_shape({3, 4}, "x"));
}

TEST_CASE("to_layout / from_layout round-trip a sequence batch in time-major blocks", "[shape]") {
  // 2 samples of shape (3 steps, 2 features), flat row-major per sample.
  Matrix samples(6, 2);
  for (Index b = 0; b < 2; ++b)
    for (Index i = 0; i < 6; ++i) samples(i, b) = static_cast<Scalar>(100 * b + i);
  const Matrix layout = to_layout(samples, {3, 2});
  REQUIRE(layout.rows() == 2);
  REQUIRE(layout.cols() == 6);
  // Column block t holds step t of every sample: column t*2+b.
  CHECK(layout(0, 1 * 2 + 1) == 100 + 2);  // sample 1, step 1, feature 0
  CHECK(layout(1, 2 * 2 + 0) == 5);        // sample 0, step 2, feature 1
  CHECK(from_layout(layout, {3, 2}) == samples);
  CHECK_THROWS_AS(to_layout(samples, {4, 2}), Error);
}

TEST_CASE("to_layout / from_layout: a rank-3 sample's leading axes form the blocks", "[shape]") {
  // 2 samples of shape (2, 3, 2): flat index (i*3 + j)*2 + f; block t = i*3 + j.
  Matrix samples(12, 2);
  for (Index b = 0; b < 2; ++b)
    for (Index k = 0; k < 12; ++k) samples(k, b) = static_cast<Scalar>(100 * b + k);
  const Matrix layout = to_layout(samples, {2, 3, 2});
  REQUIRE(layout.rows() == 2);
  REQUIRE(layout.cols() == 12);
  // Sample 1 at (i=1, j=2, f=1): flat 11, block t = 5, column 5*2 + 1.
  CHECK(layout(1, 5 * 2 + 1) == 100 + 11);
  CHECK(from_layout(layout, {2, 3, 2}) == samples);
}
