#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/core/base/error.hpp"
#include "engine/core/layers/batch_normalization.hpp"
#include "support/fixtures.hpp"
#include "support/gradcheck.hpp"

using nn::BatchNormalization;
using nn::Index;
using nn::Matrix;
using nn::Param;
using nn::Rng;

namespace {

/// Sets every trainable param and the moving statistics to non-trivial values.
void randomize(BatchNormalization& layer, Rng& rng) {
  for (Param* p : layer.params()) {
    if (p->name == "moving_variance") {
      p->value = nn::test::random_matrix(p->value.rows(), 1, rng, 0.5, 2.0);
    } else if (p->name == "gamma") {
      p->value = nn::test::random_matrix(p->value.rows(), 1, rng, 0.5, 1.5);
    } else {
      p->value = nn::test::random_matrix(p->value.rows(), 1, rng);
    }
  }
}

void require_gradients(BatchNormalization& layer, const Matrix& x, bool training) {
  const auto report = nn::test::check_layer(layer, {x}, training);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

/// A json array of numbers as an (n, 1) column.
Matrix column(const nlohmann::json& values) {
  Matrix m(static_cast<Index>(values.size()), 1);
  for (Index i = 0; i < m.rows(); ++i) m(i, 0) = values[static_cast<std::size_t>(i)].get<double>();
  return m;
}

/// Row-major (batch, ..., f) values -> flat sample columns (size, batch).
Matrix samples(const nlohmann::json& values, Index batch) {
  const Index size = static_cast<Index>(values.size()) / batch;
  Matrix m(size, batch);
  for (Index b = 0; b < batch; ++b)
    for (Index k = 0; k < size; ++k) m(k, b) = values[static_cast<std::size_t>(b * size + k)];
  return m;
}

const nlohmann::json& load_fixture() { return nn::test::fixture("layers/batchnorm.json"); }

}  // namespace

TEST_CASE("BatchNormalization: params in Keras order and counts", "[layers]") {
  Rng rng(1);
  BatchNormalization layer;
  layer.build({{10}}, rng);
  CHECK(layer.type() == "BatchNormalization");
  CHECK(layer.param_count() == 40);
  Index non_trainable = 0;
  std::vector<std::string> names;
  for (Param* p : layer.params()) {
    names.push_back(p->name);
    CHECK(p->value.rows() == 10);
    CHECK(p->value.cols() == 1);
    if (!p->trainable) non_trainable += p->size();
  }
  CHECK(non_trainable == 20);
  CHECK(names == std::vector<std::string>{"gamma", "beta", "moving_mean", "moving_variance"});
  CHECK(layer.gamma().value.isOnes());
  CHECK(layer.beta().value.isZero());
  CHECK(layer.moving_mean().value.isZero());
  CHECK(layer.moving_variance().value.isOnes());
}

TEST_CASE("BatchNormalization: center and scale false omit beta and gamma", "[layers]") {
  Rng rng(1);
  BatchNormalization layer(0.99, 1e-3, false, false);
  layer.build({{4, 10}}, rng);
  CHECK(layer.param_count() == 20);
  REQUIRE(layer.params().size() == 2);
  CHECK(layer.params()[0]->name == "moving_mean");
  CHECK_THROWS_AS(layer.gamma(), nn::Error);
  BatchNormalization only_scale(0.99, 1e-3, false, true);
  only_scale.build({{3}}, rng);
  REQUIRE(only_scale.params().size() == 3);
  CHECK(only_scale.params()[0]->name == "gamma");
}

TEST_CASE("BatchNormalization: moving statistics after one training step", "[layers]") {
  Rng rng(2);
  const double momentum = 0.9, eps = 1e-3;
  BatchNormalization layer(momentum, eps);
  layer.build({{3}}, rng);
  randomize(layer, rng);
  const Matrix mm0 = layer.moving_mean().value, mv0 = layer.moving_variance().value;
  const Matrix x = nn::test::random_matrix(3, 7, rng, -2.0, 3.0);
  const Matrix y = layer.forward(x, true);
  for (Index i = 0; i < 3; ++i) {
    const double mean = x.row(i).mean();
    const double var = (x.row(i).array() - mean).square().mean();  // biased
    CHECK(layer.moving_mean().value(i, 0) ==
          Approx(mm0(i, 0) * momentum + mean * (1 - momentum)).epsilon(1e-12));
    CHECK(layer.moving_variance().value(i, 0) ==
          Approx(mv0(i, 0) * momentum + var * (1 - momentum)).epsilon(1e-12));
    for (Index j = 0; j < 7; ++j) {
      const double expected = layer.gamma().value(i, 0) * (x(i, j) - mean) / std::sqrt(var + eps) +
                              layer.beta().value(i, 0);
      CHECK(y(i, j) == Approx(expected).epsilon(1e-12));
    }
  }
}

TEST_CASE("BatchNormalization: inference uses the moving statistics", "[layers]") {
  Rng rng(3);
  const double eps = 1e-2;
  BatchNormalization layer(0.99, eps);
  layer.build({{2, 3}}, rng);
  randomize(layer, rng);
  const Matrix mm0 = layer.moving_mean().value, mv0 = layer.moving_variance().value;
  const Matrix x = nn::test::random_matrix(3, 2 * 4, rng);
  const Matrix y = layer.forward(x, false);
  for (Index i = 0; i < 3; ++i)
    for (Index j = 0; j < x.cols(); ++j) {
      const double expected =
          layer.gamma().value(i, 0) * (x(i, j) - mm0(i, 0)) / std::sqrt(mv0(i, 0) + eps) +
          layer.beta().value(i, 0);
      CHECK(y(i, j) == Approx(expected).epsilon(1e-12));
    }
  CHECK(layer.moving_mean().value == mm0);
  CHECK(layer.moving_variance().value == mv0);
}

TEST_CASE("BatchNormalization: a frozen layer runs in inference mode even when training",
          "[layers]") {
  Rng rng(4);
  BatchNormalization layer;
  layer.build({{3}}, rng);
  randomize(layer, rng);
  const Matrix mm0 = layer.moving_mean().value, mv0 = layer.moving_variance().value;
  const Matrix x = nn::test::random_matrix(3, 6, rng);
  const Matrix inference = layer.forward(x, false);
  layer.set_trainable(false);
  CHECK(layer.forward(x, true) == inference);
  CHECK(layer.moving_mean().value == mm0);
  CHECK(layer.moving_variance().value == mv0);
}

TEST_CASE("BatchNormalization: invalid momentum or epsilon is an error", "[layers][errors]") {
  CHECK_THROWS_WITH(BatchNormalization(1.5, 1e-3, true, true, "bn"),
                    Catch::Contains("BatchNormalization 'bn'") && Catch::Contains("momentum"));
  CHECK_THROWS_WITH(BatchNormalization(0.99, 0.0), Catch::Contains("epsilon"));
}

TEST_CASE("BatchNormalization: gradient check in training mode", "[layers][gradcheck]") {
  Rng rng(5);
  BatchNormalization layer(0.9, 1e-3);
  layer.build({{4}}, rng);
  randomize(layer, rng);
  require_gradients(layer, nn::test::random_matrix(4, 6, rng, -2.0, 2.0), true);
}

TEST_CASE("BatchNormalization: gradient check in training mode on a sequence",
          "[layers][gradcheck]") {
  Rng rng(6);
  BatchNormalization layer(0.9, 1e-3);
  layer.build({{3, 4}}, rng);
  randomize(layer, rng);
  require_gradients(layer, nn::test::random_matrix(4, 3 * 5, rng, -2.0, 2.0), true);
}

TEST_CASE("BatchNormalization: gradient check in inference mode", "[layers][gradcheck]") {
  Rng rng(7);
  BatchNormalization layer(0.9, 1e-3);
  layer.build({{5}}, rng);
  randomize(layer, rng);
  require_gradients(layer, nn::test::random_matrix(5, 6, rng, -2.0, 2.0), false);
}

TEST_CASE("BatchNormalization: gradient check without center and scale", "[layers][gradcheck]") {
  Rng rng(8);
  BatchNormalization plain(0.9, 1e-3, false, false);
  plain.build({{4}}, rng);
  require_gradients(plain, nn::test::random_matrix(4, 6, rng, -2.0, 2.0), true);
  require_gradients(plain, nn::test::random_matrix(4, 6, rng, -2.0, 2.0), false);
  BatchNormalization only_scale(0.9, 1e-3, false, true);
  only_scale.build({{2, 3}}, rng);
  randomize(only_scale, rng);
  require_gradients(only_scale, nn::test::random_matrix(3, 2 * 5, rng, -2.0, 2.0), true);
}

/// Runs every fixture case through a layer with the fixture's weights, in one mode.
static void check_against_tfjs(bool training) {
  const nlohmann::json fixture = load_fixture();
  Rng rng(9);
  for (const auto& c : fixture["cases"]) {
    INFO("case " << c["name"].get<std::string>());
    const nn::Shape shape = c["input_shape"].get<nn::Shape>();
    const Index batch = c["batch"].get<Index>();
    BatchNormalization layer(c["momentum"].get<double>(), c["epsilon"].get<double>());
    layer.build({shape}, rng);
    layer.gamma().value = column(c["gamma"]);
    layer.beta().value = column(c["beta"]);
    layer.moving_mean().value = column(c["moving_mean"]);
    layer.moving_variance().value = column(c["moving_variance"]);
    const Matrix x = nn::to_layout(samples(c["x"], batch), shape);
    const Matrix y = nn::from_layout(layer.forward(x, training), shape);
    const Matrix want = samples(c[training ? "training_y" : "inference_y"], batch);
    CHECK((y - want).cwiseAbs().maxCoeff() < 1e-5);
    const Matrix want_mean = column(c[training ? "moving_mean_after" : "moving_mean"]);
    const Matrix want_var = column(c[training ? "moving_variance_after" : "moving_variance"]);
    CHECK((layer.moving_mean().value - want_mean).cwiseAbs().maxCoeff() < 1e-5);
    CHECK((layer.moving_variance().value - want_var).cwiseAbs().maxCoeff() < 1e-5);
  }
}

TEST_CASE("BatchNormalization: training output and moving statistics match TF.js",
          "[layers][golden]") {
  check_against_tfjs(true);
}

TEST_CASE("BatchNormalization: inference output matches TF.js", "[layers][golden]") {
  check_against_tfjs(false);
}
