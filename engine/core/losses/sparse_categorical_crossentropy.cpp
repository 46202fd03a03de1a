/// sparse_categorical_crossentropy (Keras 3 keras/src/losses/losses.py): categorical
/// cross-entropy whose targets are class ids, y_true (1, n), each an integer in [0, k).
/// Keras has no label smoothing here.
#include "engine/core/losses/crossentropy_kernels.hpp"
#include "engine/core/losses/loss_checks.hpp"
#include "engine/core/losses/loss_factories.hpp"

namespace nn::detail {
namespace {

class SparseCategoricalCrossentropy final : public Loss {
 public:
  explicit SparseCategoricalCrossentropy(bool from_logits) : from_logits_(from_logits) {}

  std::string name() const override { return "sparse_categorical_crossentropy"; }

  /// y_pred: (k, n) probabilities or logits; y_true: (1, n) class ids.
  Scalar forward(const Matrix& y_pred, const Matrix& y_true) const override {
    const double total = crossentropy_sum(y_pred, one_hot(y_pred, y_true), from_logits_);
    return static_cast<Scalar>(total / static_cast<double>(y_pred.cols()));
  }

  /// dL/dy_pred: (k, n), including the 1/n of the mean.
  Matrix backward(const Matrix& y_pred, const Matrix& y_true) const override {
    return crossentropy_gradient(y_pred, one_hot(y_pred, y_true), from_logits_,
                                 1.0 / static_cast<double>(y_pred.cols()));
  }

  std::string fuses_with() const override { return from_logits_ ? "" : "softmax"; }

  std::unique_ptr<Loss> on_logits() const override {
    if (from_logits_) return nullptr;
    return std::make_unique<SparseCategoricalCrossentropy>(true);
  }

  std::unique_ptr<Loss> clone() const override {
    return std::make_unique<SparseCategoricalCrossentropy>(*this);
  }

 private:
  /// (k, n) one-hot matrix of the checked class ids.
  Matrix one_hot(const Matrix& y_pred, const Matrix& y_true) const {
    require_sparse_shape(name(), y_pred, y_true);
    Matrix targets = Matrix::Zero(y_pred.rows(), y_pred.cols());
    for (Index j = 0; j < y_pred.cols(); ++j) {
      targets(class_id(name(), y_true, j, y_pred.rows()), j) = Scalar(1);
    }
    return targets;
  }

  bool from_logits_;
};

}  // namespace

std::unique_ptr<Loss> make_sparse_categorical_crossentropy(bool from_logits) {
  return std::make_unique<SparseCategoricalCrossentropy>(from_logits);
}

}  // namespace nn::detail
