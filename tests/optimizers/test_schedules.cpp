// Learning-rate schedules: Keras formulas, boundary conventions and argument errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <memory>

#include "engine/core/optimizers/schedule.hpp"
#include "engine/core/optimizers/sgd.hpp"

using nn::ExponentialDecay;
using nn::PiecewiseConstantDecay;

TEST_CASE("ExponentialDecay: smooth decay follows initial times rate to the step over decay_steps",
          "[optimizers][schedules]") {
  const ExponentialDecay s(0.1, 4, 0.5);
  CHECK(s.at(0) == Approx(0.1));
  CHECK(s.at(2) == Approx(0.1 * std::sqrt(0.5)));
  CHECK(s.at(4) == Approx(0.05));
  CHECK(s.at(10) == Approx(0.1 * std::pow(0.5, 2.5)));
  CHECK(s.name() == "exponential_decay");
}

TEST_CASE("ExponentialDecay: staircase floors the exponent", "[optimizers][schedules]") {
  const ExponentialDecay s(0.1, 4, 0.5, true);
  CHECK(s.at(0) == Approx(0.1));
  CHECK(s.at(3) == Approx(0.1));
  CHECK(s.at(4) == Approx(0.05));
  CHECK(s.at(7) == Approx(0.05));
  CHECK(s.at(8) == Approx(0.025));
}

TEST_CASE("PiecewiseConstantDecay: boundaries are inclusive on the left value as in Keras",
          "[optimizers][schedules]") {
  const PiecewiseConstantDecay s({10, 20}, {1.0, 0.5, 0.1});
  CHECK(s.at(0) == 1.0);
  CHECK(s.at(10) == 1.0);  // step <= boundaries[0]
  CHECK(s.at(11) == 0.5);
  CHECK(s.at(20) == 0.5);  // boundaries[0] < step <= boundaries[1]
  CHECK(s.at(21) == 0.1);  // after the last boundary
  CHECK(s.at(1000) == 0.1);
  const PiecewiseConstantDecay none({}, {0.3});
  CHECK(none.at(5) == 0.3);
}

TEST_CASE("Schedules: invalid arguments are rejected with the option named",
          "[optimizers][schedules][errors]") {
  CHECK_THROWS_WITH(ExponentialDecay(0.1, 0, 0.5), Catch::Contains("decay_steps must be > 0"));
  CHECK_THROWS_WITH(ExponentialDecay(-0.1, 5, 0.5),
                    Catch::Contains("initial_learning_rate must be a positive"));
  CHECK_THROWS_WITH(ExponentialDecay(0.1, 5, 0.0),
                    Catch::Contains("decay_rate must be a positive"));
  CHECK_THROWS_WITH(PiecewiseConstantDecay({5}, {1.0}),
                    Catch::Contains("one more entry than boundaries"));
  CHECK_THROWS_WITH(PiecewiseConstantDecay({5, 5}, {1.0, 0.5, 0.1}),
                    Catch::Contains("strictly increasing"));
  CHECK_THROWS_WITH(PiecewiseConstantDecay({5}, {1.0, -0.5}),
                    Catch::Contains("values must be finite numbers >= 0"));
  CHECK_THROWS_WITH(nn::ConstantSchedule(std::nan("")), Catch::Contains("learning_rate"));
}

TEST_CASE("Schedules: the optimizer evaluates its schedule at its iteration count",
          "[optimizers][schedules]") {
  nn::OptimizerOptions common;
  common.schedule = std::make_shared<PiecewiseConstantDecay>(std::vector<std::int64_t>{1},
                                                             std::vector<double>{0.2, 0.05});
  nn::SGD sgd(common);
  nn::Param p("w", 1, 1);
  sgd.attach({&p});
  CHECK(sgd.learning_rate() == 0.2);
  sgd.apply({&p}, {true});
  CHECK(sgd.learning_rate() == 0.2);  // step 1 <= boundary 1
  sgd.apply({&p}, {true});
  CHECK(sgd.learning_rate() == 0.05);
  // clone(): the optimizer owns its own copy of the schedule.
  const std::unique_ptr<nn::LearningRateSchedule> copy = common.schedule->clone();
  CHECK(copy->at(2) == 0.05);
  CHECK(copy->name() == "piecewise_constant_decay");
}
