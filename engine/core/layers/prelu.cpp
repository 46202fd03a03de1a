// Keras 3: keras/src/layers/activations/prelu.py (alpha_initializer "zeros", shared_axes=None).
// He et al., "Delving Deep into Rectifiers" (2015).
#include "engine/core/layers/prelu.hpp"

#include <cmath>

#include "engine/core/base/error.hpp"

namespace nn {

PReLU::PReLU(double initial_alpha, std::string name)
    : UnaryLayer(std::move(name)), initial_alpha_(initial_alpha) {
  if (!std::isfinite(initial_alpha)) {
    fail(who(), ": initial alpha must be a finite number, got ", initial_alpha);
  }
}

Shape PReLU::build_one(const Shape& input_shape, Rng&) {
  // Keras's alpha has the input's shape; its (t, f) export is defined for rank 1 and 2 only.
  if (input_shape.size() > 2) {
    fail(who(), ": expected an input of rank 1 or 2, got ", shape_str(input_shape),
         "; put a Flatten before it");
  }
  steps_ = layout_steps(input_shape);
  alpha_ = Param("alpha", layout_rows(input_shape), steps_);
  alpha_.value.setConstant(static_cast<Scalar>(initial_alpha_));
  return input_shape;
}

Matrix PReLU::forward_one(const Matrix& x, bool) {
  x_ = x;
  const Index batch = x.cols() / steps_;
  Matrix y(x.rows(), x.cols());
  for (Index t = 0; t < steps_; ++t) {
    // Time block t uses alpha column t, broadcast over the batch.
    const Eigen::Ref<const Matrix> xt = x.middleCols(t * batch, batch);
    y.middleCols(t * batch, batch).array() =
        (xt.array() >= Scalar(0))
            .select(xt.array(), xt.array().colwise() * alpha_.value.col(t).array());
  }
  return y;
}

Matrix PReLU::backward_one(const Matrix& dy) {
  const Index batch = dy.cols() / steps_;
  Matrix dx(dy.rows(), dy.cols());
  for (Index t = 0; t < steps_; ++t) {
    const Eigen::Ref<const Matrix> xt = x_.middleCols(t * batch, batch);
    const Eigen::Ref<const Matrix> dyt = dy.middleCols(t * batch, batch);
    // dx = dy where x >= 0, else alpha * dy
    dx.middleCols(t * batch, batch).array() =
        (xt.array() >= Scalar(0))
            .select(dyt.array(), dyt.array().colwise() * alpha_.value.col(t).array());
    // dalpha[:, t] += sum over the batch of dy * x where x < 0
    alpha_.grad.col(t).array() +=
        (xt.array() < Scalar(0)).select(dyt.array() * xt.array(), Scalar(0)).rowwise().sum();
  }
  return dx;
}

}  // namespace nn
