// Factory over the Keras optimizer names, resolving unset hyper-parameters to Keras defaults.
#include "engine/core/optimizers/registry.hpp"
#include "engine/core/base/text.hpp"

#include <cmath>

#include "engine/core/base/error.hpp"
#include "engine/core/optimizers/adagrad.hpp"
#include "engine/core/optimizers/adam.hpp"
#include "engine/core/optimizers/adamw.hpp"
#include "engine/core/optimizers/rmsprop.hpp"
#include "engine/core/optimizers/sgd.hpp"

namespace nn {

namespace {

/// Which hyper-parameters are set, by name, in OptimizerHyperparams order.
std::vector<std::string> set_options(const OptimizerHyperparams& h) {
  std::vector<std::string> out;
  if (!std::isnan(h.momentum)) out.emplace_back("momentum");
  if (h.nesterov) out.emplace_back("nesterov");
  if (!std::isnan(h.rho)) out.emplace_back("rho");
  if (h.centered) out.emplace_back("centered");
  if (!std::isnan(h.beta_1)) out.emplace_back("beta_1");
  if (!std::isnan(h.beta_2)) out.emplace_back("beta_2");
  if (h.amsgrad) out.emplace_back("amsgrad");
  if (!std::isnan(h.epsilon)) out.emplace_back("epsilon");
  if (!std::isnan(h.initial_accumulator_value)) out.emplace_back("initial_accumulator_value");
  return out;
}

/// Fails when a set hyper-parameter is not one of `allowed` for optimizer `who`.
void check_allowed(const std::string& who, const OptimizerHyperparams& h,
                   const std::vector<std::string>& allowed) {
  for (const std::string& option : set_options(h)) {
    bool ok = false;
    for (const std::string& a : allowed) ok = ok || a == option;
    if (!ok) {
      fail(who, ": unknown option '", option, "'; ", who, " takes ", join(allowed));
    }
  }
}

/// The set value, or the Keras default when unset (NaN).
double or_default(double value, double fallback) { return std::isnan(value) ? fallback : value; }

/// Adam and AdamW share their own hyper-parameters.
AdamOptions adam_options(const OptimizerHyperparams& h) {
  AdamOptions o;
  o.beta_1 = or_default(h.beta_1, o.beta_1);
  o.beta_2 = or_default(h.beta_2, o.beta_2);
  o.epsilon = or_default(h.epsilon, o.epsilon);
  o.amsgrad = h.amsgrad.value_or(o.amsgrad);
  return o;
}

}  // namespace

const std::vector<std::string>& optimizer_names() {
  static const std::vector<std::string> names = {"sgd", "adagrad", "rmsprop", "adam", "adamw"};
  return names;
}

OptimizerPtr make_optimizer(const std::string& name, const OptimizerOptions& common,
                            const OptimizerHyperparams& hyper) {
  // Each branch rejects options the optimizer does not take, then fills in its defaults; the
  // constructors check the ranges.
  if (name == "sgd") {
    check_allowed(name, hyper, {"momentum", "nesterov"});
    SGDOptions o;
    o.momentum = or_default(hyper.momentum, o.momentum);
    o.nesterov = hyper.nesterov.value_or(o.nesterov);
    return std::make_unique<SGD>(common, o);
  }
  if (name == "adagrad") {
    check_allowed(name, hyper, {"initial_accumulator_value", "epsilon"});
    AdagradOptions o;
    o.initial_accumulator_value =
        or_default(hyper.initial_accumulator_value, o.initial_accumulator_value);
    o.epsilon = or_default(hyper.epsilon, o.epsilon);
    return std::make_unique<Adagrad>(common, o);
  }
  if (name == "rmsprop") {
    check_allowed(name, hyper, {"rho", "momentum", "epsilon", "centered"});
    RMSpropOptions o;
    o.rho = or_default(hyper.rho, o.rho);
    o.momentum = or_default(hyper.momentum, o.momentum);
    o.epsilon = or_default(hyper.epsilon, o.epsilon);
    o.centered = hyper.centered.value_or(o.centered);
    return std::make_unique<RMSprop>(common, o);
  }
  if (name == "adam" || name == "adamw") {
    check_allowed(name, hyper, {"beta_1", "beta_2", "epsilon", "amsgrad"});
    if (name == "adam") return std::make_unique<Adam>(common, adam_options(hyper));
    return std::make_unique<AdamW>(common, adam_options(hyper));
  }
  fail("unknown optimizer '", name, "'; valid optimizers: ", join(optimizer_names()));
}

}  // namespace nn
