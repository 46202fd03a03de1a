// Per-sample inputs of rank 3 and 4 (images (rows, cols, channels) and the like): Dense acts on
// the last axis, Flatten gives Keras's row-major order, summaries count as Keras does, and whole
// models pass the gradient check.
#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/layers/batch_normalization.hpp"
#include "engine/core/layers/concatenate.hpp"
#include "engine/core/layers/flatten.hpp"
#include "engine/core/layers/prelu.hpp"
#include "support/builders.hpp"
#include "support/model_gradcheck.hpp"

using namespace nn;
using nn::test::dense;
using nn::test::random_matrix;

TEST_CASE("Dense on a rank-3 input acts on the last axis at every leading index", "[rank]") {
  Rng rng(1);
  Dense layer(5, "linear", "d");
  REQUIRE(layer.build({{2, 3, 4}}, rng) == Shape{2, 3, 5});
  CHECK(layer.param_count() == 4 * 5 + 5);
  // Two samples, flat Keras row-major (2, 3, 4); the output sample (i, j) must be W x_ij + b.
  const Matrix flat = random_matrix(24, 2, rng);
  const Matrix y = from_layout(layer.forward(to_layout(flat, {2, 3, 4}), false), {2, 3, 5});
  REQUIRE(y.rows() == 30);
  const Matrix& w = layer.params()[0]->value;  // (units, in)
  const Matrix& b = layer.params()[1]->value;  // (units, 1)
  for (Index s = 0; s < 2; ++s) {
    for (Index t = 0; t < 6; ++t) {
      const Matrix expected = w * flat.block(t * 4, s, 4, 1) + b;
      for (Index u = 0; u < 5; ++u) CHECK(y(t * 5 + u, s) == Approx(expected(u, 0)));
    }
  }
}

TEST_CASE("Dense on a rank-4 input passes the gradient check", "[rank][gradcheck]") {
  Rng rng(2);
  Dense layer(3, "tanh", "d");
  layer.build({{2, 2, 2, 3}}, rng);
  const auto report = test::check_layer(layer, {random_matrix(3, 8 * 4, rng)}, true);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("Flatten turns (3, 2, 2) into 12 in Keras's row-major order", "[rank]") {
  Rng rng(3);
  Flatten layer("flat");
  REQUIRE(layer.build({{3, 2, 2}}, rng) == Shape{12});
  // The notes' example: a batch (128, 3, 2, 2) becomes (128, 12); here 4 samples whose flat
  // entries count 0..11 plus 100 per sample.
  Matrix flat(12, 4);
  for (Index s = 0; s < 4; ++s)
    for (Index k = 0; k < 12; ++k) flat(k, s) = static_cast<Scalar>(100 * s + k);
  const Matrix y = layer.forward(to_layout(flat, {3, 2, 2}), false);
  CHECK(y == flat);
  CHECK(from_layout(layer.backward(y)[0], {3, 2, 2}) == flat);
  const auto report = test::check_layer(layer, {random_matrix(2, 6 * 5, rng)}, true);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("summary: the notes' Sequential Input(28, 28) -> Dense(300) -> Dense(100) -> Dense(10)",
          "[rank][summary]") {
  Sequential m(1);
  m.input({28, 28}).add(dense(300, "relu")).add(dense(100, "relu")).add(dense(10, "softmax"));
  // Without Flatten Dense acts on the last axis: 28*300 + 300, 300*100 + 100, 100*10 + 10.
  CHECK(m.count_params() == 8700 + 30100 + 1010);
  const std::string text = m.summary();
  INFO(text);
  CHECK_THAT(text, Catch::Contains("(None, 28, 300)"));
  CHECK_THAT(text, Catch::Contains("(None, 28, 100)"));
  CHECK_THAT(text, Catch::Contains("(None, 28, 10)"));
  CHECK_THAT(text, Catch::Contains("Total params: 39,810"));
}

TEST_CASE("summary: Input(28, 28, 1) -> Flatten -> Dense counts as Keras does", "[rank][summary]") {
  Graph g(1);
  NodeRef image = g.input({28, 28, 1}, "image");
  NodeRef flat = g.apply(std::make_unique<Flatten>("flatten"), image);
  NodeRef hidden = g.apply(dense(300, "relu"), flat);
  g.set_outputs({g.apply(dense(10, "softmax"), hidden)});
  Model m(std::move(g));
  CHECK(m.count_params() == 235500 + 3010);
  const std::string text = m.summary();
  INFO(text);
  CHECK_THAT(text, Catch::Contains("(None, 28, 28, 1)"));
  CHECK_THAT(text, Catch::Contains("(None, 784)"));
}

TEST_CASE("a rank-3 model passes the whole-model gradient check", "[rank][gradcheck]") {
  // (2, 3, 2) -> Dense(4, tanh) on the last axis -> BatchNormalization -> Flatten -> softmax.
  Sequential m(4);
  m.input({2, 3, 2})
      .add(dense(4, "tanh"))
      .add(std::make_unique<BatchNormalization>())
      .add(std::make_unique<Flatten>())
      .add(dense(3, "softmax"));
  m.compile(test::optimizer("sgd", 0.1), "categorical_crossentropy");
  Rng rng(5);
  Matrix y = Matrix::Zero(3, 6);
  for (Index s = 0; s < 6; ++s) y(s % 3, s) = 1;
  const auto report = test::check_model(m, {{random_matrix(12, 6, rng)}, {y}});
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("Concatenate joins rank-3 inputs with equal leading axes, else refuses", "[rank]") {
  Rng rng(6);
  Concatenate cat(-1, "cat");
  CHECK(cat.build({{2, 3, 4}, {2, 3, 1}}, rng) == Shape{2, 3, 5});
  Concatenate bad(-1, "bad");
  CHECK_THROWS_WITH(bad.build({{2, 3, 4}, {3, 2, 4}}, rng),
                    Catch::Contains("Concatenate 'bad'") && Catch::Contains("(None, 3, 2, 4)"));
}

TEST_CASE("rank 5 inputs and PReLU on rank 3 are refused with what to do", "[rank][errors]") {
  Graph g(1);
  CHECK_THROWS_WITH(g.input({2, 2, 2, 2, 2}, "x"), Catch::Contains("rank 1 to 4"));
  Rng rng(7);
  PReLU prelu(0.0, "p");
  CHECK_THROWS_WITH(prelu.build({{4, 4, 2}}, rng),
                    Catch::Contains("PReLU 'p'") && Catch::Contains("Flatten"));
}
