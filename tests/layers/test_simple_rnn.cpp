#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/layers/simple_rnn.hpp"
#include "support/gradcheck.hpp"
#include "support/recurrent_builders.hpp"

using namespace nn;
using nn::test::check_layer;
using nn::test::random_matrix;

namespace {

std::unique_ptr<SimpleRNN> built_rnn(Index units, RecurrentOptions options,
                                     const std::vector<Shape>& shapes, std::uint64_t seed = 5) {
  return test::built_recurrent<SimpleRNN>(units, std::move(options), shapes, seed, "rnn");
}

}  // namespace

TEST_CASE("SimpleRNN: forward follows h_t = tanh of W x_t + U h_t-1 + b", "[rnn]") {
  auto layer = built_rnn(2, test::recurrent_options(true), {{3, 1}});
  layer->params()[0]->value << 0.5, -1.0;            // W (2, 1)
  layer->params()[1]->value << 0.1, 0.2, -0.3, 0.4;  // U (2, 2)
  layer->params()[2]->value << 0.05, -0.05;          // b
  Matrix x(1, 3);                                    // one sample, steps 1, 2, 3 (batch 1)
  x << 1.0, -2.0, 0.5;
  const Matrix y = layer->forward(x, false);
  REQUIRE(y.rows() == 2);
  REQUIRE(y.cols() == 3);
  Eigen::Matrix<double, 2, 1> h = Eigen::Matrix<double, 2, 1>::Zero();
  Eigen::Matrix<double, 2, 2> u;
  u << 0.1, 0.2, -0.3, 0.4;
  for (int t = 0; t < 3; ++t) {
    Eigen::Matrix<double, 2, 1> z;
    z << 0.5 * x(0, t) + 0.05, -1.0 * x(0, t) - 0.05;
    h = (z + u * h).array().tanh().matrix();
    CHECK(y(0, t) == Approx(h(0)).epsilon(1e-12));
    CHECK(y(1, t) == Approx(h(1)).epsilon(1e-12));
  }
}

TEST_CASE("SimpleRNN: gradient check with return_sequences on and off", "[rnn][gradcheck]") {
  for (bool seq : {false, true}) {
    auto layer = built_rnn(4, test::recurrent_options(seq), {{5, 3}});
    Rng rng(8);
    const auto report = check_layer(*layer, {random_matrix(3, 5 * 4, rng)}, true);
    INFO("return_sequences " << seq << ": " << report.worst_entry);
    REQUIRE(report.worst_error < 1e-6);
  }
}

TEST_CASE("SimpleRNN: gradient check with relu go_backwards and initial state",
          "[rnn][gradcheck]") {
  RecurrentOptions o = test::recurrent_options(true);
  o.activation = "relu";
  o.go_backwards = true;
  auto layer = built_rnn(3, o, {{4, 2}, {3}});
  Rng rng(4);
  const auto report =
      check_layer(*layer, {random_matrix(2, 4 * 3, rng), random_matrix(3, 3, rng)}, true);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}
