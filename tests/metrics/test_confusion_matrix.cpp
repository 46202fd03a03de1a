// confusion_matrix: rows are true classes, columns predicted classes.
#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/metrics/confusion_matrix.hpp"

using Catch::Matchers::Contains;
using nn::Matrix;

TEST_CASE("Confusion matrix: binary thresholds at 0.5", "[metrics]") {
  Matrix p(1, 5), y(1, 5);
  p << 0.9, 0.5, 0.2, 0.7, 0.1;
  y << 1, 1, 0, 0, 0;
  Eigen::MatrixXi expected(2, 2);
  expected << 2, 1,  // true 0: predicted 0 twice (0.2, 0.1), 1 once (0.7)
      1, 1;          // true 1: 0.5 is not > 0.5, so predicted 0 once; 0.9 predicted 1
  CHECK(nn::confusion_matrix(p, y, 2) == expected);
}

TEST_CASE("Confusion matrix: one-hot targets use argmaxes", "[metrics]") {
  Matrix p(3, 4), y(3, 4);
  p << 0.7, 0.1, 0.3, 0.2, 0.2, 0.8, 0.3, 0.5, 0.1, 0.1, 0.4, 0.3;
  y << 1, 0, 0, 0, 0, 1, 1, 0, 0, 0, 0, 1;
  Eigen::MatrixXi expected = Eigen::MatrixXi::Zero(3, 3);
  expected(0, 0) = 1;
  expected(1, 1) = 1;
  expected(1, 2) = 1;
  expected(2, 1) = 1;
  CHECK(nn::confusion_matrix(p, y, 3) == expected);
  CHECK(nn::confusion_matrix(p, y, 3).sum() == 4);
}

TEST_CASE("Confusion matrix: sparse targets hold class ids", "[metrics]") {
  Matrix p(3, 4), ids(1, 4);
  p << 0.7, 0.1, 0.3, 0.2, 0.2, 0.8, 0.3, 0.5, 0.1, 0.1, 0.4, 0.3;
  ids << 0, 1, 1, 2;
  Eigen::MatrixXi expected = Eigen::MatrixXi::Zero(3, 3);
  expected(0, 0) = 1;
  expected(1, 1) = 1;
  expected(1, 2) = 1;
  expected(2, 1) = 1;
  CHECK(nn::confusion_matrix(p, ids, 3) == expected);
}

TEST_CASE("Confusion matrix: bad shapes classes and ids are errors", "[metrics][errors]") {
  Matrix p = Matrix::Constant(3, 2, 0.3), ids(1, 2);
  ids << 0, 3;
  REQUIRE_THROWS_WITH(nn::confusion_matrix(p, ids, 3),
                      Contains("confusion_matrix: y_true column 1 holds class id 3"));
  ids << 0, 1;
  REQUIRE_THROWS_WITH(nn::confusion_matrix(p, ids, 4),
                      "confusion_matrix: num_classes is 4 but sparse targets have 3 classes");
  REQUIRE_THROWS_WITH(nn::confusion_matrix(p, Matrix::Zero(2, 2), 3),
                      Contains("y_true has shape (2, 2) but y_pred has shape (3, 2)"));
  Matrix pb(1, 2), yb(1, 2);
  pb << 0.2, 0.8;
  yb << 0, 2;
  REQUIRE_THROWS_AS(nn::confusion_matrix(pb, yb, 2), nn::Error);
  yb << 0, 1;
  REQUIRE_THROWS_WITH(nn::confusion_matrix(pb, yb, 3), Contains("binary targets have 2 classes"));
}
