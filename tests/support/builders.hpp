#pragma once
/// Small builders shared by model tests.
#include <memory>
#include <string>

#include "engine/core/layers/dense.hpp"
#include "engine/core/models/sequential.hpp"
#include "engine/core/optimizers/registry.hpp"

namespace nn::test {

inline LayerPtr dense(Index units, const std::string& activation = "linear") {
  return std::make_unique<Dense>(units, activation);
}

/// An optimizer by name with a learning rate.
inline OptimizerPtr optimizer(const std::string& name, double lr) {
  OptimizerOptions common;
  common.learning_rate = lr;
  return make_optimizer(name, common, {});
}

}  // namespace nn::test
