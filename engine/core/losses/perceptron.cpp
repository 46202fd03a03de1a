/// perceptron: Rosenblatt's learning rule as a loss (Rosenblatt 1958, "The perceptron: a
/// probabilistic model for information storage and organization in the brain"). Not a Keras loss;
/// it keeps Keras's reduction: per element (step(z) - y) z with step(z) = 1 if z >= 0 else 0,
/// averaged over the k rows and the n columns. Treating step as piecewise constant, the gradient
/// is (step(z) - y) / (k n), so SGD with batch 1 and learning rate lr updates a linear unit by
/// w += lr (y - step(z)) x: the perceptron rule.
#include "engine/core/base/error.hpp"
#include "engine/core/losses/loss_checks.hpp"
#include "engine/core/losses/loss_factories.hpp"

namespace nn::detail {
namespace {

class Perceptron final : public Loss {
 public:
  std::string name() const override { return "perceptron"; }

  /// y_pred: (k, n) linear outputs z; y_true: (k, n) labels in {0, 1}.
  Scalar forward(const Matrix& y_pred, const Matrix& y_true) const override {
    require_same_shape(name(), y_pred, y_true);
    double total = 0.0;
    for (Index j = 0; j < y_pred.cols(); ++j) {
      for (Index i = 0; i < y_pred.rows(); ++i) {
        const double z = static_cast<double>(y_pred(i, j));
        // (step(z) - y) z: 0 when the unit is right, |z| when it is wrong.
        total += (step(z) - label(y_true, i, j)) * z;
      }
    }
    return static_cast<Scalar>(total / static_cast<double>(y_pred.size()));
  }

  /// dL/dz: (k, n), (step(z) - y) / (k n).
  Matrix backward(const Matrix& y_pred, const Matrix& y_true) const override {
    require_same_shape(name(), y_pred, y_true);
    const double scale = 1.0 / static_cast<double>(y_pred.size());
    Matrix dy_pred(y_pred.rows(), y_pred.cols());
    for (Index j = 0; j < y_pred.cols(); ++j) {
      for (Index i = 0; i < y_pred.rows(); ++i) {
        const double z = static_cast<double>(y_pred(i, j));
        // dL/dz = (step(z) - y) / (k n), step held constant
        dy_pred(i, j) = static_cast<Scalar>((step(z) - label(y_true, i, j)) * scale);
      }
    }
    return dy_pred;
  }

  /// On a step output it trains the pre-activation, as Rosenblatt's unit does.
  std::string fuses_with() const override { return "step"; }
  std::unique_ptr<Loss> on_logits() const override { return std::make_unique<Perceptron>(); }
  std::unique_ptr<Loss> clone() const override { return std::make_unique<Perceptron>(); }

 private:
  /// The unit's output: 1 when z >= 0, else 0.
  static double step(double z) { return z >= 0.0 ? 1.0 : 0.0; }

  /// The label at (i, j), which must be 0 or 1.
  double label(const Matrix& y_true, Index i, Index j) const {
    const double y = static_cast<double>(y_true(i, j));
    if (y == 0.0 || y == 1.0) return y;
    fail(name(), ": y_true[", i, ", ", j, "] is ", y, "; expected a label in {0, 1}");
  }
};

}  // namespace

std::unique_ptr<Loss> make_perceptron() { return std::make_unique<Perceptron>(); }

}  // namespace nn::detail
