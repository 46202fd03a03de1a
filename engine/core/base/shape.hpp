#pragma once
/// Per-sample shapes (Keras shapes without the batch axis) and the memory layout they imply.
///
/// Layout rule, used by every layer:
///   rank 1, shape (f):    a batch is a matrix (f, batch); column b is sample b.
///   rank 2, shape (t, f): a sequence batch is a matrix (f, t*batch); column block t (columns
///                         t*batch .. t*batch+batch-1) is time step t, so W * X applies a Dense
///                         layer at every step.
///   rank 3 or 4, shape (d0, .., f): as rank 2 with t the row-major index over every axis but
///                         the last, so Dense still acts on the last axis as in Keras.
/// Datasets keep samples as flat columns in Keras's row-major order (size t*f); to_layout and
/// from_layout convert between the two at the model boundary.
#include <cstddef>
#include <string>
#include <vector>

#include "engine/core/base/scalar.hpp"

namespace nn {

using Shape = std::vector<Index>;

/// Highest per-sample rank the layout takes: images (rows, cols, channels) plus one.
constexpr std::size_t kMaxRank = 4;

/// Number of scalars in one sample of this shape.
Index shape_size(const Shape& shape);

/// Keras-style text, e.g. "(None, 28, 28)".
std::string shape_str(const Shape& shape);

/// Rows of the layout matrix: the last dimension (features).
Index layout_rows(const Shape& shape);

/// Column blocks of the layout: the product of every dimension but the last (1 for rank 1).
Index layout_steps(const Shape& shape);

/// Checks that a shape is one the engine can lay out (rank 1 to kMaxRank, every dimension > 0);
/// `who` names the layer or field in the error message.
void check_shape(const Shape& shape, const std::string& who);

/// Flat sample columns (shape_size, batch) -> layout matrix (rows, steps*batch).
Matrix to_layout(const Matrix& samples, const Shape& shape);

/// Layout matrix (rows, steps*batch) -> flat sample columns (shape_size, batch).
Matrix from_layout(const Matrix& layout, const Shape& shape);

}  // namespace nn
