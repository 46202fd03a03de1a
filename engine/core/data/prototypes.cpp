// make_prototypes: smooth random class prototypes plus clipped Gaussian pixel noise.
#include "engine/core/data/prototypes.hpp"

#include <algorithm>
#include <cmath>
#include <vector>

#include "engine/core/base/error.hpp"

namespace nn {
namespace {

constexpr int kBumpsPerClass = 3;

/// One class prototype: side*side pixels in [0, 1], brightest pixel 1 (row-major).
std::vector<double> draw_prototype(Index side, Rng& rng) {
  const double s = static_cast<double>(side);
  std::vector<double> image(static_cast<std::size_t>(side * side), 0.0);
  for (int b = 0; b < kBumpsPerClass; ++b) {
    const double ci = rng.uniform(0.15 * s, 0.85 * s);
    const double cj = rng.uniform(0.15 * s, 0.85 * s);
    const double r = rng.uniform(0.15 * s, 0.35 * s) + 0.5;  // at least half a pixel
    const double height = rng.uniform(0.5, 1.0);
    for (Index i = 0; i < side; ++i) {
      for (Index j = 0; j < side; ++j) {
        // Pixel centres at (i + 0.5, j + 0.5); the bump is (1 - d^2/r^2)^2 inside radius r.
        const double di = static_cast<double>(i) + 0.5 - ci;
        const double dj = static_cast<double>(j) + 0.5 - cj;
        const double q = 1.0 - (di * di + dj * dj) / (r * r);
        if (q > 0.0) image[static_cast<std::size_t>(i * side + j)] += height * q * q;
      }
    }
  }
  const double peak = *std::max_element(image.begin(), image.end());
  if (peak > 0.0) {
    for (double& v : image) v /= peak;
  }
  return image;
}

}  // namespace

Dataset make_prototypes(Index n, Index side, Index classes, double noise, std::uint64_t seed) {
  if (n < 1) fail("prototypes: n must be >= 1, got ", n);
  if (side < 1) fail("prototypes: side must be >= 1, got ", side);
  if (classes < 2) fail("prototypes: classes must be >= 2, got ", classes);
  if (!std::isfinite(noise) || noise < 0.0) fail("prototypes: noise must be >= 0, got ", noise);
  Rng rng(seed);
  std::vector<std::vector<double>> protos;
  for (Index c = 0; c < classes; ++c) protos.push_back(draw_prototype(side, rng));

  // Balanced labels j % classes, Fisher-Yates shuffled so every prefix is mixed.
  std::vector<Index> labels(static_cast<std::size_t>(n));
  for (Index j = 0; j < n; ++j) labels[static_cast<std::size_t>(j)] = j % classes;
  for (Index j = n - 1; j > 0; --j) {
    const auto k = static_cast<Index>(rng.below(static_cast<std::uint64_t>(j + 1)));
    std::swap(labels[static_cast<std::size_t>(j)], labels[static_cast<std::size_t>(k)]);
  }

  Dataset data{Matrix(side * side, n), Matrix(1, n)};
  for (Index j = 0; j < n; ++j) {
    const Index label = labels[static_cast<std::size_t>(j)];
    const std::vector<double>& proto = protos[static_cast<std::size_t>(label)];
    for (Index p = 0; p < side * side; ++p) {
      double v = proto[static_cast<std::size_t>(p)];
      if (noise > 0.0) v = std::clamp(v + noise * rng.normal(), 0.0, 1.0);
      data.x(p, j) = static_cast<Scalar>(v);
    }
    data.y(0, j) = static_cast<Scalar>(label);
  }
  return data;
}

}  // namespace nn
