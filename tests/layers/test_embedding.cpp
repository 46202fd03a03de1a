#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "engine/core/base/error.hpp"
#include "engine/core/layers/embedding.hpp"
#include "engine/core/layers/flatten.hpp"
#include "engine/core/training/fit.hpp"
#include "support/builders.hpp"
#include "support/fixtures.hpp"
#include "support/gradcheck.hpp"

using namespace nn;
using nn::test::random_matrix;

namespace {

std::unique_ptr<Embedding> built_embedding(Index input_dim, Index output_dim, Index steps,
                                           EmbeddingOptions options = {}, std::uint64_t seed = 3) {
  auto layer = std::make_unique<Embedding>(input_dim, output_dim, std::move(options), "emb");
  Rng rng(seed);
  layer->build({{steps}}, rng);
  return layer;
}

/// Embeddings (output_dim, input_dim) whose entry (i, id) is 10*id + i: easy to read back.
void set_readable_weights(Embedding& layer) {
  Matrix& e = layer.params()[0]->value;
  for (Index id = 0; id < e.cols(); ++id) {
    for (Index i = 0; i < e.rows(); ++i) e(i, id) = static_cast<Scalar>(10 * id + i);
  }
}

/// Ids laid out (steps, batch) from rows given per step.
Matrix ids_matrix(const std::vector<std::vector<double>>& per_step) {
  const auto steps = static_cast<Index>(per_step.size());
  const auto batch = static_cast<Index>(per_step[0].size());
  Matrix x(steps, batch);
  for (Index t = 0; t < steps; ++t) {
    for (Index b = 0; b < batch; ++b) {
      x(t, b) =
          static_cast<Scalar>(per_step[static_cast<std::size_t>(t)][static_cast<std::size_t>(b)]);
    }
  }
  return x;
}

}  // namespace

TEST_CASE("Embedding: output shape is steps by output_dim with one param", "[embedding]") {
  auto layer = built_embedding(10, 4, 6);
  CHECK(layer->type() == "Embedding");
  CHECK(layer->output_shape() == Shape{6, 4});
  REQUIRE(layer->params().size() == 1);
  CHECK(layer->params()[0]->name == "embeddings");
  CHECK(layer->params()[0]->value.rows() == 4);
  CHECK(layer->params()[0]->value.cols() == 10);
  CHECK(layer->param_count() == 40);
}

TEST_CASE("Embedding: default initializer is uniform in plus or minus 0.05", "[embedding]") {
  auto layer = built_embedding(50, 20, 1);
  const Matrix& e = layer->params()[0]->value;
  CHECK(e.cwiseAbs().maxCoeff() <= 0.05);
  CHECK(e.cwiseAbs().maxCoeff() > 0.04);
  CHECK(layer->options().embeddings_initializer == "uniform");
  auto again = built_embedding(50, 20, 1);
  CHECK(again->params()[0]->value == e);
}

TEST_CASE("Embedding: forward picks the column of each id", "[embedding]") {
  auto layer = built_embedding(5, 3, 1);
  set_readable_weights(*layer);
  const Matrix y = layer->forward(ids_matrix({{2}}), false);
  REQUIRE(y.rows() == 3);
  REQUIRE(y.cols() == 1);
  CHECK(y(0, 0) == 20);
  CHECK(y(1, 0) == 21);
  CHECK(y(2, 0) == 22);
}

TEST_CASE("Embedding: batch and steps map to column t times batch plus b", "[embedding]") {
  auto layer = built_embedding(6, 2, 3);
  set_readable_weights(*layer);
  // steps 3, batch 2: sample 0 = (1, 4, 0), sample 1 = (5, 4, 2)
  const Matrix y = layer->forward(ids_matrix({{1, 5}, {4, 4}, {0, 2}}), false);
  REQUIRE(y.rows() == 2);
  REQUIRE(y.cols() == 6);
  const std::vector<int> expected_ids = {1, 5, 4, 4, 0, 2};  // column t*2 + b
  for (Index j = 0; j < 6; ++j) {
    INFO("column " << j);
    CHECK(y(0, j) == 10 * expected_ids[static_cast<std::size_t>(j)]);
    CHECK(y(1, j) == 10 * expected_ids[static_cast<std::size_t>(j)] + 1);
  }
}

TEST_CASE("Embedding: repeated ids give the same vector", "[embedding]") {
  auto layer = built_embedding(4, 3, 2);
  const Matrix y = layer->forward(ids_matrix({{3, 1}, {3, 3}}), false);
  CHECK(y.col(0) == layer->params()[0]->value.col(3));
  CHECK(y.col(2) == y.col(0));
  CHECK(y.col(3) == y.col(0));
  CHECK(y.col(1) == layer->params()[0]->value.col(1));
}

TEST_CASE("Embedding: gradient check of the embeddings", "[embedding][gradcheck]") {
  auto layer = built_embedding(7, 4, 3);
  Param& e = *layer->params()[0];
  const Matrix ids = ids_matrix({{0, 6, 2, 2}, {5, 6, 1, 3}, {2, 0, 4, 2}});
  Rng rng(11);
  const Matrix r = random_matrix(4, 12, rng);
  const auto objective = [&] {
    return static_cast<double>(r.cwiseProduct(layer->forward(ids, true)).sum());
  };
  const auto analytic = [&] {
    e.grad.setZero();
    layer->forward(ids, true);
    const std::vector<Matrix> dx = layer->backward(r);
    REQUIRE(dx.size() == 1);
    CHECK(dx[0].size() == 0);  // ids are not differentiable
  };
  const auto report =
      nn::test::gradient_check(objective, analytic, {{"Embedding/embeddings", &e.value, &e.grad}});
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
  CHECK(report.checked == 28);
}

TEST_CASE("Embedding: backward accumulates across calls and repeated ids", "[embedding]") {
  auto layer = built_embedding(4, 2, 2);
  Param& e = *layer->params()[0];
  e.grad.setZero();
  // sample 0 = (1, 1), sample 1 = (3, 1): id 1 appears three times
  layer->forward(ids_matrix({{1, 3}, {1, 1}}), true);
  Matrix dy(2, 4);
  dy << 1, 2, 3, 4, 5, 6, 7, 8;
  layer->backward(dy);
  CHECK(e.grad(0, 1) == 1 + 3 + 4);
  CHECK(e.grad(1, 1) == 5 + 7 + 8);
  CHECK(e.grad(0, 3) == 2);
  CHECK(e.grad(1, 3) == 6);
  CHECK(e.grad.col(0).isZero());
  CHECK(e.grad.col(2).isZero());
  layer->backward(dy);  // a second call adds the same again
  CHECK(e.grad(0, 1) == 2 * (1 + 3 + 4));
  CHECK(e.grad(1, 3) == 2 * 6);
}

TEST_CASE("Embedding: out of range ids name the layer sample step and range",
          "[embedding][errors]") {
  auto layer = built_embedding(10, 2, 6);
  Matrix x = Matrix::Zero(6, 4);
  x(5, 3) = 12;
  CHECK_THROWS_WITH(layer->forward(x, false),
                    "Embedding 'emb': token id 12 at sample 3, step 5 is out of range [0, 10)");
  x(5, 3) = 10;
  CHECK_THROWS_WITH(layer->forward(x, false),
                    Catch::Contains("token id 10") && Catch::Contains("out of range [0, 10)"));
}

TEST_CASE("Embedding: negative ids are refused", "[embedding][errors]") {
  auto layer = built_embedding(10, 2, 2);
  Matrix x = Matrix::Zero(2, 3);
  x(1, 0) = -1;
  CHECK_THROWS_WITH(layer->forward(x, false),
                    "Embedding 'emb': token id -1 at sample 0, step 1 is out of range [0, 10)");
}

TEST_CASE("Embedding: non-integer ids are refused", "[embedding][errors]") {
  auto layer = built_embedding(10, 2, 2);
  Matrix x = Matrix::Zero(2, 3);
  x(0, 2) = 2.5;
  CHECK_THROWS_WITH(layer->forward(x, false),
                    Catch::Contains("Embedding 'emb': token id 2.5 at sample 2, step 0") &&
                        Catch::Contains("not an integer") && Catch::Contains("[0, 10)"));
}

TEST_CASE("Embedding: NaN and infinite ids are refused", "[embedding][errors]") {
  auto layer = built_embedding(10, 2, 2);
  Matrix x = Matrix::Zero(2, 3);
  x(1, 1) = std::numeric_limits<Scalar>::quiet_NaN();
  CHECK_THROWS_WITH(layer->forward(x, false),
                    Catch::Contains("at sample 1, step 1") && Catch::Contains("not finite"));
  x(1, 1) = std::numeric_limits<Scalar>::infinity();
  CHECK_THROWS_WITH(layer->forward(x, false), Catch::Contains("not finite"));
}

TEST_CASE("Embedding: a rejected forward changes nothing", "[embedding][errors]") {
  auto layer = built_embedding(5, 3, 2);
  Param& e = *layer->params()[0];
  const Matrix good = ids_matrix({{1, 2}, {3, 4}});
  const Matrix y = layer->forward(good, true);
  const Matrix weights = e.value;
  Matrix bad = good;
  bad(1, 1) = 7;
  CHECK_THROWS_AS(layer->forward(bad, true), nn::Error);
  CHECK(e.value == weights);
  // backward still sees the ids of the last good forward
  e.grad.setZero();
  Matrix dy = Matrix::Ones(3, 4);
  layer->backward(dy);
  CHECK(e.grad.col(4) == Matrix::Ones(3, 1));
  CHECK(e.grad.col(0).isZero());
  CHECK(layer->forward(good, true) == y);
}

TEST_CASE("Embedding: a rank-2 input shape is refused with a hint", "[embedding][errors]") {
  Embedding layer(10, 4, {}, "emb");
  Rng rng(1);
  CHECK_THROWS_WITH(layer.build({{3, 2}}, rng), Catch::Contains("Embedding 'emb'") &&
                                                    Catch::Contains("(None, 3, 2)") &&
                                                    Catch::Contains("(steps)"));
}

TEST_CASE("Embedding: bad dimensions and initializer names throw", "[embedding][errors]") {
  CHECK_THROWS_WITH(Embedding(0, 3), Catch::Contains("input_dim") && Catch::Contains("got 0"));
  CHECK_THROWS_WITH(Embedding(5, -2), Catch::Contains("output_dim") && Catch::Contains("got -2"));
  EmbeddingOptions o;
  o.embeddings_initializer = "unifrom";
  CHECK_THROWS_WITH(Embedding(5, 2, o), Catch::Contains("unifrom"));
}

TEST_CASE("Embedding: regularizer penalizes the embeddings", "[embedding][regularizer]") {
  EmbeddingOptions o;
  o.embeddings_regularizer = Regularizer::L2(0.5);
  auto layer = built_embedding(2, 1, 1, o);
  layer->params()[0]->value << 1, -2;
  CHECK(layer->regularization_loss() == Approx(0.5 * 5));
}

TEST_CASE("Embedding: matches TF.js embedding", "[embedding][golden]") {
  const auto& fx = nn::test::fixture("layers/embedding.json");
  for (const auto& c : fx["cases"]) {
    INFO(c["name"].get<std::string>());
    const auto input_dim = c["input_dim"].get<Index>(), output_dim = c["output_dim"].get<Index>();
    const auto batch = c["batch"].get<Index>(), steps = c["steps"].get<Index>();
    auto layer = built_embedding(input_dim, output_dim, steps);
    // Keras (input_dim, output_dim) row-major is exactly our (output_dim, input_dim) storage.
    Matrix& e = layer->params()[0]->value;
    const std::vector<double> w = c["embeddings"];
    for (std::size_t k = 0; k < w.size(); ++k) e.data()[k] = static_cast<Scalar>(w[k]);
    Matrix x(steps, batch);
    for (Index b = 0; b < batch; ++b) {
      for (Index t = 0; t < steps; ++t)
        x(t, b) = c["ids"][static_cast<std::size_t>(b)][static_cast<std::size_t>(t)].get<double>();
    }
    const Matrix y = layer->forward(x, false);
    const std::vector<double> expected = c["y"];  // (batch, steps, output_dim) row-major
    for (Index b = 0; b < batch; ++b) {
      for (Index t = 0; t < steps; ++t) {
        for (Index i = 0; i < output_dim; ++i) {
          const double want = expected[static_cast<std::size_t>((b * steps + t) * output_dim + i)];
          CHECK(std::abs(static_cast<double>(y(i, t * batch + b)) - want) < 1e-6);
        }
      }
    }
  }
}

TEST_CASE("Embedding: a model with Flatten and Dense learns whether token 3 appears",
          "[embedding][model]") {
  const Index steps = 4, n = 64;
  Rng rng(5);
  Matrix x(steps, n), y(1, n);
  for (Index s = 0; s < n; ++s) {
    bool has3 = false;
    for (Index t = 0; t < steps; ++t) {
      x(t, s) = static_cast<Scalar>(rng.below(6));
      has3 = has3 || x(t, s) == 3;
    }
    y(0, s) = has3 ? 1 : 0;
  }
  Sequential m(7);
  m.input({steps})
      .add(std::make_unique<Embedding>(6, 3))
      .add(std::make_unique<Flatten>())
      .add(nn::test::dense(1, "sigmoid"));
  m.compile(nn::test::optimizer("adam", 0.05), "binary_crossentropy");
  FitOptions o;
  o.epochs = 40;
  o.batch_size = 16;
  o.seed = 1;
  const History h = fit(m, {{x}, {y}}, o);
  const std::vector<double>& loss = h.history.at("loss");
  INFO("first " << loss.front() << " last " << loss.back());
  CHECK(loss.back() < 0.5 * loss.front());
  CHECK(loss.back() < 0.2);
}

TEST_CASE("Embedding: a Dense after it applies at every step", "[embedding][model]") {
  Sequential m(3);
  m.input({5}).add(std::make_unique<Embedding>(8, 4)).add(nn::test::dense(2, "tanh"));
  Matrix x(5, 3);
  x << 0, 1, 2, 3, 4, 5, 6, 7, 0, 1, 2, 3, 4, 5, 6;
  const Matrix y = m.predict({x})[0];
  CHECK(y.rows() == 5 * 2);  // output (steps 5, units 2) flattened per sample
  CHECK(y.cols() == 3);
}
