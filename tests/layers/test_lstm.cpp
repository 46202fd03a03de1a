#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/layers/lstm.hpp"
#include "support/gradcheck.hpp"
#include "support/recurrent_builders.hpp"

using namespace nn;
using nn::test::check_layer;
using nn::test::random_matrix;

namespace {

std::unique_ptr<LSTM> built_lstm(Index units, RecurrentOptions options,
                                 const std::vector<Shape>& shapes, std::uint64_t seed = 5) {
  return test::built_recurrent<LSTM>(units, std::move(options), shapes, seed, "lstm");
}

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }

}  // namespace

TEST_CASE("LSTM: forward follows the Keras cell with gate order i f c o", "[lstm]") {
  const Index u = 2, in = 3, steps = 4, batch = 2;
  auto layer = built_lstm(u, test::recurrent_options(true), {{steps, in}});
  Rng rng(3);
  for (Param* p : layer->params()) p->value = random_matrix(p->value.rows(), p->value.cols(), rng);
  const Matrix x = random_matrix(in, steps * batch, rng);
  const Matrix y = layer->forward(x, false);
  const Matrix& w = layer->params()[0]->value;
  const Matrix& uu = layer->params()[1]->value;
  const Matrix& b = layer->params()[2]->value;
  for (Index n = 0; n < batch; ++n) {
    Eigen::VectorXd h = Eigen::VectorXd::Zero(u), c = Eigen::VectorXd::Zero(u);
    for (Index t = 0; t < steps; ++t) {
      const Eigen::VectorXd z = w * x.col(t * batch + n) + uu * h + b;
      Eigen::VectorXd c_next(u), h_next(u);
      for (Index k = 0; k < u; ++k) {
        const double i = sigmoid(z(k)), f = sigmoid(z(u + k)), g = std::tanh(z(2 * u + k)),
                     o = sigmoid(z(3 * u + k));
        c_next(k) = f * c(k) + i * g;
        h_next(k) = o * std::tanh(c_next(k));
      }
      h = h_next;
      c = c_next;
      for (Index k = 0; k < u; ++k) CHECK(y(k, t * batch + n) == Approx(h(k)).epsilon(1e-12));
    }
    for (Index k = 0; k < u; ++k) {
      CHECK(layer->final_state(0)(k, n) == Approx(h(k)).epsilon(1e-12));
      CHECK(layer->final_state(1)(k, n) == Approx(c(k)).epsilon(1e-12));
    }
  }
}

TEST_CASE("LSTM: default weights follow Keras", "[lstm]") {
  auto layer = built_lstm(3, {}, {{5, 2}});
  REQUIRE(layer->params().size() == 3);
  CHECK(layer->params()[0]->value.rows() == 12);
  CHECK(layer->params()[0]->value.cols() == 2);
  CHECK(layer->params()[1]->value.rows() == 12);
  CHECK(layer->params()[1]->value.cols() == 3);
  const Matrix& b = layer->params()[2]->value;
  // unit_forget_bias: zeros except the f block.
  for (Index k = 0; k < 12; ++k) CHECK(b(k, 0) == (k >= 3 && k < 6 ? 1.0 : 0.0));
  CHECK(layer->param_count() == 4 * (3 * 2 + 3 * 3 + 3));
  CHECK(layer->output_shape() == Shape{3});
}

TEST_CASE("LSTM: gradient check with return_sequences on and off", "[lstm][gradcheck]") {
  for (bool seq : {false, true}) {
    auto layer = built_lstm(4, test::recurrent_options(seq), {{5, 3}});
    Rng rng(8);
    const auto report = check_layer(*layer, {random_matrix(3, 5 * 4, rng)}, true);
    INFO("return_sequences " << seq << ": " << report.worst_entry);
    REQUIRE(report.worst_error < 1e-6);
  }
}

TEST_CASE("LSTM: gradient check with go_backwards initial states and no bias",
          "[lstm][gradcheck]") {
  RecurrentOptions o = test::recurrent_options(true);
  o.go_backwards = true;
  o.use_bias = false;
  auto layer = built_lstm(3, o, {{4, 2}, {3}, {3}});
  Rng rng(4);
  const auto report = check_layer(
      *layer, {random_matrix(2, 4 * 3, rng), random_matrix(3, 3, rng), random_matrix(3, 3, rng)},
      true);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("LSTM: probes give h c and the four gates per step", "[lstm][probes]") {
  RecurrentOptions o = test::recurrent_options(false);
  o.return_state = true;
  auto layer = built_lstm(3, o, {{6, 2}});
  Rng rng(2);
  const Matrix x = random_matrix(2, 6 * 4, rng);
  layer->forward(x, true);
  layer->backward(random_matrix(3, 4, rng));
  const std::vector<Probe> probes = layer->probes();
  std::vector<std::string> names;
  for (const Probe& p : probes) names.push_back(p.name);
  CHECK(names ==
        std::vector<std::string>{"h", "c", "gate_i", "gate_f", "gate_g", "gate_o", "dh_norm"});
  for (const Probe& p : probes) {
    INFO(p.name);
    if (p.name == "dh_norm") {
      CHECK(p.value.rows() == 1);
      CHECK(p.value.cols() == 6);
      continue;
    }
    CHECK(p.value.rows() == 3);
    CHECK(p.value.cols() == 6 * 4);
    if (p.name == "gate_i" || p.name == "gate_f" || p.name == "gate_o") {
      CHECK(p.value.minCoeff() > 0.0);
      CHECK(p.value.maxCoeff() < 1.0);
    }
  }
  REQUIRE(layer->extra_output_count() == 2);
  CHECK(layer->extra_output(0).isApprox(layer->hidden_sequence().rightCols(4)));
  CHECK(layer->extra_output(1).isApprox(layer->cell_sequence().rightCols(4)));
}

TEST_CASE("LSTM: truncated BPTT cuts the gradient at chunk boundaries", "[lstm][bptt]") {
  const Index steps = 7, batch = 3;
  Rng rng(6);
  const Matrix x = random_matrix(2, steps * batch, rng);
  const Matrix dy = random_matrix(3, batch, rng);
  auto gradients = [&](Index truncate) {
    RecurrentOptions o;
    o.truncate_bptt = truncate;
    auto layer = built_lstm(3, o, {{steps, 2}});
    layer->forward(x, true);
    layer->backward(dy);
    std::vector<Matrix> grads;
    for (Param* p : layer->params()) grads.push_back(p->grad);
    grads.push_back(layer->state_gradient_norms());
    return grads;
  };
  const std::vector<Matrix> full = gradients(0);
  const std::vector<Matrix> long_chunk = gradients(steps);
  for (std::size_t k = 0; k < full.size(); ++k) CHECK(full[k].isApprox(long_chunk[k]));
  // Chunks of 3 aligned to the end: steps 4..6 get gradient, steps 0..3 none.
  const Matrix norms = gradients(3).back();
  for (Index s = 0; s < steps; ++s) {
    INFO("step " << s);
    if (s < 4)
      CHECK(norms(0, s) == 0.0);
    else
      CHECK(norms(0, s) > 0.0);
  }
  CHECK(full.back().minCoeff() > 0.0);
}

TEST_CASE("LSTM: bad options and shapes are refused", "[lstm][errors]") {
  CHECK_THROWS_AS(LSTM(0), Error);
  RecurrentOptions o;
  o.recurrent_activation = "nope";
  CHECK_THROWS_WITH(LSTM(2, o), Catch::Contains("nope"));
  o = {};
  o.truncate_bptt = -1;
  CHECK_THROWS_WITH(LSTM(2, o), Catch::Contains("truncate_bptt"));
  LSTM layer(2, {}, "lstm");
  Rng rng(1);
  CHECK_THROWS_WITH(layer.build({{3}}, rng), Catch::Contains("(steps, features)"));
}

TEST_CASE("LSTM: the default recurrent kernel is orthogonal like Keras's", "[lstm]") {
  // Keras's Orthogonal on the (u, 4u) recurrent kernel gives orthonormal rows; our (4u, u)
  // engine matrix is its transpose, so its columns are orthonormal.
  auto layer = built_lstm(5, {}, {{3, 2}});
  const Matrix& u = layer->params()[1]->value;
  const Matrix gram = u.transpose() * u;
  CHECK(gram.isApprox(Matrix::Identity(5, 5), 1e-5));
}

TEST_CASE("LSTM: a truncation as long as the sequence still reaches the initial states",
          "[lstm][bptt]") {
  const Index steps = 4, batch = 2;
  Rng rng(12);
  const Matrix x = random_matrix(2, steps * batch, rng);
  const Matrix h0 = random_matrix(3, batch, rng), c0 = random_matrix(3, batch, rng);
  const Matrix dy = random_matrix(3, batch, rng);
  auto input_gradients = [&](Index truncate) {
    RecurrentOptions o;
    o.truncate_bptt = truncate;
    auto layer = built_lstm(3, o, {{steps, 2}, {3}, {3}});
    layer->forward({&x, &h0, &c0}, true);
    return layer->backward(dy);
  };
  const std::vector<Matrix> full = input_gradients(0), chunked = input_gradients(steps);
  REQUIRE(full.size() == 3);
  for (std::size_t k = 0; k < full.size(); ++k) {
    CHECK(full[k].norm() > 0.0);
    CHECK(full[k].isApprox(chunked[k]));
  }
}
