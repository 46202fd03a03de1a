/// binary_crossentropy (Keras 3 keras/src/losses/losses.py and backend nn.binary_crossentropy):
/// labels smoothed towards 1/2, y' = y (1 - ls) + 0.5 ls; per element
/// -(y' log p + (1 - y') log(1 - p)) with p clipped to [1e-7, 1 - 1e-7], or from logits the
/// stable max(z, 0) - z y' + log1p(exp(-|z|)). Averaged over the k rows and the n columns.
#include <algorithm>
#include <cmath>

#include "engine/core/losses/loss_checks.hpp"
#include "engine/core/losses/loss_factories.hpp"

namespace nn::detail {
namespace {

/// sigmoid(z) without overflow for large |z|.
double stable_sigmoid(double z) {
  if (z >= 0.0) return 1.0 / (1.0 + std::exp(-z));
  const double e = std::exp(z);
  return e / (1.0 + e);
}

class BinaryCrossentropy final : public Loss {
 public:
  BinaryCrossentropy(bool from_logits, double label_smoothing)
      : from_logits_(from_logits), label_smoothing_(label_smoothing) {}

  std::string name() const override { return "binary_crossentropy"; }

  /// y_pred, y_true: (k, n) probabilities (or logits) and 0/1 targets.
  Scalar forward(const Matrix& y_pred, const Matrix& y_true) const override {
    require_same_shape(name(), y_pred, y_true);
    double total = 0.0;
    for (Index j = 0; j < y_pred.cols(); ++j) {
      for (Index i = 0; i < y_pred.rows(); ++i) {
        const double y = smooth(y_true(i, j));
        const double v = static_cast<double>(y_pred(i, j));
        if (from_logits_) {
          total += std::max(v, 0.0) - v * y + std::log1p(std::exp(-std::abs(v)));
        } else {
          const double p = std::clamp(v, kEpsilon, 1.0 - kEpsilon);
          total -= y * std::log(p) + (1.0 - y) * std::log(1.0 - p);
        }
      }
    }
    return static_cast<Scalar>(total / static_cast<double>(y_pred.size()));
  }

  /// dL/dy_pred: (k, n).
  Matrix backward(const Matrix& y_pred, const Matrix& y_true) const override {
    require_same_shape(name(), y_pred, y_true);
    const double scale = 1.0 / static_cast<double>(y_pred.size());
    Matrix dy_pred(y_pred.rows(), y_pred.cols());
    for (Index j = 0; j < y_pred.cols(); ++j) {
      for (Index i = 0; i < y_pred.rows(); ++i) {
        const double y = smooth(y_true(i, j));
        const double v = static_cast<double>(y_pred(i, j));
        double d = 0.0;
        if (from_logits_) {
          // dL/dz = sigmoid(z) - y'
          d = stable_sigmoid(v) - y;
        } else if (v >= kEpsilon && v <= 1.0 - kEpsilon) {
          // dL/dp = -y'/p + (1 - y')/(1 - p); the clip passes no gradient outside its range
          d = -y / v + (1.0 - y) / (1.0 - v);
        }
        dy_pred(i, j) = static_cast<Scalar>(d * scale);
      }
    }
    return dy_pred;
  }

  std::string fuses_with() const override { return from_logits_ ? "" : "sigmoid"; }

  std::unique_ptr<Loss> on_logits() const override {
    if (from_logits_) return nullptr;
    return std::make_unique<BinaryCrossentropy>(true, label_smoothing_);
  }

  std::unique_ptr<Loss> clone() const override {
    return std::make_unique<BinaryCrossentropy>(*this);
  }

 private:
  /// y' = y (1 - ls) + 0.5 ls.
  double smooth(Scalar y) const {
    return static_cast<double>(y) * (1.0 - label_smoothing_) + 0.5 * label_smoothing_;
  }

  bool from_logits_;
  double label_smoothing_;
};

}  // namespace

std::unique_ptr<Loss> make_binary_crossentropy(bool from_logits, double label_smoothing) {
  require_label_smoothing("binary_crossentropy", label_smoothing);
  return std::make_unique<BinaryCrossentropy>(from_logits, label_smoothing);
}

}  // namespace nn::detail
