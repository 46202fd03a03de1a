#pragma once
/// Regularizer: Keras's L1, L2 and L1L2 weight penalties, loss += l1*sum|w| + l2*sum w^2.
/// Reference: keras.regularizers (L2 default 0.01, L1 default 0.01). Not divided by the batch.
#include <string>

#include "engine/core/base/scalar.hpp"

namespace nn {

struct Regularizer {
  double l1 = 0.0;
  double l2 = 0.0;

  /// Keras's named forms: "l1" (l1=rate), "l2" (l2=rate), "l1_l2" (both).
  static Regularizer L1(double rate = 0.01) { return {rate, 0.0}; }
  static Regularizer L2(double rate = 0.01) { return {0.0, rate}; }
  static Regularizer L1L2(double l1_rate = 0.0, double l2_rate = 0.0) { return {l1_rate, l2_rate}; }

  bool active() const { return l1 != 0.0 || l2 != 0.0; }
  /// l1 * sum|w| + l2 * sum w^2.
  Scalar penalty(const Matrix& w) const;
  /// grad += l1 * sign(w) + 2 * l2 * w.
  void add_gradient(const Matrix& w, Matrix& grad) const;
};

}  // namespace nn
