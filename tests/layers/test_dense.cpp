#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/layers/dense.hpp"
#include "support/gradcheck.hpp"

using namespace nn;
using nn::test::check_layer;
using nn::test::random_matrix;

namespace {

std::unique_ptr<Dense> built_dense(Index units, DenseOptions options, const Shape& input_shape,
                                   std::uint64_t seed = 3) {
  auto layer = std::make_unique<Dense>(units, std::move(options), "d");
  Rng rng(seed);
  layer->build({input_shape}, rng);
  return layer;
}

DenseOptions with_activation(const std::string& name) {
  DenseOptions o;
  o.activation = name;
  return o;
}

}  // namespace

TEST_CASE("Dense: forward is W x + b", "[dense]") {
  auto layer_ptr = built_dense(2, {}, {3});
  Dense& layer = *layer_ptr;
  layer.params()[0]->value << 1, 2, 3, -1, 0, 1;  // (units, in)
  layer.params()[1]->value << 0.5, -0.5;
  Matrix x(3, 2);
  x << 1, 0, 1, 1, 1, 2;
  const Matrix y = layer.forward(x, false);
  CHECK(y(0, 0) == Approx(6.5));
  CHECK(y(1, 0) == Approx(-0.5));
  CHECK(y(0, 1) == Approx(8.5));
  CHECK(y(1, 1) == Approx(1.5));
}

TEST_CASE("Dense: gradient check with linear tanh relu and softmax", "[dense][gradcheck]") {
  for (const char* act : {"linear", "tanh", "relu", "softmax", "sigmoid"}) {
    auto layer_ptr = built_dense(4, with_activation(act), {5});
    Dense& layer = *layer_ptr;
    Rng rng(9);
    const auto report = check_layer(layer, {random_matrix(5, 6, rng)}, true);
    INFO(act << ": " << report.worst_entry);
    REQUIRE(report.worst_error < 1e-6);
  }
}

TEST_CASE("Dense: gradient check without bias", "[dense][gradcheck]") {
  DenseOptions o = with_activation("elu");
  o.use_bias = false;
  auto layer_ptr = built_dense(3, o, {4});
  Dense& layer = *layer_ptr;
  REQUIRE(layer.params().size() == 1);
  Rng rng(2);
  const auto report = check_layer(layer, {random_matrix(4, 5, rng)}, true);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("Dense: applies at every time step of a sequence input", "[dense][gradcheck]") {
  auto layer_ptr = built_dense(3, with_activation("tanh"), {4, 2});
  Dense& layer = *layer_ptr;
  CHECK(layer.output_shape() == Shape{4, 3});
  CHECK(layer.param_count() == 2 * 3 + 3);
  Rng rng(5);
  const auto report = check_layer(layer, {random_matrix(2, 4 * 3, rng)}, true);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("Dense: kernel is glorot_uniform and bias zeros by default", "[dense]") {
  auto layer_ptr = built_dense(50, {}, {40});
  Dense& layer = *layer_ptr;
  const double limit = std::sqrt(6.0 / (40 + 50));
  CHECK(layer.params()[0]->value.cwiseAbs().maxCoeff() <= limit);
  CHECK(layer.params()[0]->value.cwiseAbs().maxCoeff() > 0.8 * limit);
  CHECK(layer.params()[1]->value.isZero());
}

TEST_CASE("Dense: the same seed gives the same weights", "[dense]") {
  auto a = built_dense(6, {}, {4}, 77), b = built_dense(6, {}, {4}, 77),
       c = built_dense(6, {}, {4}, 78);
  CHECK(a->params()[0]->value == b->params()[0]->value);
  CHECK(a->params()[0]->value != c->params()[0]->value);
}

TEST_CASE("Dense: bad arguments throw naming the problem", "[dense][errors]") {
  CHECK_THROWS_WITH(Dense(0), Catch::Contains("units") && Catch::Contains("0"));
  CHECK_THROWS_WITH(Dense(3, "relux"), Catch::Contains("relux"));
  DenseOptions o;
  o.kernel_initializer = "glorot_unifrom";
  CHECK_THROWS_WITH(Dense(3, o), Catch::Contains("glorot_unifrom"));
}

TEST_CASE("Dense: a wrong input size names the layer and both shapes", "[dense][errors]") {
  auto layer_ptr = built_dense(2, {}, {3});
  Dense& layer = *layer_ptr;
  Matrix x = Matrix::Zero(4, 2);
  CHECK_THROWS_WITH(layer.forward(x, false), Catch::Contains("Dense 'd'") &&
                                                 Catch::Contains("(None, 3)") &&
                                                 Catch::Contains("(4, 2)"));
}

TEST_CASE("Dense: regularizers add their gradient", "[dense][regularizer]") {
  DenseOptions o;
  o.kernel_regularizer = Regularizer::L1L2(0.01, 0.02);
  auto layer_ptr = built_dense(2, o, {2});
  Dense& layer = *layer_ptr;
  Param& k = *layer.params()[0];
  k.value << 1, -2, 3, 0.5;
  CHECK(layer.regularization_loss() == Approx(0.01 * 6.5 + 0.02 * (1 + 4 + 9 + 0.25)));
  k.grad.setZero();
  layer.add_regularization_gradients();
  CHECK(k.grad(0, 1) == Approx(0.01 * -1 + 2 * 0.02 * -2));
}
