// Keras 3: keras/src/layers/reshaping/reshape.py (one -1 dimension is inferred; the sample size
// must not change). The batch axis is never part of target_shape.
#include "engine/core/layers/reshape.hpp"

#include "engine/core/base/error.hpp"

namespace nn {
namespace {

/// "(3, -1)": a shape as written in Python, without the batch axis.
std::string tuple_str(const Shape& shape) {
  std::string out = "(";
  for (std::size_t i = 0; i < shape.size(); ++i) {
    out += (i > 0 ? ", " : "") + std::to_string(shape[i]);
  }
  return out + (shape.size() == 1 ? ",)" : ")");
}

}  // namespace

Reshape::Reshape(Shape target_shape, std::string name)
    : UnaryLayer(std::move(name)), target_shape_(std::move(target_shape)) {
  if (target_shape_.empty() || target_shape_.size() > kMaxRank) {
    fail(who(), ": target_shape must have 1 to ", kMaxRank, " dimensions, got ",
         tuple_str(target_shape_));
  }
  int unknown = 0;
  for (Index d : target_shape_) {
    if (d == -1) ++unknown;
    if (d == 0 || d < -1) {
      fail(who(), ": target_shape dimensions must be positive (or one -1), got ",
           tuple_str(target_shape_));
    }
  }
  if (unknown > 1) {
    fail(who(), ": target_shape may have one -1 (inferred), got ", tuple_str(target_shape_));
  }
}

Shape Reshape::resolve(const Shape& target_shape, const Shape& input_shape,
                       const std::string& who) {
  const Index size = shape_size(input_shape);
  // The product of the known dimensions, stopped once it passes `size` (no overflow).
  Index known = 1;
  for (Index d : target_shape) {
    if (d != -1 && known <= size) known *= d;
  }
  Shape out = target_shape;
  bool fits = known <= size && size % known == 0;
  for (Index& d : out) {
    if (d == -1) d = fits ? size / known : 0;
  }
  fits = fits && shape_size(out) == size;
  if (!fits) {
    fail(who, ": cannot reshape an input of shape ", shape_str(input_shape), " (", size,
         " values per sample) to target_shape ", tuple_str(target_shape),
         ": the number of values must not change");
  }
  return out;
}

Shape Reshape::build_one(const Shape& input_shape, Rng&) {
  const Shape out = resolve(target_shape_, input_shape, who());
  check_shape(out, who());
  return out;
}

Matrix Reshape::forward_one(const Matrix& x, bool) {
  // Through the flat row-major sample columns: the order Keras's reshape keeps.
  return to_layout(from_layout(x, input_shapes()[0]), output_shape());
}

Matrix Reshape::backward_one(const Matrix& dy) {
  // Reshape only moves entries, so dx is dy moved back.
  return to_layout(from_layout(dy, output_shape()), input_shapes()[0]);
}

}  // namespace nn
