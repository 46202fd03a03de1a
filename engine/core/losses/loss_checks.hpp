#pragma once
/// Shared input checks and constants of the loss family (internal to engine/core/losses and
/// engine/core/metrics).
#include <string>

#include "engine/core/base/scalar.hpp"

namespace nn::detail {

/// Keras's backend.epsilon(): probabilities are clipped to [kEpsilon, 1 - kEpsilon].
constexpr double kEpsilon = 1e-7;

/// "(3, 10)" for a (3, 10) matrix.
std::string shape_string(const Matrix& m);

/// Fails with "<who>: y_true has shape (a, b) but y_pred has shape (c, d)" unless the shapes
/// are equal and y_pred is not empty.
void require_same_shape(const std::string& who, const Matrix& y_pred, const Matrix& y_true);

/// Fails unless y_true is (1, n) for a (k, n) y_pred with k >= 1, n >= 1.
void require_sparse_shape(const std::string& who, const Matrix& y_pred, const Matrix& y_true);

/// The class id in column `col` of a (1, n) sparse y_true, checked to be an integer in
/// [0, num_classes); fails naming the column and the value otherwise.
Index class_id(const std::string& who, const Matrix& y_true, Index col, Index num_classes);

/// Fails unless label_smoothing is in [0, 1].
void require_label_smoothing(const std::string& who, double label_smoothing);

}  // namespace nn::detail
