#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/training/early_stopping.hpp"
#include "engine/core/training/fit.hpp"
#include "engine/core/training/reduce_lr_on_plateau.hpp"
#include "support/builders.hpp"
#include "support/gradcheck.hpp"

using namespace nn;
using nn::test::dense;
using nn::test::random_matrix;

namespace {

/// y = 2 x1 - x2 + noise-free targets: a linear regression every optimizer can fit.
ModelData linear_data(Index n, std::uint64_t seed) {
  Rng rng(seed);
  Matrix x = random_matrix(2, n, rng);
  Matrix y = 2 * x.row(0) - x.row(1);
  return {{x}, {y}};
}

std::unique_ptr<Sequential> regression_model(std::uint64_t seed, double lr = 0.05) {
  auto m = std::make_unique<Sequential>(seed);
  m->input({2}).add(dense(1));
  m->compile(test::optimizer("sgd", lr), "mse", {"mae"});
  return m;
}

}  // namespace

TEST_CASE("fit: returns one History entry per epoch with falling loss", "[fit]") {
  auto m = regression_model(1);
  FitOptions o;
  o.epochs = 8;
  o.batch_size = 8;
  const History h = fit(*m, linear_data(64, 2), o);
  REQUIRE(h.get("loss").size() == 8);
  REQUIRE(h.get("mae").size() == 8);
  CHECK(h.get("loss").back() < 0.5 * h.get("loss").front());
  CHECK(h.stop_reason.empty());
}

TEST_CASE("fit: validation_split holds out the last samples before shuffling", "[fit]") {
  auto m = regression_model(1);
  ModelData data = linear_data(50, 3);
  FitOptions o;
  o.epochs = 1;
  o.validation_split = 0.2;
  o.shuffle = true;
  const std::vector<Matrix> w0 = m->get_weights();
  const History h = fit(*m, data, o);
  // val_loss was computed on the last 10 samples with the final weights.
  const Logs expected = m->evaluate({data.x[0].rightCols(10)}, {data.y[0].rightCols(10)});
  REQUIRE(h.get("val_loss").size() == 1);
  CHECK(h.get("val_loss")[0] == Approx(expected.at("loss")));
  CHECK(h.get("val_mae")[0] == Approx(expected.at("mae")));
}

TEST_CASE("fit: validation_data adds val_ logs", "[fit]") {
  auto m = regression_model(1);
  const ModelData train = linear_data(40, 3), val = linear_data(12, 4);
  FitOptions o;
  o.epochs = 2;
  const History h = fit(*m, train, o, {}, &val);
  CHECK(h.get("val_loss").size() == 2);
}

TEST_CASE("Trainer: slices of run(max_batches) equal one uninterrupted fit", "[trainer]") {
  const ModelData data = linear_data(37, 5);
  FitOptions o;
  o.epochs = 3;
  o.batch_size = 5;
  o.seed = 9;
  auto whole = regression_model(4);
  fit(*whole, data, o);
  auto sliced = regression_model(4);
  Trainer trainer(*sliced, data, o);
  CHECK(trainer.batches_per_epoch() == 8);
  Index total = 0;
  while (!trainer.finished()) total += trainer.run(3);
  CHECK(total == 24);
  CHECK(trainer.run(5) == 0);
  CHECK(sliced->get_weights() == whole->get_weights());
  CHECK(trainer.history().get("loss").size() == 3);
}

TEST_CASE("Trainer: shuffling depends on the seed", "[trainer]") {
  const ModelData data = linear_data(40, 5);
  FitOptions o;
  o.epochs = 1;
  o.batch_size = 4;
  auto a = regression_model(4), b = regression_model(4), c = regression_model(4);
  o.seed = 1;
  fit(*a, data, o);
  fit(*b, data, o);
  o.seed = 2;
  fit(*c, data, o);
  CHECK(a->get_weights() == b->get_weights());
  CHECK(a->get_weights() != c->get_weights());
}

TEST_CASE("Trainer: the progress hook sees every batch", "[trainer][callbacks]") {
  auto m = regression_model(1);
  int calls = 0;
  long last_batch = -1;
  ProgressCallback progress([&](int, long batch, const Logs& logs) {
    ++calls;
    last_batch = batch;
    CHECK(logs.count("loss") == 1);
  });
  FitOptions o;
  o.epochs = 2;
  o.batch_size = 10;
  fit(*m, linear_data(35, 1), o, {&progress});
  CHECK(calls == 8);
  CHECK(last_batch == 3);
}

TEST_CASE("Trainer: a diverging run stops with the reason and finite weights",
          "[trainer][divergence]") {
  auto m = regression_model(1, 1e6);
  ModelData data = linear_data(32, 1);
  data.x[0] *= 1e3;
  FitOptions o;
  o.epochs = 50;
  o.batch_size = 8;
  const History h = fit(*m, data, o);
  CHECK_THAT(h.stop_reason, Catch::Contains("diverged"));
  CHECK(h.get("loss").size() < 50);
  for (const Matrix& w : m->get_weights()) CHECK(w.allFinite());
}

TEST_CASE("fit: bad options are rejected with the option named", "[fit][errors]") {
  auto m = regression_model(1);
  const ModelData data = linear_data(10, 1);
  FitOptions o;
  o.epochs = 0;
  CHECK_THROWS_WITH(fit(*m, data, o), Catch::Contains("epochs"));
  o = {};
  o.batch_size = 0;
  CHECK_THROWS_WITH(fit(*m, data, o), Catch::Contains("batch_size"));
  o = {};
  o.validation_split = 1.0;
  CHECK_THROWS_WITH(fit(*m, data, o), Catch::Contains("validation_split"));
  CHECK_THROWS_WITH(fit(*m, ModelData{}, FitOptions{}), Catch::Contains("x is empty"));
  Sequential uncompiled(1);
  uncompiled.input({2}).add(dense(1));
  CHECK_THROWS_WITH(fit(uncompiled, data, FitOptions{}), Catch::Contains("compiled"));
}

TEST_CASE("EarlyStopping: stops after patience and restores the best weights",
          "[callbacks][early_stopping]") {
  // From zero weights the model walks towards y = 2 x1 - x2; validation targets are half of
  // that, so val_loss falls, bottoms out half-way and rises again: a U-shaped curve.
  DenseOptions zeros;
  zeros.kernel_initializer = "zeros";
  auto m = std::make_unique<Sequential>(3);
  m->input({2}).add(std::make_unique<Dense>(1, zeros));
  m->compile(test::optimizer("sgd", 0.1), "mse");
  const ModelData train = linear_data(32, 1);
  ModelData val = linear_data(16, 2);
  val.y[0] *= 0.5;
  EarlyStoppingOptions eo;
  eo.patience = 2;
  eo.restore_best_weights = true;
  EarlyStopping stopper(eo);
  // Record the weights at the end of every epoch to compare with what is restored.
  std::vector<std::vector<Matrix>> per_epoch;
  struct Recorder : Callback {
    std::vector<std::vector<Matrix>>* out;
    void on_epoch_end(int, Logs&, TrainingContext& c) override {
      out->push_back(c.model.get_weights());
    }
  } recorder;
  recorder.out = &per_epoch;
  FitOptions o;
  o.epochs = 100;
  o.batch_size = 32;
  o.shuffle = false;
  const History h = fit(*m, train, o, {&recorder, &stopper}, &val);
  REQUIRE(stopper.stopped_epoch() >= 0);
  CHECK(stopper.best_epoch() >= 2);
  CHECK(h.get("loss").size() < 100);
  CHECK_THAT(h.stop_reason, Catch::Contains("EarlyStopping"));
  const std::vector<double> val_loss = h.get("val_loss");
  const auto best = static_cast<std::size_t>(std::min_element(val_loss.begin(), val_loss.end()) -
                                             val_loss.begin());
  CHECK(static_cast<int>(best) == stopper.best_epoch());
  CHECK(stopper.stopped_epoch() == stopper.best_epoch() + 2);
  CHECK(m->get_weights() == per_epoch[best]);
}

TEST_CASE("EarlyStopping: min_delta and mode decide what counts as improvement",
          "[callbacks][early_stopping]") {
  EarlyStoppingOptions eo;
  eo.monitor = "accuracy";
  eo.patience = 1;
  eo.min_delta = 0.05;
  EarlyStopping stopper(eo);  // auto mode maximises accuracy
  Sequential m(1);
  m.input({1}).add(dense(1));
  m.compile(test::optimizer("sgd", 0.1), "mse");
  TrainingContext ctx{m, false, ""};
  stopper.on_train_begin(ctx);
  Logs logs{{"accuracy", 0.50}};
  stopper.on_epoch_end(0, logs, ctx);
  logs["accuracy"] = 0.53;  // not better by 0.05
  stopper.on_epoch_end(1, logs, ctx);
  CHECK(ctx.stop_training);
  CHECK(stopper.best() == Approx(0.50));
  CHECK_THROWS_WITH(EarlyStopping(EarlyStoppingOptions{"loss", 0, 0, "sideways", false}),
                    Catch::Contains("mode"));
}

TEST_CASE("EarlyStopping: a missing monitor lists the available logs", "[callbacks][errors]") {
  auto m = regression_model(1);
  EarlyStopping stopper;  // monitors val_loss
  FitOptions o;
  o.epochs = 2;
  CHECK_THROWS_WITH(fit(*m, linear_data(10, 1), o, {&stopper}),
                    Catch::Contains("val_loss") && Catch::Contains("available: loss, mae"));
}

TEST_CASE("ReduceLROnPlateau: cuts the learning rate after patience epochs", "[callbacks]") {
  Sequential m(1);
  m.input({1}).add(dense(1));
  m.compile(test::optimizer("sgd", 0.1), "mse");
  ReduceLROnPlateauOptions ro;
  ro.monitor = "loss";
  ro.patience = 2;
  ro.factor = 0.5;
  ro.cooldown = 2;
  ReduceLROnPlateau reducer(ro);
  TrainingContext ctx{m, false, ""};
  reducer.on_train_begin(ctx);
  std::vector<double> lrs;
  for (double loss : {1.0, 0.9, 0.9, 0.9, 0.9, 0.9, 0.9}) {
    Logs logs{{"loss", loss}};
    reducer.on_epoch_end(0, logs, ctx);
    lrs.push_back(m.optimizer().learning_rate());
  }
  // wait reaches 2 at epoch 3 -> 0.05; cooldown covers epochs 4-5 (Keras re-reads the counter
  // after decrementing it, so waiting resumes at epoch 5); wait 2 again at epoch 6 -> 0.025.
  CHECK(lrs == std::vector<double>{0.1, 0.1, 0.1, 0.05, 0.05, 0.05, 0.025});
}

TEST_CASE("cross_validate: returns k histories with disjoint validation folds", "[kfold]") {
  const ModelData data = linear_data(30, 1);
  FitOptions o;
  o.epochs = 3;
  o.batch_size = 8;
  int built = 0;
  const std::vector<History> folds = cross_validate(
      [&]() {
        ++built;
        return std::unique_ptr<Model>(
            regression_model(static_cast<std::uint64_t>(built)).release());
      },
      data, 5, o, 7);
  REQUIRE(folds.size() == 5);
  CHECK(built == 5);
  for (const History& h : folds) {
    CHECK(h.get("loss").size() == 3);
    CHECK(h.get("val_loss").size() == 3);
  }
  CHECK_THROWS_WITH(cross_validate([] { return regression_model(1); }, data, 1, o),
                    Catch::Contains("k must be"));
}
