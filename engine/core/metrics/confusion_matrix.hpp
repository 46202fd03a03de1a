#pragma once
/// Confusion matrix of a batch of predictions, for the playground's classification views.
#include <Eigen/Core>

#include "engine/core/base/scalar.hpp"

namespace nn {

/// Counts (num_classes, num_classes): entry (t, p) is how many columns have true class t and
/// predicted class p. Accepts
///  - binary: y_pred (1, n) probabilities (class 1 when p > 0.5), y_true (1, n) of 0/1,
///    num_classes == 2;
///  - one-hot: y_pred and y_true (k, n), classes by argmax, num_classes == k;
///  - sparse: y_pred (k, n) with k > 1, y_true (1, n) integer ids in [0, k), num_classes == k.
/// Throws nn::Error for other shapes, mismatched num_classes or bad labels.
Eigen::MatrixXi confusion_matrix(const Matrix& y_pred, const Matrix& y_true, Index num_classes);

}  // namespace nn
