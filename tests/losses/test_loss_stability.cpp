// Numerical stability of the logit paths and the fused on_logits() contract.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/base/rng.hpp"
#include "engine/core/losses/loss.hpp"
#include "support/gradcheck.hpp"

using nn::Index;
using nn::LossOptions;
using nn::Matrix;

namespace {

LossOptions logits_options() {
  LossOptions options;
  options.from_logits = true;
  return options;
}

/// Column-wise softmax of z (k, n).
Matrix softmax(const Matrix& z) {
  Matrix p(z.rows(), z.cols());
  for (Index j = 0; j < z.cols(); ++j) {
    const Eigen::ArrayXd e = (z.col(j).array() - z.col(j).maxCoeff()).exp();
    p.col(j) = (e / e.sum()).matrix();
  }
  return p;
}

}  // namespace

TEST_CASE("Losses: categorical_crossentropy from logits stays finite at +-1000", "[losses]") {
  Matrix z(3, 2), y(3, 2);
  z << 1000, -1000, -1000, 1000, 0, 0;
  y << 0, 1, 1, 0, 0, 0;
  const auto loss = nn::make_loss("categorical_crossentropy", logits_options());
  const double value = loss->forward(z, y);
  const Matrix d = loss->backward(z, y);
  CHECK(std::isfinite(value));
  CHECK(value == Approx(2000.0));  // each column is wrong by a 2000 logit gap
  CHECK(d.allFinite());
  CHECK(d(0, 0) == Approx(0.5));   // softmax 1 minus target 0, over n = 2
  CHECK(d(1, 0) == Approx(-0.5));  // softmax 0 minus target 1
}

TEST_CASE("Losses: binary_crossentropy from logits stays finite at +-1000", "[losses]") {
  Matrix z(1, 4), y(1, 4);
  z << 1000, -1000, 1000, -1000;
  y << 1, 0, 0, 1;
  const auto loss = nn::make_loss("binary_crossentropy", logits_options());
  const double value = loss->forward(z, y);
  const Matrix d = loss->backward(z, y);
  CHECK(std::isfinite(value));
  CHECK(value == Approx(500.0));  // two columns right (0), two wrong by 1000
  CHECK(d.allFinite());
  CHECK(d(0, 0) == Approx(0.0).margin(1e-12));
  CHECK(d(0, 2) == Approx(0.25));
  CHECK(d(0, 3) == Approx(-0.25));
}

TEST_CASE("Losses: fused on_logits loss equals the probability loss", "[losses]") {
  nn::Rng rng(21);
  const Matrix z = nn::test::random_matrix(4, 5, rng, -3.0, 3.0);
  Matrix one_hot = Matrix::Zero(4, 5), ids(1, 5), labels(4, 5);
  for (Index j = 0; j < 5; ++j) {
    const Index c = static_cast<Index>(rng.below(4));
    one_hot(c, j) = 1.0;
    ids(0, j) = static_cast<double>(c);
    for (Index i = 0; i < 4; ++i) labels(i, j) = rng.uniform() < 0.5 ? 0.0 : 1.0;
  }
  LossOptions smoothed;
  smoothed.label_smoothing = 0.2;
  const Matrix sigmoid = (1.0 / (1.0 + (-z.array()).exp())).matrix();

  const auto cce = nn::make_loss("categorical_crossentropy", smoothed);
  REQUIRE(cce->fuses_with() == "softmax");
  CHECK(cce->on_logits()->forward(z, one_hot) ==
        Approx(cce->forward(softmax(z), one_hot)).epsilon(1e-6));

  const auto scce = nn::make_loss("sparse_categorical_crossentropy");
  REQUIRE(scce->fuses_with() == "softmax");
  CHECK(scce->on_logits()->forward(z, ids) == Approx(scce->forward(softmax(z), ids)).epsilon(1e-6));

  const auto bce = nn::make_loss("binary_crossentropy", smoothed);
  REQUIRE(bce->fuses_with() == "sigmoid");
  CHECK(bce->on_logits()->forward(z, labels) ==
        Approx(bce->forward(sigmoid, labels)).epsilon(1e-6));
}

TEST_CASE("Losses: losses on logits do not fuse again", "[losses]") {
  for (const char* name :
       {"binary_crossentropy", "categorical_crossentropy", "sparse_categorical_crossentropy"}) {
    const auto loss = nn::make_loss(name, logits_options());
    INFO(name);
    CHECK(loss->fuses_with().empty());
    CHECK(loss->on_logits() == nullptr);
  }
  CHECK(nn::make_loss("mse")->fuses_with().empty());
  CHECK(nn::make_loss("mse")->on_logits() == nullptr);
}

TEST_CASE("Losses: hinge on a step output gives the perceptron update", "[losses]") {
  const auto hinge = nn::make_loss("hinge");
  REQUIRE(hinge->fuses_with() == "step");
  const auto fused = hinge->on_logits();
  REQUIRE(fused != nullptr);
  CHECK(fused->name() == "hinge");
  // Batch 1, one unit: a misclassified sample gets dL/dz = -y (SGD lr 1: w += y x).
  Matrix z(1, 1), y(1, 1);
  z << 0.3;
  y << 0.0;  // label 0 -> -1
  CHECK(fused->backward(z, y)(0, 0) == Approx(1.0));
  y << 1.0;
  z << -0.2;
  CHECK(fused->backward(z, y)(0, 0) == Approx(-1.0));
  // Beyond the margin nothing changes.
  z << 1.5;
  CHECK(fused->backward(z, y)(0, 0) == Approx(0.0));
}

TEST_CASE("Losses: clone keeps the options", "[losses]") {
  LossOptions options;
  options.delta = 0.25;
  const auto huber = nn::make_loss("huber", options);
  const auto copy = huber->clone();
  Matrix p(1, 1), y(1, 1);
  p << 2.0;
  y << 0.0;
  CHECK(copy->name() == "huber");
  CHECK(copy->forward(p, y) == Approx(huber->forward(p, y)));
  CHECK(copy->forward(p, y) == Approx(0.25 * (2.0 - 0.125)));
}
