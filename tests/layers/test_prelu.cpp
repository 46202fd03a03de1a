// PReLU: gradients, values against TF.js Layers, parameter layout and count.
#include <catch2/catch.hpp>

#include <fstream>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/core/layers/prelu.hpp"
#include "support/fixtures.hpp"
#include "support/gradcheck.hpp"

using nn::Matrix;
using nn::PReLU;
using nn::Shape;

namespace {

Shape build(PReLU& layer, const Shape& shape) {
  nn::Rng rng(3);
  return layer.build(std::vector<Shape>{shape}, rng);
}

/// Gradient check on `shape` with alpha drawn from [-0.5, 1.5) so every entry differs.
void require_prelu_gradient(const Shape& shape, nn::Index batch) {
  PReLU layer;
  build(layer, shape);
  nn::Rng rng(21);
  nn::Param& alpha = *layer.params()[0];
  alpha.value = nn::test::random_matrix(alpha.value.rows(), alpha.value.cols(), rng, -0.5, 1.5);
  const Matrix x =
      nn::test::random_matrix(nn::layout_rows(shape), nn::layout_steps(shape) * batch, rng, -3, 3);
  const nn::test::GradCheckReport report = nn::test::check_layer(layer, {x}, true);
  INFO(report.worst_entry);
  REQUIRE(report.checked > 0);
  REQUIRE(report.worst_error < 1e-6);
}

}  // namespace

TEST_CASE("PReLU: gradient check on a vector input", "[layers][prelu][gradcheck]") {
  require_prelu_gradient(Shape{6}, 4);
}

TEST_CASE("PReLU: gradient check on a sequence input", "[layers][prelu][gradcheck]") {
  require_prelu_gradient(Shape{3, 4}, 3);
}

TEST_CASE("PReLU: alpha has the input shape and Keras's param count", "[layers][prelu]") {
  PReLU vector_layer;
  CHECK(vector_layer.type() == "PReLU");
  CHECK(build(vector_layer, Shape{10}) == Shape{10});
  CHECK(vector_layer.param_count() == 10);
  REQUIRE(vector_layer.params().size() == 1);
  CHECK(vector_layer.params()[0]->name == "alpha");
  CHECK(vector_layer.params()[0]->value.rows() == 10);
  CHECK(vector_layer.params()[0]->value.cols() == 1);
  CHECK(vector_layer.params()[0]->value.isZero());  // alpha_initializer "zeros"

  PReLU sequence_layer(0.25);
  CHECK(build(sequence_layer, Shape{3, 4}) == Shape{3, 4});
  CHECK(sequence_layer.param_count() == 12);
  const Matrix& alpha = sequence_layer.params()[0]->value;
  CHECK(alpha.rows() == 4);  // features
  CHECK(alpha.cols() == 3);  // time steps
  CHECK((alpha.array() == 0.25).all());
}

TEST_CASE("PReLU: forward values match TF.js Layers on a sequence", "[layers][prelu][golden]") {
  const nlohmann::json& fixture = nn::test::fixture("activations/activations.json").at("prelu");
  const Shape shape = fixture.at("input_shape").get<Shape>();
  REQUIRE(shape == Shape{2, 3});
  const auto alpha = fixture.at("alpha").get<std::vector<std::vector<double>>>();
  const auto inputs = fixture.at("inputs").get<std::vector<std::vector<std::vector<double>>>>();
  const auto outputs = fixture.at("outputs").get<std::vector<std::vector<std::vector<double>>>>();
  const nn::Index steps = 2, features = 3, batch = static_cast<nn::Index>(inputs.size());

  PReLU layer;
  build(layer, shape);
  // Keras alpha (t, f) is the engine's (f, t) transposed.
  Matrix& value = layer.params()[0]->value;
  for (nn::Index t = 0; t < steps; ++t) {
    for (nn::Index f = 0; f < features; ++f) {
      value(f, t) = alpha[static_cast<std::size_t>(t)][static_cast<std::size_t>(f)];
    }
  }
  // Samples as flat row-major (t, f) columns, then the engine layout.
  Matrix flat(steps * features, batch);
  for (nn::Index b = 0; b < batch; ++b) {
    for (nn::Index t = 0; t < steps; ++t) {
      for (nn::Index f = 0; f < features; ++f) {
        flat(t * features + f, b) = inputs[static_cast<std::size_t>(b)][static_cast<std::size_t>(t)]
                                          [static_cast<std::size_t>(f)];
      }
    }
  }
  const Matrix y = nn::from_layout(layer.forward(nn::to_layout(flat, shape), false), shape);
  for (nn::Index b = 0; b < batch; ++b) {
    for (nn::Index t = 0; t < steps; ++t) {
      for (nn::Index f = 0; f < features; ++f) {
        const double want = outputs[static_cast<std::size_t>(b)][static_cast<std::size_t>(t)]
                                   [static_cast<std::size_t>(f)];
        INFO("sample " << b << " step " << t << " feature " << f);
        CHECK(y(t * features + f, b) == Approx(want).epsilon(1e-6).margin(1e-7));
      }
    }
  }
}

TEST_CASE("PReLU: backward accumulates into the alpha gradient", "[layers][prelu]") {
  PReLU layer(0.5);
  build(layer, Shape{2});
  Matrix x(2, 3);
  x << -1, 2, -3, 4, -0.5, 0;
  const Matrix y = layer.forward(x, true);
  Matrix want_y(2, 3);
  want_y << -0.5, 2, -1.5, 4, -0.25, 0;
  CHECK(y.isApprox(want_y));
  const Matrix dy = Matrix::Ones(2, 3);
  const Matrix dx = layer.backward(dy)[0];
  Matrix want_dx(2, 3);
  want_dx << 0.5, 1, 0.5, 1, 0.5, 1;
  CHECK(dx.isApprox(want_dx));
  nn::Param& alpha = *layer.params()[0];
  CHECK(alpha.grad(0, 0) == Approx(-4.0));  // -1 + -3
  CHECK(alpha.grad(1, 0) == Approx(-0.5));
  layer.backward(dy);
  CHECK(alpha.grad(0, 0) == Approx(-8.0));
}
