#include "engine/core/layers/flatten.hpp"

namespace nn {

Flatten::Flatten(std::string name) : UnaryLayer(std::move(name)) {}

Shape Flatten::build_one(const Shape& input_shape, Rng&) { return {shape_size(input_shape)}; }

Matrix Flatten::forward_one(const Matrix& x, bool) {
  // from_layout yields the flat row-major sample columns Keras's reshape produces.
  return from_layout(x, input_shapes()[0]);
}

Matrix Flatten::backward_one(const Matrix& dy) {
  // Flatten only moves entries, so dx is dy moved back: the inverse reshape.
  return to_layout(dy, input_shapes()[0]);
}

}  // namespace nn
