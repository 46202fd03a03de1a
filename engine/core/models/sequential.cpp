#include "engine/core/models/sequential.hpp"

#include "engine/core/base/error.hpp"

namespace nn {

Sequential::Sequential(std::uint64_t seed, std::string name)
    : Model(Graph(seed), std::move(name)) {}

Sequential& Sequential::input(const Shape& shape) {
  if (last_.index >= 0) fail("Sequential: input() must be called once, before any layer");
  last_ = graph().input(shape);
  return *this;
}

Sequential& Sequential::add(LayerPtr layer) {
  if (last_.index < 0) {
    fail("Sequential: call input(shape) before adding layers (Keras: Input(shape=...))");
  }
  last_ = graph().apply(std::move(layer), last_);
  graph().set_outputs({last_});
  ++layers_;
  invalidate_compile();
  return *this;
}

}  // namespace nn
