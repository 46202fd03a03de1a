#pragma once
/// Rng: the engine's seeded random generator (xoshiro256** seeded through splitmix64) with its
/// own uniform and normal transforms built from IEEE-exact arithmetic only, so one seed gives
/// bit-identical draws natively (libstdc++/glibc) and in wasm (libc++/musl).
/// Reference: Blackman & Vigna, "Scrambled linear pseudorandom number generators" (2018).
#include <cstdint>
#include <vector>

#include "engine/core/base/scalar.hpp"

namespace nn {

class Rng {
 public:
  explicit Rng(std::uint64_t seed = 0);

  /// Raw 64 random bits.
  std::uint64_t next_u64();
  /// Uniform double in [0, 1) with 53 random bits.
  double uniform();
  /// Uniform double in [low, high).
  double uniform(double low, double high);
  /// Integer uniform in [0, n); n > 0.
  std::uint64_t below(std::uint64_t n);
  /// Standard normal N(0, 1) by Marsaglia's polar method.
  double normal();
  /// Normal N(mean, stddev^2).
  double normal(double mean, double stddev);
  /// Normal truncated to mean +- 2 stddev by redrawing (Keras's TruncatedNormal).
  double truncated_normal(double mean, double stddev);
  /// A new generator whose stream is independent of this one (for sub-components).
  Rng split();

  /// The generator's whole state (4 words, the spare-normal flag and its bits): saving and
  /// restoring it resumes the exact stream (saved models resume training identically).
  std::vector<std::uint64_t> state() const;
  /// Restores a state(); throws nn::Error unless it has 6 words.
  void set_state(const std::vector<std::uint64_t>& state);

 private:
  std::uint64_t s_[4];
  bool has_spare_ = false;
  double spare_ = 0.0;
};

/// Natural logarithm from +, -, *, / only (atanh series), identical on every platform. x > 0.
double portable_log(double x);

}  // namespace nn
