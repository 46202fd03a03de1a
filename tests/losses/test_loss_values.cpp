// Loss values against tests/fixtures/losses/losses.json (TF.js Layers, or Keras 3's formula in
// double where TF.js differs; see make_losses.mjs).
#include <catch2/catch.hpp>

#include <algorithm>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/core/losses/loss.hpp"
#include "support/fixtures.hpp"

using nn::Index;
using nn::Matrix;
using Json = nlohmann::json;

namespace {

const Json& fixture() { return nn::test::fixture("losses/losses.json"); }

/// Checks every fixture case whose loss name is one of `names`; returns how many ran.
int check_cases(std::initializer_list<std::string> names) {
  int count = 0;
  for (const Json& c : fixture().at("losses")) {
    const std::string name = c.at("name").get<std::string>();
    if (std::find(names.begin(), names.end(), name) == names.end()) continue;
    nn::LossOptions options;
    const Json& o = c.at("options");
    options.from_logits = o.value("from_logits", false);
    options.label_smoothing = o.value("label_smoothing", 0.0);
    options.delta = o.value("delta", 1.0);
    const auto loss = nn::make_loss(name, options);
    const double value = loss->forward(nn::test::matrix_from_samples(c.at("y_pred")),
                                       nn::test::matrix_from_samples(c.at("y_true")));
    const double expected = c.at("value").get<double>();
    // TF.js computes in float32.
    INFO(name << " " << o.dump() << " (" << c.at("source").get<std::string>() << ")");
    CHECK(value == Approx(expected).epsilon(2e-6).margin(1e-6));
    ++count;
  }
  return count;
}

}  // namespace

TEST_CASE("Losses: regression values match the fixture", "[losses][golden]") {
  CHECK(check_cases({"mean_squared_error", "mean_absolute_error", "huber"}) == 4);
}

TEST_CASE("Losses: binary_crossentropy values match the fixture", "[losses][golden]") {
  CHECK(check_cases({"binary_crossentropy"}) == 4);
}

TEST_CASE("Losses: categorical cross-entropy values match the fixture", "[losses][golden]") {
  CHECK(check_cases({"categorical_crossentropy", "sparse_categorical_crossentropy"}) == 6);
}

TEST_CASE("Losses: hinge values match the fixture", "[losses][golden]") {
  CHECK(check_cases({"hinge"}) == 2);
}

TEST_CASE("Losses: hand example of mse huber and hinge", "[losses]") {
  // Two columns, one row: errors 0.5 and -2.
  Matrix y_pred(1, 2), y_true(1, 2);
  y_pred << 0.5, -1.0;
  y_true << 0.0, 1.0;
  CHECK(nn::make_loss("mse")->forward(y_pred, y_true) == Approx((0.25 + 4.0) / 2));
  CHECK(nn::make_loss("mae")->forward(y_pred, y_true) == Approx((0.5 + 2.0) / 2));
  // huber: 0.5 * 0.25 inside, 1 * (2 - 0.5) outside.
  CHECK(nn::make_loss("huber")->forward(y_pred, y_true) == Approx((0.125 + 1.5) / 2));
  // hinge: labels 0/1 -> -1/1; margins -0.5 and -1.
  CHECK(nn::make_loss("hinge")->forward(y_pred, y_true) == Approx((1.5 + 2.0) / 2));
  const Matrix d = nn::make_loss("mse")->backward(y_pred, y_true);
  CHECK(d(0, 0) == Approx(2 * 0.5 / 2));
  CHECK(d(0, 1) == Approx(2 * -2.0 / 2));
}
