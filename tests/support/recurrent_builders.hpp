#pragma once
/// Builders shared by the recurrent layer and model tests.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/core/layers/recurrent.hpp"

namespace nn::test {

/// RecurrentOptions with return_sequences / return_state set, Keras defaults otherwise.
inline RecurrentOptions recurrent_options(bool sequences, bool state = false) {
  RecurrentOptions o;
  o.return_sequences = sequences;
  o.return_state = state;
  return o;
}

/// A recurrent layer L (SimpleRNN, LSTM, GRU) named `name`, built on `shapes` with Rng(seed).
template <class L>
std::unique_ptr<L> built_recurrent(Index units, RecurrentOptions options,
                                   const std::vector<Shape>& shapes, std::uint64_t seed,
                                   const std::string& name) {
  auto layer = std::make_unique<L>(units, std::move(options), name);
  Rng rng(seed);
  layer->build(shapes, rng);
  return layer;
}

}  // namespace nn::test
