#include "engine/core/data/generator_util.hpp"

#include <cmath>

#include "engine/core/base/error.hpp"

namespace nn {
namespace data_detail {
namespace {

constexpr double kTwoPiHi = 6.28318530717958623200;      // 2 pi rounded to double
constexpr double kTwoPiLo = 2.44929359829470635446e-16;  // 2 pi - kTwoPiHi

/// x - k * 2 pi in about [-pi, pi]; nearbyint, *, - are exact or correctly rounded (IEEE).
double reduce(double x) {
  const double k = std::nearbyint(x / kTwoPiHi);
  return (x - k * kTwoPiHi) - k * kTwoPiLo;
}

}  // namespace

void check_args(const std::string& who, Index n, double noise) {
  if (n <= 0) fail(who, ": n must be > 0, got ", n);
  if (!std::isfinite(noise) || noise < 0.0) fail(who, ": noise must be >= 0, got ", noise);
}

double portable_sin(double x) {
  const double r = reduce(x), r2 = r * r;
  // sum_k (-1)^k r^(2k+1) / (2k+1)!; 22 terms reach below 1e-30 for |r| <= pi.
  double term = r, sum = r;
  for (int k = 1; k < 22; ++k) {
    term *= -r2 / static_cast<double>((2 * k) * (2 * k + 1));
    sum += term;
  }
  return sum;
}

double portable_cos(double x) {
  const double r = reduce(x), r2 = r * r;
  // sum_k (-1)^k r^(2k) / (2k)!.
  double term = 1.0, sum = 1.0;
  for (int k = 1; k < 22; ++k) {
    term *= -r2 / static_cast<double>((2 * k - 1) * (2 * k));
    sum += term;
  }
  return sum;
}

void Builder::add(double x1, double x2, double y) {
  data_.x(0, next_) = static_cast<Scalar>(x1);
  data_.x(1, next_) = static_cast<Scalar>(x2);
  data_.y(0, next_) = static_cast<Scalar>(y);
  ++next_;
}

Dataset Builder::shuffled(Rng& rng) {
  if (next_ != data_.size()) fail("dataset builder: filled ", next_, " of ", data_.size());
  shuffle_samples(data_, rng);
  return std::move(data_);
}

}  // namespace data_detail
}  // namespace nn
