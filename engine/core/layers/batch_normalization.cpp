#include "engine/core/layers/batch_normalization.hpp"

#include "engine/core/base/error.hpp"

namespace nn {

BatchNormalization::BatchNormalization(double momentum, double epsilon, bool center, bool scale,
                                       std::string name)
    : UnaryLayer(std::move(name)),
      momentum_(momentum),
      epsilon_(epsilon),
      center_(center),
      scale_(scale) {
  if (!(momentum >= 0.0 && momentum <= 1.0)) {
    fail(who(), ": momentum must be in [0, 1], got ", momentum);
  }
  if (!(epsilon > 0.0)) fail(who(), ": epsilon must be > 0, got ", epsilon);
}

std::vector<Param*> BatchNormalization::params() {
  std::vector<Param*> out;
  if (scale_) out.push_back(&gamma_);
  if (center_) out.push_back(&beta_);
  out.push_back(&moving_mean_);
  out.push_back(&moving_variance_);
  return out;
}

Param& BatchNormalization::gamma() {
  if (!scale_) fail(who(), ": has no gamma (scale=false)");
  return gamma_;
}

Param& BatchNormalization::beta() {
  if (!center_) fail(who(), ": has no beta (center=false)");
  return beta_;
}

Shape BatchNormalization::build_one(const Shape& input_shape, Rng&) {
  const Index f = layout_rows(input_shape);
  // Keras initializers: gamma ones, beta zeros, moving_mean zeros, moving_variance ones.
  if (scale_) {
    gamma_ = Param("gamma", f, 1);
    gamma_.value.setOnes();
  }
  if (center_) beta_ = Param("beta", f, 1);
  moving_mean_ = Param("moving_mean", f, 1, false);
  moving_variance_ = Param("moving_variance", f, 1, false);
  moving_variance_.value.setOnes();
  return input_shape;
}

Matrix BatchNormalization::forward_one(const Matrix& x, bool training) {
  // A frozen BatchNormalization always runs in inference mode, as in Keras.
  last_training_ = training && trainable();
  const Scalar eps = static_cast<Scalar>(epsilon_);
  if (last_training_) {
    const Scalar n = static_cast<Scalar>(static_cast<double>(x.cols()));
    mean_ = x.rowwise().sum() / n;
    x_hat_ = x.colwise() - mean_;
    // Biased batch variance: mean of squared deviations.
    const Vector var = x_hat_.array().square().rowwise().sum() / n;
    inv_std_ = (var.array() + eps).rsqrt();
    x_hat_ = x_hat_.array().colwise() * inv_std_.array();
    const Scalar m = static_cast<Scalar>(momentum_);
    const Scalar one_minus_m = static_cast<Scalar>(1.0 - momentum_);
    moving_mean_.value = moving_mean_.value * m + mean_ * one_minus_m;
    moving_variance_.value = moving_variance_.value * m + var * one_minus_m;
  } else {
    mean_ = moving_mean_.value.col(0);
    inv_std_ = (moving_variance_.value.col(0).array() + eps).rsqrt();
    x_hat_ = (x.colwise() - mean_).array().colwise() * inv_std_.array();
  }
  Matrix y = x_hat_;
  if (scale_) y = y.array().colwise() * gamma_.value.col(0).array();
  if (center_) y.colwise() += beta_.value.col(0);
  return y;
}

Matrix BatchNormalization::backward_one(const Matrix& dy) {
  // dbeta += sum over columns of dy
  if (center_) beta_.grad.col(0) += dy.rowwise().sum();
  if (scale_) {
    // dgamma += sum over columns of dy .* x_hat
    gamma_.grad.col(0) += dy.cwiseProduct(x_hat_).rowwise().sum();
    // dx_hat = dy .* gamma
    dx_hat_ = dy.array().colwise() * gamma_.value.col(0).array();
  } else {
    // dx_hat = dy (gamma is 1)
    dx_hat_ = dy;
  }
  if (!last_training_) {
    // Fixed statistics: dx = dx_hat / sqrt(moving_variance + eps)
    return dx_hat_.array().colwise() * inv_std_.array();
  }
  // Through the batch statistics, per feature row over its n columns:
  //   dx = inv_std / n * (n * dx_hat - sum(dx_hat) - x_hat .* sum(dx_hat .* x_hat))
  const Scalar n = static_cast<Scalar>(static_cast<double>(dy.cols()));
  // sum_dx_hat = sum over columns of dx_hat (the path through the mean)
  const Vector sum_dx_hat = dx_hat_.rowwise().sum();
  // sum_dx_hat_x_hat = sum over columns of dx_hat .* x_hat (the path through the variance)
  const Vector sum_dx_hat_x_hat = dx_hat_.cwiseProduct(x_hat_).rowwise().sum();
  // dx_hat <- n * dx_hat - sum_dx_hat
  dx_hat_ = (dx_hat_ * n).colwise() - sum_dx_hat;
  // dx_hat <- dx_hat - x_hat .* sum_dx_hat_x_hat
  dx_hat_ -= (x_hat_.array().colwise() * sum_dx_hat_x_hat.array()).matrix();
  // dx = dx_hat .* inv_std / n
  return dx_hat_.array().colwise() * (inv_std_.array() / n);
}

}  // namespace nn
