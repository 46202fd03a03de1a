#include "engine/core/surfaces/surface.hpp"

#include <cmath>

#include "engine/core/base/error.hpp"
#include "engine/core/base/rng.hpp"

namespace nn {

namespace {

// One fixed seed: the neurons' points are part of the surface's definition.
constexpr std::uint64_t kDataSeed = 2016;

double sigmoid(double z) { return 1.0 / (1.0 + std::exp(-z)); }
// log(1 + e^z) without overflow for large |z|.
double softplus(double z) { return std::max(z, 0.0) + std::log1p(std::exp(-std::abs(z))); }

// Beale's residuals r_k = c_k - x + x y^k, k = 1..3.
constexpr double kBealeC[3] = {1.5, 2.25, 2.625};

}  // namespace

Surface::Surface(SurfaceKind kind, Index samples) : kind_(kind) {
  if (!has_samples()) return;
  if (samples < 2) fail("a surface with samples needs at least 2, got ", samples);
  Rng rng(kDataSeed);
  t_.resize(static_cast<std::size_t>(samples));
  target_.resize(t_.size());
  for (std::size_t i = 0; i < t_.size(); ++i) {
    if (kind_ == SurfaceKind::kLine) {
      t_[i] = rng.uniform(-1.0, 1.0);
      target_[i] = 2.0 * t_[i] - 1.0 + rng.normal(0.0, 0.5);
    } else {
      // Alternating labels, centres -1 and +1 one standard deviation apart from the middle:
      // the classes overlap, so the best (w, b) is finite.
      target_[i] = static_cast<double>(i % 2);
      t_[i] = rng.normal(target_[i] > 0.5 ? 1.0 : -1.0, 1.0);
    }
  }
}

double Surface::value(const Vec2& p) const {
  const double x = p[0];
  const double y = p[1];
  switch (kind_) {
    case SurfaceKind::kQuadratic:
      return 0.5 * x * x + 5.0 * y * y;
    case SurfaceKind::kSaddle:
      return x * x - y * y;
    case SurfaceKind::kRosenbrock:
      return (1.0 - x) * (1.0 - x) + 100.0 * (y - x * x) * (y - x * x);
    case SurfaceKind::kBeale: {
      double sum = 0.0;
      double yk = 1.0;
      for (double c : kBealeC) {
        yk *= y;
        const double r = c - x + x * yk;
        sum += r * r;
      }
      return sum;
    }
    case SurfaceKind::kNeuron:
    case SurfaceKind::kLine:
      break;
  }
  double sum = 0.0;
  for (std::size_t i = 0; i < t_.size(); ++i) {
    const double z = x * t_[i] + y;
    // Binary cross-entropy from the logit: -[l log s(z) + (1 - l) log(1 - s(z))].
    sum += kind_ == SurfaceKind::kLine ? (z - target_[i]) * (z - target_[i])
                                       : softplus(z) - target_[i] * z;
  }
  return sum / static_cast<double>(t_.size());
}

Vec2 Surface::gradient(const Vec2& p, const std::vector<Index>* rows) const {
  const double x = p[0];
  const double y = p[1];
  switch (kind_) {
    case SurfaceKind::kQuadratic:
      return {x, 10.0 * y};
    case SurfaceKind::kSaddle:
      return {2.0 * x, -2.0 * y};
    case SurfaceKind::kRosenbrock:
      return {-2.0 * (1.0 - x) - 400.0 * x * (y - x * x), 200.0 * (y - x * x)};
    case SurfaceKind::kBeale: {
      Vec2 g{0.0, 0.0};
      double yk = 1.0;  // y^(k-1)
      for (int k = 1; k <= 3; ++k) {
        const double r = kBealeC[k - 1] - x + x * yk * y;
        g[0] += 2.0 * r * (yk * y - 1.0);
        g[1] += 2.0 * r * x * k * yk;
        yk *= y;
      }
      return g;
    }
    case SurfaceKind::kNeuron:
    case SurfaceKind::kLine:
      break;
  }
  const std::size_t n = rows ? rows->size() : t_.size();
  Vec2 g{0.0, 0.0};
  for (std::size_t k = 0; k < n; ++k) {
    const auto i = rows ? static_cast<std::size_t>((*rows)[k]) : k;
    const double z = x * t_[i] + y;
    // dLoss/dz: 2 (z - target) for squared error, sigmoid(z) - label for cross-entropy.
    const double dz =
        kind_ == SurfaceKind::kLine ? 2.0 * (z - target_[i]) : sigmoid(z) - target_[i];
    g[0] += dz * t_[i];
    g[1] += dz;
  }
  const double scale = n > 0 ? 1.0 / static_cast<double>(n) : 0.0;
  return {g[0] * scale, g[1] * scale};
}

std::optional<Vec2> Surface::minimum() const {
  switch (kind_) {
    case SurfaceKind::kQuadratic:
      return Vec2{0.0, 0.0};
    case SurfaceKind::kSaddle:
      return std::nullopt;
    case SurfaceKind::kRosenbrock:
      return Vec2{1.0, 1.0};
    case SurfaceKind::kBeale:
      return Vec2{3.0, 0.5};
    case SurfaceKind::kNeuron:
    case SurfaceKind::kLine:
      break;
  }
  // Newton's method; exact in one step for the line's quadratic, a few for the (strictly
  // convex, the classes overlapping) cross-entropy.
  Vec2 p{0.0, 0.0};
  const double n = static_cast<double>(t_.size());
  for (int iteration = 0; iteration < 50; ++iteration) {
    double htt = 0.0, ht1 = 0.0, h11 = 0.0;
    for (double t : t_) {
      const double s = sigmoid(p[0] * t + p[1]);
      const double curvature = kind_ == SurfaceKind::kLine ? 2.0 : s * (1.0 - s);
      htt += curvature * t * t;
      ht1 += curvature * t;
      h11 += curvature;
    }
    htt /= n, ht1 /= n, h11 /= n;
    const Vec2 g = gradient(p);
    const double det = htt * h11 - ht1 * ht1;
    if (!(det > 0.0)) break;
    const Vec2 step{(h11 * g[0] - ht1 * g[1]) / det, (htt * g[1] - ht1 * g[0]) / det};
    p = {p[0] - step[0], p[1] - step[1]};
    if (std::abs(step[0]) + std::abs(step[1]) < 1e-13) break;
  }
  return p;
}

const std::vector<std::string>& surface_names() {
  static const std::vector<std::string> names = {"quadratic", "saddle", "rosenbrock",
                                                 "beale",     "neuron", "line"};
  return names;
}

std::optional<SurfaceKind> surface_kind(const std::string& name) {
  const auto& names = surface_names();
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (names[i] == name) return static_cast<SurfaceKind>(i);
  }
  return std::nullopt;
}

}  // namespace nn
