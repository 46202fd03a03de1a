#pragma once
/// Piecewise-linear and exponential-linear activations: linear, relu, leaky_relu, elu, selu.
/// All elementwise on a (units, columns) matrix; see activation.hpp for the interface.
#include <string>

#include "engine/core/activations/activation.hpp"

namespace nn {

/// linear: a = z (Keras "linear", the identity).
class Linear : public Activation {
 public:
  std::string name() const override { return "linear"; }
  void forward(const Matrix& z, Matrix& a) const override;
  void backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const override;
  std::unique_ptr<Activation> clone() const override;
};

/// relu: a = max(z, 0); the gradient at z = 0 is taken as 0 (as TensorFlow does).
class Relu : public Activation {
 public:
  std::string name() const override { return "relu"; }
  void forward(const Matrix& z, Matrix& a) const override;
  void backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const override;
  std::unique_ptr<Activation> clone() const override;
};

/// leaky_relu: a = z if z > 0 else alpha * z. alpha is Keras 3's `negative_slope`
/// (default 0.2) and must be >= 0.
class LeakyRelu : public Activation {
 public:
  explicit LeakyRelu(double alpha = 0.2);
  std::string name() const override { return "leaky_relu"; }
  void forward(const Matrix& z, Matrix& a) const override;
  void backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const override;
  std::unique_ptr<Activation> clone() const override;
  double alpha() const { return alpha_; }

 private:
  double alpha_;
};

/// elu: a = z if z > 0 else alpha * (exp(z) - 1); Keras default alpha 1.0.
class Elu : public Activation {
 public:
  explicit Elu(double alpha = 1.0);
  std::string name() const override { return "elu"; }
  void forward(const Matrix& z, Matrix& a) const override;
  void backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const override;
  std::unique_ptr<Activation> clone() const override;
  double alpha() const { return alpha_; }

 private:
  double alpha_;
};

/// selu: a = scale * elu(z, alpha) with Keras's fixed constants (Klambauer et al., 2017).
class Selu : public Activation {
 public:
  static constexpr double kAlpha = 1.6732632423543772848170429916717;
  static constexpr double kScale = 1.0507009873554804934193349852946;
  std::string name() const override { return "selu"; }
  void forward(const Matrix& z, Matrix& a) const override;
  void backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const override;
  std::unique_ptr<Activation> clone() const override;
};

}  // namespace nn
