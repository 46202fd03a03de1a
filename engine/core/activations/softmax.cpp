// softmax over each column (Keras axis=-1). Keras 3: keras/src/activations/activations.py.
#include "engine/core/activations/softmax.hpp"

namespace nn {

void Softmax::forward(const Matrix& z, Matrix& a) const {
  // Subtracting each column's max keeps exp() <= 1: no overflow for large logits.
  const RowVector column_max = z.colwise().maxCoeff();
  a.resize(z.rows(), z.cols());
  a.array() = (z.rowwise() - column_max).array().exp();
  const RowVector column_sum = a.colwise().sum();
  a.array().rowwise() /= column_sum.array();
}

void Softmax::backward(const Matrix&, const Matrix& a, const Matrix& da, Matrix& dz) const {
  dz.resize(a.rows(), a.cols());
  // s_j = sum_i da[i, j] * a[i, j] per column
  const RowVector weighted = da.cwiseProduct(a).colwise().sum();
  // dz = a .* (da - s_j)
  dz.array() = a.array() * (da.rowwise() - weighted).array();
}

std::unique_ptr<Activation> Softmax::clone() const { return std::make_unique<Softmax>(*this); }

}  // namespace nn
