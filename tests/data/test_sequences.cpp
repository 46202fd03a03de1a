#include <catch2/catch.hpp>

#include <cmath>
#include <string>

#include "engine/core/base/error.hpp"
#include "engine/core/data/sequence_registry.hpp"
#include "engine/core/data/sequences.hpp"

using nn::Dataset;
using nn::Index;

namespace {

constexpr double kPi = 3.14159265358979323846;

bool same_bits(const Dataset& a, const Dataset& b) { return a.x == b.x && a.y == b.y; }

}  // namespace

// ---- waves ----

TEST_CASE("Waves: windows are window_length by n with a 1 by n target", "[data][sequences]") {
  for (const std::string& wave : nn::wave_names()) {
    INFO(wave);
    const Dataset d = nn::make_wave_windows(wave, 33, 20, 1);
    CHECK(d.x.rows() == 20);
    CHECK(d.x.cols() == 33);
    CHECK(d.y.rows() == 1);
    CHECK(d.y.cols() == 33);
    CHECK(d.x.allFinite());
  }
}

TEST_CASE("Waves: same seed gives the same bits and another seed differs", "[data][sequences]") {
  nn::WaveOptions noisy;
  noisy.noise = 0.1;
  for (const std::string& wave : nn::wave_names()) {
    INFO(wave);
    CHECK(same_bits(nn::make_wave_windows(wave, 10, 8, 5, noisy),
                    nn::make_wave_windows(wave, 10, 8, 5, noisy)));
    CHECK(nn::make_wave_windows(wave, 10, 8, 5, noisy).x !=
          nn::make_wave_windows(wave, 10, 8, 6, noisy).x);
  }
}

TEST_CASE("Waves: sine windows follow sin of 2 pi t over period and y is the next value",
          "[data][sequences]") {
  const Dataset d = nn::make_wave_windows("sine", 50, 20, 3);
  for (Index b = 0; b < d.size(); ++b) {
    // Consecutive values lie on one unit sine: s(t) = sin(a), s(t+1) = sin(a + w).
    for (Index t = 0; t + 1 < 20; ++t) {
      // sin(a + w) = sin(a) cos(w) + cos(a) sin(w): consecutive values of one sine.
      const double w = 2 * kPi / 20;
      const double s0 = d.x(t, b), s1 = d.x(t + 1, b);
      REQUIRE(std::abs(s0) <= 1.0);
      const double c0 = (s1 - s0 * std::cos(w)) / std::sin(w);
      CHECK(s0 * s0 + c0 * c0 == Approx(1.0).margin(1e-9));
    }
    const double w = 2 * kPi / 20;
    const double s_prev = d.x(18, b), s_last = d.x(19, b);
    // The next value of the same sine: s(t+1) = 2 cos(w) s(t) - s(t-1).
    CHECK(d.y(0, b) == Approx(2 * std::cos(w) * s_last - s_prev).margin(1e-9));
  }
}

TEST_CASE("Waves: sawtooth rises by 2 over period per step within -1 and 1", "[data][sequences]") {
  nn::WaveOptions opts;
  opts.period = 10;
  const Dataset d = nn::make_wave_windows("sawtooth", 40, 15, 4, opts);
  CHECK(d.x.minCoeff() >= -1.0);
  CHECK(d.x.maxCoeff() < 1.0);
  for (Index b = 0; b < d.size(); ++b) {
    for (Index t = 0; t < 15; ++t) {
      const double next = t + 1 < 15 ? d.x(t + 1, b) : d.y(0, b);
      double step = next - d.x(t, b);
      if (step < 0) step += 2.0;  // the wrap from +1 back to -1
      CHECK(step == Approx(0.2).margin(1e-9));
    }
  }
}

TEST_CASE("Waves: square is plus or minus amplitude and the sign of the sine",
          "[data][sequences]") {
  nn::WaveOptions opts;
  opts.amplitude = 2.5;
  const Dataset sq = nn::make_wave_windows("square", 30, 25, 9, opts);
  const Dataset sn = nn::make_wave_windows("sine", 30, 25, 9, opts);  // same seed: same phases
  for (Index b = 0; b < sq.size(); ++b) {
    for (Index t = 0; t < 25; ++t) {
      REQUIRE(std::abs(sq.x(t, b)) == 2.5);
      if (std::abs(sn.x(t, b)) > 1e-9) CHECK((sq.x(t, b) > 0) == (sn.x(t, b) > 0));
    }
    if (std::abs(sn.y(0, b)) > 1e-9) CHECK((sq.y(0, b) > 0) == (sn.y(0, b) > 0));
  }
}

TEST_CASE("Waves: noise perturbs the inputs but not the target", "[data][sequences]") {
  nn::WaveOptions noisy;
  noisy.noise = 0.05;
  // Targets are clean sawtooth values in [-1, 1); noisy inputs sometimes leave that range.
  const Dataset d = nn::make_wave_windows("sawtooth", 200, 5, 2, noisy);
  CHECK(d.y.minCoeff() >= -1.0);
  CHECK(d.y.maxCoeff() < 1.0);
  const Dataset clean = nn::make_wave_windows("sawtooth", 200, 5, 2);
  CHECK(d.x != clean.x);
  CHECK((d.x.array().abs() > 1.0).count() > 0);
}

TEST_CASE("Waves: bad arguments throw naming the argument", "[data][sequences][errors]") {
  CHECK_THROWS_WITH(nn::make_wave_windows("cosine", 4, 4, 0),
                    Catch::Contains("expected one of: sawtooth, sine, square"));
  CHECK_THROWS_WITH(nn::make_wave_windows("sine", 0, 4, 0), Catch::Contains("windows"));
  CHECK_THROWS_WITH(nn::make_wave_windows("sine", 4, 0, 0), Catch::Contains("window_length"));
  nn::WaveOptions bad;
  bad.period = 0;
  CHECK_THROWS_WITH(nn::make_wave_windows("sine", 4, 4, 0, bad), Catch::Contains("period"));
  bad = {};
  bad.noise = -1;
  CHECK_THROWS_WITH(nn::make_wave_windows("sine", 4, 4, 0, bad), Catch::Contains("noise"));
  bad = {};
  bad.amplitude = std::nan("");
  CHECK_THROWS_WITH(nn::make_wave_windows("sine", 4, 4, 0, bad), Catch::Contains("amplitude"));
}

// ---- adding problem ----

TEST_CASE("Adding: x is 2 length by n with two markers one per half and y their sum",
          "[data][sequences]") {
  const Index length = 11, n = 300;
  const Dataset d = nn::make_adding_problem(n, length, 17);
  REQUIRE(d.x.rows() == 2 * length);
  REQUIRE(d.x.cols() == n);
  REQUIRE(d.y.rows() == 1);
  for (Index b = 0; b < n; ++b) {
    Index first_half = 0, second_half = 0;
    nn::Scalar sum = 0;
    for (Index t = 0; t < length; ++t) {
      const nn::Scalar value = d.x(2 * t, b), marker = d.x(2 * t + 1, b);
      REQUIRE(value >= 0);
      REQUIRE(value < 1);
      REQUIRE((marker == 0 || marker == 1));
      if (marker == 1) {
        (t < length / 2 ? first_half : second_half) += 1;
        sum += value;
      }
    }
    REQUIRE(first_half == 1);
    REQUIRE(second_half == 1);
    CHECK(d.y(0, b) == sum);
  }
}

TEST_CASE("Adding: predicting 1 gives mean squared error near 1/6", "[data][sequences]") {
  const Dataset d = nn::make_adding_problem(20000, 10, 3);
  const double mse = (d.y.array() - 1.0).square().mean();
  CHECK(mse == Approx(1.0 / 6.0).margin(0.006));
}

TEST_CASE("Adding: deterministic by seed and length 2 puts a marker on both steps",
          "[data][sequences]") {
  CHECK(same_bits(nn::make_adding_problem(20, 30, 1), nn::make_adding_problem(20, 30, 1)));
  CHECK(nn::make_adding_problem(20, 30, 1).x != nn::make_adding_problem(20, 30, 2).x);
  const Dataset d = nn::make_adding_problem(5, 2, 0);
  CHECK(d.x.row(1).minCoeff() == 1);
  CHECK(d.x.row(3).minCoeff() == 1);
}

TEST_CASE("Adding: bad arguments throw naming the argument", "[data][sequences][errors]") {
  CHECK_THROWS_WITH(nn::make_adding_problem(4, 1, 0),
                    "make_adding_problem: length must be >= 2, got 1");
  CHECK_THROWS_WITH(nn::make_adding_problem(0, 5, 0), Catch::Contains("n must be >= 1"));
}

// ---- copy memory ----

TEST_CASE("CopyMemory: one-hot inputs of steps times classes and sparse targets",
          "[data][sequences]") {
  const Index n = 50, delay = 7, copy = 4, symbols = 5;
  const Index steps = 2 * copy + delay, classes = symbols + 2;
  const Dataset d = nn::make_copy_memory(n, delay, 3, copy, symbols);
  REQUIRE(d.x.rows() == steps * classes);
  REQUIRE(d.y.rows() == steps);
  REQUIRE(d.x.cols() == n);
  for (Index b = 0; b < n; ++b) {
    for (Index t = 0; t < steps; ++t) {
      // Exactly one hot entry per step; decode its id.
      Index id = -1, hot = 0;
      for (Index c = 0; c < classes; ++c) {
        if (d.x(t * classes + c, b) == 1) {
          id = c;
          ++hot;
        }
      }
      REQUIRE(hot == 1);
      if (t < copy) {
        CHECK(id >= 1);
        CHECK(id <= symbols);
        // The recall steps repeat the first symbols in order.
        CHECK(d.y(copy + delay + t, b) == id);
      } else if (t == copy + delay - 1) {
        CHECK(id == symbols + 1);
      } else {
        CHECK(id == 0);
      }
      if (t < copy + delay) CHECK(d.y(t, b) == 0);
    }
  }
}

TEST_CASE("CopyMemory: defaults give 10 symbols out of 8 and delay 1 works", "[data][sequences]") {
  const Dataset d = nn::make_copy_memory(3, 1, 0);
  CHECK(d.y.rows() == 21);
  CHECK(d.x.rows() == 21 * 10);
  CHECK(d.y.maxCoeff() <= 8);
  // With delay 1 the delimiter is the step right after the symbols.
  for (Index b = 0; b < 3; ++b) CHECK(d.x(10 * 10 + 9, b) == 1);
  CHECK(same_bits(nn::make_copy_memory(8, 5, 1), nn::make_copy_memory(8, 5, 1)));
  CHECK(nn::make_copy_memory(8, 5, 1).y != nn::make_copy_memory(8, 5, 2).y);
}

TEST_CASE("CopyMemory: bad arguments throw naming the argument", "[data][sequences][errors]") {
  CHECK_THROWS_WITH(nn::make_copy_memory(0, 5, 0), Catch::Contains("n must be >= 1"));
  CHECK_THROWS_WITH(nn::make_copy_memory(2, 0, 0), Catch::Contains("delay must be >= 1, got 0"));
  CHECK_THROWS_WITH(nn::make_copy_memory(2, 5, 0, 0), Catch::Contains("copy_length"));
  CHECK_THROWS_WITH(nn::make_copy_memory(2, 5, 0, 3, 0), Catch::Contains("symbols"));
}

// ---- parity ----

TEST_CASE("Parity: bits with y the XOR of each sequence", "[data][sequences]") {
  const Dataset d = nn::make_parity(200, 9, 4);
  REQUIRE(d.x.rows() == 9);
  REQUIRE(d.y.rows() == 1);
  for (Index b = 0; b < d.size(); ++b) {
    int acc = 0;
    for (Index t = 0; t < 9; ++t) {
      REQUIRE((d.x(t, b) == 0 || d.x(t, b) == 1));
      acc ^= static_cast<int>(d.x(t, b));
    }
    CHECK(d.y(0, b) == acc);
  }
  // Both classes occur, roughly balanced.
  CHECK(d.y.sum() > 60);
  CHECK(d.y.sum() < 140);
}

TEST_CASE("Parity: deterministic by seed and errors on bad arguments",
          "[data][sequences][errors]") {
  CHECK(same_bits(nn::make_parity(30, 6, 8), nn::make_parity(30, 6, 8)));
  CHECK(nn::make_parity(30, 6, 8).x != nn::make_parity(30, 6, 9).x);
  CHECK_THROWS_WITH(nn::make_parity(3, 0, 0), "make_parity: length must be >= 1, got 0");
  CHECK_THROWS_WITH(nn::make_parity(-1, 4, 0), Catch::Contains("n must be >= 1"));
}

// ---- registry ----

TEST_CASE("SequenceRegistry: every name builds with the documented sizes", "[data][sequences]") {
  nn::SequenceDatasetOptions o;
  o.n = 12;
  o.length = 6;
  o.copy_length = 3;
  o.symbols = 4;
  for (const std::string& name : nn::sequence_dataset_names()) {
    INFO(name);
    const Dataset d = nn::make_sequence_dataset(name, o);
    CHECK(d.y.cols() == d.x.cols());
    if (name != "char_corpus") CHECK(d.size() == 12);
  }
  CHECK(nn::make_sequence_dataset("adding", o).x.rows() == 12);
  CHECK(nn::make_sequence_dataset("copy_memory", o).y.rows() == 2 * 3 + 6);
  CHECK(nn::make_sequence_dataset("parity", o).x.rows() == 6);
  CHECK(nn::make_sequence_dataset("sine", o).x.rows() == 6);
  CHECK(nn::make_sequence_dataset("char_corpus", o).x.rows() == 6);
}

TEST_CASE("SequenceRegistry: options reach the generators", "[data][sequences]") {
  nn::SequenceDatasetOptions o;
  o.n = 5;
  o.length = 4;
  o.amplitude = 3;
  o.seed = 11;
  CHECK(same_bits(nn::make_sequence_dataset("square", o), [] {
    nn::WaveOptions w;
    w.amplitude = 3;
    return nn::make_wave_windows("square", 5, 4, 11, w);
  }()));
  o.stride = 100;
  const Dataset c = nn::make_sequence_dataset("char_corpus", o);
  CHECK(c.size() < 100);
}

TEST_CASE("SequenceRegistry: unknown names list the valid ones", "[data][sequences][errors]") {
  CHECK_THROWS_WITH(nn::make_sequence_dataset("addition"),
                    Catch::Contains("adding, char_corpus, copy_memory, parity, sawtooth, sine, "
                                    "square"));
  CHECK(nn::sequence_dataset_names().size() == 7);
}

// ---- golden values (native and wasm must agree: only Rng draws and a portable sine) ----

TEST_CASE("SequenceGolden: seed 0 gives fixed sine adding and parity samples",
          "[data][sequences]") {
  const Dataset s = nn::make_wave_windows("sine", 1, 3, 0);
  CHECK(s.x(0, 0) == Approx(-0.59418676051351438).margin(1e-12));
  CHECK(s.x(2, 0) == Approx(-0.95347879808119085).margin(1e-12));
  CHECK(s.y(0, 0) == Approx(-0.99996851282029997).margin(1e-12));
  const Dataset a = nn::make_adding_problem(1, 4, 0);
  CHECK(a.x(0, 0) == Approx(0.60126299941790484).margin(1e-12));
  CHECK(a.x(3, 0) == 1);  // markers at steps 1 and 2
  CHECK(a.x(5, 0) == 1);
  CHECK(a.y(0, 0) == Approx(0.85079408194227613).margin(1e-12));
  const Dataset p = nn::make_parity(1, 8, 0);
  CHECK(p.x.col(0).sum() == 2);
  CHECK(p.x(4, 0) == 1);
  CHECK(p.x(7, 0) == 1);
  CHECK(p.y(0, 0) == 0);
}
