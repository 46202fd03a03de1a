#include "engine/core/initializers/random_initializers.hpp"

#include <cmath>

#include "engine/core/base/error.hpp"

namespace nn {
namespace {

/// Shared check of a (mean, stddev) pair: finite mean, finite positive stddev.
void check_normal(const char* who, double mean, double stddev) {
  if (!std::isfinite(mean)) fail(who, ": mean must be finite, got ", mean);
  if (!(stddev > 0.0) || !std::isfinite(stddev)) fail(who, ": stddev must be > 0, got ", stddev);
}

}  // namespace

RandomNormal::RandomNormal(double mean, double stddev) : mean_(mean), stddev_(stddev) {
  check_normal("random_normal", mean_, stddev_);
}

void RandomNormal::fill(Matrix& w, Index /*fan_in*/, Index /*fan_out*/, Rng& rng) const {
  Scalar* data = w.data();
  for (Index k = 0; k < w.size(); ++k) data[k] = static_cast<Scalar>(rng.normal(mean_, stddev_));
}

std::unique_ptr<Initializer> RandomNormal::clone() const {
  return std::make_unique<RandomNormal>(*this);
}

RandomUniform::RandomUniform(double minval, double maxval) : minval_(minval), maxval_(maxval) {
  if (!std::isfinite(minval_) || !std::isfinite(maxval_))
    fail("random_uniform: minval and maxval must be finite, got ", minval_, " and ", maxval_);
  if (!(minval_ < maxval_))
    fail("random_uniform: minval must be < maxval, got minval ", minval_, " and maxval ", maxval_);
}

void RandomUniform::fill(Matrix& w, Index /*fan_in*/, Index /*fan_out*/, Rng& rng) const {
  Scalar* data = w.data();
  for (Index k = 0; k < w.size(); ++k) data[k] = static_cast<Scalar>(rng.uniform(minval_, maxval_));
}

std::unique_ptr<Initializer> RandomUniform::clone() const {
  return std::make_unique<RandomUniform>(*this);
}

TruncatedNormal::TruncatedNormal(double mean, double stddev) : mean_(mean), stddev_(stddev) {
  check_normal("truncated_normal", mean_, stddev_);
}

void TruncatedNormal::fill(Matrix& w, Index /*fan_in*/, Index /*fan_out*/, Rng& rng) const {
  Scalar* data = w.data();
  for (Index k = 0; k < w.size(); ++k)
    data[k] = static_cast<Scalar>(rng.truncated_normal(mean_, stddev_));
}

std::unique_ptr<Initializer> TruncatedNormal::clone() const {
  return std::make_unique<TruncatedNormal>(*this);
}

}  // namespace nn
