#include <catch2/catch.hpp>

#include <cmath>
#include <string>
#include <vector>

#include "engine/core/base/error.hpp"
#include "engine/core/layers/gru.hpp"
#include "engine/core/training/fit.hpp"
#include "support/builders.hpp"
#include "support/gradcheck.hpp"
#include "support/recurrent_builders.hpp"

using namespace nn;
using nn::test::check_layer;
using nn::test::random_matrix;

namespace {

using Vec = std::vector<double>;
using Grid = std::vector<Vec>;

std::unique_ptr<GRU> built_gru(Index units, RecurrentOptions options,
                               const std::vector<Shape>& shapes, std::uint64_t seed = 5) {
  return test::built_recurrent<GRU>(units, std::move(options), shapes, seed, "gru");
}

RecurrentOptions opts(bool reset_after, bool sequences) {
  RecurrentOptions o;
  o.reset_after = reset_after;
  o.return_sequences = sequences;
  return o;
}

/// Random bias values so that b_in and b_rec both matter in gradient checks.
void randomize_bias(GRU& layer, std::uint64_t seed = 3) {
  if (layer.params().size() < 3) return;
  Param& b = *layer.params()[2];
  Rng rng(seed);
  b.value = random_matrix(b.value.rows(), b.value.cols(), rng, -0.5, 0.5);
}

/// Copies a Keras row-major array into engine storage (the layout rule says they are equal).
void set_keras(Param& p, const Vec& flat) {
  REQUIRE(static_cast<Index>(flat.size()) == p.value.size());
  for (std::size_t i = 0; i < flat.size(); ++i) p.value.data()[i] = flat[i];
}

double sigmoid(double v) { return 1.0 / (1.0 + std::exp(-v)); }

/// Keras GRUCell over a whole sequence in Keras layout: kernel k (in, 3u), recurrent rk
/// (u, 3u), bias rows b_in and b_rec (b_rec empty for reset_after false). Returns h per step.
Grid keras_gru(const Grid& xs, const Grid& k, const Grid& rk, const Vec& b_in, const Vec& b_rec,
               bool reset_after) {
  const std::size_t u = rk.size(), in = k.size();
  Vec h(u, 0.0);
  Grid out;
  for (const Vec& x : xs) {
    Vec xp(3 * u), hp(3 * u);
    for (std::size_t j = 0; j < 3 * u; ++j) {
      xp[j] = b_in[j];
      for (std::size_t i = 0; i < in; ++i) xp[j] += x[i] * k[i][j];
      hp[j] = reset_after ? b_rec[j] : 0.0;
      for (std::size_t i = 0; i < u; ++i) hp[j] += h[i] * rk[i][j];
    }
    Vec z(u), r(u), next(u);
    for (std::size_t j = 0; j < u; ++j) {
      z[j] = sigmoid(xp[j] + hp[j]);
      r[j] = sigmoid(xp[u + j] + hp[u + j]);
    }
    for (std::size_t j = 0; j < u; ++j) {
      double rec = 0.0;
      if (reset_after) {
        rec = r[j] * hp[2 * u + j];
      } else {
        for (std::size_t i = 0; i < u; ++i) rec += r[i] * h[i] * rk[i][2 * u + j];
      }
      const double hh = std::tanh(xp[2 * u + j] + rec);
      next[j] = z[j] * h[j] + (1.0 - z[j]) * hh;
    }
    h = next;
    out.push_back(h);
  }
  return out;
}

Vec flatten(const Grid& g) {
  Vec f;
  for (const Vec& row : g)
    for (double v : row) f.push_back(v);
  return f;
}

void check_forward_against_keras(bool reset_after) {
  // in = 2, units = 2, 3 steps, one sample.
  const Grid k = {{0.3, -0.2, 0.5, 0.1, -0.4, 0.25}, {-0.1, 0.6, -0.3, 0.2, 0.15, -0.5}};
  const Grid rk = {{0.2, -0.3, 0.1, 0.4, -0.2, 0.35}, {0.05, 0.25, -0.45, -0.1, 0.3, 0.2}};
  const Vec b_in = {0.1, -0.1, 0.05, 0.2, -0.05, 0.15};
  const Vec b_rec = {-0.2, 0.1, 0.3, -0.05, 0.12, -0.25};
  const Grid xs = {{1.0, -0.5}, {0.3, 0.8}, {-1.2, 0.4}};
  auto layer = built_gru(2, opts(reset_after, true), {{3, 2}});
  set_keras(*layer->params()[0], flatten(k));
  set_keras(*layer->params()[1], flatten(rk));
  Vec bias = b_in;
  if (reset_after) bias.insert(bias.end(), b_rec.begin(), b_rec.end());
  set_keras(*layer->params()[2], bias);
  Matrix x(2, 3);
  for (Index t = 0; t < 3; ++t)
    for (Index f = 0; f < 2; ++f)
      x(f, t) = xs[static_cast<std::size_t>(t)][static_cast<std::size_t>(f)];
  const Matrix y = layer->forward(x, false);
  const Grid want = keras_gru(xs, k, rk, b_in, b_rec, reset_after);
  REQUIRE(y.rows() == 2);
  REQUIRE(y.cols() == 3);
  for (Index t = 0; t < 3; ++t)
    for (Index j = 0; j < 2; ++j)
      CHECK(y(j, t) ==
            Approx(want[static_cast<std::size_t>(t)][static_cast<std::size_t>(j)]).epsilon(1e-12));
}

void require_gradcheck(GRU& layer, std::vector<Matrix> inputs, const char* what) {
  const auto report = check_layer(layer, std::move(inputs), true);
  INFO(what << ": " << report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

}  // namespace

TEST_CASE("GRU: forward matches the Keras formulas with reset_after true", "[gru]") {
  check_forward_against_keras(true);
}

TEST_CASE("GRU: forward matches the Keras formulas with reset_after false", "[gru]") {
  check_forward_against_keras(false);
}

TEST_CASE("GRU: weights are kernel recurrent_kernel bias in engine layout", "[gru]") {
  auto after = built_gru(4, opts(true, false), {{5, 3}});
  REQUIRE(after->type() == "GRU");
  REQUIRE(after->state_count() == 1);
  const std::vector<Param*> p = after->params();
  REQUIRE(p.size() == 3);
  CHECK(p[0]->name == "kernel");
  CHECK(p[1]->name == "recurrent_kernel");
  CHECK(p[2]->name == "bias");
  CHECK(p[0]->value.rows() == 12);
  CHECK(p[0]->value.cols() == 3);
  CHECK(p[1]->value.rows() == 12);
  CHECK(p[1]->value.cols() == 4);
  CHECK(p[2]->value.rows() == 12);
  CHECK(p[2]->value.cols() == 2);
  CHECK(p[2]->value.isZero());
  // Keras: 3u (in + u) + 2 * 3u with reset_after, 3u fewer without.
  CHECK(after->param_count() == 12 * (3 + 4) + 24);
  auto before = built_gru(4, opts(false, false), {{5, 3}});
  CHECK(before->params()[2]->value.cols() == 1);
  CHECK(before->param_count() == 12 * (3 + 4) + 12);
  RecurrentOptions no_bias;
  no_bias.use_bias = false;
  CHECK(built_gru(4, no_bias, {{5, 3}})->params().size() == 2);
}

TEST_CASE("GRU: the orthogonal recurrent kernel is orthonormal as one Keras matrix", "[gru]") {
  // Keras Orthogonal on (u, 3u) gives orthonormal rows; our (3u, u) transpose has U^T U = I.
  auto layer = built_gru(5, {}, {{4, 2}});
  const Matrix& u = layer->params()[1]->value;
  CHECK((u.transpose() * u - Matrix::Identity(5, 5)).cwiseAbs().maxCoeff() < 1e-12);
}

TEST_CASE("GRU: gradient check reset_after true with return_sequences on and off",
          "[gru][gradcheck]") {
  for (bool seq : {false, true}) {
    auto layer = built_gru(4, opts(true, seq), {{5, 3}});
    randomize_bias(*layer);
    Rng rng(8);
    require_gradcheck(*layer, {random_matrix(3, 5 * 3, rng)}, seq ? "sequences" : "last");
  }
}

TEST_CASE("GRU: gradient check reset_after false with return_sequences on and off",
          "[gru][gradcheck]") {
  for (bool seq : {false, true}) {
    auto layer = built_gru(4, opts(false, seq), {{5, 3}});
    randomize_bias(*layer);
    Rng rng(9);
    require_gradcheck(*layer, {random_matrix(3, 5 * 3, rng)}, seq ? "sequences" : "last");
  }
}

TEST_CASE("GRU: gradient check with go_backwards and an initial state", "[gru][gradcheck]") {
  for (bool after : {true, false}) {
    RecurrentOptions o = opts(after, true);
    o.go_backwards = true;
    auto layer = built_gru(3, o, {{4, 2}, {3}});
    randomize_bias(*layer);
    Rng rng(4);
    require_gradcheck(*layer, {random_matrix(2, 4 * 3, rng), random_matrix(3, 3, rng)},
                      after ? "reset_after" : "reset_before");
  }
}

TEST_CASE("GRU: gradient check without bias", "[gru][gradcheck]") {
  for (bool after : {true, false}) {
    RecurrentOptions o = opts(after, true);
    o.use_bias = false;
    auto layer = built_gru(3, o, {{4, 2}});
    Rng rng(6);
    require_gradcheck(*layer, {random_matrix(2, 4 * 3, rng)},
                      after ? "reset_after" : "reset_before");
  }
}

TEST_CASE("GRU: gradient check through the state_h output", "[gru][gradcheck]") {
  RecurrentOptions o = opts(true, true);
  o.return_state = true;
  auto layer = built_gru(3, o, {{4, 2}, {3}});
  randomize_bias(*layer);
  Rng rng(12);
  Matrix x = random_matrix(2, 4 * 3, rng), h0 = random_matrix(3, 3, rng);
  const Matrix ry = random_matrix(3, 4 * 3, rng), rs = random_matrix(3, 3, rng);
  Matrix dx, dh0;
  const std::vector<const Matrix*> inputs = {&x, &h0};
  auto objective = [&]() {
    const Matrix y = layer->forward(inputs, true);
    return static_cast<double>(y.cwiseProduct(ry).sum() +
                               layer->extra_output(0).cwiseProduct(rs).sum());
  };
  auto analytic = [&]() {
    for (Param* p : layer->params()) p->grad.setZero();
    layer->forward(inputs, true);
    layer->add_extra_output_gradient(0, rs);
    std::vector<Matrix> g = layer->backward(ry);
    dx = g[0];
    dh0 = g[1];
  };
  std::vector<nn::test::GradVar> vars = {{"GRU/input0", &x, &dx}, {"GRU/input1", &h0, &dh0}};
  for (Param* p : layer->params()) vars.push_back({"GRU/" + p->name, &p->value, &p->grad});
  const auto report = nn::test::gradient_check(objective, analytic, vars);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("GRU: return_state gives state_h equal to the last hidden step", "[gru]") {
  RecurrentOptions o;
  o.return_state = true;
  auto layer = built_gru(3, o, {{4, 2}});
  REQUIRE(layer->extra_output_count() == 1);
  CHECK(layer->extra_output_name(0) == "state_h");
  CHECK(layer->extra_output_shape(0) == Shape{3});
  Rng rng(2);
  const Matrix y = layer->forward(random_matrix(2, 4 * 5, rng), false);
  const Matrix last = layer->hidden_sequence().rightCols(5);
  CHECK(layer->extra_output(0) == last);
  CHECK(y == last);
  CHECK(built_gru(3, {}, {{4, 2}})->extra_output_count() == 0);
}

TEST_CASE("GRU: go_backwards equals the forward GRU on the time-reversed input", "[gru]") {
  RecurrentOptions back = opts(true, true);
  back.go_backwards = true;
  auto a = built_gru(3, back, {{4, 2}});
  auto b = built_gru(3, opts(true, true), {{4, 2}});
  Rng rng(7);
  const Matrix x = random_matrix(2, 4 * 3, rng);
  CHECK(a->forward(x, false) == b->forward(reverse_steps(x, 4), false));
}

TEST_CASE("GRU: probes gate_z gate_r candidate have the sequence shape", "[gru]") {
  auto layer = built_gru(3, opts(false, false), {{4, 2}});
  randomize_bias(*layer);
  Rng rng(2);
  layer->forward(random_matrix(2, 4 * 5, rng, -3.0, 3.0), false);
  const std::vector<Probe> probes = layer->probes();
  std::vector<std::string> names;
  for (const Probe& p : probes) names.push_back(p.name);
  CHECK(names == std::vector<std::string>{"h", "gate_z", "gate_r", "candidate", "dh_norm"});
  for (std::size_t i = 1; i <= 3; ++i) {
    INFO(probes[i].name);
    CHECK(probes[i].value.rows() == 3);
    CHECK(probes[i].value.cols() == 4 * 5);
  }
  for (std::size_t i = 1; i <= 2; ++i) {
    CHECK(probes[i].value.minCoeff() > 0.0);
    CHECK(probes[i].value.maxCoeff() < 1.0);
  }
  CHECK(probes[3].value.cwiseAbs().maxCoeff() < 1.0);
}

TEST_CASE("GRU: truncate_bptt stops the state gradient before the last chunk", "[gru]") {
  RecurrentOptions o;
  o.truncate_bptt = 2;
  auto layer = built_gru(3, o, {{6, 2}});
  Rng rng(5);
  layer->forward(random_matrix(2, 6 * 3, rng), true);
  layer->backward(random_matrix(3, 3, rng));
  const Matrix& norms = layer->state_gradient_norms();
  REQUIRE(norms.cols() == 6);
  for (Index s = 0; s < 4; ++s) CHECK(norms(0, s) == 0.0);
  for (Index s = 4; s < 6; ++s) CHECK(norms(0, s) > 0.0);
}

TEST_CASE("GRU: truncate_bptt at least steps equals full BPTT", "[gru]") {
  for (Index k : {Index{6}, Index{10}}) {
    for (bool after : {true, false}) {
      RecurrentOptions full = opts(after, true), cut = opts(after, true);
      cut.truncate_bptt = k;
      auto a = built_gru(3, full, {{6, 2}});
      auto b = built_gru(3, cut, {{6, 2}});
      Rng rng(9);
      const Matrix x = random_matrix(2, 6 * 3, rng), dy = random_matrix(3, 6 * 3, rng);
      a->forward(x, true);
      b->forward(x, true);
      const Matrix dxa = a->backward(dy)[0], dxb = b->backward(dy)[0];
      INFO("k " << k << " reset_after " << after);
      CHECK(dxa.isApprox(dxb, 1e-14));
      for (std::size_t i = 0; i < 3; ++i)
        CHECK(a->params()[i]->grad.isApprox(b->params()[i]->grad, 1e-14));
      CHECK(a->state_gradient_norms().isApprox(b->state_gradient_norms(), 1e-14));
    }
  }
}

TEST_CASE("GRU: a rank-1 input shape is rejected", "[gru][errors]") {
  GRU layer(3, {}, "g1");
  Rng rng(1);
  CHECK_THROWS_WITH(layer.build({{4}}, rng),
                    Catch::Contains("GRU 'g1'") && Catch::Contains("(steps, features)"));
}

TEST_CASE("GRU: zero units are rejected", "[gru][errors]") {
  CHECK_THROWS_AS(GRU(0), Error);
  CHECK_THROWS_WITH(GRU(0), Catch::Contains("GRU") && Catch::Contains("got 0"));
}

TEST_CASE("GRU: a wrong initial state shape is rejected", "[gru][errors]") {
  GRU layer(3, {}, "g2");
  Rng rng(1);
  CHECK_THROWS_WITH(layer.build({{4, 2}, {4}}, rng),
                    Catch::Contains("GRU 'g2'") && Catch::Contains("initial state"));
}

TEST_CASE("GRU: clone_config keeps the units and options", "[gru]") {
  RecurrentOptions o = opts(false, true);
  o.go_backwards = true;
  const GRU layer(5, o, "g3");
  const std::unique_ptr<Recurrent> copy = layer.clone_config();
  CHECK(copy->type() == "GRU");
  CHECK(copy->units() == 5);
  CHECK_FALSE(copy->options().reset_after);
  CHECK(copy->options().go_backwards);
  CHECK_FALSE(copy->built());
}

TEST_CASE("GRU: a GRU then Dense learns the sum of a short sequence", "[gru][learning]") {
  // 128 sequences of 5 values uniform in [-1, 1]; target = their sum.
  const Index n = 128, steps = 5;
  Rng rng(21);
  Matrix x(steps, n), y(1, n);
  for (Index i = 0; i < n; ++i) {
    double sum = 0.0;
    for (Index t = 0; t < steps; ++t) {
      x(t, i) = rng.uniform(-1.0, 1.0);
      sum += x(t, i);
    }
    y(0, i) = sum;
  }
  Sequential model(4);
  model.input({steps, 1}).add(std::make_unique<GRU>(8)).add(nn::test::dense(1));
  model.compile(nn::test::optimizer("adam", 0.01), "mean_squared_error");
  FitOptions fo;
  fo.epochs = 40;
  fo.batch_size = 16;
  fo.seed = 1;
  const History h = fit(model, {{x}, {y}}, fo);
  const std::vector<double> loss = h.get("loss");
  INFO("first epoch " << loss.front() << " last epoch " << loss.back());
  // The loss falls at least 100-fold (about 500-fold with this seed) from the first epoch.
  CHECK(loss.back() < loss.front() / 100.0);
}
