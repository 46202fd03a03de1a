#pragma once
// Shared by the spec tests: the (path, message) of a BridgeError, and small models built
// directly with the core (no model spec).
#include <catch2/catch.hpp>

#include <memory>
#include <string>
#include <utility>

#include "engine/bridge/json/error.hpp"
#include "engine/core/layers/dense.hpp"
#include "engine/core/models/sequential.hpp"

namespace nn::bridge::test {

/// The (path, message) of the BridgeError fn throws; fails the test if none is thrown.
template <typename Fn>
std::pair<std::string, std::string> error_of(Fn fn) {
  try {
    fn();
  } catch (const BridgeError& e) {
    return {e.path(), e.message()};
  }
  FAIL("no BridgeError thrown");
  return {};
}

/// Sequential: input (in), Dense(8, tanh), Dense(out, activation).
inline std::unique_ptr<Sequential> mlp(Index in, Index out, const std::string& activation) {
  auto model = std::make_unique<Sequential>(0);
  model->input({in});
  model->add(std::make_unique<Dense>(8, "tanh"));
  model->add(std::make_unique<Dense>(out, activation));
  return model;
}

}  // namespace nn::bridge::test
