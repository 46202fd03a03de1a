// softplus, softsign, gelu.
// Keras 3: keras/src/activations/activations.py (gelu approximate=False by default).
// Hendrycks & Gimpel, "Gaussian Error Linear Units (GELUs)" (2016).
#include "engine/core/activations/smooth.hpp"

#include <cmath>

#include "engine/core/activations/sigmoid_family.hpp"

namespace nn {
namespace {

constexpr double kInvSqrt2 = 0.70710678118654752440084436210485;
constexpr double kInvSqrt2Pi = 0.39894228040143267793994605993438;

/// Standard normal CDF, Phi(v) = (1 + erf(v / sqrt 2)) / 2.
Scalar normal_cdf(Scalar v) {
  return static_cast<Scalar>(0.5) * (Scalar(1) + std::erf(v * static_cast<Scalar>(kInvSqrt2)));
}

}  // namespace

void Softplus::forward(const Matrix& z, Matrix& a) const {
  a.resize(z.rows(), z.cols());
  a.array() = (-z.array().abs()).exp().log1p() + z.array().max(Scalar(0));
}

void Softplus::backward(const Matrix& z, const Matrix&, const Matrix& da, Matrix& dz) const {
  stable_sigmoid(z, dz);
  // dz = da * sigmoid(z)
  dz.array() *= da.array();
}

std::unique_ptr<Activation> Softplus::clone() const { return std::make_unique<Softplus>(*this); }

void Softsign::forward(const Matrix& z, Matrix& a) const {
  a.resize(z.rows(), z.cols());
  a.array() = z.array() / (Scalar(1) + z.array().abs());
}

void Softsign::backward(const Matrix& z, const Matrix&, const Matrix& da, Matrix& dz) const {
  dz.resize(z.rows(), z.cols());
  // dz = da / (1 + |z|)^2
  dz.array() = da.array() / (Scalar(1) + z.array().abs()).square();
}

std::unique_ptr<Activation> Softsign::clone() const { return std::make_unique<Softsign>(*this); }

void Gelu::forward(const Matrix& z, Matrix& a) const {
  a.resize(z.rows(), z.cols());
  a.array() = z.array() * z.array().unaryExpr(&normal_cdf);
}

void Gelu::backward(const Matrix& z, const Matrix&, const Matrix& da, Matrix& dz) const {
  const Scalar inv_sqrt_2pi = static_cast<Scalar>(kInvSqrt2Pi);
  dz.resize(z.rows(), z.cols());
  // dz = da * (Phi(z) + z * phi(z)), phi(z) = exp(-z^2 / 2) / sqrt(2 pi)
  dz.array() = da.array() *
               (z.array().unaryExpr(&normal_cdf) +
                z.array() * inv_sqrt_2pi * (z.array().square() * static_cast<Scalar>(-0.5)).exp());
}

std::unique_ptr<Activation> Gelu::clone() const { return std::make_unique<Gelu>(*this); }

}  // namespace nn
