#include <cmath>

#include "engine/core/base/error.hpp"
#include "engine/core/data/generator_util.hpp"
#include "engine/core/data/sequences.hpp"

namespace nn {
namespace {

constexpr double kTwoPi = 6.28318530717958647692;

enum class Wave { kSine, kSawtooth, kSquare };

/// The clean wave at position s (in steps), from the fraction of a period u = frac(s / period).
double wave_value(Wave wave, double s, const WaveOptions& options) {
  const double cycles = s / options.period;
  const double u = cycles - std::floor(cycles);  // in [0, 1)
  switch (wave) {
    case Wave::kSine:
      return options.amplitude * data_detail::portable_sin(kTwoPi * u);
    case Wave::kSawtooth:
      return options.amplitude * (2.0 * u - 1.0);
    case Wave::kSquare:
      return u < 0.5 ? options.amplitude : -options.amplitude;
  }
  return 0.0;
}

Wave parse_wave(const std::string& name) {
  if (name == "sine") return Wave::kSine;
  if (name == "sawtooth") return Wave::kSawtooth;
  if (name == "square") return Wave::kSquare;
  std::string valid;
  for (const std::string& v : wave_names()) valid += (valid.empty() ? "" : ", ") + v;
  fail("make_wave_windows: unknown wave '", name, "'; expected one of: ", valid);
}

void check_options(const WaveOptions& options) {
  if (!std::isfinite(options.period) || options.period <= 0.0)
    fail("make_wave_windows: period must be finite and > 0, got ", options.period);
  if (!std::isfinite(options.amplitude) || options.amplitude <= 0.0)
    fail("make_wave_windows: amplitude must be finite and > 0, got ", options.amplitude);
  if (!std::isfinite(options.noise) || options.noise < 0.0)
    fail("make_wave_windows: noise must be finite and >= 0, got ", options.noise);
}

}  // namespace

std::vector<std::string> wave_names() { return {"sawtooth", "sine", "square"}; }

Dataset make_wave_windows(const std::string& wave, Index windows, Index window_length,
                          std::uint64_t seed, const WaveOptions& options) {
  const Wave kind = parse_wave(wave);
  if (windows < 1) fail("make_wave_windows: windows must be >= 1, got ", windows);
  if (window_length < 1) fail("make_wave_windows: window_length must be >= 1, got ", window_length);
  check_options(options);

  Rng rng(seed);
  Dataset data{Matrix(window_length, windows), Matrix(1, windows)};
  for (Index b = 0; b < windows; ++b) {
    // Each window starts at its own random phase, in steps.
    const double phase = rng.uniform(0.0, options.period);
    for (Index t = 0; t < window_length; ++t) {
      double value = wave_value(kind, phase + static_cast<double>(t), options);
      if (options.noise > 0.0) value += rng.normal(0.0, options.noise);
      data.x(t, b) = static_cast<Scalar>(value);
    }
    // The target is the next clean value.
    data.y(0, b) =
        static_cast<Scalar>(wave_value(kind, phase + static_cast<double>(window_length), options));
  }
  return data;
}

}  // namespace nn
