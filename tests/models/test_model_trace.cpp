// Model::trace_gradients in double precision: the intermediate gradients it keeps fit together
// (fan-out sums, W^T dz, the fused softmax) and dL/d(model input) matches central differences.
#include <catch2/catch.hpp>

#include "engine/core/layers/add.hpp"
#include "engine/core/layers/concatenate.hpp"
#include "engine/core/layers/dense.hpp"
#include "engine/core/models/model.hpp"
#include "support/builders.hpp"
#include "support/gradcheck.hpp"

using namespace nn;
using nn::test::dense;
using nn::test::random_matrix;

namespace {

/// x -> h (tanh) -> {a (elu), b (sigmoid)} -> Add(a, b); Concatenate(h, sum) -> softmax out.
struct FanOut {
  NodeRef x, h, a, b, sum, cat, out;
};

std::unique_ptr<Model> fan_out_model(FanOut& n) {
  Graph g(4);
  n.x = g.input({3});
  n.h = g.apply(dense(4, "tanh"), n.x);
  n.a = g.apply(dense(4, "elu"), n.h);
  n.b = g.apply(dense(4, "sigmoid"), n.h);
  n.sum = g.apply(std::make_unique<Add>(), {n.a, n.b});
  n.cat = g.apply(std::make_unique<Concatenate>(), {n.h, n.sum});
  n.out = g.apply(dense(3, "softmax"), n.cat);
  g.set_outputs({n.out});
  auto model = std::make_unique<Model>(std::move(g));
  model->compile(test::optimizer("sgd", 0.1), "categorical_crossentropy");
  return model;
}

const Matrix& kernel_of(Model& m, NodeRef node) {
  return m.graph().layer(node.index)->params()[0]->value;
}

}  // namespace

TEST_CASE("Model trace: intermediate gradients fit together", "[model][trace]") {
  FanOut n;
  auto model = fan_out_model(n);
  Rng rng(8);
  const Matrix x = random_matrix(3, 1, rng);
  Matrix t(3, 1);
  t << 0, 1, 0;
  const BackwardTrace trace = model->trace_gradients({x}, {t});
  const auto at = [](NodeRef r) { return static_cast<std::size_t>(r.index); };
  const Graph& g = model->graph();

  // Fan-out: h feeds a, b and cat, so dL/dh is the sum of what the three pass back.
  const Matrix h_sum =
      trace.d_inputs[at(n.a)][0] + trace.d_inputs[at(n.b)][0] + trace.d_inputs[at(n.cat)][0];
  CHECK((trace.d_values[at(n.h)] - h_sum).cwiseAbs().maxCoeff() < 1e-12);
  // A Dense layer passes back W^T dz; the first one too (recorded for the model input).
  for (NodeRef r : {n.h, n.a, n.b}) {
    const Matrix dx = kernel_of(*model, r).transpose() * trace.d_pre_activations[at(r)];
    CHECK((trace.d_inputs[at(r)][0] - dx).cwiseAbs().maxCoeff() < 1e-12);
  }
  CHECK((trace.d_values[at(n.x)] - trace.d_inputs[at(n.h)][0]).cwiseAbs().maxCoeff() < 1e-12);
  // Fused softmax: dz = p - t; dL/dp is the loss's own and gives the same dz through softmax.
  const Matrix& p = g.node_value(n.out.index);
  const Matrix& dz = trace.d_pre_activations[at(n.out)];
  CHECK((dz - (p - t)).cwiseAbs().maxCoeff() < 1e-12);
  const Matrix& dp = trace.d_values[at(n.out)];
  const double pdp = p.cwiseProduct(dp).sum();
  const Matrix through = p.cwiseProduct((dp.array() - pdp).matrix());
  CHECK((through - dz).cwiseAbs().maxCoeff() < 1e-10);
  // Add and Concatenate have no activation.
  CHECK(trace.d_pre_activations[at(n.sum)].size() == 0);
  CHECK(trace.d_pre_activations[at(n.cat)].size() == 0);
}

TEST_CASE("Model trace: dL/d(input) matches central differences", "[model][trace][gradcheck]") {
  FanOut n;
  auto model = fan_out_model(n);
  Rng rng(9);
  const Matrix x = random_matrix(3, 1, rng);
  Matrix t(3, 1);
  t << 0, 0, 1;
  const Matrix dx = model->trace_gradients({x}, {t}).d_values[static_cast<std::size_t>(n.x.index)];
  REQUIRE(dx.rows() == 3);
  const double eps = 1e-6;
  for (Index i = 0; i < 3; ++i) {
    Matrix up = x, down = x;
    up(i, 0) += eps;
    down(i, 0) -= eps;
    const double numeric =
        (model->compute_loss({up}, {t}, true) - model->compute_loss({down}, {t}, true)) / (2 * eps);
    CHECK(dx(i, 0) == Approx(numeric).margin(1e-8));
  }
}

TEST_CASE("Model trace: training afterwards records nothing", "[model][trace]") {
  FanOut n;
  auto model = fan_out_model(n);
  Rng rng(10);
  const Matrix x = random_matrix(3, 2, rng);
  Matrix t(3, 2);
  t << 1, 0, 0, 1, 0, 0;
  (void)model->trace_gradients({x}, {t});
  (void)model->compute_gradients({x}, {t});
  CHECK(model->graph().layer_input_gradients(n.h.index).empty());
  CHECK(model->graph().node_gradient(n.x.index).size() == 0);
  CHECK_FALSE(model->diverged());
}
