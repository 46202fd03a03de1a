// make_optimizer: names, Keras defaults, and errors naming the optimizer and option.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>

#include "engine/core/optimizers/adagrad.hpp"
#include "engine/core/optimizers/adam.hpp"
#include "engine/core/optimizers/registry.hpp"
#include "engine/core/optimizers/rmsprop.hpp"
#include "engine/core/optimizers/sgd.hpp"

TEST_CASE("Optimizer registry: every name builds an optimizer of that name", "[optimizers]") {
  const std::vector<std::string> expected = {"sgd", "adagrad", "rmsprop", "adam", "adamw"};
  CHECK(nn::optimizer_names() == expected);
  for (const std::string& name : nn::optimizer_names()) {
    INFO(name);
    CHECK(nn::make_optimizer(name)->name() == name);
  }
}

TEST_CASE("Optimizer registry: unset hyper-parameters take the Keras defaults", "[optimizers]") {
  const nn::OptimizerPtr sgd = nn::make_optimizer("sgd");
  CHECK(sgd->learning_rate() == 0.01);
  CHECK(dynamic_cast<const nn::SGD&>(*sgd).hyper().momentum == 0.0);
  const nn::OptimizerPtr adagrad = nn::make_optimizer("adagrad");
  CHECK(adagrad->learning_rate() == 0.001);
  CHECK(dynamic_cast<const nn::Adagrad&>(*adagrad).hyper().initial_accumulator_value == 0.1);
  const nn::RMSpropOptions rms =
      dynamic_cast<const nn::RMSprop&>(*nn::make_optimizer("rmsprop")).hyper();
  CHECK(rms.rho == 0.9);
  CHECK(rms.epsilon == 1e-7);
  CHECK(!rms.centered);
  const nn::OptimizerPtr adam = nn::make_optimizer("adam");
  const nn::AdamOptions a = dynamic_cast<const nn::Adam&>(*adam).hyper();
  CHECK(a.beta_1 == 0.9);
  CHECK(a.beta_2 == 0.999);
  CHECK(a.epsilon == 1e-7);
  CHECK(!a.amsgrad);
  CHECK(nn::make_optimizer("adamw")->options().weight_decay == 0.004);
  // A set value wins over the default.
  nn::OptimizerHyperparams h;
  h.beta_2 = 0.98;
  h.amsgrad = true;
  const nn::AdamOptions set =
      dynamic_cast<const nn::Adam&>(*nn::make_optimizer("adam", {}, h)).hyper();
  CHECK(set.beta_2 == 0.98);
  CHECK(set.amsgrad);
}

TEST_CASE("Optimizer registry: an unknown name lists the valid ones", "[optimizers][errors]") {
  CHECK_THROWS_WITH(nn::make_optimizer("adamax"),
                    Catch::Contains("unknown optimizer 'adamax'") &&
                        Catch::Contains("sgd, adagrad, rmsprop, adam, adamw"));
}

TEST_CASE("Optimizer registry: an option the optimizer does not take is rejected",
          "[optimizers][errors]") {
  nn::OptimizerHyperparams h;
  h.rho = 0.9;
  CHECK_THROWS_WITH(nn::make_optimizer("adam", {}, h),
                    Catch::Contains("adam: unknown option 'rho'") &&
                        Catch::Contains("beta_1, beta_2, epsilon, amsgrad"));
  nn::OptimizerHyperparams n;
  n.nesterov = true;
  CHECK_THROWS_WITH(nn::make_optimizer("rmsprop", {}, n),
                    Catch::Contains("rmsprop: unknown option 'nesterov'"));
}

TEST_CASE("Optimizer registry: out-of-range hyper-parameters name optimizer and option",
          "[optimizers][errors]") {
  struct Case {
    const char* optimizer;
    nn::OptimizerHyperparams hyper;
    const char* message;
  };
  auto with = [](auto setter) {
    nn::OptimizerHyperparams h;
    setter(h);
    return h;
  };
  const std::vector<Case> cases = {
      {"sgd", with([](auto& h) { h.momentum = 1.0; }), "sgd: momentum must be in [0, 1), got 1"},
      {"sgd", with([](auto& h) { h.momentum = -0.1; }), "sgd: momentum must be in [0, 1)"},
      {"rmsprop", with([](auto& h) { h.rho = 1.5; }), "rmsprop: rho must be in [0, 1)"},
      {"rmsprop", with([](auto& h) { h.momentum = 1.0; }), "rmsprop: momentum must be in [0, 1)"},
      {"rmsprop", with([](auto& h) { h.epsilon = 0.0; }), "rmsprop: epsilon must be a positive"},
      {"adam", with([](auto& h) { h.beta_1 = 1.0; }), "adam: beta_1 must be in [0, 1)"},
      {"adam", with([](auto& h) { h.beta_2 = -0.5; }), "adam: beta_2 must be in [0, 1)"},
      {"adamw", with([](auto& h) { h.epsilon = -1e-7; }), "adamw: epsilon must be a positive"},
      {"adamw", with([](auto& h) { h.beta_1 = 2.0; }), "adamw: beta_1 must be in [0, 1)"},
      {"adagrad", with([](auto& h) { h.initial_accumulator_value = -0.1; }),
       "adagrad: initial_accumulator_value must be a finite number >= 0"},
      {"adagrad", with([](auto& h) { h.epsilon = std::numeric_limits<double>::infinity(); }),
       "adagrad: epsilon must be a positive finite number"},
  };
  for (const Case& c : cases) {
    INFO(c.message);
    CHECK_THROWS_WITH(nn::make_optimizer(c.optimizer, {}, c.hyper), Catch::Contains(c.message));
  }
}
