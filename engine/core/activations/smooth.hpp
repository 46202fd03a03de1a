#pragma once
/// Smooth non-saturating activations: softplus, softsign, gelu (exact, Keras 3 default).
/// All elementwise on a (units, columns) matrix; see activation.hpp for the interface.
#include <string>

#include "engine/core/activations/activation.hpp"

namespace nn {

/// softplus: a = log(1 + exp(z)), computed as log1p(exp(-|z|)) + max(z, 0) (no overflow).
class Softplus : public Activation {
 public:
  std::string name() const override { return "softplus"; }
  void forward(const Matrix& z, Matrix& a) const override;
  void backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const override;
  std::unique_ptr<Activation> clone() const override;
};

/// softsign: a = z / (1 + |z|).
class Softsign : public Activation {
 public:
  std::string name() const override { return "softsign"; }
  void forward(const Matrix& z, Matrix& a) const override;
  void backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const override;
  std::unique_ptr<Activation> clone() const override;
};

/// gelu, exact form (Keras 3 default approximate=False): a = z/2 * (1 + erf(z / sqrt(2))).
class Gelu : public Activation {
 public:
  std::string name() const override { return "gelu"; }
  void forward(const Matrix& z, Matrix& a) const override;
  void backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const override;
  std::unique_ptr<Activation> clone() const override;
};

}  // namespace nn
