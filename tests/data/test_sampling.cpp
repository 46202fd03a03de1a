#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "engine/core/base/error.hpp"
#include "engine/core/data/char_corpus.hpp"
#include "engine/core/data/sampling.hpp"
#include "engine/core/layers/dense.hpp"
#include "engine/core/models/sequential.hpp"
#include "engine/core/models/text_generation.hpp"

using nn::Index;
using nn::Matrix;
using nn::Rng;

namespace {

Matrix column(const std::vector<double>& values) {
  Matrix m(static_cast<Index>(values.size()), 1);
  for (std::size_t i = 0; i < values.size(); ++i) m(static_cast<Index>(i), 0) = values[i];
  return m;
}

/// Frequencies of each index over `draws` samples.
std::vector<double> frequencies(const Matrix& p, double temperature, int draws,
                                std::uint64_t seed) {
  Rng rng(seed);
  std::vector<double> counts(static_cast<std::size_t>(p.rows()), 0.0);
  for (int i = 0; i < draws; ++i)
    counts[static_cast<std::size_t>(nn::sample_with_temperature(p, temperature, rng))] += 1.0;
  for (double& c : counts) c /= draws;
  return counts;
}

/// Sequential: input (window) of ids -> Dense(vocab, softmax), kernel scaled down so the
/// predicted distribution is close to uniform and sampling has room to differ between seeds.
std::unique_ptr<nn::Sequential> char_model(Index window, Index vocab_size) {
  auto model = std::make_unique<nn::Sequential>(3);
  model->input({window}).add(std::make_unique<nn::Dense>(vocab_size, "softmax"));
  std::vector<Matrix> weights = model->get_weights();
  weights[0] *= 0.05;
  model->set_weights(weights);
  return model;
}

}  // namespace

// ---- sample_with_temperature ----

TEST_CASE("SampleTemperature: T 1 draws each index with its probability", "[data][sampling]") {
  const std::vector<double> p = {0.1, 0.2, 0.3, 0.4};
  const std::vector<double> f = frequencies(column(p), 1.0, 20000, 1);
  for (std::size_t i = 0; i < p.size(); ++i) CHECK(f[i] == Approx(p[i]).margin(0.015));
}

TEST_CASE("SampleTemperature: T 0.5 draws p squared renormalised", "[data][sampling]") {
  const std::vector<double> p = {0.1, 0.2, 0.3, 0.4};
  const std::vector<double> f = frequencies(column(p), 0.5, 20000, 2);
  const double total = 0.01 + 0.04 + 0.09 + 0.16;
  for (std::size_t i = 0; i < p.size(); ++i)
    CHECK(f[i] == Approx(p[i] * p[i] / total).margin(0.015));
}

TEST_CASE("SampleTemperature: T 2 flattens toward uniform and zeros are never drawn",
          "[data][sampling]") {
  const std::vector<double> p = {0.0, 0.1, 0.0, 0.9};
  const std::vector<double> f = frequencies(column(p), 2.0, 20000, 3);
  const double a = std::sqrt(0.1), b = std::sqrt(0.9);
  CHECK(f[0] == 0.0);
  CHECK(f[2] == 0.0);
  CHECK(f[1] == Approx(a / (a + b)).margin(0.015));
  CHECK(f[3] == Approx(b / (a + b)).margin(0.015));
}

TEST_CASE("SampleTemperature: tiny temperatures give the argmax", "[data][sampling]") {
  const Matrix p = column({0.2, 0.25, 0.3, 0.25});
  Rng rng(4);
  for (double t : {1e-3, 1e-6, 1e-300}) {
    INFO(t);
    for (int i = 0; i < 200; ++i) REQUIRE(nn::sample_with_temperature(p, t, rng) == 2);
  }
}

TEST_CASE("SampleTemperature: unnormalised input is renormalised and one draw per call",
          "[data][sampling]") {
  // Weights 1 and 3 sample like probabilities 0.25 and 0.75.
  const std::vector<double> f = frequencies(column({1.0, 3.0}), 1.0, 20000, 5);
  CHECK(f[1] == Approx(0.75).margin(0.015));
  // Exactly one rng.uniform() per call: the stream stays aligned with a reference Rng.
  Rng a(6), b(6);
  nn::sample_with_temperature(column({0.5, 0.5}), 0.7, a);
  b.uniform();
  CHECK(a.next_u64() == b.next_u64());
}

TEST_CASE("SampleTemperature: same seed gives the same draws", "[data][sampling]") {
  const Matrix p = column({0.3, 0.3, 0.4});
  Rng a(9), b(9);
  for (int i = 0; i < 100; ++i)
    REQUIRE(nn::sample_with_temperature(p, 0.8, a) == nn::sample_with_temperature(p, 0.8, b));
}

TEST_CASE("SampleTemperature: bad temperature or probabilities throw naming them",
          "[data][sampling][errors]") {
  Rng rng(0);
  const Matrix p = column({0.5, 0.5});
  CHECK_THROWS_WITH(nn::sample_with_temperature(p, 0.0, rng),
                    Catch::Contains("temperature must be finite and > 0, got 0"));
  CHECK_THROWS_WITH(nn::sample_with_temperature(p, -1.0, rng), Catch::Contains("temperature"));
  CHECK_THROWS_WITH(nn::sample_with_temperature(p, std::numeric_limits<double>::infinity(), rng),
                    Catch::Contains("temperature"));
  CHECK_THROWS_WITH(nn::sample_with_temperature(column({0.5, -0.1, 0.6}), 1.0, rng),
                    Catch::Contains("probabilities[1] must be finite and >= 0, got -0.1"));
  CHECK_THROWS_WITH(nn::sample_with_temperature(column({0.5, std::nan("")}), 1.0, rng),
                    Catch::Contains("probabilities[1]"));
  CHECK_THROWS_WITH(nn::sample_with_temperature(column({0.0, 0.0}), 1.0, rng),
                    Catch::Contains("positive sum"));
  CHECK_THROWS_WITH(nn::sample_with_temperature(Matrix(2, 2), 1.0, rng),
                    Catch::Contains("(k, 1) column"));
  CHECK_THROWS_WITH(nn::sample_with_temperature(Matrix(0, 1), 1.0, rng),
                    Catch::Contains("(k, 1) column"));
}

// ---- generate_text ----

TEST_CASE("GenerateText: returns length vocabulary characters and is deterministic by seed",
          "[data][sampling]") {
  const nn::CharVocabulary vocab(nn::builtin_corpus());
  auto model = char_model(5, vocab.size());
  const std::string prompt = "a neuron";
  const std::string a = nn::generate_text(*model, vocab, prompt, 60, 1.0, 7);
  const std::string b = nn::generate_text(*model, vocab, prompt, 60, 1.0, 7);
  const std::string c = nn::generate_text(*model, vocab, prompt, 60, 1.0, 8);
  CHECK(a.size() == 60);
  CHECK(a == b);
  CHECK(a != c);
  for (char ch : a) CHECK(vocab.chars().find(ch) != std::string::npos);
  CHECK(nn::generate_text(*model, vocab, prompt, 0, 1.0, 7).empty());
}

TEST_CASE("GenerateText: tiny temperature follows the model argmax", "[data][sampling]") {
  const nn::CharVocabulary vocab("abcd");
  auto model = char_model(3, vocab.size());
  const std::string text = nn::generate_text(*model, vocab, "abc", 4, 1e-9, 1);
  // Re-derive each character as the argmax of the model on the sliding window.
  std::string ids_text = "abc";
  for (char produced : text) {
    Matrix x(3, 1);
    for (Index t = 0; t < 3; ++t)
      x(t, 0) = static_cast<double>(
          vocab.index_of(ids_text[ids_text.size() - 3 + static_cast<std::size_t>(t)]));
    Index best = 0;
    model->predict({x}, 1)[0].col(0).maxCoeff(&best);
    CHECK(produced == vocab.char_at(best));
    ids_text += produced;
  }
}

TEST_CASE("GenerateText: bad prompt model or arguments throw naming what was expected",
          "[data][sampling][errors]") {
  const nn::CharVocabulary vocab("abcd");
  auto model = char_model(3, vocab.size());
  CHECK_THROWS_WITH(nn::generate_text(*model, vocab, "ab", 5, 1.0, 0),
                    Catch::Contains("prompt must have at least window = 3 characters, got 2"));
  CHECK_THROWS_WITH(nn::generate_text(*model, vocab, "abz", 5, 1.0, 0), Catch::Contains("'z'"));
  CHECK_THROWS_WITH(nn::generate_text(*model, vocab, "abc", -1, 1.0, 0),
                    Catch::Contains("length must be >= 0"));
  CHECK_THROWS_WITH(nn::generate_text(*model, vocab, "abc", 5, 0.0, 0),
                    Catch::Contains("temperature"));
  auto wrong = char_model(3, 7);
  CHECK_THROWS_WITH(nn::generate_text(*wrong, vocab, "abc", 5, 1.0, 0),
                    Catch::Contains("output must have vocab.size() = 4 values"));
}
