// Datasets beyond TF Playground's six: two moons (scikit-learn's make_moons, rescaled), a
// linearly separable set with a margin and multi-class Gaussian blobs. Same conventions.
#include <cmath>

#include "engine/core/base/error.hpp"
#include "engine/core/data/generator_util.hpp"
#include "engine/core/data/generators.hpp"

namespace nn {

using data_detail::Builder;
using data_detail::check_args;
using data_detail::portable_cos;
using data_detail::portable_sin;

namespace {
constexpr double kPi = 3.14159265358979323846;
}  // namespace

Dataset make_moons(Index n, double noise, std::uint64_t seed) {
  check_args("moons", n, noise);
  Rng rng(seed);
  Builder out(n);
  // sklearn: n // 2 on the outer (upper) moon, label 0; the rest on the inner one, label 1.
  const Index counts[2] = {n / 2, n - n / 2};
  const double scale = 3.0, cx = 0.5, cy = 0.25;
  for (int label = 0; label < 2; ++label) {
    const Index m = counts[label];
    for (Index i = 0; i < m; ++i) {
      // t = linspace(0, pi, m)[i].
      const double t = m > 1 ? kPi * static_cast<double>(i) / static_cast<double>(m - 1) : 0.0;
      double x = portable_cos(t), y = portable_sin(t);
      if (label == 1) {
        x = 1.0 - x;
        y = 0.5 - y;
      }
      // sklearn adds N(0, noise^2) to every coordinate, in moon units.
      x += rng.normal(0.0, noise);
      y += rng.normal(0.0, noise);
      out.add((x - cx) * scale, (y - cy) * scale, static_cast<double>(label));
    }
  }
  return out.shuffled(rng);
}

Dataset make_linear(Index n, double noise, std::uint64_t seed) {
  check_args("linear", n, noise);
  Rng rng(seed);
  Builder out(n);
  // The separating line through the origin: unit normal (wx, wy) at a seed-drawn angle.
  const double angle = rng.uniform(0.0, 2.0 * kPi);
  const double wx = portable_cos(angle), wy = portable_sin(angle);
  const double margin = 0.5;
  const Index counts[2] = {n / 2, n - n / 2};
  for (int side = 0; side < 2; ++side) {
    for (Index i = 0; i < counts[side]; ++i) {
      double x = 0.0, y = 0.0, s = 0.0;
      // Redraw until the point is on this side and at least `margin` from the line.
      do {
        x = rng.uniform(-5.0, 5.0);
        y = rng.uniform(-5.0, 5.0);
        s = wx * x + wy * y;
      } while (side == 1 ? s < margin : s > -margin);
      const double nx = rng.uniform(-5.0, 5.0) * noise;
      const double ny = rng.uniform(-5.0, 5.0) * noise;
      out.add(x, y, wx * (x + nx) + wy * (y + ny) > 0.0 ? 1.0 : 0.0);
    }
  }
  return out.shuffled(rng);
}

Dataset make_blobs(Index n, double noise, std::uint64_t seed, Index classes) {
  check_args("blobs", n, noise);
  if (classes < 2) fail("blobs: classes must be >= 2, got ", classes);
  if (classes > n) fail("blobs: classes must be <= n, got ", classes, " classes for n ", n);
  Rng rng(seed);
  Builder out(n);
  const double stddev = std::sqrt(0.5 + noise * 7.0), radius = 3.5;
  for (Index c = 0; c < classes; ++c) {
    const double angle =
        kPi / 2.0 + 2.0 * kPi * static_cast<double>(c) / static_cast<double>(classes);
    const double cx = radius * portable_cos(angle), cy = radius * portable_sin(angle);
    const Index count = n / classes + (c < n % classes ? 1 : 0);
    for (Index i = 0; i < count; ++i) {
      const double x = rng.normal(cx, stddev);
      const double y = rng.normal(cy, stddev);
      out.add(x, y, static_cast<double>(c));
    }
  }
  return out.shuffled(rng);
}

}  // namespace nn
