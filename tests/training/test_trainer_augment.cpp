#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/training/fit.hpp"
#include "support/builders.hpp"
#include "support/gradcheck.hpp"

using namespace nn;
using nn::test::dense;
using nn::test::random_matrix;

namespace {

/// 4 x 4 "images" (16 values per column) with a linear target.
ModelData image_data(Index n, std::uint64_t seed) {
  Rng rng(seed);
  Matrix x = random_matrix(16, n, rng, 0.0, 1.0);
  Matrix y = x.topRows(8).colwise().sum() - x.bottomRows(8).colwise().sum();
  return {{x}, {y}};
}

std::unique_ptr<Sequential> image_model(std::uint64_t seed) {
  auto m = std::make_unique<Sequential>(seed);
  m->input({16}).add(dense(1));
  m->compile(test::optimizer("sgd", 0.05), "mse");
  return m;
}

FitOptions augmented(int epochs, Index batch_size) {
  FitOptions o;
  o.epochs = epochs;
  o.batch_size = batch_size;
  o.seed = 3;
  AugmentOptions& a = o.augmentation;
  a.rows = 4;
  a.cols = 4;
  a.rotation_range = 30;
  a.width_shift_range = 0.25;
  a.zoom_range = 0.2;
  a.horizontal_flip = true;
  a.noise_stddev = 0.1;
  return o;
}

}  // namespace

TEST_CASE("Trainer augment: slices of run() equal one fit and differ from no augmentation",
          "[trainer][augment]") {
  const ModelData data = image_data(30, 1);
  const FitOptions o = augmented(3, 4);
  auto whole = image_model(2);
  fit(*whole, data, o);
  auto sliced = image_model(2);
  Trainer trainer(*sliced, data, o);
  while (!trainer.finished()) trainer.run(1);
  CHECK(sliced->get_weights() == whole->get_weights());

  FitOptions plain = o;
  plain.augmentation = AugmentOptions{};
  auto unaugmented = image_model(2);
  fit(*unaugmented, data, plain);
  CHECK(unaugmented->get_weights() != whole->get_weights());
}

TEST_CASE("Trainer augment: a batch is augmented with the seed of its position",
          "[trainer][augment]") {
  const ModelData data = image_data(12, 4);
  FitOptions o = augmented(1, 12);
  o.shuffle = false;
  auto trained = image_model(5);
  fit(*trained, data, o);
  // The one batch is all samples in order, augmented with augment_seed(seed, epoch 0, batch 0).
  auto twin = image_model(5);
  Matrix x = data.x[0];
  augment_images(x, o.augmentation, augment_seed(o.seed, 0, 0));
  twin->train_on_batch({x}, data.y);
  CHECK(twin->get_weights() == trained->get_weights());
  CHECK(augment_seed(o.seed, 0, 1) != augment_seed(o.seed, 0, 0));
  CHECK(augment_seed(o.seed, 1, 0) != augment_seed(o.seed, 0, 0));
  CHECK(augment_seed(o.seed + 1, 0, 0) != augment_seed(o.seed, 0, 1));
}

TEST_CASE("Trainer augment: validation data is never augmented", "[trainer][augment]") {
  const ModelData train = image_data(20, 6), val = image_data(9, 7);
  auto m = image_model(8);
  const History h = fit(*m, train, augmented(2, 5), {}, &val);
  // val_loss is the final weights on the validation data exactly as given.
  const Logs expected = m->evaluate(val.x, val.y);
  CHECK(h.get("val_loss").back() == Approx(expected.at("loss")).epsilon(1e-12));
}

TEST_CASE("Trainer augment: set_augmentation changes it live and checks the image size",
          "[trainer][augment][errors]") {
  const ModelData data = image_data(16, 9);
  FitOptions o = augmented(2, 4);
  FitOptions off = o;
  off.augmentation = AugmentOptions{};
  auto a = image_model(1), b = image_model(1), c = image_model(1);
  Trainer on_all(*a, data, o), off_all(*b, data, off), switched(*c, data, off);
  on_all.run(4);
  off_all.run(4);
  switched.run(2);
  switched.set_augmentation(o.augmentation);
  switched.run(2);
  CHECK(c->get_weights() != b->get_weights());
  CHECK(c->get_weights() != a->get_weights());

  AugmentOptions wrong = o.augmentation;
  wrong.rows = 5;
  CHECK_THROWS_WITH(switched.set_augmentation(wrong),
                    Catch::Contains("holds 20 values") && Catch::Contains("samples have 16"));
  FitOptions bad = o;
  bad.augmentation.cols = 3;
  auto d = image_model(1);
  CHECK_THROWS_AS(Trainer(*d, data, bad), Error);
}
