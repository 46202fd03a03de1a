// Recurrent learning tests with fixed seeds: what the recurrent lessons promise a learner.
// Each trains a small model for a fixed budget (about a second in the Release build).
#include <catch2/catch.hpp>
#include <cmath>
#include <map>

#include "engine/core/data/char_corpus.hpp"
#include "engine/core/data/sequences.hpp"
#include "engine/core/layers/embedding.hpp"
#include "engine/core/layers/lstm.hpp"
#include "engine/core/layers/simple_rnn.hpp"
#include "engine/core/models/sequential.hpp"
#include "engine/core/models/text_generation.hpp"
#include "engine/core/optimizers/registry.hpp"
#include "engine/core/training/fit.hpp"
#include "support/builders.hpp"

using namespace nn;

namespace {

OptimizerPtr adam(double lr, double clipnorm = 0.0) {
  OptimizerOptions o;
  o.learning_rate = lr;
  if (clipnorm > 0) o.clipnorm = clipnorm;
  return make_optimizer("adam", o);
}

FitOptions epochs(int n, Index batch = 32) {
  FitOptions f;
  f.epochs = n;
  f.batch_size = batch;
  f.seed = 1;
  return f;
}

/// The adding problem of length 30 (baseline MSE 1/6), trained for the same budget with an
/// LSTM(8) or a SimpleRNN(8): 1,000 sequences, 20 epochs, Adam 0.02 with clipnorm 1.
struct AddingResult {
  double test_mse;
  Matrix dh_norm;  // (1, 30) ||dL/dh_t|| on a test batch after training
};

AddingResult train_adding(bool lstm) {
  const Index length = 30;
  const Dataset train = make_adding_problem(1000, length, 1);
  const Dataset test = make_adding_problem(300, length, 2);
  Sequential m(0);
  m.input({length, 2});
  if (lstm)
    m.add(std::make_unique<LSTM>(8));
  else
    m.add(std::make_unique<SimpleRNN>(8));
  m.add(test::dense(1));
  m.compile(adam(0.02, 1.0), "mse");
  fit(m, {{train.x}, {train.y}}, epochs(20));
  AddingResult result;
  result.test_mse = m.evaluate({test.x}, {test.y}).at("loss");
  // Loss on the last step only: dL/dh_t shows how much of it reaches step t.
  m.compute_gradients({test.x.leftCols(64)}, {test.y.leftCols(64)});
  result.dh_norm = dynamic_cast<Recurrent&>(*m.graph().layer(1)).state_gradient_norms();
  return result;
}

}  // namespace

TEST_CASE("Recurrent learning: an LSTM predicts the next sine value", "[learning][recurrent]") {
  const Dataset train = make_wave_windows("sine", 1000, 20, 1);
  const Dataset test = make_wave_windows("sine", 300, 20, 2);
  Sequential m(1);
  m.input({20, 1}).add(std::make_unique<LSTM>(8)).add(test::dense(1));
  m.compile(adam(0.01), "mse");
  fit(m, {{train.x}, {train.y}}, epochs(4));
  const double mse = m.evaluate({test.x}, {test.y}).at("loss");
  INFO("test MSE " << mse);
  CHECK(mse < 1e-3);
}

TEST_CASE("Recurrent learning: an LSTM beats a SimpleRNN on the adding problem of length 30",
          "[learning][recurrent]") {
  const AddingResult lstm = train_adding(true);
  const AddingResult rnn = train_adding(false);
  INFO("test MSE: LSTM " << lstm.test_mse << ", SimpleRNN " << rnn.test_mse << " (baseline 1/6)");
  CHECK(lstm.test_mse < 0.01);
  CHECK(rnn.test_mse > 0.05);
  CHECK(lstm.test_mse * 10 < rnn.test_mse);
}

TEST_CASE("Recurrent learning: the gradient fades through time faster in a SimpleRNN",
          "[learning][recurrent][probes]") {
  // After the same training on the adding problem, compare how much of dL/dh_29 (the last
  // step) survives back to step 0: the LSTM's cell keeps it, the SimpleRNN's tanh chain loses it.
  const AddingResult lstm = train_adding(true);
  const AddingResult rnn = train_adding(false);
  const double lstm_kept = lstm.dh_norm(0, 0) / lstm.dh_norm(0, 29);
  const double rnn_kept = rnn.dh_norm(0, 0) / rnn.dh_norm(0, 29);
  INFO("||dL/dh_0|| / ||dL/dh_29||: LSTM " << lstm_kept << ", SimpleRNN " << rnn_kept);
  CHECK(lstm_kept > 0.01);
  CHECK(rnn_kept * 10 < lstm_kept);
  // And it fades step by step: the SimpleRNN's norm at step 0 is below that at step 15.
  CHECK(rnn.dh_norm(0, 0) < rnn.dh_norm(0, 15));
}

TEST_CASE("Recurrent learning: a char LSTM learns the built-in corpus and samples by seed",
          "[learning][recurrent][text]") {
  const std::string& text = builtin_corpus();
  const CharVocabulary vocab(text);
  const Index window = 10;
  const Dataset data = make_char_windows(text, vocab, window);
  // Unigram entropy of the corpus: the best loss without context.
  std::map<char, double> counts;
  for (char c : text) counts[c] += 1;
  double unigram = 0;
  for (const auto& kv : counts) {
    const double p = kv.second / static_cast<double>(text.size());
    unigram -= p * std::log(p);
  }
  Sequential m(1);
  m.input({window})
      .add(std::make_unique<Embedding>(vocab.size(), 16))
      .add(std::make_unique<LSTM>(32))
      .add(test::dense(vocab.size(), "softmax"));
  m.compile(adam(0.01, 1.0), "sparse_categorical_crossentropy");
  const History h = fit(m, {{data.x}, {data.y}}, epochs(3));
  const double loss = h.get("loss").back();
  INFO("loss after 3 epochs " << loss << " nats; unigram entropy " << unigram << "; uniform "
                              << std::log(static_cast<double>(vocab.size())));
  // Stated bound: below 2.2 nats per character, at least 0.5 below the unigram entropy.
  CHECK(loss < 2.2);
  CHECK(loss < unigram - 0.5);
  const std::string prompt = text.substr(0, static_cast<std::size_t>(window));
  const std::string a = generate_text(m, vocab, prompt, 80, 0.5, 7);
  CHECK(a == generate_text(m, vocab, prompt, 80, 0.5, 7));
  CHECK(a != generate_text(m, vocab, prompt, 80, 0.5, 8));
  CHECK(a.size() == 80);
}
