// Gradient checks of every loss: backward() against central differences of forward().
#include <catch2/catch.hpp>

#include "engine/core/base/rng.hpp"
#include "engine/core/losses/loss.hpp"
#include "support/gradcheck.hpp"

using nn::Index;
using nn::LossOptions;
using nn::Matrix;
using nn::Rng;
using nn::Scalar;
using nn::test::check_loss;
using nn::test::random_matrix;

namespace {

/// (k, n) matrix of 0/1 labels.
Matrix random_labels(Index k, Index n, Rng& rng) {
  Matrix y(k, n);
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < k; ++i) y(i, j) = rng.uniform() < 0.5 ? 0.0 : 1.0;
  return y;
}

/// (k, n) one-hot columns.
Matrix random_one_hot(Index k, Index n, Rng& rng) {
  Matrix y = Matrix::Zero(k, n);
  for (Index j = 0; j < n; ++j)
    y(static_cast<Index>(rng.below(static_cast<std::uint64_t>(k))), j) = 1.0;
  return y;
}

/// (1, n) class ids in [0, k).
Matrix random_ids(Index k, Index n, Rng& rng) {
  Matrix y(1, n);
  for (Index j = 0; j < n; ++j)
    y(0, j) = static_cast<Scalar>(rng.below(static_cast<std::uint64_t>(k)));
  return y;
}

/// Runs check_loss and requires the worst error below 1e-6.
void require_gradient(const std::string& name, const LossOptions& options, const Matrix& y_pred,
                      const Matrix& y_true) {
  const auto loss = nn::make_loss(name, options);
  const auto report = check_loss(*loss, y_pred, y_true);
  INFO(name << ": " << report.worst_entry);
  REQUIRE(report.checked == y_pred.size());
  REQUIRE(report.worst_error < 1e-6);
}

}  // namespace

TEST_CASE("Losses: mean_squared_error gradcheck", "[losses][gradcheck]") {
  Rng rng(1);
  require_gradient("mse", {}, random_matrix(3, 5, rng), random_matrix(3, 5, rng));
}

TEST_CASE("Losses: mean_absolute_error gradcheck away from the kink", "[losses][gradcheck]") {
  Rng rng(2);
  require_gradient("mae", {}, random_matrix(3, 5, rng), random_matrix(3, 5, rng));
}

TEST_CASE("Losses: huber gradcheck on both sides of delta", "[losses][gradcheck]") {
  Rng rng(3);
  const Matrix y_true = random_matrix(4, 6, rng);
  const Matrix y_pred = random_matrix(4, 6, rng, -3.0, 3.0);
  const Matrix abs_error = (y_pred - y_true).cwiseAbs();
  // delta 0.5 so that errors fall on both the quadratic and the linear side.
  REQUIRE((abs_error.array() < 0.5).any());
  REQUIRE((abs_error.array() > 0.5).any());
  LossOptions options;
  options.delta = 0.5;
  require_gradient("huber", options, y_pred, y_true);
  require_gradient("huber", {}, y_pred, y_true);
}

TEST_CASE("Losses: binary_crossentropy gradcheck on probabilities", "[losses][gradcheck]") {
  Rng rng(4);
  const Matrix y_true = random_labels(3, 5, rng);
  const Matrix y_pred = random_matrix(3, 5, rng, 0.05, 0.95);
  require_gradient("binary_crossentropy", {}, y_pred, y_true);
  LossOptions smoothed;
  smoothed.label_smoothing = 0.2;
  require_gradient("binary_crossentropy", smoothed, y_pred, y_true);
}

TEST_CASE("Losses: binary_crossentropy gradcheck from logits", "[losses][gradcheck]") {
  Rng rng(5);
  const Matrix y_true = random_labels(3, 5, rng);
  const Matrix logits = random_matrix(3, 5, rng, -4.0, 4.0);
  LossOptions options;
  options.from_logits = true;
  require_gradient("binary_crossentropy", options, logits, y_true);
  options.label_smoothing = 0.3;
  require_gradient("binary_crossentropy", options, logits, y_true);
}

TEST_CASE("Losses: categorical_crossentropy gradcheck on unnormalised probabilities",
          "[losses][gradcheck]") {
  Rng rng(6);
  const Matrix y_true = random_one_hot(4, 5, rng);
  // Columns need not sum to 1: Keras divides by the column sum first.
  const Matrix y_pred = random_matrix(4, 5, rng, 0.1, 1.0);
  require_gradient("categorical_crossentropy", {}, y_pred, y_true);
  LossOptions smoothed;
  smoothed.label_smoothing = 0.2;
  require_gradient("categorical_crossentropy", smoothed, y_pred, y_true);
}

TEST_CASE("Losses: categorical_crossentropy gradcheck from logits", "[losses][gradcheck]") {
  Rng rng(7);
  const Matrix y_true = random_one_hot(4, 6, rng);
  const Matrix logits = random_matrix(4, 6, rng, -3.0, 3.0);
  LossOptions options;
  options.from_logits = true;
  require_gradient("categorical_crossentropy", options, logits, y_true);
  options.label_smoothing = 0.1;
  require_gradient("categorical_crossentropy", options, logits, y_true);
}

TEST_CASE("Losses: sparse_categorical_crossentropy gradcheck", "[losses][gradcheck]") {
  Rng rng(8);
  const Matrix y_true = random_ids(3, 5, rng);
  require_gradient("sparse_categorical_crossentropy", {}, random_matrix(3, 5, rng, 0.1, 1.0),
                   y_true);
  LossOptions options;
  options.from_logits = true;
  require_gradient("sparse_categorical_crossentropy", options, random_matrix(3, 5, rng, -3.0, 3.0),
                   y_true);
}

TEST_CASE("Losses: hinge gradcheck with 0/1 and -1/1 labels", "[losses][gradcheck]") {
  Rng rng(9);
  const Matrix y01 = random_labels(2, 6, rng);
  const Matrix y_pred = random_matrix(2, 6, rng, -2.0, 2.0);
  require_gradient("hinge", {}, y_pred, y01);
  const Matrix y_pm = (y01.array() * 2.0 - 1.0).matrix();
  require_gradient("hinge", {}, y_pred, y_pm);
}
