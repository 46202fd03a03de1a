// Loss errors: shapes, sparse ids, hinge labels, options and names.
#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/losses/loss.hpp"

using Catch::Matchers::Contains;
using nn::LossOptions;
using nn::Matrix;

TEST_CASE("Losses: shape mismatch names the loss and both shapes", "[losses][errors]") {
  const Matrix p = Matrix::Constant(4, 10, 0.25), y = Matrix::Zero(3, 10);
  const auto cce = nn::make_loss("categorical_crossentropy");
  REQUIRE_THROWS_WITH(
      cce->forward(p, y),
      "categorical_crossentropy: y_true has shape (3, 10) but y_pred has shape (4, 10)");
  REQUIRE_THROWS_AS(cce->backward(p, y), nn::Error);
  for (const std::string& name : nn::loss_names()) {
    if (name == "sparse_categorical_crossentropy") continue;
    INFO(name);
    REQUIRE_THROWS_WITH(nn::make_loss(name)->forward(p, Matrix::Zero(4, 9)),
                        Contains("y_true has shape (4, 9) but y_pred has shape (4, 10)"));
  }
  REQUIRE_THROWS_WITH(
      nn::make_loss("sparse_categorical_crossentropy")->forward(p, Matrix::Zero(4, 10)),
      Contains("sparse_categorical_crossentropy: y_true has shape (4, 10)"));
}

TEST_CASE("Losses: bad sparse class ids name the column and the value", "[losses][errors]") {
  const auto loss = nn::make_loss("sparse_categorical_crossentropy");
  const Matrix p = Matrix::Constant(3, 3, 1.0 / 3);
  Matrix ids(1, 3);
  ids << 0, -1, 2;
  REQUIRE_THROWS_WITH(loss->forward(p, ids),
                      "sparse_categorical_crossentropy: y_true column 1 holds class id -1; "
                      "expected an integer in [0, 3)");
  ids << 0, 1, 1.5;
  REQUIRE_THROWS_WITH(loss->backward(p, ids), Contains("column 2 holds class id 1.5"));
  ids << 3, 1, 1;
  REQUIRE_THROWS_WITH(loss->forward(p, ids), Contains("column 0 holds class id 3"));
}

TEST_CASE("Losses: hinge rejects labels other than 0 1 and -1", "[losses][errors]") {
  const auto loss = nn::make_loss("hinge");
  Matrix p(1, 3), y(1, 3);
  p << 0.1, 0.2, 0.3;
  y << 1, 2, 0;
  REQUIRE_THROWS_WITH(loss->forward(p, y),
                      "hinge: y_true[0, 1] is 2; expected a label in {0, 1} or {-1, 1}");
  REQUIRE_THROWS_AS(loss->backward(p, y), nn::Error);
}

TEST_CASE("Losses: label_smoothing and delta out of range are errors", "[losses][errors]") {
  LossOptions options;
  options.label_smoothing = 1.5;
  REQUIRE_THROWS_WITH(nn::make_loss("binary_crossentropy", options),
                      "binary_crossentropy: label_smoothing must be in [0, 1], got 1.5");
  options.label_smoothing = -0.1;
  REQUIRE_THROWS_WITH(nn::make_loss("categorical_crossentropy", options),
                      Contains("categorical_crossentropy: label_smoothing must be in [0, 1]"));
  LossOptions huber;
  huber.delta = 0.0;
  REQUIRE_THROWS_WITH(nn::make_loss("huber", huber), "huber: delta must be > 0, got 0");
  huber.delta = -1.0;
  REQUIRE_THROWS_AS(nn::make_loss("huber", huber), nn::Error);
}

TEST_CASE("Losses: unknown names list the valid ones and aliases map to Keras names",
          "[losses][errors]") {
  REQUIRE_THROWS_WITH(nn::make_loss("cross_entropy"),
                      "loss: unknown name 'cross_entropy'; expected one of: binary_crossentropy, "
                      "categorical_crossentropy, hinge, huber, mae, mean_absolute_error, "
                      "mean_squared_error, mse, perceptron, sparse_categorical_crossentropy");
  CHECK(nn::loss_names() ==
        std::vector<std::string>{"binary_crossentropy", "categorical_crossentropy", "hinge",
                                 "huber", "mae", "mean_absolute_error", "mean_squared_error", "mse",
                                 "perceptron", "sparse_categorical_crossentropy"});
  CHECK(nn::make_loss("mse")->name() == "mean_squared_error");
  CHECK(nn::make_loss("mae")->name() == "mean_absolute_error");
  for (const std::string& name : nn::loss_names())
    CHECK(nn::make_loss(name)->clone()->name() == nn::make_loss(name)->name());
}
