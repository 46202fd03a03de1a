#include "engine/core/layers/add.hpp"

#include <string>

#include "engine/core/base/error.hpp"

namespace nn {

Add::Add(std::string name) : Layer(std::move(name)) {}

Shape Add::do_build(const std::vector<Shape>& input_shapes, Rng&) {
  std::string listed = "[";
  for (std::size_t i = 0; i < input_shapes.size(); ++i) {
    listed += (i > 0 ? ", " : "") + shape_str(input_shapes[i]);
  }
  listed += "]";
  if (input_shapes.size() < 2) {
    fail(who(), ": expected at least 2 inputs, got ", input_shapes.size(), " with shapes ", listed);
  }
  for (const Shape& s : input_shapes) {
    if (s != input_shapes[0]) {
      fail(who(), ": inputs must all have the same shape, got ", listed);
    }
  }
  return input_shapes[0];
}

Matrix Add::do_forward(const std::vector<const Matrix*>& inputs, bool) {
  Matrix y = *inputs[0];
  for (std::size_t i = 1; i < inputs.size(); ++i) y += *inputs[i];
  return y;
}

std::vector<Matrix> Add::do_backward(const Matrix& dy) {
  // dx_i = dy: the sum passes its gradient unchanged to every term
  return std::vector<Matrix>(input_shapes().size(), dy);
}

}  // namespace nn
