#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <string>

#include "engine/core/base/error.hpp"
#include "engine/core/initializers/initializer.hpp"
#include "engine/core/initializers/variance_scaling.hpp"

using nn::Index;
using nn::Matrix;

namespace {

// A Dense kernel of 200 inputs and 300 units: engine (300, 200), fan_in 200, fan_out 300.
constexpr Index kUnits = 300, kIn = 200;

struct Stats {
  double mean, var, min, max;
};

Stats stats_of(const Matrix& w) {
  const double n = static_cast<double>(w.size());
  const double mean = w.sum() / n;
  const double var = (w.array() - mean).square().sum() / n;
  return {mean, var, w.minCoeff(), w.maxCoeff()};
}

Matrix filled(const std::string& name, const nn::InitializerOptions& options = {},
              std::uint64_t seed = 1, Index rows = kUnits, Index cols = kIn) {
  Matrix w(rows, cols);
  nn::Rng rng(seed);
  nn::make_initializer(name, options)->fill(w, cols, rows, rng);
  return w;
}

// Checks a zero-mean uniform initializer against U[-limit, limit).
void check_uniform(const std::string& name, double limit) {
  const Stats s = stats_of(filled(name));
  INFO(name << " limit " << limit);
  CHECK(s.min >= -limit);
  CHECK(s.max < limit);
  CHECK(s.min < -0.99 * limit);
  CHECK(s.max > 0.99 * limit);
  CHECK(s.mean == Approx(0.0).margin(0.01 * limit));
  CHECK(s.var == Approx(limit * limit / 3.0).epsilon(0.02));
}

// Checks a zero-mean truncated normal whose underlying stddev is `stddev`.
void check_truncated(const std::string& name, double stddev) {
  const Stats s = stats_of(filled(name));
  INFO(name << " stddev " << stddev);
  CHECK(s.min >= -2.0 * stddev);
  CHECK(s.max <= 2.0 * stddev);
  CHECK(s.mean == Approx(0.0).margin(0.01 * stddev));
  // A normal truncated at 2 sigma keeps 0.87962566^2 of the variance.
  CHECK(s.var == Approx(std::pow(0.87962566103423978 * stddev, 2)).epsilon(0.02));
}

}  // namespace

TEST_CASE("Initializers: zeros and ones fill exactly", "[initializers]") {
  CHECK((filled("zeros").array() == 0.0).all());
  CHECK((filled("ones").array() == 1.0).all());
  Matrix bias(7, 1);
  nn::Rng rng(0);
  nn::make_initializer("zeros")->fill(bias, 7, 7, rng);
  CHECK((bias.array() == 0.0).all());
}

TEST_CASE("Initializers: constant uses its value and defaults to 0", "[initializers]") {
  nn::InitializerOptions options;
  options.value = -0.25;
  CHECK((filled("constant", options).array() == -0.25).all());
  CHECK((filled("constant").array() == 0.0).all());
}

TEST_CASE("Initializers: random_normal defaults to mean 0 and stddev 0.05", "[initializers]") {
  const Stats s = stats_of(filled("random_normal"));
  CHECK(s.mean == Approx(0.0).margin(0.001));
  CHECK(std::sqrt(s.var) == Approx(0.05).epsilon(0.01));
  CHECK(s.max > 0.15);  // untruncated: 3-sigma values occur among 60000 draws
}

TEST_CASE("Initializers: random_normal honours mean and stddev", "[initializers]") {
  nn::InitializerOptions options;
  options.mean = 1.5;
  options.stddev = 0.2;
  const Stats s = stats_of(filled("random_normal", options));
  CHECK(s.mean == Approx(1.5).margin(0.003));
  CHECK(std::sqrt(s.var) == Approx(0.2).epsilon(0.01));
}

TEST_CASE("Initializers: random_uniform defaults to U of -0.05 and 0.05", "[initializers]") {
  check_uniform("random_uniform", 0.05);
}

TEST_CASE("Initializers: random_uniform honours minval and maxval", "[initializers]") {
  nn::InitializerOptions options;
  options.minval = 2.0;
  options.maxval = 3.0;
  const Stats s = stats_of(filled("random_uniform", options));
  CHECK(s.min >= 2.0);
  CHECK(s.max < 3.0);
  CHECK(s.mean == Approx(2.5).margin(0.005));
  CHECK(s.var == Approx(1.0 / 12.0).epsilon(0.02));
}

TEST_CASE("Initializers: truncated_normal stays within 2 stddev of its mean", "[initializers]") {
  check_truncated("truncated_normal", 0.05);
  nn::InitializerOptions options;
  options.mean = -1.0;
  options.stddev = 0.5;
  const Stats s = stats_of(filled("truncated_normal", options));
  CHECK(s.min >= -2.0);
  CHECK(s.max <= 0.0);
  CHECK(s.mean == Approx(-1.0).margin(0.005));
}

TEST_CASE("Initializers: glorot_uniform limit is sqrt of 6 over fan_in plus fan_out",
          "[initializers]") {
  check_uniform("glorot_uniform", std::sqrt(6.0 / (kIn + kUnits)));
}

TEST_CASE("Initializers: glorot_normal is truncated with variance 2 over fan sum",
          "[initializers]") {
  check_truncated("glorot_normal", std::sqrt(2.0 / (kIn + kUnits)) / 0.87962566103423978);
}

TEST_CASE("Initializers: he_uniform limit is sqrt of 6 over fan_in", "[initializers]") {
  check_uniform("he_uniform", std::sqrt(6.0 / kIn));
}

TEST_CASE("Initializers: he_normal is truncated with variance 2 over fan_in", "[initializers]") {
  check_truncated("he_normal", std::sqrt(2.0 / kIn) / 0.87962566103423978);
}

TEST_CASE("Initializers: lecun_uniform limit is sqrt of 3 over fan_in", "[initializers]") {
  check_uniform("lecun_uniform", std::sqrt(3.0 / kIn));
}

TEST_CASE("Initializers: lecun_normal is truncated with variance 1 over fan_in", "[initializers]") {
  check_truncated("lecun_normal", std::sqrt(1.0 / kIn) / 0.87962566103423978);
}

TEST_CASE("Initializers: variance_scaling modes distributions and the max of 1 and n",
          "[initializers]") {
  // Keras defaults: scale 1, fan_in, truncated_normal.
  check_truncated("variance_scaling", std::sqrt(1.0 / kIn) / 0.87962566103423978);
  const nn::VarianceScaling fan_out(3.0, "fan_out", "untruncated_normal");
  CHECK(fan_out.spread(kIn, kUnits) == Approx(std::sqrt(3.0 / kUnits)));
  Matrix w(kUnits, kIn);
  nn::Rng rng(5);
  fan_out.fill(w, kIn, kUnits, rng);
  const Stats s = stats_of(w);
  CHECK(s.var == Approx(3.0 / kUnits).epsilon(0.02));
  CHECK(s.max > 2.5 * std::sqrt(3.0 / kUnits));  // untruncated tails
  // n = (fan_in + fan_out) / 2 and never below 1.
  const nn::VarianceScaling avg(2.0, "fan_avg", "uniform");
  CHECK(avg.spread(3, 4) == Approx(std::sqrt(3.0 * 2.0 / 3.5)));
  CHECK(avg.spread(0, 0) == Approx(std::sqrt(6.0)));
  CHECK(nn::make_variance_scaling_preset("glorot_uniform")->name() == "glorot_uniform");
  CHECK(nn::make_variance_scaling_preset("zeros") == nullptr);
}

TEST_CASE("Initializers: variance_scaling rejects bad scale mode distribution and fans",
          "[initializers][errors]") {
  CHECK_THROWS_WITH(nn::VarianceScaling(0.0), Catch::Contains("scale must be > 0, got 0"));
  CHECK_THROWS_WITH(nn::VarianceScaling(1.0, "fan_sum", "uniform"),
                    Catch::Contains("mode must be one of fan_in, fan_out, fan_avg"));
  CHECK_THROWS_WITH(nn::VarianceScaling(1.0, "fan_in", "normal"),
                    Catch::Contains("distribution must be one of"));
  Matrix w(2, 2);
  nn::Rng rng(0);
  CHECK_THROWS_WITH(nn::make_initializer("he_normal")->fill(w, -1, 2, rng),
                    Catch::Contains("he_normal: fans must be >= 0"));
}
