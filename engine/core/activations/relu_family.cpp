// linear, relu, leaky_relu, elu, selu.
// Keras 3: keras/src/activations/activations.py (leaky_relu negative_slope=0.2, elu alpha=1.0,
// selu's fixed alpha/scale); the gradient at a kink (z = 0) follows TensorFlow's kernels.
#include "engine/core/activations/relu_family.hpp"

#include <cmath>

#include "engine/core/base/error.hpp"

namespace nn {

void Linear::forward(const Matrix& z, Matrix& a) const { a = z; }

void Linear::backward(const Matrix&, const Matrix&, const Matrix& da, Matrix& dz) const {
  // dz = da (identity)
  dz = da;
}

std::unique_ptr<Activation> Linear::clone() const { return std::make_unique<Linear>(*this); }

void Relu::forward(const Matrix& z, Matrix& a) const {
  a.resize(z.rows(), z.cols());
  a.array() = z.array().max(Scalar(0));
}

void Relu::backward(const Matrix& z, const Matrix&, const Matrix& da, Matrix& dz) const {
  dz.resize(z.rows(), z.cols());
  // dz = da where z > 0, else 0
  dz.array() = (z.array() > Scalar(0)).select(da.array(), Scalar(0));
}

std::unique_ptr<Activation> Relu::clone() const { return std::make_unique<Relu>(*this); }

LeakyRelu::LeakyRelu(double alpha) : alpha_(alpha) {
  if (!(alpha >= 0.0) || !std::isfinite(alpha)) {
    fail("leaky_relu: alpha (negative_slope) must be a finite number >= 0, got ", alpha);
  }
}

void LeakyRelu::forward(const Matrix& z, Matrix& a) const {
  const Scalar alpha = static_cast<Scalar>(alpha_);
  a.resize(z.rows(), z.cols());
  a.array() = (z.array() > Scalar(0)).select(z.array(), alpha * z.array());
}

void LeakyRelu::backward(const Matrix& z, const Matrix&, const Matrix& da, Matrix& dz) const {
  const Scalar alpha = static_cast<Scalar>(alpha_);
  dz.resize(z.rows(), z.cols());
  // dz = da where z > 0, else alpha * da
  dz.array() = (z.array() > Scalar(0)).select(da.array(), alpha * da.array());
}

std::unique_ptr<Activation> LeakyRelu::clone() const { return std::make_unique<LeakyRelu>(*this); }

Elu::Elu(double alpha) : alpha_(alpha) {
  if (!std::isfinite(alpha)) fail("elu: alpha must be a finite number, got ", alpha);
}

void Elu::forward(const Matrix& z, Matrix& a) const {
  const Scalar alpha = static_cast<Scalar>(alpha_);
  a.resize(z.rows(), z.cols());
  // expm1 keeps precision for small |z|; the unselected branch may overflow harmlessly.
  a.array() = (z.array() > Scalar(0)).select(z.array(), alpha * z.array().expm1());
}

void Elu::backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const {
  const Scalar alpha = static_cast<Scalar>(alpha_);
  dz.resize(z.rows(), z.cols());
  // dz = da where z > 0, else da * alpha * exp(z) = da * (a + alpha)
  dz.array() = (z.array() > Scalar(0)).select(da.array(), da.array() * (a.array() + alpha));
}

std::unique_ptr<Activation> Elu::clone() const { return std::make_unique<Elu>(*this); }

void Selu::forward(const Matrix& z, Matrix& a) const {
  const Scalar scale = static_cast<Scalar>(kScale);
  const Scalar scale_alpha = static_cast<Scalar>(kScale * kAlpha);
  a.resize(z.rows(), z.cols());
  a.array() = (z.array() > Scalar(0)).select(scale * z.array(), scale_alpha * z.array().expm1());
}

void Selu::backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const {
  const Scalar scale = static_cast<Scalar>(kScale);
  const Scalar scale_alpha = static_cast<Scalar>(kScale * kAlpha);
  dz.resize(z.rows(), z.cols());
  // dz = da * scale where z > 0, else da * scale * alpha * exp(z) = da * (a + scale * alpha)
  dz.array() =
      (z.array() > Scalar(0)).select(scale * da.array(), da.array() * (a.array() + scale_alpha));
}

std::unique_ptr<Activation> Selu::clone() const { return std::make_unique<Selu>(*this); }

}  // namespace nn
