#include <catch2/catch.hpp>

#include <algorithm>
#include <string>

#include "engine/core/base/error.hpp"
#include "engine/core/initializers/initializer.hpp"

using nn::Matrix;

namespace {

Matrix draw(const std::string& name, std::uint64_t seed) {
  Matrix w(12, 10);
  nn::Rng rng(seed);
  nn::make_initializer(name)->fill(w, 10, 12, rng);
  return w;
}

}  // namespace

TEST_CASE("Initializer factory: names are sorted and every one builds and clones",
          "[initializers]") {
  const auto names = nn::initializer_names();
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(names.size() == 14);
  for (const std::string& name : names) {
    const auto init = nn::make_initializer(name);
    CHECK(init->name() == name);
    CHECK(init->clone()->name() == name);
  }
}

TEST_CASE("Initializer factory: a seed fixes the draw and another seed changes it",
          "[initializers]") {
  for (const std::string& name : nn::initializer_names()) {
    if (name == "zeros" || name == "ones" || name == "constant") continue;
    INFO(name);
    CHECK(draw(name, 17) == draw(name, 17));
    CHECK(draw(name, 17) != draw(name, 18));
  }
  // Clones draw identically: the initializer has no hidden state.
  Matrix a(4, 3), b(4, 3);
  nn::Rng ra(2), rb(2);
  const auto init = nn::make_initializer("glorot_uniform");
  init->fill(a, 3, 4, ra);
  init->clone()->fill(b, 3, 4, rb);
  CHECK(a == b);
}

TEST_CASE("Initializer factory: invalid options name the initializer and option",
          "[initializers][errors]") {
  nn::InitializerOptions stddev;
  stddev.stddev = 0.0;
  CHECK_THROWS_WITH(nn::make_initializer("random_normal", stddev),
                    Catch::Contains("random_normal: stddev must be > 0, got 0"));
  stddev.stddev = -1.0;
  CHECK_THROWS_WITH(nn::make_initializer("truncated_normal", stddev),
                    Catch::Contains("truncated_normal: stddev must be > 0, got -1"));
  nn::InitializerOptions range;
  range.minval = 0.5;
  range.maxval = 0.5;
  CHECK_THROWS_WITH(nn::make_initializer("random_uniform", range),
                    Catch::Contains("random_uniform: minval must be < maxval"));
  range.minval = 1.0;
  range.maxval = -1.0;
  CHECK_THROWS_AS(nn::make_initializer("random_uniform", range), nn::Error);
  nn::InitializerOptions gain;
  gain.gain = -2.0;
  CHECK_THROWS_WITH(nn::make_initializer("orthogonal", gain),
                    Catch::Contains("orthogonal: gain must be > 0, got -2"));
}

TEST_CASE("Initializer factory: unknown name lists the valid ones", "[initializers][errors]") {
  CHECK_THROWS_WITH(nn::make_initializer("xavier"),
                    Catch::Contains("unknown initializer 'xavier'") &&
                        Catch::Contains("glorot_uniform") && Catch::Contains("orthogonal") &&
                        Catch::Contains("zeros"));
}
