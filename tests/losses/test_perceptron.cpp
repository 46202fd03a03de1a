// The perceptron loss: hand values, gradient check, label errors, and Rosenblatt's rule when it
// trains a linear unit with SGD (learning rate 1, one sample per step).
#include <catch2/catch.hpp>

#include "engine/core/activations/activation.hpp"
#include "engine/core/base/error.hpp"
#include "engine/core/base/rng.hpp"
#include "engine/core/data/logic_gates.hpp"
#include "engine/core/losses/loss.hpp"
#include "engine/core/training/fit.hpp"
#include "support/builders.hpp"
#include "support/gradcheck.hpp"

using nn::Dataset;
using nn::Dense;
using nn::Index;
using nn::Matrix;
using nn::Rng;
using nn::Scalar;

namespace {

/// Dense(1, activation) with a zero kernel (and zero bias) on 2 inputs, compiled with the
/// perceptron loss and SGD(lr = 1). *unit receives the Dense layer.
std::unique_ptr<nn::Sequential> zero_perceptron(const std::string& activation, Dense** unit) {
  auto m = std::make_unique<nn::Sequential>(1);
  nn::DenseOptions options;
  options.activation = activation;
  options.kernel_initializer = "zeros";
  auto dense = std::make_unique<Dense>(1, options);
  *unit = dense.get();
  m->input({2}).add(std::move(dense));
  m->compile(nn::test::optimizer("sgd", 1.0), "perceptron");
  return m;
}

/// One epoch of batch 1, no shuffling.
nn::FitOptions one_sample_steps(int epochs) {
  nn::FitOptions o;
  o.epochs = epochs;
  o.batch_size = 1;
  o.shuffle = false;
  return o;
}

/// Points the unit classifies correctly (output z >= 0 means class 1).
Index correct(nn::Model& m, const Dataset& d) {
  const Matrix z = m.predict({d.x})[0];
  Index n = 0;
  for (Index j = 0; j < z.cols(); ++j) n += ((z(0, j) >= 0) == (d.y(0, j) > 0.5)) ? 1 : 0;
  return n;
}

/// (kernel w1, w2, bias b) of the unit.
std::vector<double> weights(Dense& unit) {
  const std::vector<nn::Param*> p = unit.params();
  return {static_cast<double>(p[0]->value(0, 0)), static_cast<double>(p[0]->value(0, 1)),
          static_cast<double>(p[1]->value(0, 0))};
}

}  // namespace

TEST_CASE("Perceptron: hand values of the loss and its gradient", "[losses][golden]") {
  const auto loss = nn::make_loss("perceptron");
  CHECK(loss->name() == "perceptron");
  // Columns: right positive, wrong positive (fires on y 0), wrong negative, right negative,
  // z = 0 with y 0 (fires: step(0) = 1 but costs 0).
  Matrix z(1, 5), y(1, 5);
  z << 2.0, 0.5, -1.5, -3.0, 0.0;
  y << 1, 0, 1, 0, 0;
  // Per column (step(z) - y) z: 0, 0.5, 1.5, 0, 0.
  CHECK(static_cast<double>(loss->forward(z, y)) == Approx(2.0 / 5));
  const Matrix d = loss->backward(z, y);
  // (step(z) - y) / n: 0, 1/5, -1/5, 0, 1/5.
  CHECK(static_cast<double>(d(0, 0)) == Approx(0.0).margin(1e-12));
  CHECK(static_cast<double>(d(0, 1)) == Approx(0.2));
  CHECK(static_cast<double>(d(0, 2)) == Approx(-0.2));
  CHECK(static_cast<double>(d(0, 3)) == Approx(0.0).margin(1e-12));
  CHECK(static_cast<double>(d(0, 4)) == Approx(0.2));
}

TEST_CASE("Perceptron: the mean runs over outputs and samples", "[losses][golden]") {
  const auto loss = nn::make_loss("perceptron");
  Matrix z(2, 2), y(2, 2);
  z << 1.0, -2.0,  //
      -1.0, 4.0;
  y << 0, 1,  //
      0, 1;
  // Costs 1 and 2 (wrong), 0 and 0 (right), over k n = 4 elements.
  CHECK(static_cast<double>(loss->forward(z, y)) == Approx(3.0 / 4));
  const Matrix d = loss->backward(z, y);
  CHECK(static_cast<double>(d(0, 0)) == Approx(0.25));
  CHECK(static_cast<double>(d(0, 1)) == Approx(-0.25));
  CHECK(static_cast<double>(d(1, 0)) == Approx(0.0).margin(1e-12));
}

TEST_CASE("Perceptron: gradcheck away from z = 0", "[losses][gradcheck]") {
  Rng rng(17);
  Matrix z = nn::test::random_matrix(3, 6, rng, -2.0, 2.0);
  // Keep every z at least 0.1 away from the jump of step.
  for (Index i = 0; i < z.size(); ++i) {
    if (std::abs(static_cast<double>(z.data()[i])) < 0.1) z.data()[i] = static_cast<Scalar>(0.5);
  }
  Matrix y(3, 6);
  for (Index i = 0; i < y.size(); ++i) y.data()[i] = rng.uniform() < 0.5 ? 0.0 : 1.0;
  const auto loss = nn::make_loss("perceptron");
  const auto report = nn::test::check_loss(*loss, z, y);
  INFO(report.worst_entry);
  REQUIRE(report.checked == z.size());
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("Perceptron: labels other than 0 and 1 are errors", "[losses][errors]") {
  const auto loss = nn::make_loss("perceptron");
  Matrix z(1, 3), y(1, 3);
  z << 0.1, 0.2, 0.3;
  y << 1, -1, 0;
  REQUIRE_THROWS_WITH(loss->forward(z, y),
                      "perceptron: y_true[0, 1] is -1; expected a label in {0, 1}");
  REQUIRE_THROWS_AS(loss->backward(z, y), nn::Error);
  REQUIRE_THROWS_WITH(loss->forward(z, Matrix::Zero(2, 3)),
                      Catch::Contains("perceptron: y_true has shape (2, 3)"));
}

TEST_CASE("Perceptron: the first epoch on AND follows Rosenblatt's rule", "[losses][learning]") {
  // w += (y - step(z)) x and b += y - step(z), one sample at a time from w = 0, b = 0:
  //   (0,0) y 0: z 0 fires, w (0,0) b -1;  (0,1) y 0: z -1, no change;
  //   (1,0) y 0: z -1, no change;           (1,1) y 1: z -1 misses, w (1,1) b 0.
  const Dataset d = nn::logic_gate("AND");
  Dense* unit = nullptr;
  auto m = zero_perceptron("linear", &unit);
  nn::fit(*m, {{d.x}, {d.y}}, one_sample_steps(1));
  CHECK(weights(*unit) == std::vector<double>{1.0, 1.0, 0.0});
  // Epoch 2: (0,0) fires, b -1; (0,1) z 0 fires, w (1,0) b -2; (1,0) z -1;
  // (1,1) z -1 misses, w (2,1) b -1.
  nn::fit(*m, {{d.x}, {d.y}}, one_sample_steps(1));
  CHECK(weights(*unit) == std::vector<double>{2.0, 1.0, -1.0});
}

TEST_CASE("Perceptron: a linear unit learns AND within five epochs", "[losses][learning]") {
  const Dataset d = nn::logic_gate("AND");
  Dense* unit = nullptr;
  auto m = zero_perceptron("linear", &unit);
  int solved_at = 0;
  for (int epoch = 1; epoch <= 10 && solved_at == 0; ++epoch) {
    nn::fit(*m, {{d.x}, {d.y}}, one_sample_steps(1));
    if (correct(*m, d) == 4) solved_at = epoch;
  }
  CHECK(solved_at == 5);
  // The hand trace ends at w (2, 1), b -3: z = -3, -2, -1, 0 on the four rows.
  CHECK(weights(*unit) == std::vector<double>{2.0, 1.0, -3.0});
  // Once every point is right no update happens: the weights stay put.
  nn::fit(*m, {{d.x}, {d.y}}, one_sample_steps(3));
  CHECK(weights(*unit) == std::vector<double>{2.0, 1.0, -3.0});
}

TEST_CASE("Perceptron: a linear unit never gets XOR right in 100 epochs", "[losses][learning]") {
  const Dataset d = nn::logic_gate("XOR");
  Dense* unit = nullptr;
  auto m = zero_perceptron("linear", &unit);
  Index best = 0;
  for (int epoch = 1; epoch <= 100; ++epoch) {
    nn::fit(*m, {{d.x}, {d.y}}, one_sample_steps(1));
    best = std::max(best, correct(*m, d));
  }
  CHECK(best <= 3);
}

TEST_CASE("Perceptron: on a step output it trains the pre-activation", "[losses][learning]") {
  // Fused with step (like hinge), the step unit learns AND with the same trace as the linear one
  // and its outputs are the 0/1 labels.
  const Dataset d = nn::logic_gate("AND");
  Dense* unit = nullptr;
  auto m = zero_perceptron("step", &unit);
  nn::fit(*m, {{d.x}, {d.y}}, one_sample_steps(5));
  CHECK(weights(*unit) == std::vector<double>{2.0, 1.0, -3.0});
  CHECK(m->predict({d.x})[0] == d.y);
}

TEST_CASE("Perceptron: the step activation is unchanged", "[losses][activations]") {
  // step stays a forward-only activation: 1 for z >= 0, else 0, and no backward of its own.
  const auto step = nn::make_activation("step");
  Matrix z(1, 3), a;
  z << -0.5, 0.0, 2.0;
  step->forward(z, a);
  CHECK(a == (Matrix(1, 3) << 0, 1, 1).finished());
  Matrix dz;
  REQUIRE_THROWS_AS(step->backward(z, a, Matrix::Ones(1, 3), dz), nn::Error);
}
