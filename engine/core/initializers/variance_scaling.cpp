#include "engine/core/initializers/variance_scaling.hpp"

#include <algorithm>
#include <cmath>
#include <utility>

#include "engine/core/base/error.hpp"

namespace nn {
namespace {

/// Standard deviation of a unit normal truncated to [-2, 2] (Keras's correction constant).
constexpr double kTruncatedStddev = 0.87962566103423978;

VarianceScaling::Mode parse_mode(const std::string& who, const std::string& mode) {
  if (mode == "fan_in") return VarianceScaling::Mode::FanIn;
  if (mode == "fan_out") return VarianceScaling::Mode::FanOut;
  if (mode == "fan_avg") return VarianceScaling::Mode::FanAvg;
  fail(who, ": mode must be one of fan_in, fan_out, fan_avg, got '", mode, "'");
}

VarianceScaling::Distribution parse_distribution(const std::string& who,
                                                 const std::string& distribution) {
  if (distribution == "truncated_normal") return VarianceScaling::Distribution::TruncatedNormal;
  if (distribution == "untruncated_normal") return VarianceScaling::Distribution::UntruncatedNormal;
  if (distribution == "uniform") return VarianceScaling::Distribution::Uniform;
  fail(who, ": distribution must be one of truncated_normal, untruncated_normal, uniform, got '",
       distribution, "'");
}

}  // namespace

VarianceScaling::VarianceScaling(double scale, Mode mode, Distribution distribution,
                                 std::string keras_name)
    : scale_(scale), mode_(mode), distribution_(distribution), name_(std::move(keras_name)) {
  if (!(scale_ > 0.0) || !std::isfinite(scale_)) fail(name_, ": scale must be > 0, got ", scale_);
}

VarianceScaling::VarianceScaling(double scale, const std::string& mode,
                                 const std::string& distribution, std::string keras_name)
    : VarianceScaling(scale, parse_mode(keras_name, mode),
                      parse_distribution(keras_name, distribution), keras_name) {}

double VarianceScaling::spread(Index fan_in, Index fan_out) const {
  if (fan_in < 0 || fan_out < 0)
    fail(name_, ": fans must be >= 0, got fan_in ", fan_in, " and fan_out ", fan_out);
  const double in = static_cast<double>(fan_in), out = static_cast<double>(fan_out);
  double n = in;
  if (mode_ == Mode::FanOut) n = out;
  if (mode_ == Mode::FanAvg) n = (in + out) / 2.0;
  // Keras: scale /= max(1., n).
  const double variance = scale_ / std::max(1.0, n);
  if (distribution_ == Distribution::TruncatedNormal) return std::sqrt(variance) / kTruncatedStddev;
  if (distribution_ == Distribution::UntruncatedNormal) return std::sqrt(variance);
  return std::sqrt(3.0 * variance);
}

void VarianceScaling::fill(Matrix& w, Index fan_in, Index fan_out, Rng& rng) const {
  const double s = spread(fan_in, fan_out);
  Scalar* data = w.data();
  // Storage order of (units, in) == Keras's row-major (in, units): same draw order as Keras.
  for (Index k = 0; k < w.size(); ++k) {
    double v = 0.0;
    switch (distribution_) {
      case Distribution::TruncatedNormal:
        v = rng.truncated_normal(0.0, s);
        break;
      case Distribution::UntruncatedNormal:
        v = rng.normal(0.0, s);
        break;
      case Distribution::Uniform:
        v = rng.uniform(-s, s);
        break;
    }
    data[k] = static_cast<Scalar>(v);
  }
}

std::unique_ptr<Initializer> VarianceScaling::clone() const {
  return std::make_unique<VarianceScaling>(*this);
}

std::unique_ptr<VarianceScaling> make_variance_scaling_preset(const std::string& name) {
  using M = VarianceScaling::Mode;
  using D = VarianceScaling::Distribution;
  struct Preset {
    const char* name;
    double scale;
    M mode;
    D distribution;
  };
  // Keras 3's presets all use the truncated normal for their *_normal variants.
  static const Preset presets[] = {
      {"glorot_uniform", 1.0, M::FanAvg, D::Uniform},
      {"glorot_normal", 1.0, M::FanAvg, D::TruncatedNormal},
      {"he_uniform", 2.0, M::FanIn, D::Uniform},
      {"he_normal", 2.0, M::FanIn, D::TruncatedNormal},
      {"lecun_uniform", 1.0, M::FanIn, D::Uniform},
      {"lecun_normal", 1.0, M::FanIn, D::TruncatedNormal},
  };
  for (const Preset& p : presets)
    if (name == p.name)
      return std::make_unique<VarianceScaling>(p.scale, p.mode, p.distribution, name);
  return nullptr;
}

}  // namespace nn
