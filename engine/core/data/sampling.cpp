#include "engine/core/data/sampling.hpp"

#include <cmath>
#include <vector>

#include "engine/core/base/error.hpp"

namespace nn {
namespace {

constexpr double kLn2Hi = 6.93147180369123816490e-01;  // ln 2, upper bits (exact k * kLn2Hi)
constexpr double kLn2Lo = 1.90821492927058770002e-10;  // ln 2 - kLn2Hi

/// exp(x) for x <= 0 from +, -, *, / and ldexp only (exact scaling), so the draw is the same
/// natively and in wasm: x = k ln 2 + r with |r| <= ln2 / 2, then a Taylor series for e^r.
double portable_exp_nonpositive(double x) {
  if (!(x > -746.0)) return 0.0;  // below the smallest subnormal (and -inf)
  const double k = std::nearbyint(x / (kLn2Hi + kLn2Lo));
  const double r = (x - k * kLn2Hi) - k * kLn2Lo;
  // sum_j r^j / j!; 20 terms reach below 1e-25 for |r| <= 0.35.
  double term = 1.0, sum = 1.0;
  for (int j = 1; j < 20; ++j) {
    term *= r / static_cast<double>(j);
    sum += term;
  }
  return std::ldexp(sum, static_cast<int>(k));
}

}  // namespace

Index sample_with_temperature(const Matrix& probabilities, double temperature, Rng& rng) {
  if (!std::isfinite(temperature) || temperature <= 0.0)
    fail("sample_with_temperature: temperature must be finite and > 0, got ", temperature);
  if (probabilities.cols() != 1 || probabilities.rows() < 1)
    fail("sample_with_temperature: probabilities must be a (k, 1) column with k >= 1, got (",
         probabilities.rows(), ", ", probabilities.cols(), ")");
  const Index k = probabilities.rows();
  double p_max = 0.0;
  for (Index i = 0; i < k; ++i) {
    const double p = static_cast<double>(probabilities(i, 0));
    if (!std::isfinite(p) || p < 0.0)
      fail("sample_with_temperature: probabilities[", i, "] must be finite and >= 0, got ", p);
    if (p > p_max) p_max = p;
  }
  if (p_max <= 0.0) fail("sample_with_temperature: probabilities must have a positive sum, got 0");

  // q_i = (p_i / p_max)^(1/T) = exp((log p_i - log p_max) / T), in (0, 1], 1 at the max.
  const double log_max = portable_log(p_max);
  std::vector<double> q(static_cast<std::size_t>(k), 0.0);
  double total = 0.0;
  for (Index i = 0; i < k; ++i) {
    const double p = static_cast<double>(probabilities(i, 0));
    if (p <= 0.0) continue;
    const double w = portable_exp_nonpositive((portable_log(p) - log_max) / temperature);
    q[static_cast<std::size_t>(i)] = w;
    total += w;
  }
  // Inverse-CDF draw on the unnormalised weights; the last positive entry absorbs rounding.
  const double u = rng.uniform() * total;
  double cumulative = 0.0;
  Index last = 0;
  for (Index i = 0; i < k; ++i) {
    const double w = q[static_cast<std::size_t>(i)];
    if (w <= 0.0) continue;
    cumulative += w;
    last = i;
    if (u < cumulative) return i;
  }
  return last;
}

}  // namespace nn
