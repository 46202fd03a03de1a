#include "engine/core/surfaces/trace.hpp"

#include <cmath>
#include <numeric>

#include "engine/core/base/rng.hpp"

namespace nn {

namespace {

bool within_bounds(const Vec2& p, double loss) {
  return std::isfinite(loss) && std::abs(p[0]) <= kSurfaceBound && std::abs(p[1]) <= kSurfaceBound;
}

/// Hands out mini-batches of sample indices: every sample once per epoch, reshuffled
/// (Fisher-Yates) at the start of each.
class BatchOrder {
 public:
  BatchOrder(Index samples, Index batch_size, std::uint64_t seed)
      : order_(static_cast<std::size_t>(samples)),
        batch_(batch_size <= 0 || batch_size > samples ? samples : batch_size),
        rng_(seed) {
    std::iota(order_.begin(), order_.end(), Index{0});
  }

  const std::vector<Index>& next() {
    if (next_ == 0) {
      for (std::size_t i = order_.size(); i > 1; --i) {
        std::swap(order_[i - 1], order_[static_cast<std::size_t>(rng_.below(i))]);
      }
    }
    const auto end = std::min(order_.size(), next_ + static_cast<std::size_t>(batch_));
    rows_.assign(order_.begin() + static_cast<std::ptrdiff_t>(next_),
                 order_.begin() + static_cast<std::ptrdiff_t>(end));
    next_ = end == order_.size() ? 0 : end;
    return rows_;
  }

 private:
  std::vector<Index> order_;
  Index batch_;
  Rng rng_;
  std::size_t next_ = 0;
  std::vector<Index> rows_;
};

}  // namespace

SurfacePath trace_path(const Surface& surface, Optimizer& optimizer,
                       const SurfacePathOptions& options) {
  Param p("kernel", 2, 1);
  p.value(0, 0) = static_cast<Scalar>(options.start[0]);
  p.value(1, 0) = static_cast<Scalar>(options.start[1]);
  const std::vector<Param*> params{&p};
  optimizer.attach(params);
  BatchOrder batches(surface.samples(), options.batch_size, options.seed);

  SurfacePath path;
  auto position = [&p] {
    return Vec2{static_cast<double>(p.value(0, 0)), static_cast<double>(p.value(1, 0))};
  };
  Vec2 at = position();
  path.points = {at[0], at[1], surface.value(at)};
  for (Index step = 1; step <= options.steps; ++step) {
    const Vec2 g = surface.gradient(at, surface.has_samples() ? &batches.next() : nullptr);
    p.grad(0, 0) = static_cast<Scalar>(g[0]);
    p.grad(1, 0) = static_cast<Scalar>(g[1]);
    optimizer.apply(params, {true});
    const Vec2 next = position();
    const double loss = surface.value(next);
    if (!within_bounds(next, loss) || !std::isfinite(g[0]) || !std::isfinite(g[1])) {
      path.stopped_at = step;
      break;
    }
    at = next;
    path.points.insert(path.points.end(), {at[0], at[1], loss});
    // The gradient as the optimizer received it (rounded to the engine's Scalar).
    path.gradients.insert(path.gradients.end(),
                          {static_cast<double>(p.grad(0, 0)), static_cast<double>(p.grad(1, 0))});
    for (const Matrix& slot : optimizer.slots()[0]) {
      path.slots.insert(path.slots.end(),
                        {static_cast<double>(slot(0, 0)), static_cast<double>(slot(1, 0))});
    }
    path.steps = step;
  }
  return path;
}

}  // namespace nn
