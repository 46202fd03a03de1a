#include "engine/core/layers/regularizer.hpp"

namespace nn {

Scalar Regularizer::penalty(const Matrix& w) const {
  Scalar total = 0;
  if (l1 != 0.0) total += static_cast<Scalar>(l1) * w.cwiseAbs().sum();
  if (l2 != 0.0) total += static_cast<Scalar>(l2) * w.squaredNorm();
  return total;
}

void Regularizer::add_gradient(const Matrix& w, Matrix& grad) const {
  // d(l1*|w|)/dw = l1*sign(w); d(l2*w^2)/dw = 2*l2*w
  if (l1 != 0.0) grad.array() += static_cast<Scalar>(l1) * w.array().sign();
  if (l2 != 0.0) grad.array() += static_cast<Scalar>(2.0 * l2) * w.array();
}

}  // namespace nn
