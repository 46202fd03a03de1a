#pragma once
/// make_optimizer: builds an optimizer from its Keras name ("sgd", "adam", ...), the common
/// options and the optimizer's own hyper-parameters, unset ones taking the Keras defaults.
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/optimizers/optimizer.hpp"

namespace nn {

/// Every optimizer-specific hyper-parameter; NaN / nullopt means "the Keras default". Setting
/// one the chosen optimizer does not take is an error (Keras: "Argument(s) not recognized").
struct OptimizerHyperparams {
  double momentum = std::numeric_limits<double>::quiet_NaN();  // sgd, rmsprop
  std::optional<bool> nesterov;                                // sgd
  double rho = std::numeric_limits<double>::quiet_NaN();       // rmsprop
  std::optional<bool> centered;                                // rmsprop
  double beta_1 = std::numeric_limits<double>::quiet_NaN();    // adam, adamw
  double beta_2 = std::numeric_limits<double>::quiet_NaN();    // adam, adamw
  std::optional<bool> amsgrad;                                 // adam, adamw
  double epsilon = std::numeric_limits<double>::quiet_NaN();   // adagrad, rmsprop, adam, adamw
  double initial_accumulator_value = std::numeric_limits<double>::quiet_NaN();  // adagrad
};

/// Keras names of the optimizers make_optimizer knows, in a fixed order.
const std::vector<std::string>& optimizer_names();

/// Builds the named optimizer. Throws nn::Error for an unknown name (listing the valid ones),
/// a hyper-parameter the optimizer does not take, or an out-of-range value (naming it).
OptimizerPtr make_optimizer(const std::string& name, const OptimizerOptions& common = {},
                            const OptimizerHyperparams& hyper = {});

}  // namespace nn
