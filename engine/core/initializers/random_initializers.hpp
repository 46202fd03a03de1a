#pragma once
/// Plain random initializers with fixed parameters: Keras's RandomNormal, RandomUniform and
/// TruncatedNormal. Every one draws w's entries in storage order (column-major of our (units, in),
/// i.e. Keras's row-major (in, units)), so one seed gives the same weights on every platform.
/// Reference: keras/src/initializers/random_initializers.py (RandomNormal, RandomUniform,
/// TruncatedNormal).
#include <memory>
#include <string>

#include "engine/core/initializers/initializer.hpp"

namespace nn {

/// "random_normal": w ~ N(mean, stddev^2); Keras defaults mean 0, stddev 0.05.
class RandomNormal : public Initializer {
 public:
  RandomNormal(double mean = 0.0, double stddev = 0.05);
  std::string name() const override { return "random_normal"; }
  /// Fills w (any shape) with independent normal draws; fans are unused.
  void fill(Matrix& w, Index fan_in, Index fan_out, Rng& rng) const override;
  std::unique_ptr<Initializer> clone() const override;

 private:
  double mean_, stddev_;
};

/// "random_uniform": w ~ U[minval, maxval); Keras defaults -0.05, 0.05.
class RandomUniform : public Initializer {
 public:
  RandomUniform(double minval = -0.05, double maxval = 0.05);
  std::string name() const override { return "random_uniform"; }
  /// Fills w (any shape) with independent uniform draws; fans are unused.
  void fill(Matrix& w, Index fan_in, Index fan_out, Rng& rng) const override;
  std::unique_ptr<Initializer> clone() const override;

 private:
  double minval_, maxval_;
};

/// "truncated_normal": N(mean, stddev^2) with draws beyond 2 stddev redrawn; Keras defaults
/// mean 0, stddev 0.05 (the result's standard deviation is about 0.88 * stddev).
class TruncatedNormal : public Initializer {
 public:
  TruncatedNormal(double mean = 0.0, double stddev = 0.05);
  std::string name() const override { return "truncated_normal"; }
  /// Fills w (any shape) with independent truncated-normal draws; fans are unused.
  void fill(Matrix& w, Index fan_in, Index fan_out, Rng& rng) const override;
  std::unique_ptr<Initializer> clone() const override;

 private:
  double mean_, stddev_;
};

}  // namespace nn
