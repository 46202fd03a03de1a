/// hinge (Keras 3 keras/src/losses/losses.py): labels 0/1 become -1/+1 as Keras's
/// convert_binary_labels_to_hinge does (labels already -1/+1 are kept); per column the mean over
/// the k rows of max(0, 1 - y p), then the mean over the n columns.
#include <cmath>

#include "engine/core/base/error.hpp"
#include "engine/core/losses/loss_checks.hpp"
#include "engine/core/losses/loss_factories.hpp"

namespace nn::detail {
namespace {

class Hinge final : public Loss {
 public:
  std::string name() const override { return "hinge"; }

  /// y_pred: (k, n) scores; y_true: (k, n) labels in {0, 1} or {-1, 1}.
  Scalar forward(const Matrix& y_pred, const Matrix& y_true) const override {
    require_same_shape(name(), y_pred, y_true);
    double total = 0.0;
    for (Index j = 0; j < y_pred.cols(); ++j) {
      for (Index i = 0; i < y_pred.rows(); ++i) {
        const double margin = label(y_true, i, j) * static_cast<double>(y_pred(i, j));
        if (margin < 1.0) total += 1.0 - margin;
      }
    }
    return static_cast<Scalar>(total / static_cast<double>(y_pred.size()));
  }

  /// dL/dy_pred: (k, n), -y / (k n) where y p < 1, else 0.
  Matrix backward(const Matrix& y_pred, const Matrix& y_true) const override {
    require_same_shape(name(), y_pred, y_true);
    const double scale = 1.0 / static_cast<double>(y_pred.size());
    Matrix dy_pred(y_pred.rows(), y_pred.cols());
    for (Index j = 0; j < y_pred.cols(); ++j) {
      for (Index i = 0; i < y_pred.rows(); ++i) {
        const double y = label(y_true, i, j);
        // dL/dp = -y / (k n) inside the margin, 0 outside
        dy_pred(i, j) =
            static_cast<Scalar>(y * static_cast<double>(y_pred(i, j)) < 1.0 ? -y * scale : 0.0);
      }
    }
    return dy_pred;
  }

  /// Hinge on a step output trains the pre-activation: the perceptron rule.
  std::string fuses_with() const override { return "step"; }
  std::unique_ptr<Loss> on_logits() const override { return std::make_unique<Hinge>(); }
  std::unique_ptr<Loss> clone() const override { return std::make_unique<Hinge>(); }

 private:
  /// The label at (i, j) as -1 or +1; 0 maps to -1, anything else but +-1 is an error.
  double label(const Matrix& y_true, Index i, Index j) const {
    const double y = static_cast<double>(y_true(i, j));
    if (y == 1.0) return 1.0;
    if (y == 0.0 || y == -1.0) return -1.0;
    fail(name(), ": y_true[", i, ", ", j, "] is ", y, "; expected a label in {0, 1} or {-1, 1}");
  }
};

}  // namespace

std::unique_ptr<Loss> make_hinge() { return std::make_unique<Hinge>(); }

}  // namespace nn::detail
