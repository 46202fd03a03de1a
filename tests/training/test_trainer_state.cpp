#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/layers/dropout.hpp"
#include "engine/core/training/early_stopping.hpp"
#include "engine/core/training/reduce_lr_on_plateau.hpp"
#include "engine/core/training/trainer.hpp"
#include "support/builders.hpp"
#include "support/gradcheck.hpp"

using namespace nn;
using nn::test::dense;

namespace {

ModelData blob_data(Index n, std::uint64_t seed) {
  Rng rng(seed);
  Matrix x = test::random_matrix(3, n, rng);
  Matrix y = (x.row(0) - x.row(2)).array().tanh().matrix();
  return {{x}, {y}};
}

/// 3 -> 6 relu -> dropout -> 1, Adam: optimizer slots, a random stream and shuffling all matter.
std::unique_ptr<Sequential> model_with_state() {
  auto m = std::make_unique<Sequential>(7);
  m->input({3}).add(dense(6, "relu")).add(std::make_unique<Dropout>(0.3, 5)).add(dense(1));
  m->compile(test::optimizer("adam", 0.01), "mse");
  return m;
}

FitOptions options() {
  FitOptions o;
  o.epochs = 6;
  o.batch_size = 5;
  o.seed = 11;
  o.validation_split = 0.2;
  return o;
}

}  // namespace

TEST_CASE("TrainerState: restoring mid-epoch resumes bit-identically", "[trainer][state]") {
  const ModelData data = blob_data(40, 3);
  auto a = model_with_state();
  EarlyStopping stop_a({"val_loss", 0.0, 2, "auto", true});
  Trainer ta(*a, data, options(), {&stop_a});
  ta.run(9);  // mid-epoch 1 (7 batches per epoch)

  // Snapshot everything a saved file holds.
  const std::vector<Matrix> weights = a->get_weights();
  const auto slots = a->optimizer().slots();
  const auto iterations = a->optimizer().iterations();
  const auto dropout_state = a->graph().layer(2)->random_state();
  const TrainerState state = ta.state();
  REQUIRE(state.epoch == 1);
  REQUIRE(state.batch == 2);

  ta.run(20);
  const std::vector<Matrix> expected = a->get_weights();

  auto b = model_with_state();
  b->set_weights(weights);
  b->optimizer().slots() = slots;
  b->optimizer().set_iterations(iterations);
  b->graph().layer(2)->set_random_state(dropout_state);
  EarlyStopping stop_b({"val_loss", 0.0, 2, "auto", true});
  Trainer tb(*b, data, options(), {&stop_b});
  tb.restore(state);
  tb.run(20);
  const std::vector<Matrix> got = b->get_weights();
  REQUIRE(got.size() == expected.size());
  for (std::size_t i = 0; i < got.size(); ++i) CHECK(got[i] == expected[i]);
  CHECK(tb.history().history == ta.history().history);
  CHECK(tb.finished() == ta.finished());
}

TEST_CASE("TrainerState: restore refuses a different sample count", "[trainer][state][errors]") {
  auto a = model_with_state();
  Trainer ta(*a, blob_data(40, 3), options());
  ta.run(3);
  auto b = model_with_state();
  Trainer tb(*b, blob_data(30, 3), options());
  CHECK_THROWS_WITH(tb.restore(ta.state()), Catch::Contains("training samples"));
}

TEST_CASE("TrainerState: Rng state round trip continues the stream", "[rng][state]") {
  Rng a(42);
  (void)a.normal();  // leaves a spare normal behind
  Rng b(0);
  b.set_state(a.state());
  for (int i = 0; i < 5; ++i) CHECK(a.normal() == b.normal());
  CHECK_THROWS_AS(b.set_state({1, 2, 3}), Error);
}

TEST_CASE("TrainerState: callback states round trip", "[callbacks][state]") {
  ReduceLROnPlateau r;
  r.set_state({2, 1, 0.5});
  CHECK(r.state() == std::vector<double>{2, 1, 0.5});
  CHECK_THROWS_AS(r.set_state({1}), Error);
  EarlyStopping e;
  const std::vector<double> s = {1, -1, 3, 0.25, 1, 2, 1, 0.5, -0.5};
  e.set_state(s);
  CHECK(e.state() == s);
  CHECK_THROWS_AS(e.set_state({0, 0, 0, 0, 1, 5, 5}), Error);
}
