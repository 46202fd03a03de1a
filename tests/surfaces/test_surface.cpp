// Surfaces and trace_path: every surface's gradient against central differences (full and
// mini-batch), its minimum a stationary point, and the path loop's bookkeeping.
#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/optimizers/registry.hpp"
#include "engine/core/surfaces/trace.hpp"

namespace {

using nn::Surface;
using nn::SurfaceKind;
using nn::Vec2;

constexpr SurfaceKind kKinds[] = {SurfaceKind::kQuadratic,  SurfaceKind::kSaddle,
                                  SurfaceKind::kRosenbrock, SurfaceKind::kBeale,
                                  SurfaceKind::kNeuron,     SurfaceKind::kLine};

/// The full loss's gradient by central differences.
Vec2 numeric_gradient(const Surface& s, const Vec2& p) {
  const double h = 1e-6;
  auto at = [&](double dx, double dy) { return s.value({p[0] + dx, p[1] + dy}); };
  return {(at(h, 0) - at(-h, 0)) / (2 * h), (at(0, h) - at(0, -h)) / (2 * h)};
}

}  // namespace

TEST_CASE("every surface's gradient matches central differences", "[surfaces]") {
  const Vec2 points[] = {{-1.3, 0.7}, {0.4, -1.1}, {2.2, 1.9}, {-0.2, 0.05}};
  for (SurfaceKind kind : kKinds) {
    const Surface s(kind, 40);
    for (const Vec2& p : points) {
      const Vec2 g = s.gradient(p);
      const Vec2 n = numeric_gradient(s, p);
      INFO("kind " << static_cast<int>(kind) << " at (" << p[0] << ", " << p[1] << ")");
      for (int i = 0; i < 2; ++i) {
        CHECK(g[i] == Approx(n[i]).epsilon(1e-6).margin(1e-6));
      }
    }
  }
}

TEST_CASE("a mini-batch gradient is the mean of its samples' gradients", "[surfaces]") {
  for (SurfaceKind kind : {SurfaceKind::kNeuron, SurfaceKind::kLine}) {
    const Surface s(kind, 10);
    const Vec2 p{0.8, -0.3};
    const std::vector<nn::Index> rows{7, 2, 5};
    Vec2 sum{0.0, 0.0};
    for (nn::Index r : rows) {
      const std::vector<nn::Index> one{r};
      const Vec2 g = s.gradient(p, &one);
      sum = {sum[0] + g[0], sum[1] + g[1]};
    }
    const Vec2 batch = s.gradient(p, &rows);
    CHECK(batch[0] == Approx(sum[0] / 3));
    CHECK(batch[1] == Approx(sum[1] / 3));
    // All rows in any order is the full gradient.
    const std::vector<nn::Index> all{9, 8, 7, 6, 5, 4, 3, 2, 1, 0};
    CHECK(s.gradient(p, &all)[0] == Approx(s.gradient(p)[0]));
  }
}

TEST_CASE("each surface's minimum is a stationary point below its neighbours", "[surfaces]") {
  for (SurfaceKind kind : kKinds) {
    const Surface s(kind, 64);
    const std::optional<Vec2> m = s.minimum();
    if (kind == SurfaceKind::kSaddle) {
      CHECK_FALSE(m);
      continue;
    }
    REQUIRE(m);
    const Vec2 g = s.gradient(*m);
    CHECK(std::abs(g[0]) < 1e-9);
    CHECK(std::abs(g[1]) < 1e-9);
    for (const Vec2& d : {Vec2{1e-3, 0}, Vec2{0, 1e-3}, Vec2{-1e-3, 1e-3}}) {
      CHECK(s.value({(*m)[0] + d[0], (*m)[1] + d[1]}) > s.value(*m));
    }
  }
  // The line's data follow 2 t - 1: least squares lands near it.
  const Vec2 line = *Surface(SurfaceKind::kLine, 1000).minimum();
  CHECK(line[0] == Approx(2.0).margin(0.15));
  CHECK(line[1] == Approx(-1.0).margin(0.1));
}

TEST_CASE("trace_path records points, gradients and slots per step", "[surfaces]") {
  const Surface s(SurfaceKind::kQuadratic, 0);
  nn::OptimizerOptions options;
  options.learning_rate = 0.1;
  nn::OptimizerHyperparams hyper;
  hyper.momentum = 0.5;
  nn::OptimizerPtr sgd = nn::make_optimizer("sgd", options, hyper);
  nn::SurfacePathOptions path_options;
  path_options.start = {2.0, 1.0};
  path_options.steps = 2;
  const nn::SurfacePath path = nn::trace_path(s, *sgd, path_options);
  REQUIRE(path.steps == 2);
  REQUIRE(path.points.size() == 9);
  REQUIRE(path.gradients.size() == 4);
  REQUIRE(path.slots.size() == 4);  // one slot (momentum), two entries, two steps
  // Step 1: m = -0.1 g = (-0.2, -1); p = (1.8, 0). Step 2: g = (1.8, 0), m = 0.5 m - 0.1 g.
  CHECK(path.points[3] == Approx(1.8));
  CHECK(path.points[4] == Approx(0.0).margin(1e-12));
  CHECK(path.points[5] == Approx(0.5 * 1.8 * 1.8));
  CHECK(path.gradients[2] == Approx(1.8));
  CHECK(path.slots[2] == Approx(0.5 * -0.2 - 0.18));
  CHECK(path.slots[3] == Approx(-0.5));
  CHECK(path.stopped_at == 0);
}

TEST_CASE("a diverging path stops at the bound and keeps its last good point", "[surfaces]") {
  const Surface s(SurfaceKind::kQuadratic, 0);
  nn::OptimizerOptions options;
  options.learning_rate = 1.0;  // y <- y - 10 y = -9 y: grows ninefold per step
  nn::OptimizerPtr sgd = nn::make_optimizer("sgd", options, {});
  nn::SurfacePathOptions path_options;
  path_options.start = {0.0, 1.0};
  path_options.steps = 100;
  const nn::SurfacePath path = nn::trace_path(s, *sgd, path_options);
  CHECK(path.stopped_at == 5);  // 9^5 = 59049 > 1e4 >= 9^4
  CHECK(path.steps == 4);
  CHECK(path.points.size() == 15);
  CHECK(std::abs(path.points[13]) == Approx(6561.0));
}

TEST_CASE("mini-batches visit every sample once per epoch", "[surfaces]") {
  // One epoch of batch-size-1 gradients at a fixed point averages to the full gradient; a
  // learning rate of 1e-200 (it must be positive) keeps the point where it is.
  const Surface s(SurfaceKind::kLine, 12);
  nn::OptimizerOptions options;
  options.learning_rate = 1e-200;
  nn::OptimizerPtr sgd = nn::make_optimizer("sgd", options, {});
  nn::SurfacePathOptions path_options;
  path_options.start = {0.5, 0.25};
  path_options.steps = 24;  // two epochs
  path_options.batch_size = 1;
  path_options.seed = 3;
  const nn::SurfacePath path = nn::trace_path(s, *sgd, path_options);
  const Vec2 full = s.gradient(path_options.start);
  for (int epoch = 0; epoch < 2; ++epoch) {
    Vec2 sum{0.0, 0.0};
    for (int k = 0; k < 12; ++k) {
      sum[0] += path.gradients[static_cast<std::size_t>(2 * (12 * epoch + k))];
      sum[1] += path.gradients[static_cast<std::size_t>(2 * (12 * epoch + k) + 1)];
    }
    CHECK(sum[0] / 12 == Approx(full[0]).margin(1e-12));
    CHECK(sum[1] / 12 == Approx(full[1]).margin(1e-12));
  }
}
