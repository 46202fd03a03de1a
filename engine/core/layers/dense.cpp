#include "engine/core/layers/dense.hpp"

#include "engine/core/base/error.hpp"

namespace nn {

Dense::Dense(Index units, DenseOptions options, std::string name)
    : UnaryLayer(std::move(name)), units_(units), options_(std::move(options)) {
  if (units_ <= 0) fail("Dense: units must be a positive integer, got ", units_);
  activation_ = make_activation(options_.activation, options_.activation_options);
  is_linear_ = activation_->name() == "linear";
  // Fail early on unknown initializer names, before build.
  make_initializer(options_.kernel_initializer, options_.kernel_initializer_options);
  make_initializer(options_.bias_initializer, options_.bias_initializer_options);
}

Dense::Dense(Index units, const std::string& activation, std::string name)
    : Dense(
          units,
          [&] {
            DenseOptions o;
            o.activation = activation;
            return o;
          }(),
          std::move(name)) {}

std::vector<Param*> Dense::params() {
  if (options_.use_bias) return {&kernel_, &bias_};
  return {&kernel_};
}

Shape Dense::build_one(const Shape& input_shape, Rng& rng) {
  const Index in = layout_rows(input_shape);
  kernel_ = Param("kernel", units_, in);
  kernel_.regularizer = options_.kernel_regularizer;
  make_initializer(options_.kernel_initializer, options_.kernel_initializer_options)
      ->fill(kernel_.value, in, units_, rng);
  if (options_.use_bias) {
    bias_ = Param("bias", units_, 1);
    bias_.regularizer = options_.bias_regularizer;
    make_initializer(options_.bias_initializer, options_.bias_initializer_options)
        ->fill(bias_.value, units_, units_, rng);
  }
  Shape out = input_shape;
  out.back() = units_;
  return out;
}

Matrix Dense::forward_one(const Matrix& x, bool) {
  x_ = x;
  // Z = W X + b (b broadcast over columns)
  z_.noalias() = kernel_.value * x;
  if (options_.use_bias) z_.colwise() += bias_.value.col(0);
  if (is_linear_) return z_;
  // A = f(Z)
  activation_->forward(z_, a_);
  return a_;
}

Matrix Dense::backward_one(const Matrix& dy) {
  if (is_linear_) return linear_backward(dy);
  // dZ = dA .* f'(Z)
  activation_->backward(z_, a_, dy, dz_);
  return linear_backward(dz_);
}

std::vector<Matrix> Dense::backward_from_pre_activation(const Matrix& dz) {
  if (dz.rows() != z_.rows() || dz.cols() != z_.cols()) {
    fail(who(), ": pre-activation gradient expected shape (", z_.rows(), ", ", z_.cols(),
         "), got (", dz.rows(), ", ", dz.cols(), ")");
  }
  return {linear_backward(dz)};
}

Matrix Dense::linear_backward(const Matrix& dz) {
  // dW += dZ X^T
  kernel_.grad.noalias() += dz * x_.transpose();
  // db += sum over columns of dZ
  if (options_.use_bias) bias_.grad.col(0) += dz.rowwise().sum();
  if (!input_gradient_needed_) return Matrix();
  // dX = W^T dZ
  Matrix dx;
  dx.noalias() = kernel_.value.transpose() * dz;
  return dx;
}

}  // namespace nn
