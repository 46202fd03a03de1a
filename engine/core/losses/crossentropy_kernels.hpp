#pragma once
/// The column-wise categorical cross-entropy shared by categorical_crossentropy and
/// sparse_categorical_crossentropy (Keras 3 backend nn.categorical_crossentropy).
#include "engine/core/base/scalar.hpp"

namespace nn::detail {

/// Sum over the n columns of -sum_i t_i log q_i. y_pred, targets: (k, n). From probabilities,
/// q = p / sum(p) clipped to [1e-7, 1 - 1e-7]; from logits, log q = log_softmax(z), computed
/// stably.
double crossentropy_sum(const Matrix& y_pred, const Matrix& targets, bool from_logits);

/// Gradient of crossentropy_sum with respect to y_pred, times scale: (k, n).
Matrix crossentropy_gradient(const Matrix& y_pred, const Matrix& targets, bool from_logits,
                             double scale);

}  // namespace nn::detail
