// Metrics: hand examples, accuracy's automatic choice, names, errors and TF.js values.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/metrics/metric.hpp"
#include "support/fixtures.hpp"

using Catch::Matchers::Contains;
using nn::Index;
using nn::Matrix;

namespace {

double compute(const std::string& name, const Matrix& y_pred, const Matrix& y_true) {
  return nn::make_metric(name)->compute(y_pred, y_true);
}

}  // namespace

TEST_CASE("Metrics: binary_accuracy thresholds strictly above 0.5", "[metrics]") {
  Matrix p(1, 4), y(1, 4);
  p << 0.9, 0.5, 0.2, 0.51;
  y << 1, 1, 0, 0;
  // 0.5 is not > 0.5, so it predicts 0: hits are columns 0 and 2.
  CHECK(compute("binary_accuracy", p, y) == Approx(0.5));
  // Several outputs per column: the mean over all entries.
  Matrix p2(2, 2), y2(2, 2);
  p2 << 0.9, 0.1, 0.8, 0.7;
  y2 << 1, 0, 0, 1;
  CHECK(compute("binary_accuracy", p2, y2) == Approx(0.75));
}

TEST_CASE("Metrics: categorical_accuracy compares argmaxes", "[metrics]") {
  Matrix p(3, 3), y(3, 3);
  p << 0.7, 0.1, 0.3, 0.2, 0.8, 0.3, 0.1, 0.1, 0.4;
  y << 1, 1, 0, 0, 0, 0, 0, 0, 1;
  CHECK(compute("categorical_accuracy", p, y) == Approx(2.0 / 3));
}

TEST_CASE("Metrics: sparse_categorical_accuracy compares ids with the argmax", "[metrics]") {
  Matrix p(3, 4), ids(1, 4);
  p << 0.7, 0.1, 0.3, 0.2, 0.2, 0.8, 0.3, 0.5, 0.1, 0.1, 0.4, 0.3;
  ids << 0, 1, 1, 1;
  CHECK(compute("sparse_categorical_accuracy", p, ids) == Approx(0.75));
}

TEST_CASE("Metrics: accuracy picks binary sparse or categorical from the shapes", "[metrics]") {
  const auto accuracy = nn::make_metric("accuracy");
  CHECK(accuracy->name() == "accuracy");
  // y_pred with one row: binary accuracy.
  Matrix pb(1, 3), yb(1, 3);
  pb << 0.6, 0.4, 0.7;
  yb << 1, 1, 1;
  CHECK(accuracy->compute(pb, yb) == Approx(2.0 / 3));
  // y_true with one row under a wider y_pred: sparse.
  Matrix pc(2, 2), ids(1, 2);
  pc << 0.3, 0.9, 0.7, 0.1;
  ids << 1, 1;
  CHECK(accuracy->compute(pc, ids) == Approx(0.5));
  // Same shapes with k > 1: categorical.
  Matrix one_hot(2, 2);
  one_hot << 0, 1, 1, 0;
  CHECK(accuracy->compute(pc, one_hot) == Approx(1.0));
  CHECK(accuracy->clone()->compute(pc, one_hot) == Approx(1.0));
}

TEST_CASE("Metrics: mae and mse report the regression losses under their given names",
          "[metrics]") {
  Matrix p(2, 2), y(2, 2);
  p << 1, 2, 3, 4;
  y << 0, 2, 5, 3;
  CHECK(compute("mae", p, y) == Approx((1 + 0 + 2 + 1) / 4.0));
  CHECK(compute("mean_absolute_error", p, y) == Approx(1.0));
  CHECK(compute("mse", p, y) == Approx((1 + 0 + 4 + 1) / 4.0));
  CHECK(compute("mean_squared_error", p, y) == Approx(1.5));
  CHECK(nn::make_metric("mae")->name() == "mae");
  CHECK(nn::make_metric("mse")->clone()->name() == "mse");
}

TEST_CASE("Metrics: unknown names and bad shapes are errors", "[metrics][errors]") {
  REQUIRE_THROWS_WITH(nn::make_metric("auc"),
                      "metric: unknown name 'auc'; expected one of: accuracy, binary_accuracy, "
                      "categorical_accuracy, mae, mean_absolute_error, mean_squared_error, mse, "
                      "sparse_categorical_accuracy");
  REQUIRE_THROWS_WITH(compute("categorical_accuracy", Matrix::Zero(3, 2), Matrix::Zero(2, 2)),
                      "categorical_accuracy: y_true has shape (2, 2) but y_pred has shape (3, 2)");
  REQUIRE_THROWS_WITH(
      compute("sparse_categorical_accuracy", Matrix::Zero(3, 2), Matrix::Zero(1, 3)),
      Contains("sparse_categorical_accuracy: y_true has shape (1, 3)"));
  REQUIRE_THROWS_AS(compute("accuracy", Matrix::Zero(1, 2), Matrix::Zero(1, 3)), nn::Error);
  REQUIRE_THROWS_AS(compute("mse", Matrix::Zero(1, 2), Matrix::Zero(2, 2)), nn::Error);
}

TEST_CASE("Metrics: values match the TF.js fixture", "[metrics][golden]") {
  const nlohmann::json& data = nn::test::fixture("losses/losses.json");
  int count = 0;
  for (const auto& c : data.at("metrics")) {
    const std::string name = c.at("name").get<std::string>();
    INFO(name);
    CHECK(compute(name, nn::test::matrix_from_samples(c.at("y_pred")),
                  nn::test::matrix_from_samples(c.at("y_true"))) ==
          Approx(c.at("value").get<double>()).epsilon(2e-6));
    ++count;
  }
  CHECK(count == 8);
}
