#pragma once
/// Sequential: Keras's linear stack, a builder over the functional Graph (one executor).
///   Sequential model(seed);
///   model.input({2}).add(std::make_unique<Dense>(8, "tanh")).add(std::make_unique<Dense>(1,
///   "sigmoid"));
#include <cstdint>
#include <string>

#include "engine/core/models/model.hpp"

namespace nn {

class Sequential : public Model {
 public:
  explicit Sequential(std::uint64_t seed = 0, std::string name = "sequential");

  /// Keras Input(shape=...): must come first, once.
  Sequential& input(const Shape& shape);
  /// Applies `layer` to the current output and makes it the model output. Recompile afterwards.
  Sequential& add(LayerPtr layer);
  /// Number of layers added (the input not counted).
  std::size_t size() const { return layers_; }

 private:
  NodeRef last_;
  std::size_t layers_ = 0;
};

}  // namespace nn
