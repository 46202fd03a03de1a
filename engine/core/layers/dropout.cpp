#include "engine/core/layers/dropout.hpp"

#include "engine/core/base/error.hpp"

namespace nn {

Dropout::Dropout(double rate, std::uint64_t seed, std::string name)
    : UnaryLayer(std::move(name)), rate_(rate), seed_(seed), rng_(seed) {
  // Written so that NaN fails too.
  if (!(rate >= 0.0 && rate < 1.0)) {
    fail(who(), ": rate must be in [0, 1), got ", rate);
  }
}

void Dropout::set_rate(double rate) {
  if (!(rate >= 0.0 && rate < 1.0)) fail(who(), ": rate must be in [0, 1), got ", rate);
  rate_ = rate;
  // A frozen mask holds the old 1 / (1 - rate) scale: draw a new one next time.
  mask_.resize(0, 0);
}

Shape Dropout::build_one(const Shape& input_shape, Rng&) {
  rng_ = Rng(seed_);
  mask_.resize(0, 0);
  return input_shape;
}

void Dropout::draw_mask(Index rows, Index cols) {
  const Scalar scale = static_cast<Scalar>(1.0 / (1.0 - rate_));
  mask_.resize(rows, cols);
  // Keep an entry when its uniform draw lands at or above rate: probability 1 - rate.
  for (Index i = 0; i < mask_.size(); ++i) {
    mask_.data()[i] = rng_.uniform() >= rate_ ? scale : Scalar(0);
  }
}

Matrix Dropout::forward_one(const Matrix& x, bool training) {
  last_masked_ = training && rate_ > 0.0;
  if (!last_masked_) return x;
  const bool reuse = mask_frozen_ && mask_.rows() == x.rows() && mask_.cols() == x.cols();
  if (!reuse) draw_mask(x.rows(), x.cols());
  return x.cwiseProduct(mask_);
}

Matrix Dropout::backward_one(const Matrix& dy) {
  if (!last_masked_) return dy;  // identity forward: dx = dy
  // dx = dy .* mask
  return dy.cwiseProduct(mask_);
}

}  // namespace nn
