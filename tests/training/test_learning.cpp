// Learning tests with fixed seeds: each trains a small model to a stated result in well under
// a second.
#include <catch2/catch.hpp>

#include "engine/core/data/generators.hpp"
#include "engine/core/data/logic_gates.hpp"
#include "engine/core/training/fit.hpp"
#include "support/builders.hpp"

using namespace nn;
using nn::test::dense;

namespace {

/// Classic perceptron: Dense(1, step) trained by hinge + SGD(lr=1), one sample per step.
std::unique_ptr<Sequential> perceptron(std::uint64_t seed) {
  auto m = std::make_unique<Sequential>(seed);
  m->input({2}).add(dense(1, "step"));
  m->compile(test::optimizer("sgd", 1.0), "hinge", {"accuracy"});
  return m;
}

double accuracy_on(Model& m, const Dataset& d) {
  const Matrix p = m.predict({d.x})[0];
  Index correct = 0;
  for (Index i = 0; i < d.y.cols(); ++i) correct += ((p(0, i) > 0.5) == (d.y(0, i) > 0.5)) ? 1 : 0;
  return static_cast<double>(correct) / static_cast<double>(d.y.cols());
}

FitOptions epochs(int n, Index batch) {
  FitOptions o;
  o.epochs = n;
  o.batch_size = batch;
  o.seed = 1;
  return o;
}

}  // namespace

TEST_CASE("learning: a perceptron learns AND and OR exactly", "[learning]") {
  for (const char* gate : {"AND", "OR", "NAND"}) {
    const Dataset d = logic_gate(gate);
    for (std::uint64_t seed : {1u, 2u, 3u}) {
      auto m = perceptron(seed);
      fit(*m, {{d.x}, {d.y}}, epochs(30, 1));
      INFO(gate << " seed " << seed);
      CHECK(m->predict({d.x})[0] == d.y);
    }
  }
}

TEST_CASE("learning: a perceptron never learns XOR", "[learning]") {
  // XOR is not linearly separable: no weights classify all four points, so accuracy can never
  // pass 3/4 however long it trains.
  const Dataset d = logic_gate("XOR");
  for (std::uint64_t seed : {1u, 2u, 3u, 4u}) {
    auto m = perceptron(seed);
    const History h = fit(*m, {{d.x}, {d.y}}, epochs(100, 1));
    const std::vector<double> acc = h.get("accuracy");
    REQUIRE(acc.size() == 100);
    CHECK(*std::max_element(acc.begin(), acc.end()) <= 0.75);
    CHECK(accuracy_on(*m, d) <= 0.75);
  }
}

TEST_CASE("learning: a 2-4-1 MLP solves XOR", "[learning]") {
  const Dataset d = logic_gate("XOR");
  auto m = std::make_unique<Sequential>(3);
  m->input({2}).add(dense(4, "tanh")).add(dense(1, "sigmoid"));
  m->compile(test::optimizer("adam", 0.05), "binary_crossentropy", {"accuracy"});
  const History h = fit(*m, {{d.x}, {d.y}}, epochs(400, 4));
  CHECK(accuracy_on(*m, d) == 1.0);
  CHECK(h.get("loss").back() < 0.1);
}

TEST_CASE("learning: a small MLP reaches 95 percent on two spirals", "[learning]") {
  const Dataset train = make_spiral(300, 0.0, 7);
  const Dataset test = make_spiral(200, 0.0, 8);
  auto m = std::make_unique<Sequential>(5);
  m->input({2}).add(dense(16, "tanh")).add(dense(16, "tanh")).add(dense(1, "sigmoid"));
  m->compile(test::optimizer("adam", 0.02), "binary_crossentropy", {"accuracy"});
  fit(*m, {{train.x}, {train.y}}, epochs(150, 16));
  CHECK(accuracy_on(*m, train) >= 0.95);
  CHECK(accuracy_on(*m, test) >= 0.95);
}

TEST_CASE("learning: softmax regression separates three gaussian blobs", "[learning]") {
  const Dataset d = make_blobs(300, 0.0, 4, 3);
  auto m = std::make_unique<Sequential>(5);
  m->input({2}).add(dense(3, "softmax"));
  m->compile(test::optimizer("adam", 0.05), "sparse_categorical_crossentropy", {"accuracy"});
  const History h = fit(*m, {{d.x}, {d.y}}, epochs(30, 16));
  CHECK(h.get("accuracy").back() >= 0.97);
}
