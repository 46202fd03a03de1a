#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "engine/core/base/error.hpp"
#include "engine/core/data/generator_util.hpp"
#include "engine/core/data/generators.hpp"

using nn::Dataset;
using nn::Index;

namespace {

constexpr double kPi = 3.14159265358979323846;

Index count_label(const Dataset& d, double label) {
  return static_cast<Index>((d.y.array() == label).count());
}

/// Angle difference wrapped into (-pi, pi].
double wrap(double a) { return std::remainder(a, 2.0 * kPi); }

}  // namespace

TEST_CASE("Datasets: every generator is deterministic by seed", "[data]") {
  for (const std::string& name : nn::dataset_names()) {
    INFO(name);
    const Dataset a = nn::make_dataset(name, 60, 0.1, 7), b = nn::make_dataset(name, 60, 0.1, 7);
    const Dataset c = nn::make_dataset(name, 60, 0.1, 8);
    CHECK(a.x == b.x);
    CHECK(a.y == b.y);
    CHECK(a.x != c.x);
  }
}

TEST_CASE("Datasets: x is 2 by n and y is 1 by n for odd n", "[data]") {
  for (const std::string& name : nn::dataset_names()) {
    INFO(name);
    const Dataset d = nn::make_dataset(name, 101, 0.0, 1);
    CHECK(d.x.rows() == 2);
    CHECK(d.x.cols() == 101);
    CHECK(d.y.rows() == 1);
    CHECK(d.y.cols() == 101);
    CHECK(d.size() == 101);
    CHECK(d.x.allFinite());
  }
}

TEST_CASE("Datasets: two-class sets give class 1 n - n/2 samples and come shuffled", "[data]") {
  for (const char* name : {"circle", "gauss", "spiral", "moons", "linear"}) {
    INFO(name);
    const Dataset d = nn::make_dataset(name, 101, 0.0, 2);
    CHECK(count_label(d, 1.0) == 51);
    CHECK(count_label(d, 0.0) == 50);
    // Shuffled: the first 51 samples are not all of class 1.
    CHECK(d.y.leftCols(51).sum() < 45.0);
  }
  const Dataset x = nn::make_xor(1000, 0.0, 2);  // uniform quadrants: balanced on average
  CHECK(count_label(x, 1.0) + count_label(x, 0.0) == 1000);
  CHECK(count_label(x, 1.0) == Approx(500).margin(60));
}

TEST_CASE("Datasets: circle at noise 0 has class 1 inside radius 2.5 and class 0 in the ring",
          "[data]") {
  const Dataset d = nn::make_circle(400, 0.0, 3);
  for (Index i = 0; i < d.size(); ++i) {
    const double r = d.x.col(i).norm();
    if (d.y(0, i) == 1.0) {
      CHECK(r < 2.5);
    } else {
      CHECK(r >= 3.5);
      CHECK(r <= 5.0);
    }
  }
}

TEST_CASE("Datasets: circle noise flips labels near the ring without moving points", "[data]") {
  const Dataset d = nn::make_circle(400, 0.3, 3);
  Index flipped = 0;
  for (Index i = 0; i < d.size(); ++i) {
    const double r = d.x.col(i).norm();
    CHECK((r < 2.5 || (r >= 3.5 && r <= 5.0)));
    if ((r < 2.5) != (d.y(0, i) == 1.0)) ++flipped;
  }
  CHECK(flipped > 10);
  CHECK(flipped < 200);
}

TEST_CASE("Datasets: xor at noise 0 labels 1 where x1 times x2 is positive", "[data]") {
  const Dataset d = nn::make_xor(400, 0.0, 4);
  for (Index i = 0; i < d.size(); ++i) {
    const double x1 = d.x(0, i), x2 = d.x(1, i);
    CHECK(std::abs(x1) >= 0.3);
    CHECK(std::abs(x1) <= 5.3);
    CHECK(std::abs(x2) >= 0.3);
    CHECK(std::abs(x2) <= 5.3);
    CHECK(d.y(0, i) == (x1 * x2 >= 0.0 ? 1.0 : 0.0));
  }
}

TEST_CASE("Datasets: gauss centres and variance follow TF Playground", "[data]") {
  for (double noise : {0.0, 0.5}) {
    const Dataset d = nn::make_gauss(4000, noise, 5);
    const double variance = 0.5 + 7.0 * noise;
    for (double label : {1.0, 0.0}) {
      const double centre = label == 1.0 ? 2.0 : -2.0;
      double sum = 0.0, sq = 0.0, count = 0.0;
      for (Index i = 0; i < d.size(); ++i) {
        if (d.y(0, i) != label) continue;
        sum += d.x(0, i) + d.x(1, i);
        sq += std::pow(d.x(0, i) - centre, 2) + std::pow(d.x(1, i) - centre, 2);
        count += 2.0;
      }
      INFO("noise " << noise << " label " << label);
      CHECK(sum / count == Approx(centre).margin(0.1));
      CHECK(sq / count == Approx(variance).epsilon(0.06));
    }
  }
}

TEST_CASE("Datasets: spiral at noise 0 is two arms half a turn apart", "[data]") {
  const Dataset d = nn::make_spiral(300, 0.0, 6);
  for (Index i = 0; i < d.size(); ++i) {
    const double x = d.x(0, i), y = d.x(1, i), r = std::hypot(x, y);
    CHECK(r < 5.0);
    if (r < 1e-9) continue;
    // x = r sin(t), y = r cos(t) with t = 1.75 * 2 pi * r / 5 (+ pi for class 0).
    const double expected = 1.75 * 2.0 * kPi * r / 5.0 + (d.y(0, i) == 1.0 ? 0.0 : kPi);
    CHECK(std::abs(wrap(std::atan2(x, y) - expected)) < 1e-9);
  }
}

TEST_CASE("Datasets: regress_plane target is the scaled sum of coordinates", "[data]") {
  const Dataset clean = nn::make_regress_plane(300, 0.0, 7);
  CHECK(clean.x.cwiseAbs().maxCoeff() <= 6.0);
  for (Index i = 0; i < clean.size(); ++i)
    CHECK(clean.y(0, i) == Approx((clean.x(0, i) + clean.x(1, i)) / 10.0).margin(1e-12));
  // Noise moves the target by at most 2 * 6 * noise / 10.
  const Dataset noisy = nn::make_regress_plane(300, 0.5, 7);
  const double shift = (noisy.y - (noisy.x.row(0) + noisy.x.row(1)) / 10.0).cwiseAbs().maxCoeff();
  CHECK(shift > 0.1);
  CHECK(shift <= 0.6 + 1e-12);
}

TEST_CASE("Datasets: regress_gaussian target follows the six signed bumps", "[data]") {
  const double bumps[6][3] = {{-4, 2.5, 1},   {0, 2.5, -1}, {4, 2.5, 1},
                              {-4, -2.5, -1}, {0, -2.5, 1}, {4, -2.5, -1}};
  const Dataset d = nn::make_regress_gaussian(500, 0.0, 8);
  CHECK(d.y.cwiseAbs().maxCoeff() <= 1.0);
  for (Index i = 0; i < d.size(); ++i) {
    // Bumps are at least 4 apart, so at most one is within its radius 2 of any point.
    double expected = 0.0;
    for (const auto& b : bumps) {
      const double dist = std::hypot(d.x(0, i) - b[0], d.x(1, i) - b[1]);
      if (dist < 2.0) expected = b[2] * (1.0 - dist / 2.0);
    }
    CHECK(d.y(0, i) == Approx(expected).margin(1e-12));
  }
}

TEST_CASE("Datasets: moons at noise 0 lie on two scaled half circles", "[data]") {
  const Dataset d = nn::make_moons(200, 0.0, 9);
  for (Index i = 0; i < d.size(); ++i) {
    // Undo the centring on (0.5, 0.25) and the scale 3.
    double u = d.x(0, i) / 3.0 + 0.5, v = d.x(1, i) / 3.0 + 0.25;
    if (d.y(0, i) == 1.0) {
      u = 1.0 - u;
      v = 0.5 - v;
    }
    CHECK(std::hypot(u, v) == Approx(1.0).margin(1e-9));
    CHECK(v >= -1e-9);
  }
  CHECK(d.x.row(0).cwiseAbs().maxCoeff() <= 4.5 + 1e-9);
}

TEST_CASE("Datasets: linear at noise 0 is separable by a line through the origin", "[data]") {
  const Dataset d = nn::make_linear(300, 0.0, 10);
  // The perceptron converges on separable data (mistakes <= (R / margin)^2, about 200).
  double w0 = 0.0, w1 = 0.0;
  Index mistakes = 1;
  for (int epoch = 0; epoch < 300 && mistakes > 0; ++epoch) {
    mistakes = 0;
    for (Index i = 0; i < d.size(); ++i) {
      const double t = d.y(0, i) == 1.0 ? 1.0 : -1.0;
      if (t * (w0 * d.x(0, i) + w1 * d.x(1, i)) <= 0.0) {
        w0 += t * d.x(0, i);
        w1 += t * d.x(1, i);
        ++mistakes;
      }
    }
  }
  CHECK(mistakes == 0);
  CHECK(d.x.cwiseAbs().maxCoeff() <= 5.0);
}

TEST_CASE("Datasets: blobs give k classes around their centres", "[data]") {
  for (Index k : {Index{3}, Index{5}}) {
    const Dataset d = nn::make_dataset("blobs", 1001, 0.0, 11, k);
    for (Index c = 0; c < k; ++c) {
      const double angle = kPi / 2.0 + 2.0 * kPi * static_cast<double>(c) / static_cast<double>(k);
      double sx = 0.0, sy = 0.0;
      Index count = 0;
      for (Index i = 0; i < d.size(); ++i) {
        if (d.y(0, i) != static_cast<double>(c)) continue;
        sx += d.x(0, i);
        sy += d.x(1, i);
        ++count;
      }
      INFO("k " << k << " class " << c);
      CHECK(count == 1001 / k + (c < 1001 % k ? 1 : 0));
      CHECK(sx / static_cast<double>(count) == Approx(3.5 * std::cos(angle)).margin(0.15));
      CHECK(sy / static_cast<double>(count) == Approx(3.5 * std::sin(angle)).margin(0.15));
    }
  }
}

TEST_CASE("Datasets: generators reject bad n noise classes and names", "[data][errors]") {
  CHECK_THROWS_WITH(nn::make_circle(0, 0.1, 1), Catch::Contains("circle: n must be > 0, got 0"));
  CHECK_THROWS_WITH(nn::make_spiral(-3, 0.1, 1), Catch::Contains("spiral: n must be > 0"));
  CHECK_THROWS_WITH(nn::make_xor(10, -0.1, 1), Catch::Contains("xor: noise must be >= 0"));
  CHECK_THROWS_WITH(nn::make_gauss(10, std::nan(""), 1), Catch::Contains("noise must be >= 0"));
  CHECK_THROWS_WITH(nn::make_blobs(10, 0.0, 1, 1), Catch::Contains("blobs: classes must be >= 2"));
  CHECK_THROWS_WITH(nn::make_blobs(3, 0.0, 1, 4), Catch::Contains("classes must be <= n"));
  CHECK_THROWS_WITH(nn::make_dataset("circle", 10, 0.0, 1, 0),
                    Catch::Contains("classes must be >= 2, got 0"));
  CHECK_THROWS_WITH(nn::make_dataset("spirals", 10, 0.0, 1),
                    Catch::Contains("unknown dataset 'spirals'") && Catch::Contains("spiral") &&
                        Catch::Contains("regress_gaussian") && Catch::Contains("moons"));
}

TEST_CASE("Datasets: portable sin and cos match libm", "[data]") {
  for (double x = -20.0; x <= 20.0; x += 0.37) {
    CHECK(nn::data_detail::portable_sin(x) == Approx(std::sin(x)).margin(1e-14));
    CHECK(nn::data_detail::portable_cos(x) == Approx(std::cos(x)).margin(1e-14));
  }
}
