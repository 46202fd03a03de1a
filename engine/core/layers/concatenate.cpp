#include "engine/core/layers/concatenate.hpp"

#include <algorithm>
#include <string>

#include "engine/core/base/error.hpp"

namespace nn {
namespace {

/// "[(None, 3), (None, 2, 4)]": the shapes an error message lists.
std::string shapes_str(const std::vector<Shape>& shapes) {
  std::string out = "[";
  for (std::size_t i = 0; i < shapes.size(); ++i) {
    if (i > 0) out += ", ";
    out += shape_str(shapes[i]);
  }
  return out + "]";
}

}  // namespace

Concatenate::Concatenate(int axis, std::string name) : Layer(std::move(name)), axis_(axis) {}

Shape Concatenate::do_build(const std::vector<Shape>& input_shapes, Rng&) {
  if (input_shapes.size() < 2) {
    fail(who(), ": expected at least 2 inputs, got ", input_shapes.size(), " with shapes ",
         shapes_str(input_shapes));
  }
  const Shape& first = input_shapes[0];
  const int rank = static_cast<int>(first.size());
  // Keras counts the batch axis: for (None, t, f) the last axis is 2 or -1.
  if (axis_ != -1 && axis_ != rank) {
    fail(who(), ": only the last axis (axis=-1 or ", rank, ") is supported for inputs ",
         shapes_str(input_shapes), ", got axis=", axis_);
  }
  Index features = 0;
  for (const Shape& s : input_shapes) {
    if (s.size() != first.size() || !std::equal(s.begin(), s.end() - 1, first.begin())) {
      fail(who(), ": inputs must have the same rank and matching shapes except along the ",
           "concatenation axis, got ", shapes_str(input_shapes));
    }
    features += s.back();
  }
  Shape out = first;
  out.back() = features;
  return out;
}

Matrix Concatenate::do_forward(const std::vector<const Matrix*>& inputs, bool) {
  const Index cols = inputs[0]->cols();
  Matrix y(layout_rows(output_shape()), cols);
  Index row = 0;
  for (const Matrix* x : inputs) {
    y.middleRows(row, x->rows()) = *x;
    row += x->rows();
  }
  return y;
}

std::vector<Matrix> Concatenate::do_backward(const Matrix& dy) {
  std::vector<Matrix> dxs;
  Index row = 0;
  for (const Shape& s : input_shapes()) {
    const Index rows = layout_rows(s);
    // dx_i = the rows of dy that input i filled
    dxs.emplace_back(dy.middleRows(row, rows));
    row += rows;
  }
  return dxs;
}

}  // namespace nn
