#pragma once
/// Activation: a function applied to a (units, columns) matrix; elementwise except softmax,
/// which normalises each column. Runtime objects (not template parameters) made by name.
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "engine/core/base/scalar.hpp"

namespace nn {

class Activation {
 public:
  virtual ~Activation() = default;
  /// Keras name: "relu", "softmax", ...
  virtual std::string name() const = 0;
  /// a = f(z); z, a: (k, n). `a` is resized.
  virtual void forward(const Matrix& z, Matrix& a) const = 0;
  /// dz = dL/dz given z, a = f(z) and da = dL/da; all (k, n). Throws nn::Error where f has no
  /// gradient (the Heaviside step).
  virtual void backward(const Matrix& z, const Matrix& a, const Matrix& da, Matrix& dz) const = 0;
  virtual std::unique_ptr<Activation> clone() const = 0;
};

/// Options of the parameterised activations.
struct ActivationOptions {
  /// leaky_relu negative slope (Keras 3 default 0.2) and elu alpha (default 1.0); NaN = default.
  double alpha = std::numeric_limits<double>::quiet_NaN();
};

/// Makes an activation by Keras name. Throws nn::Error listing the valid names.
std::unique_ptr<Activation> make_activation(const std::string& name,
                                            const ActivationOptions& options = {});

/// Every name make_activation accepts, sorted.
std::vector<std::string> activation_names();

}  // namespace nn
