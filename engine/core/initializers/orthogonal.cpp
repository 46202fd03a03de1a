#include "engine/core/initializers/orthogonal.hpp"

#include <algorithm>
#include <cmath>

#include <Eigen/QR>

#include "engine/core/base/error.hpp"

namespace nn {

Orthogonal::Orthogonal(double gain) : gain_(gain) {
  if (!(gain_ > 0.0) || !std::isfinite(gain_)) fail("orthogonal: gain must be > 0, got ", gain_);
}

void Orthogonal::fill(Matrix& w, Index fan_in, Index fan_out, Rng& rng) const {
  if (fan_in < 1 || fan_out < 1 || w.size() != fan_in * fan_out)
    fail("orthogonal: needs a 2-D weight of fan_in * fan_out entries, got a (", w.rows(), ", ",
         w.cols(), ") matrix with fan_in ", fan_in, " and fan_out ", fan_out);
  // Keras kernel shape (rows, cols) = (fan_in, fan_out).
  const Index rows = fan_in, cols = fan_out;
  const Index tall = std::max(rows, cols), narrow = std::min(rows, cols);
  // A ~ N(0, 1) of shape (tall, narrow), drawn in Keras's row-major order. QR runs in double
  // so the float and double engines round the same exact result.
  Eigen::MatrixXd a(tall, narrow);
  for (Index i = 0; i < tall; ++i)
    for (Index j = 0; j < narrow; ++j) a(i, j) = rng.normal();
  const Eigen::HouseholderQR<Eigen::MatrixXd> qr(a);
  // Thin Q (tall, narrow): the first `narrow` columns of the full Householder Q.
  Eigen::MatrixXd q = qr.householderQ() * Eigen::MatrixXd::Identity(tall, narrow);
  // q *= sign(diag(R)): makes the factorisation unique, so Q is Haar-distributed.
  for (Index j = 0; j < narrow; ++j) {
    const double d = qr.matrixQR()(j, j);
    const double sign = d > 0.0 ? 1.0 : (d < 0.0 ? -1.0 : 0.0);
    q.col(j) *= sign;
  }
  // Keras result K (rows, cols): q itself when rows >= cols, else q^T.
  Scalar* data = w.data();
  for (Index i = 0; i < rows; ++i) {
    for (Index j = 0; j < cols; ++j) {
      const double k = rows >= cols ? q(i, j) : q(j, i);
      // w's storage order is K's row-major order: w = K^T as a (cols, rows) matrix.
      data[i * cols + j] = static_cast<Scalar>(gain_ * k);
    }
  }
}

std::unique_ptr<Initializer> Orthogonal::clone() const {
  return std::make_unique<Orthogonal>(*this);
}

}  // namespace nn
