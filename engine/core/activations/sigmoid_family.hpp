#pragma once
/// S-shaped activations: sigmoid, tanh, hard_sigmoid, and swish/silu (z * sigmoid(z)).
/// All elementwise on a (units, columns) matrix; see activation.hpp for the interface.
#include <string>

#include "engine/core/activations/activation.hpp"

namespace nn {

/// s = 1 / (1 + exp(-z)) without overflow for large |z|: with e = exp(-|z|),
/// s = 1 / (1 + e) for z >= 0 and e / (1 + e) for z < 0. s is resized to z's shape.
void stable_sigmoid(const Matrix& z, Matrix& s);

/// sigmoid: a = 1 / (1 + exp(-z)), computed stably.
class Sigmoid : public Activation {
 public:
  std::string name() const override { return "sigmoid"; }
  void forward(const Matrix& z, Matrix& a) const override;
  void backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const override;
  std::unique_ptr<Activation> clone() const override;
};

/// tanh: a = tanh(z).
class Tanh : public Activation {
 public:
  std::string name() const override { return "tanh"; }
  void forward(const Matrix& z, Matrix& a) const override;
  void backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const override;
  std::unique_ptr<Activation> clone() const override;
};

/// hard_sigmoid, Keras 3: a = relu6(z + 3) / 6 = clip(z / 6 + 1/2, 0, 1).
/// (Keras 2 and TF.js use 0.2 z + 0.5 instead; Keras 3 wins here.)
class HardSigmoid : public Activation {
 public:
  std::string name() const override { return "hard_sigmoid"; }
  void forward(const Matrix& z, Matrix& a) const override;
  void backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const override;
  std::unique_ptr<Activation> clone() const override;
};

/// swish / silu: a = z * sigmoid(z). Keras 3 registers one function under both names;
/// name() returns the name it was made with ("swish" or "silu").
class Swish : public Activation {
 public:
  explicit Swish(std::string keras_name = "silu");
  std::string name() const override { return name_; }
  void forward(const Matrix& z, Matrix& a) const override;
  void backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const override;
  std::unique_ptr<Activation> clone() const override;

 private:
  std::string name_;
};

}  // namespace nn
