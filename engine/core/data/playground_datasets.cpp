// Ports of TensorFlow Playground's generators (tensorflow/playground src/dataset.ts), drawing
// from nn::Rng in the same order as the original draws from Math.random: x, y, noise x, noise y.
#include <algorithm>
#include <cmath>

#include "engine/core/data/generator_util.hpp"
#include "engine/core/data/generators.hpp"

namespace nn {

using data_detail::Builder;
using data_detail::check_args;
using data_detail::portable_cos;
using data_detail::portable_sin;

namespace {

constexpr double kPi = 3.14159265358979323846;

/// TF Playground's Gaussian variance for a noise level: linear [0, 0.5] -> [0.5, 4].
double gauss_variance(double noise) { return 0.5 + noise * 7.0; }

}  // namespace

Dataset make_circle(Index n, double noise, std::uint64_t seed) {
  check_args("circle", n, noise);
  Rng rng(seed);
  Builder out(n);
  const double radius = 5.0;
  // Class 1 inside radius 2.5, then class 0 in the ring [3.5, 5].
  const Index counts[2] = {n - n / 2, n / 2};
  const double r_low[2] = {0.0, radius * 0.7}, r_high[2] = {radius * 0.5, radius};
  for (int part = 0; part < 2; ++part) {
    for (Index i = 0; i < counts[part]; ++i) {
      const double r = rng.uniform(r_low[part], r_high[part]);
      const double angle = rng.uniform(0.0, 2.0 * kPi);
      const double x = r * portable_sin(angle), y = r * portable_cos(angle);
      const double nx = rng.uniform(-radius, radius) * noise;
      const double ny = rng.uniform(-radius, radius) * noise;
      // Label: is the noise-shifted point inside half the radius?
      const double d = std::sqrt((x + nx) * (x + nx) + (y + ny) * (y + ny));
      out.add(x, y, d < radius * 0.5 ? 1.0 : 0.0);
    }
  }
  return out.shuffled(rng);
}

Dataset make_xor(Index n, double noise, std::uint64_t seed) {
  check_args("xor", n, noise);
  Rng rng(seed);
  Builder out(n);
  const double padding = 0.3;
  for (Index i = 0; i < n; ++i) {
    double x = rng.uniform(-5.0, 5.0);
    x += x > 0.0 ? padding : -padding;
    double y = rng.uniform(-5.0, 5.0);
    y += y > 0.0 ? padding : -padding;
    const double nx = rng.uniform(-5.0, 5.0) * noise;
    const double ny = rng.uniform(-5.0, 5.0) * noise;
    out.add(x, y, (x + nx) * (y + ny) >= 0.0 ? 1.0 : 0.0);
  }
  return out.shuffled(rng);
}

Dataset make_gauss(Index n, double noise, std::uint64_t seed) {
  check_args("gauss", n, noise);
  Rng rng(seed);
  Builder out(n);
  const double stddev = std::sqrt(gauss_variance(noise));
  const Index counts[2] = {n - n / 2, n / 2};
  const double centre[2] = {2.0, -2.0}, label[2] = {1.0, 0.0};
  for (int part = 0; part < 2; ++part) {
    for (Index i = 0; i < counts[part]; ++i) {
      const double x = rng.normal(centre[part], stddev);
      const double y = rng.normal(centre[part], stddev);
      out.add(x, y, label[part]);
    }
  }
  return out.shuffled(rng);
}

Dataset make_spiral(Index n, double noise, std::uint64_t seed) {
  check_args("spiral", n, noise);
  Rng rng(seed);
  Builder out(n);
  const Index counts[2] = {n - n / 2, n / 2};
  const double phase[2] = {0.0, kPi}, label[2] = {1.0, 0.0};
  for (int part = 0; part < 2; ++part) {
    const double m = static_cast<double>(counts[part]);
    for (Index i = 0; i < counts[part]; ++i) {
      const double s = static_cast<double>(i) / m;
      const double r = s * 5.0;
      const double t = 1.75 * s * 2.0 * kPi + phase[part];
      const double x = r * portable_sin(t) + rng.uniform(-1.0, 1.0) * noise;
      const double y = r * portable_cos(t) + rng.uniform(-1.0, 1.0) * noise;
      out.add(x, y, label[part]);
    }
  }
  return out.shuffled(rng);
}

Dataset make_regress_plane(Index n, double noise, std::uint64_t seed) {
  check_args("regress_plane", n, noise);
  Rng rng(seed);
  Builder out(n);
  const double radius = 6.0;
  for (Index i = 0; i < n; ++i) {
    const double x = rng.uniform(-radius, radius);
    const double y = rng.uniform(-radius, radius);
    const double nx = rng.uniform(-radius, radius) * noise;
    const double ny = rng.uniform(-radius, radius) * noise;
    // Linear map of x + y from [-10, 10] onto [-1, 1].
    out.add(x, y, (x + nx + y + ny) / 10.0);
  }
  return out.shuffled(rng);
}

Dataset make_regress_gaussian(Index n, double noise, std::uint64_t seed) {
  check_args("regress_gaussian", n, noise);
  Rng rng(seed);
  Builder out(n);
  struct Bump {
    double cx, cy, sign;
  };
  static const Bump bumps[] = {{-4.0, 2.5, 1.0},   {0.0, 2.5, -1.0}, {4.0, 2.5, 1.0},
                               {-4.0, -2.5, -1.0}, {0.0, -2.5, 1.0}, {4.0, -2.5, -1.0}};
  const double radius = 6.0;
  for (Index i = 0; i < n; ++i) {
    const double x = rng.uniform(-radius, radius);
    const double y = rng.uniform(-radius, radius);
    const double px = x + rng.uniform(-radius, radius) * noise;
    const double py = y + rng.uniform(-radius, radius) * noise;
    // The bump largest in absolute value wins; each is 1 - d/2 clamped to [0, 1].
    double target = 0.0;
    for (const Bump& b : bumps) {
      const double d = std::sqrt((px - b.cx) * (px - b.cx) + (py - b.cy) * (py - b.cy));
      const double value = b.sign * std::clamp(1.0 - d / 2.0, 0.0, 1.0);
      if (std::abs(value) > std::abs(target)) target = value;
    }
    out.add(x, y, target);
  }
  return out.shuffled(rng);
}

}  // namespace nn
