// Keras 3: keras/src/layers/activations/activation.py.
#include "engine/core/layers/activation_layer.hpp"

#include "engine/core/base/error.hpp"

namespace nn {

ActivationLayer::ActivationLayer(const std::string& activation, const ActivationOptions& options,
                                 std::string name)
    : UnaryLayer(std::move(name)), activation_(make_activation(activation, options)) {}

ActivationLayer::ActivationLayer(std::unique_ptr<Activation> activation, std::string name)
    : UnaryLayer(std::move(name)), activation_(std::move(activation)) {
  if (!activation_) fail(who(), ": activation must not be null");
}

const Matrix& ActivationLayer::pre_activation() const {
  if (!has_forward_) fail(who(), ": pre_activation() called before forward()");
  return z_;
}

std::vector<Matrix> ActivationLayer::backward_from_pre_activation(const Matrix& dz) {
  if (!has_forward_) fail(who(), ": backward_from_pre_activation() called before forward()");
  if (dz.rows() != z_.rows() || dz.cols() != z_.cols()) {
    fail(who(), ": backward_from_pre_activation expected a gradient of shape (", z_.rows(), ", ",
         z_.cols(), "), got (", dz.rows(), ", ", dz.cols(), ")");
  }
  // dx = dz: the layer's input is the pre-activation
  return {dz};
}

Shape ActivationLayer::build_one(const Shape& input_shape, Rng&) { return input_shape; }

Matrix ActivationLayer::forward_one(const Matrix& x, bool) {
  z_ = x;
  activation_->forward(z_, a_);
  has_forward_ = true;
  return a_;
}

Matrix ActivationLayer::backward_one(const Matrix& dy) {
  Matrix dz;
  // dz = f'(z) applied to dy (softmax: its Jacobian-vector product)
  activation_->backward(z_, a_, dy, dz);
  return dz;
}

}  // namespace nn
