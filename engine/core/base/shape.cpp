#include "engine/core/base/shape.hpp"

#include "engine/core/base/error.hpp"

namespace nn {

Index shape_size(const Shape& shape) {
  Index n = 1;
  for (Index d : shape) n *= d;
  return n;
}

std::string shape_str(const Shape& shape) {
  std::string out = "(None";
  for (Index d : shape) out += ", " + std::to_string(d);
  return out + ")";
}

Index layout_rows(const Shape& shape) { return shape.empty() ? 1 : shape.back(); }

Index layout_steps(const Shape& shape) {
  Index steps = 1;
  for (std::size_t i = 0; i + 1 < shape.size(); ++i) steps *= shape[i];
  return steps;
}

void check_shape(const Shape& shape, const std::string& who) {
  if (shape.empty() || shape.size() > kMaxRank) {
    fail(who, ": expected a shape of rank 1 to ", kMaxRank,
         " (features last, e.g. (28, 28, 1)), got ", shape_str(shape));
  }
  for (Index d : shape) {
    if (d <= 0) fail(who, ": every dimension must be a positive integer, got ", shape_str(shape));
  }
}

Matrix to_layout(const Matrix& samples, const Shape& shape) {
  const Index steps = layout_steps(shape), rows = layout_rows(shape);
  if (samples.rows() != steps * rows) {
    fail("input data: expected ", steps * rows, " values per sample for shape ", shape_str(shape),
         ", got ", samples.rows());
  }
  if (steps == 1) return samples;
  const Index batch = samples.cols();
  Matrix out(rows, steps * batch);
  // sample b, step t occupies rows t*rows .. t*rows+rows-1 of column b (row-major (t, f)).
  for (Index t = 0; t < steps; ++t) {
    out.middleCols(t * batch, batch) = samples.middleRows(t * rows, rows);
  }
  return out;
}

Matrix from_layout(const Matrix& layout, const Shape& shape) {
  const Index steps = layout_steps(shape), rows = layout_rows(shape);
  if (steps == 1) return layout;
  const Index batch = layout.cols() / steps;
  Matrix out(steps * rows, batch);
  for (Index t = 0; t < steps; ++t) {
    out.middleRows(t * rows, rows) = layout.middleCols(t * batch, batch);
  }
  return out;
}

}  // namespace nn
