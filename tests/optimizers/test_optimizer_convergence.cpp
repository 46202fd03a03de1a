// Convergence sanity: every optimizer minimises a small ill-conditioned quadratic.
#include <catch2/catch.hpp>

#include "engine/core/optimizers/registry.hpp"

TEST_CASE("Optimizers: each one minimises a small quadratic", "[optimizers]") {
  // f(w) = 0.5 * sum a_i (w_i - c_i)^2, gradient a .* (w - c); minimum at c.
  nn::Matrix a(2, 2), c(2, 2);
  a << 1.0, 4.0, 0.5, 2.0;
  c << 1.0, -2.0, 0.5, 3.0;
  struct Setup {
    const char* name;
    double learning_rate;
    nn::OptimizerHyperparams hyper;
  };
  nn::OptimizerHyperparams momentum;
  momentum.momentum = 0.9;
  momentum.nesterov = true;
  const std::vector<Setup> setups = {{"sgd", 0.2, {}},     {"sgd", 0.05, momentum},
                                     {"adagrad", 0.5, {}}, {"rmsprop", 0.01, {}},
                                     {"adam", 0.05, {}},   {"adamw", 0.05, {}}};
  for (const Setup& s : setups) {
    INFO(s.name << " lr " << s.learning_rate);
    nn::OptimizerOptions common;
    common.learning_rate = s.learning_rate;
    if (std::string(s.name) == "adamw") common.weight_decay = 1e-4;
    nn::OptimizerPtr opt = nn::make_optimizer(s.name, common, s.hyper);
    nn::Param w("w", 2, 2);
    opt->attach({&w});
    const double start = (w.value - c).norm();
    for (int step = 0; step < 1000; ++step) {
      w.grad = a.cwiseProduct(w.value - c);
      opt->apply({&w}, {true});
    }
    CHECK((w.value - c).norm() < 0.05 * start);
  }
}
