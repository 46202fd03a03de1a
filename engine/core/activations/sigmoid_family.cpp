// sigmoid, tanh, hard_sigmoid, swish/silu.
// Keras 3: keras/src/activations/activations.py and keras/src/ops/nn.py (hard_sigmoid is
// relu6(x + 3) / 6; silu is x * sigmoid(x), exported under both names).
#include "engine/core/activations/sigmoid_family.hpp"

namespace nn {

void stable_sigmoid(const Matrix& z, Matrix& s) {
  s.resize(z.rows(), z.cols());
  // 1 / (1 + exp(-z)): for z << 0, exp(-z) grows to +inf and the quotient to exactly 0, for
  // z >> 0 it tends to 1; IEEE arithmetic keeps every case finite (no -ffast-math here).
  s.array() = (Scalar(1) + (-z.array()).exp()).inverse();
}

void Sigmoid::forward(const Matrix& z, Matrix& a) const { stable_sigmoid(z, a); }

void Sigmoid::backward(const Matrix&, const Matrix& a, const Matrix& da, Matrix& dz) const {
  dz.resize(a.rows(), a.cols());
  // dz = da * a * (1 - a)
  dz.array() = da.array() * a.array() * (Scalar(1) - a.array());
}

std::unique_ptr<Activation> Sigmoid::clone() const { return std::make_unique<Sigmoid>(*this); }

void Tanh::forward(const Matrix& z, Matrix& a) const {
  a.resize(z.rows(), z.cols());
  a.array() = z.array().tanh();
}

void Tanh::backward(const Matrix&, const Matrix& a, const Matrix& da, Matrix& dz) const {
  dz.resize(a.rows(), a.cols());
  // dz = da * (1 - a^2)
  dz.array() = da.array() * (Scalar(1) - a.array().square());
}

std::unique_ptr<Activation> Tanh::clone() const { return std::make_unique<Tanh>(*this); }

void HardSigmoid::forward(const Matrix& z, Matrix& a) const {
  a.resize(z.rows(), z.cols());
  a.array() = (z.array() / Scalar(6) + Scalar(0.5)).max(Scalar(0)).min(Scalar(1));
}

void HardSigmoid::backward(const Matrix& z, const Matrix&, const Matrix& da, Matrix& dz) const {
  dz.resize(z.rows(), z.cols());
  // dz = da / 6 strictly inside (-3, 3) (relu6's gradient), else 0
  dz.array() =
      (z.array() > Scalar(-3) && z.array() < Scalar(3)).select(da.array() / Scalar(6), Scalar(0));
}

std::unique_ptr<Activation> HardSigmoid::clone() const {
  return std::make_unique<HardSigmoid>(*this);
}

Swish::Swish(std::string keras_name) : name_(std::move(keras_name)) {}

void Swish::forward(const Matrix& z, Matrix& a) const {
  stable_sigmoid(z, a);
  a.array() *= z.array();
}

void Swish::backward(const Matrix& z, const Matrix&, const Matrix& da, Matrix& dz) const {
  // s = sigmoid(z) is recomputed: a / z is undefined at z = 0.
  stable_sigmoid(z, dz);
  // dz = da * (s + z * s * (1 - s)) = da * s * (1 + z * (1 - s))
  dz.array() = da.array() * dz.array() * (Scalar(1) + z.array() * (Scalar(1) - dz.array()));
}

std::unique_ptr<Activation> Swish::clone() const { return std::make_unique<Swish>(*this); }

}  // namespace nn
