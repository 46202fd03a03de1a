#include <catch2/catch.hpp>

#include <limits>
#include <vector>

#include "engine/core/base/error.hpp"
#include "engine/core/data/prototypes.hpp"

using nn::Index;
using nn::make_prototypes;
using nn::Matrix;

TEST_CASE("Prototypes: shapes are pixels by samples and one label row", "[data]") {
  const nn::Dataset d = make_prototypes(50, 28, 10, 0.1, 3);
  CHECK(d.x.rows() == 784);
  CHECK(d.x.cols() == 50);
  CHECK(d.y.rows() == 1);
  CHECK(d.y.cols() == 50);
}

TEST_CASE("Prototypes: the same seed gives the same bits", "[data]") {
  const nn::Dataset a = make_prototypes(40, 12, 4, 0.2, 9);
  const nn::Dataset b = make_prototypes(40, 12, 4, 0.2, 9);
  const nn::Dataset c = make_prototypes(40, 12, 4, 0.2, 10);
  CHECK(a.x == b.x);
  CHECK(a.y == b.y);
  CHECK(a.x != c.x);
}

TEST_CASE("Prototypes: pixels lie in the unit interval and each prototype peaks at 1", "[data]") {
  const nn::Dataset noisy = make_prototypes(60, 16, 5, 0.5, 1);
  CHECK(noisy.x.minCoeff() >= 0);
  CHECK(noisy.x.maxCoeff() <= 1);
  const nn::Dataset clean = make_prototypes(10, 16, 5, 0.0, 1);
  for (Index j = 0; j < clean.x.cols(); ++j) CHECK(clean.x.col(j).maxCoeff() == Approx(1.0));
}

TEST_CASE("Prototypes: classes are balanced and shuffled", "[data]") {
  const nn::Dataset d = make_prototypes(103, 8, 10, 0.1, 2);
  std::vector<int> counts(10, 0);
  for (Index j = 0; j < d.y.cols(); ++j) {
    const auto c = static_cast<int>(d.y(0, j));
    REQUIRE(c >= 0);
    REQUIRE(c < 10);
    ++counts[static_cast<std::size_t>(c)];
  }
  for (int c = 0; c < 10; ++c) CHECK(counts[static_cast<std::size_t>(c)] == (c < 3 ? 11 : 10));
  bool in_order = true;  // j % classes would be the unshuffled order
  for (Index j = 0; j < d.y.cols(); ++j) in_order = in_order && d.y(0, j) == nn::Scalar(j % 10);
  CHECK_FALSE(in_order);
}

TEST_CASE("Prototypes: noisy samples are closest to their own class prototype", "[data]") {
  // Noise 0 gives the prototypes themselves; the noise is drawn after them and the labels.
  const Index classes = 10, n = 200;
  const nn::Dataset clean = make_prototypes(n, 28, classes, 0.0, 5);
  const nn::Dataset noisy = make_prototypes(n, 28, classes, 0.3, 5);
  REQUIRE(clean.y == noisy.y);
  Matrix protos(clean.x.rows(), classes);
  for (Index j = 0; j < n; ++j) protos.col(static_cast<Index>(clean.y(0, j))) = clean.x.col(j);
  for (Index a = 0; a < classes; ++a) {
    for (Index b = a + 1; b < classes; ++b) CHECK((protos.col(a) - protos.col(b)).norm() > 1);
  }
  int correct = 0;
  for (Index j = 0; j < n; ++j) {
    Index best = 0;
    double best_d = std::numeric_limits<double>::infinity();
    for (Index c = 0; c < classes; ++c) {
      const double d = static_cast<double>((noisy.x.col(j) - protos.col(c)).squaredNorm());
      if (d < best_d) best_d = d, best = c;
    }
    correct += best == static_cast<Index>(noisy.y(0, j)) ? 1 : 0;
  }
  CHECK(correct >= 196);
}

TEST_CASE("Prototypes: bad arguments are refused with the argument named", "[data][errors]") {
  CHECK_THROWS_WITH(make_prototypes(0, 28, 10, 0.1, 0), Catch::Contains("n must be >= 1"));
  CHECK_THROWS_WITH(make_prototypes(10, 0, 10, 0.1, 0), Catch::Contains("side must be >= 1"));
  CHECK_THROWS_WITH(make_prototypes(10, 28, 1, 0.1, 0), Catch::Contains("classes must be >= 2"));
  CHECK_THROWS_WITH(make_prototypes(10, 28, 3, -1, 0), Catch::Contains("noise must be >= 0"));
}
