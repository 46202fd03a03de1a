// Gradient checks of every differentiable activation through the Activation layer.
#include <catch2/catch.hpp>

#include <string>

#include "engine/core/layers/activation_layer.hpp"
#include "support/gradcheck.hpp"

using nn::ActivationLayer;
using nn::ActivationOptions;
using nn::Matrix;
using nn::Shape;

namespace {

struct GradCase {
  std::string name;
  ActivationOptions options{};
  double low = -3.0;
  double high = 3.0;
  Shape shape{5};
  nn::Index batch = 4;
};

/// Builds Activation(name) on `shape`, draws x uniform in [low, high) and checks dL/dx.
nn::test::GradCheckReport check_activation(const GradCase& c) {
  ActivationLayer layer(c.name, c.options);
  nn::Rng rng(17);
  layer.build(std::vector<Shape>{c.shape}, rng);
  const Matrix x = nn::test::random_matrix(nn::layout_rows(c.shape),
                                           nn::layout_steps(c.shape) * c.batch, rng, c.low, c.high);
  return nn::test::check_layer(layer, {x}, true);
}

void require_gradient(const GradCase& c) {
  const nn::test::GradCheckReport report = check_activation(c);
  INFO(c.name << ": " << report.worst_entry << " (kinks resampled: " << report.kinks_resampled
              << ")");
  REQUIRE(report.checked > 0);
  REQUIRE(report.worst_error < 1e-6);
}

ActivationOptions alpha(double value) {
  ActivationOptions options;
  options.alpha = value;
  return options;
}

}  // namespace

TEST_CASE("Activations: linear gradient check", "[activations][gradcheck]") {
  require_gradient({"linear"});
}

TEST_CASE("Activations: sigmoid gradient check", "[activations][gradcheck]") {
  require_gradient({"sigmoid"});
}

TEST_CASE("Activations: tanh gradient check", "[activations][gradcheck]") {
  require_gradient({"tanh"});
}

TEST_CASE("Activations: relu gradient check", "[activations][gradcheck]") {
  require_gradient({"relu"});
}

TEST_CASE("Activations: leaky_relu gradient check with the default alpha",
          "[activations][gradcheck]") {
  require_gradient({"leaky_relu"});
}

TEST_CASE("Activations: leaky_relu gradient check with alpha 0.05", "[activations][gradcheck]") {
  require_gradient({"leaky_relu", alpha(0.05)});
}

TEST_CASE("Activations: elu gradient check with the default alpha", "[activations][gradcheck]") {
  require_gradient({"elu"});
}

TEST_CASE("Activations: elu gradient check with alpha 0.5", "[activations][gradcheck]") {
  require_gradient({"elu", alpha(0.5)});
}

TEST_CASE("Activations: selu gradient check", "[activations][gradcheck]") {
  require_gradient({"selu"});
}

TEST_CASE("Activations: softplus gradient check", "[activations][gradcheck]") {
  require_gradient({"softplus"});
}

TEST_CASE("Activations: softsign gradient check", "[activations][gradcheck]") {
  require_gradient({"softsign"});
}

TEST_CASE("Activations: swish gradient check", "[activations][gradcheck]") {
  require_gradient({"swish"});
}

TEST_CASE("Activations: silu gradient check", "[activations][gradcheck]") {
  require_gradient({"silu"});
}

TEST_CASE("Activations: gelu gradient check", "[activations][gradcheck]") {
  require_gradient({"gelu"});
}

TEST_CASE("Activations: hard_sigmoid gradient check across both flat parts",
          "[activations][gradcheck]") {
  // Wider than [-3, 3] so the saturated regions (zero slope) are checked too.
  require_gradient({"hard_sigmoid", {}, -4.5, 4.5});
}

TEST_CASE("Activations: softmax gradient check on a vector input", "[activations][gradcheck]") {
  require_gradient({"softmax"});
}

TEST_CASE("Activations: softmax gradient check on a sequence input", "[activations][gradcheck]") {
  require_gradient({"softmax", {}, -3.0, 3.0, Shape{3, 4}, 3});
}

TEST_CASE("Activations: softmax gradient check with large logits", "[activations][gradcheck]") {
  require_gradient({"softmax", {}, -30.0, 30.0, Shape{6}, 4});
}
