// Optimizer base behaviour: frozen parameters, iterations, learning rate, slots and misuse.
#include <catch2/catch.hpp>

#include <vector>

#include "engine/core/base/error.hpp"
#include "engine/core/optimizers/adagrad.hpp"
#include "engine/core/optimizers/adam.hpp"
#include "engine/core/optimizers/adamw.hpp"
#include "engine/core/optimizers/rmsprop.hpp"
#include "engine/core/optimizers/sgd.hpp"

namespace {

/// A 2x2 parameter with a fixed value and gradient.
nn::Param make_param(const char* name, double value, double grad, bool trainable = true) {
  nn::Param p(name, 2, 2, trainable);
  p.value.setConstant(static_cast<nn::Scalar>(value));
  p.grad.setConstant(static_cast<nn::Scalar>(grad));
  return p;
}

}  // namespace

TEST_CASE("Optimizer: frozen parameters and their slots are left untouched", "[optimizers]") {
  nn::Param live = make_param("live", 1.0, 0.5);
  nn::Param frozen = make_param("frozen", 2.0, 0.5, false);
  nn::OptimizerOptions common;
  common.weight_decay = 0.1;
  common.global_clipnorm = 0.3;
  nn::Adam adam(common);
  const std::vector<nn::Param*> params = {&live, &frozen};
  adam.attach(params);
  for (int i = 0; i < 3; ++i) adam.apply(params, {live.trainable, frozen.trainable});
  CHECK(frozen.value.isApproxToConstant(2.0));
  CHECK(adam.slots()[1][0].isZero(0));
  CHECK(adam.slots()[1][1].isZero(0));
  CHECK((live.value.array() < 1.0).all());
  CHECK(!adam.slots()[0][0].isZero(0));
}

TEST_CASE("Optimizer: iterations counts applies and restarts on attach", "[optimizers]") {
  nn::Param p = make_param("w", 1.0, 0.1);
  nn::SGD sgd;
  sgd.attach({&p});
  CHECK(sgd.iterations() == 0);
  sgd.apply({&p}, {true});
  sgd.apply({&p}, {true});
  CHECK(sgd.iterations() == 2);
  sgd.set_iterations(10);
  CHECK(sgd.iterations() == 10);
  sgd.attach({&p});
  CHECK(sgd.iterations() == 0);
}

TEST_CASE("Optimizer: set_learning_rate replaces the learning rate used by updates",
          "[optimizers]") {
  nn::Param p = make_param("w", 1.0, 1.0);
  nn::SGD sgd;
  CHECK(sgd.learning_rate() == Approx(0.01));  // Keras SGD default
  sgd.attach({&p});
  sgd.set_learning_rate(0.25);
  CHECK(sgd.learning_rate() == 0.25);
  sgd.apply({&p}, {true});
  CHECK(p.value(0, 0) == Approx(0.75));
  CHECK_THROWS_WITH(sgd.set_learning_rate(-1.0), Catch::Contains("learning_rate must be"));
  CHECK_THROWS_AS(sgd.set_learning_rate(0.0), nn::Error);
}

TEST_CASE("Optimizer: apply with a different parameter list than attached fails",
          "[optimizers][errors]") {
  nn::Param a = make_param("a", 1.0, 0.1);
  nn::Param b = make_param("b", 1.0, 0.1);
  nn::Adam adam;
  adam.attach({&a});
  CHECK_THROWS_WITH(adam.apply({&a, &b}, {true, true}),
                    Catch::Contains("adam: apply() got 2 parameters but 1 are attached"));
  CHECK_THROWS_WITH(adam.apply({&a}, {true, false}), Catch::Contains("2 trainable flags"));
  a.value.resize(3, 1);
  a.grad.resize(3, 1);
  CHECK_THROWS_WITH(adam.apply({&a}, {true}), Catch::Contains("attach() must be called again"));
}

TEST_CASE("Optimizer: at most one clipping rule and non-negative common options",
          "[optimizers][errors]") {
  nn::OptimizerOptions both;
  both.clipnorm = 1.0;
  both.clipvalue = 0.5;
  CHECK_THROWS_WITH(nn::SGD(both), Catch::Contains("only one of clipnorm, clipvalue"));
  nn::OptimizerOptions negative;
  negative.weight_decay = -0.1;
  CHECK_THROWS_WITH(nn::Adam(negative), Catch::Contains("must be >= 0"));
  nn::OptimizerOptions bad_lr;
  bad_lr.learning_rate = 0.0;
  CHECK_THROWS_WITH(nn::RMSprop(bad_lr), Catch::Contains("learning_rate must be a positive"));
}

TEST_CASE("AdamW: weight_decay defaults to 0.004 and an explicit 0 switches it off",
          "[optimizers]") {
  CHECK(nn::AdamW().options().weight_decay == 0.004);
  CHECK(nn::Adam().options().weight_decay == 0.0);
  nn::OptimizerOptions off;
  off.weight_decay = 0.0;
  CHECK(nn::AdamW(off).options().weight_decay == 0.0);
  CHECK(nn::AdamW().name() == "adamw");
  // With a zero gradient only the decay moves the weights: w *= 1 - lr * wd.
  nn::Param p = make_param("w", 2.0, 0.0);
  nn::AdamW adamw;
  adamw.attach({&p});
  adamw.apply({&p}, {true});
  CHECK(p.value(1, 1) == Approx(2.0 * (1.0 - 0.001 * 0.004)).epsilon(1e-12));
}

TEST_CASE("Adagrad: the accumulator starts at initial_accumulator_value", "[optimizers]") {
  nn::Param p = make_param("w", 1.0, 0.5);
  nn::Adagrad defaults;
  defaults.attach({&p});
  REQUIRE(defaults.slots()[0].size() == 1);
  CHECK(defaults.slots()[0][0].isApproxToConstant(0.1));
  nn::AdagradOptions own;
  own.initial_accumulator_value = 0.7;
  nn::Adagrad custom({}, own);
  custom.attach({&p});
  CHECK(custom.slots()[0][0].isApproxToConstant(0.7));
  custom.apply({&p}, {true});
  CHECK(custom.slots()[0][0].isApproxToConstant(0.7 + 0.25));
}

TEST_CASE("Optimizer: slot counts follow the hyper-parameters", "[optimizers]") {
  nn::Param p = make_param("w", 1.0, 0.5);
  auto slots_of = [&](nn::Optimizer& opt) {
    opt.attach({&p});
    return opt.slots()[0].size();
  };
  nn::SGD plain;
  CHECK(slots_of(plain) == 0);
  nn::SGD momentum({}, nn::SGDOptions{0.9, false});
  CHECK(slots_of(momentum) == 1);
  nn::RMSprop rms;
  CHECK(slots_of(rms) == 1);
  nn::RMSprop full({}, nn::RMSpropOptions{0.9, 0.5, 1e-7, true});
  CHECK(slots_of(full) == 3);
  nn::Adam adam;
  CHECK(slots_of(adam) == 2);
  nn::Adam ams({}, nn::AdamOptions{0.9, 0.999, 1e-7, true});
  CHECK(slots_of(ams) == 3);
}
