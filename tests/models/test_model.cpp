#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/layers/batch_normalization.hpp"
#include "engine/core/layers/dropout.hpp"
#include "engine/core/layers/flatten.hpp"
#include "support/builders.hpp"
#include "support/model_gradcheck.hpp"

using namespace nn;
using nn::test::dense;
using nn::test::random_matrix;

namespace {

Matrix one_hot(const std::vector<int>& ids, Index classes) {
  Matrix y = Matrix::Zero(classes, static_cast<Index>(ids.size()));
  for (std::size_t i = 0; i < ids.size(); ++i) y(ids[i], static_cast<Index>(i)) = 1;
  return y;
}

}  // namespace

TEST_CASE("Model: fused softmax and categorical cross-entropy pass the gradient check",
          "[model][gradcheck]") {
  Sequential m(2);
  m.input({4}).add(dense(5, "tanh")).add(dense(3, "softmax"));
  m.compile(test::optimizer("sgd", 0.1), "categorical_crossentropy");
  Rng rng(1);
  ModelData data{{random_matrix(4, 6, rng)}, {one_hot({0, 1, 2, 2, 1, 0}, 3)}};
  const auto report = test::check_model(m, data);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("Model: fused sigmoid and binary cross-entropy pass the gradient check",
          "[model][gradcheck]") {
  Sequential m(2);
  m.input({2}).add(dense(3, "relu")).add(dense(1, "sigmoid"));
  m.compile(test::optimizer("sgd", 0.1), "binary_crossentropy");
  Rng rng(4);
  Matrix y(1, 5);
  y << 0, 1, 1, 0, 1;
  const auto report = test::check_model(m, {{random_matrix(2, 5, rng)}, {y}});
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("Model: fused cross-entropy stays finite for saturated logits", "[model]") {
  Sequential m(2);
  m.input({1}).add(dense(2, "softmax"));
  m.compile(test::optimizer("sgd", 0.1), "sparse_categorical_crossentropy");
  std::vector<Matrix> w = m.get_weights();
  w[0] << 500, -500;  // logits +-500 * x
  m.set_weights(w);
  Matrix x(1, 2), y(1, 2);
  x << 1, -1;
  y << 1, 0;  // both confidently wrong: loss ~ 1000
  const Logs logs = m.train_on_batch({x}, {y});
  CHECK(std::isfinite(logs.at("loss")));
  CHECK(logs.at("loss") == Approx(1000).epsilon(1e-3));
  CHECK_FALSE(m.diverged());
}

TEST_CASE("Model: BatchNormalization in training mode passes the model gradient check",
          "[model][gradcheck]") {
  Sequential m(3);
  m.input({3})
      .add(dense(4))
      .add(std::make_unique<BatchNormalization>())
      .add(dense(4, "relu"))
      .add(dense(2));
  m.compile(test::optimizer("sgd", 0.1), "mse");
  Rng rng(6);
  const auto report =
      test::check_model(m, {{random_matrix(3, 8, rng)}, {random_matrix(2, 8, rng)}});
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("Model: Dropout with a frozen mask passes the model gradient check",
          "[model][gradcheck]") {
  Sequential m(3);
  auto drop = std::make_unique<Dropout>(0.3, 11);
  Dropout* dropout = drop.get();
  m.input({4}).add(dense(6, "tanh")).add(std::move(drop)).add(dense(2));
  m.compile(test::optimizer("sgd", 0.1), "mse");
  Rng rng(7);
  ModelData data{{random_matrix(4, 5, rng)}, {random_matrix(2, 5, rng)}};
  m.compute_loss(data.x, data.y, true);  // draw one mask
  dropout->freeze_mask(true);
  const auto report = test::check_model(m, data);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("Model: L1 and L2 penalties are in the loss and its gradient",
          "[model][gradcheck][regularizer]") {
  DenseOptions o;
  o.activation = "tanh";
  o.kernel_regularizer = Regularizer::L1L2(0.01, 0.05);
  o.bias_regularizer = Regularizer::L2(0.1);
  Sequential m(3);
  m.input({3}).add(std::make_unique<Dense>(4, o)).add(dense(1));
  m.compile(test::optimizer("sgd", 0.1), "mse");
  Rng rng(2);
  ModelData data{{random_matrix(3, 6, rng)}, {random_matrix(1, 6, rng)}};
  const auto report = test::check_model(m, data);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
  // The reported loss = data loss + penalty.
  Sequential plain(3);
  plain.input({3}).add(dense(4, "tanh")).add(dense(1));
  plain.compile(test::optimizer("sgd", 0.1), "mse");
  plain.set_weights(m.get_weights());
  const double penalty = static_cast<double>(m.graph().layer(1)->regularization_loss());
  CHECK(penalty > 0);
  CHECK(m.compute_loss(data.x, data.y, false) ==
        Approx(plain.compute_loss(data.x, data.y, false) + penalty));
}

TEST_CASE("Model: predict returns one flat column per sample", "[model]") {
  Sequential m(1);
  m.input({3, 2}).add(dense(4)).add(std::make_unique<Flatten>()).add(dense(2, "softmax"));
  Rng rng(1);
  const Matrix x = random_matrix(6, 10, rng);
  const std::vector<Matrix> y = m.predict({x}, 3);
  REQUIRE(y.size() == 1);
  CHECK(y[0].rows() == 2);
  CHECK(y[0].cols() == 10);
  CHECK(y[0].colwise().sum().isOnes(1e-6));
  // Batching does not change the result.
  CHECK(m.predict({x}, 100)[0].isApprox(y[0], 1e-12));
}

TEST_CASE("Model: evaluate averages over samples across uneven batches", "[model]") {
  Sequential m(1);
  m.input({2}).add(dense(1));
  m.compile(test::optimizer("sgd", 0.1), "mse", {"mae"});
  Rng rng(1);
  const Matrix x = random_matrix(2, 7, rng), y = random_matrix(1, 7, rng);
  const Logs whole = m.evaluate({x}, {y}, 7);
  const Logs parts = m.evaluate({x}, {y}, 3);
  CHECK(parts.at("loss") == Approx(whole.at("loss")));
  CHECK(parts.at("mae") == Approx(whole.at("mae")));
  const Matrix err = m.predict({x})[0] - y;
  CHECK(whole.at("loss") == Approx(err.squaredNorm() / 7));
}

TEST_CASE("Model: get_weights and set_weights round-trip and check shapes", "[model][errors]") {
  Sequential a(1), b(2);
  a.input({3}).add(dense(4)).add(dense(2));
  b.input({3}).add(dense(4)).add(dense(2));
  CHECK(a.weight_names() ==
        std::vector<std::string>{"dense/kernel", "dense/bias", "dense_1/kernel", "dense_1/bias"});
  b.set_weights(a.get_weights());
  Rng rng(1);
  const Matrix x = random_matrix(3, 5, rng);
  CHECK(a.predict({x})[0] == b.predict({x})[0]);
  std::vector<Matrix> bad = a.get_weights();
  bad[1] = Matrix::Zero(3, 1);
  CHECK_THROWS_WITH(b.set_weights(bad), Catch::Contains("dense/bias") &&
                                            Catch::Contains("(4, 1)") && Catch::Contains("(3, 1)"));
  bad.pop_back();
  CHECK_THROWS_WITH(b.set_weights(bad), Catch::Contains("4 weights"));
}

TEST_CASE("Model: NaN or Inf in data names the array and sample and value", "[model][errors]") {
  Sequential m(1);
  m.input({2}).add(dense(1));
  m.compile(test::optimizer("sgd", 0.1), "mse");
  Matrix x = Matrix::Zero(2, 4), y = Matrix::Zero(1, 4);
  x(1, 2) = std::numeric_limits<Scalar>::quiet_NaN();
  const std::vector<Matrix> before = m.get_weights();
  CHECK_THROWS_WITH(m.train_on_batch({x}, {y}), Catch::Contains("x[0]") &&
                                                    Catch::Contains("sample 2") &&
                                                    Catch::Contains("value 1"));
  x(1, 2) = 0;
  y(0, 3) = std::numeric_limits<Scalar>::infinity();
  CHECK_THROWS_WITH(m.train_on_batch({x}, {y}), Catch::Contains("y[0]") && Catch::Contains("inf"));
  CHECK(m.get_weights() == before);
}

TEST_CASE("Model: wrong data shapes name the field and what was expected", "[model][errors]") {
  Sequential m(1);
  m.input({3}).add(dense(2, "softmax"));
  m.compile(test::optimizer("sgd", 0.1), "categorical_crossentropy");
  CHECK_THROWS_WITH(m.train_on_batch({Matrix::Zero(2, 4)}, {Matrix::Zero(2, 4)}),
                    Catch::Contains("x[0]") && Catch::Contains("expected 3 values"));
  CHECK_THROWS_WITH(m.train_on_batch({Matrix::Zero(3, 4)}, {Matrix::Zero(2, 5)}),
                    Catch::Contains("y[0]") && Catch::Contains("5 samples"));
  CHECK_THROWS_WITH(m.train_on_batch({Matrix::Zero(3, 4)}, {Matrix::Zero(3, 4)}),
                    Catch::Contains("y[0]") && Catch::Contains("expected 2 values"));
  CHECK_THROWS_WITH(
      m.train_on_batch({Matrix::Zero(3, 4), Matrix::Zero(3, 4)}, {Matrix::Zero(2, 4)}),
      Catch::Contains("1 input"));
}

TEST_CASE("Model: an untrained model refuses to train with a clear message", "[model][errors]") {
  Sequential m(1);
  m.input({2}).add(dense(1));
  CHECK_THROWS_WITH(m.train_on_batch({Matrix::Zero(2, 1)}, {Matrix::Zero(1, 1)}),
                    Catch::Contains("compiled"));
  Sequential empty(1);
  CHECK_THROWS_WITH(empty.add(dense(1)), Catch::Contains("input(shape)"));
}

TEST_CASE("Model: a diverging step keeps the previous weights and says why",
          "[model][divergence]") {
  Sequential m(1);
  m.input({1}).add(dense(1));
  m.compile(test::optimizer("sgd", 1e30), "mse");
  Matrix x(1, 2), y(1, 2);
  x << 1e20, -1e20;
  y << 1e20, 3;
  std::vector<Matrix> before;
  for (int i = 0; i < 10 && !m.diverged(); ++i) {
    before = m.get_weights();
    m.train_on_batch({x}, {y});
  }
  REQUIRE(m.diverged());
  CHECK_THAT(m.divergence_reason(),
             Catch::Contains("learning rate") || Catch::Contains("exploding"));
  CHECK(m.get_weights() == before);
  for (const Matrix& w : m.get_weights()) CHECK(w.allFinite());
}

TEST_CASE("Model: frozen layers do not change while the rest trains", "[model][frozen]") {
  Sequential m(4);
  m.input({2}).add(dense(3, "tanh")).add(dense(1));
  m.graph().layer(1)->set_trainable(false);
  m.compile(test::optimizer("adam", 0.05), "mse");
  CHECK(m.count_trainable_params() == 4);
  const std::vector<Matrix> before = m.get_weights();
  Rng rng(1);
  for (int i = 0; i < 5; ++i)
    m.train_on_batch({random_matrix(2, 4, rng)}, {random_matrix(1, 4, rng)});
  const std::vector<Matrix> after = m.get_weights();
  CHECK(after[0] == before[0]);
  CHECK(after[1] == before[1]);
  CHECK(after[2] != before[2]);
}

TEST_CASE("Model: probes expose layer outputs and gradient norms", "[model][probes]") {
  Sequential m(1);
  m.input({2}).add(dense(3, "tanh")).add(dense(1));
  m.compile(test::optimizer("sgd", 0.1), "mse");
  Rng rng(1);
  m.train_on_batch({random_matrix(2, 4, rng)}, {random_matrix(1, 4, rng)});
  const std::vector<Probe> outs = m.layer_outputs();
  REQUIRE(outs.size() == 2);
  CHECK(outs[0].name == "dense");
  CHECK(outs[0].value.rows() == 3);
  CHECK(outs[0].value.cols() == 4);
  const std::vector<GradientNorm> norms = m.gradient_norms();
  REQUIRE(norms.size() == 4);
  CHECK(norms[0].name == "dense/kernel");
  for (const GradientNorm& g : norms) CHECK(g.norm > 0);
}

TEST_CASE("Model: a hidden step layer cannot be trained and says why", "[model][errors]") {
  Sequential m(1);
  m.input({2}).add(dense(2, "step")).add(dense(1, "sigmoid"));
  m.compile(test::optimizer("sgd", 0.1), "binary_crossentropy");
  const std::vector<Matrix> before = m.get_weights();
  Matrix x = Matrix::Ones(2, 3), y = Matrix::Ones(1, 3);
  CHECK_THROWS_WITH(m.train_on_batch({x}, {y}),
                    Catch::Contains("step") && Catch::Contains("hinge"));
  CHECK(m.get_weights() == before);
  // Forward-only use (a hand-wired perceptron network) still works.
  CHECK(m.predict({x})[0].allFinite());
}
