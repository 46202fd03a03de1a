// The Activation layer: shapes, caching and the fused-loss hooks.
#include <catch2/catch.hpp>

#include <memory>
#include <string>

#include "engine/core/activations/activation.hpp"
#include "engine/core/base/error.hpp"
#include "engine/core/layers/activation_layer.hpp"
#include "support/gradcheck.hpp"

using nn::ActivationLayer;
using nn::Matrix;
using nn::Shape;

namespace {

Shape build(ActivationLayer& layer, const Shape& shape) {
  nn::Rng rng(3);
  return layer.build(std::vector<Shape>{shape}, rng);
}

}  // namespace

TEST_CASE("ActivationLayer: output shape equals a vector input shape", "[layers][activations]") {
  ActivationLayer layer("relu", {}, "act");
  CHECK(layer.type() == "Activation");
  CHECK(layer.name() == "act");
  CHECK(layer.activation().name() == "relu");
  CHECK(build(layer, Shape{7}) == Shape{7});
  CHECK(layer.param_count() == 0);
  nn::Rng rng(5);
  const Matrix x = nn::test::random_matrix(7, 3, rng);
  const Matrix y = layer.forward(x, false);
  CHECK(y.rows() == 7);
  CHECK(y.cols() == 3);
  CHECK(y == x.cwiseMax(0.0));
}

TEST_CASE("ActivationLayer: output shape equals a sequence input shape", "[layers][activations]") {
  ActivationLayer layer(nn::make_activation("tanh"));
  CHECK(build(layer, Shape{4, 3}) == Shape{4, 3});
  nn::Rng rng(6);
  const Matrix x = nn::test::random_matrix(3, 4 * 2, rng);
  const Matrix y = layer.forward(x, true);
  CHECK(y.rows() == 3);
  CHECK(y.cols() == 8);
  CHECK(y.isApprox(Matrix(x.array().tanh())));
}

TEST_CASE("ActivationLayer: pre_activation and backward_from_pre_activation pass z through",
          "[layers][activations]") {
  ActivationLayer layer("softmax");
  build(layer, Shape{4});
  REQUIRE(layer.output_activation() != nullptr);
  CHECK(layer.output_activation()->name() == "softmax");
  nn::Rng rng(8);
  const Matrix x = nn::test::random_matrix(4, 5, rng, -2, 2);
  const Matrix y = layer.forward(x, true);
  CHECK(layer.pre_activation() == x);
  CHECK(y.colwise().sum().isApprox(Matrix::Ones(1, 5)));
  const Matrix dz = nn::test::random_matrix(4, 5, rng);
  const std::vector<Matrix> grads = layer.backward_from_pre_activation(dz);
  REQUIRE(grads.size() == 1);
  CHECK(grads[0] == dz);
}

TEST_CASE("ActivationLayer: pre_activation before forward is an error", "[layers][errors]") {
  ActivationLayer layer("sigmoid");
  build(layer, Shape{2});
  CHECK_THROWS_AS(layer.pre_activation(), nn::Error);
  CHECK_THROWS_AS(layer.backward_from_pre_activation(Matrix::Zero(2, 1)), nn::Error);
}

TEST_CASE("ActivationLayer: step forwards but its backward names the hinge loss",
          "[layers][errors]") {
  ActivationLayer layer("step");
  build(layer, Shape{3});
  Matrix x(3, 2);
  x << -1, 0, 2, -0.5, 0.5, 0;
  const Matrix y = layer.forward(x, true);
  Matrix want(3, 2);
  want << 0, 1, 1, 0, 1, 1;
  CHECK(y == want);
  // The fused path still works: a hinge loss takes z and returns dL/dz.
  CHECK(layer.pre_activation() == x);
  CHECK_THROWS_WITH(layer.backward(Matrix::Ones(3, 2)),
                    Catch::Contains("step") && Catch::Contains("hinge"));
}

TEST_CASE("ActivationLayer: an unknown activation name is an error", "[layers][errors]") {
  CHECK_THROWS_WITH(ActivationLayer("sigmoidd"),
                    Catch::Contains("sigmoidd") && Catch::Contains("softmax"));
}
