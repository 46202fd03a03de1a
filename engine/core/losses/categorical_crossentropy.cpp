/// categorical_crossentropy (Keras 3 keras/src/losses/losses.py): one-hot (or soft) targets
/// smoothed towards uniform, y' = y (1 - ls) + ls / k; per column -sum_i y'_i log q_i with
/// q = clip(p / sum(p), 1e-7, 1 - 1e-7), or q = softmax(z) from logits. Mean over columns.
#include "engine/core/losses/crossentropy_kernels.hpp"
#include "engine/core/losses/loss_checks.hpp"
#include "engine/core/losses/loss_factories.hpp"

namespace nn::detail {
namespace {

class CategoricalCrossentropy final : public Loss {
 public:
  CategoricalCrossentropy(bool from_logits, double label_smoothing)
      : from_logits_(from_logits), label_smoothing_(label_smoothing) {}

  std::string name() const override { return "categorical_crossentropy"; }

  /// y_pred, y_true: (k, n), one column per sample.
  Scalar forward(const Matrix& y_pred, const Matrix& y_true) const override {
    require_same_shape(name(), y_pred, y_true);
    const double total = crossentropy_sum(y_pred, smoothed(y_true), from_logits_);
    return static_cast<Scalar>(total / static_cast<double>(y_pred.cols()));
  }

  /// dL/dy_pred: (k, n), including the 1/n of the mean.
  Matrix backward(const Matrix& y_pred, const Matrix& y_true) const override {
    require_same_shape(name(), y_pred, y_true);
    return crossentropy_gradient(y_pred, smoothed(y_true), from_logits_,
                                 1.0 / static_cast<double>(y_pred.cols()));
  }

  std::string fuses_with() const override { return from_logits_ ? "" : "softmax"; }

  std::unique_ptr<Loss> on_logits() const override {
    if (from_logits_) return nullptr;
    return std::make_unique<CategoricalCrossentropy>(true, label_smoothing_);
  }

  std::unique_ptr<Loss> clone() const override {
    return std::make_unique<CategoricalCrossentropy>(*this);
  }

 private:
  /// y' = y (1 - ls) + ls / k, with k the number of rows (classes).
  Matrix smoothed(const Matrix& y_true) const {
    if (label_smoothing_ == 0.0) return y_true;
    const double k = static_cast<double>(y_true.rows());
    Matrix y = y_true * static_cast<Scalar>(1.0 - label_smoothing_);
    y.array() += static_cast<Scalar>(label_smoothing_ / k);
    return y;
  }

  bool from_logits_;
  double label_smoothing_;
};

}  // namespace

std::unique_ptr<Loss> make_categorical_crossentropy(bool from_logits, double label_smoothing) {
  require_label_smoothing("categorical_crossentropy", label_smoothing);
  return std::make_unique<CategoricalCrossentropy>(from_logits, label_smoothing);
}

}  // namespace nn::detail
