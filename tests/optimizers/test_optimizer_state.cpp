// Carrying an optimizer's state into another configuration (Session "tune"): slots move by
// Keras name, not by position; the step count and learning-rate rule come along on request.
#include <catch2/catch.hpp>

#include <vector>

#include "engine/core/base/error.hpp"
#include "engine/core/optimizers/adam.hpp"
#include "engine/core/optimizers/rmsprop.hpp"
#include "engine/core/optimizers/sgd.hpp"

namespace {

nn::Param make_param(double value, double grad) {
  nn::Param p("w", 2, 1);
  p.value.setConstant(static_cast<nn::Scalar>(value));
  p.grad.setConstant(static_cast<nn::Scalar>(grad));
  return p;
}

}  // namespace

TEST_CASE("Optimizer state: slot names match the slots", "[optimizers]") {
  nn::RMSpropOptions both;
  both.momentum = 0.5;
  both.centered = true;
  nn::AdamOptions ams;
  ams.amsgrad = true;
  nn::SGDOptions momentum;
  momentum.momentum = 0.9;
  nn::Param p = make_param(1.0, 0.5);
  nn::RMSprop rmsprop({}, both);
  nn::Adam adam({}, ams);
  nn::SGD sgd({}, momentum);
  nn::SGD plain;
  for (nn::Optimizer* o : std::vector<nn::Optimizer*>{&rmsprop, &adam, &sgd, &plain}) {
    o->attach({&p});
    CHECK(o->slots()[0].size() == o->slot_names().size());
  }
  CHECK(rmsprop.slot_names() ==
        std::vector<std::string>{"velocity", "momentum", "average_gradient"});
  CHECK(adam.slot_names() == std::vector<std::string>{"momentum", "velocity", "velocity_hat"});
  CHECK(plain.slot_names().empty());
}

TEST_CASE("Optimizer state: take_state moves slots by name", "[optimizers]") {
  nn::Param p = make_param(1.0, 0.5);
  nn::RMSpropOptions centered;
  centered.centered = true;  // slots: velocity, average_gradient
  nn::RMSprop before({}, centered);
  before.attach({&p});
  for (int i = 0; i < 3; ++i) before.apply({&p}, {true});
  nn::RMSpropOptions with_momentum = centered;  // slots: velocity, momentum, average_gradient
  with_momentum.momentum = 0.9;
  nn::OptimizerOptions lr;
  lr.learning_rate = 0.5;
  nn::RMSprop after(lr, with_momentum);
  after.attach({&p});
  after.take_state(before);
  CHECK(after.iterations() == 3);
  CHECK(after.slots()[0][0] == before.slots()[0][0]);
  CHECK(after.slots()[0][1].isZero(0));  // the new momentum slot
  CHECK(after.slots()[0][2] == before.slots()[0][1]);
  CHECK(after.learning_rate() == 0.5);
  before.set_learning_rate(0.25);  // as ReduceLROnPlateau does
  after.take_learning_rate(before);
  CHECK(after.learning_rate() == 0.25);
}

TEST_CASE("Optimizer state: take_state refuses other parameters", "[optimizers]") {
  nn::Param p = make_param(1.0, 0.5);
  nn::Param q = make_param(1.0, 0.5);
  nn::Adam one, two;
  one.attach({&p});
  two.attach({&p, &q});
  CHECK_THROWS_AS(two.take_state(one), nn::Error);
  CHECK(two.iterations() == 0);
}
