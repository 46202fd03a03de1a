/// Regression losses: mean_squared_error, mean_absolute_error and huber
/// (Keras 3 keras/src/losses/losses.py). Each is an elementwise function of the error
/// e = y_pred - y_true, averaged over the k rows of a column and then over the n columns,
/// so the total is sum(f(e)) / (k * n).
#include <cmath>

#include "engine/core/base/error.hpp"
#include "engine/core/losses/loss_checks.hpp"
#include "engine/core/losses/loss_factories.hpp"

namespace nn::detail {
namespace {

/// A loss sum(f(y_pred - y_true)) / (k * n) for an elementwise f with derivative f'.
class ElementwiseLoss : public Loss {
 public:
  Scalar forward(const Matrix& y_pred, const Matrix& y_true) const override {
    require_same_shape(name(), y_pred, y_true);
    double total = 0.0;
    for (Index j = 0; j < y_pred.cols(); ++j) {
      for (Index i = 0; i < y_pred.rows(); ++i) {
        total += value(static_cast<double>(y_pred(i, j)) - static_cast<double>(y_true(i, j)));
      }
    }
    return static_cast<Scalar>(total / static_cast<double>(y_pred.size()));
  }

  Matrix backward(const Matrix& y_pred, const Matrix& y_true) const override {
    require_same_shape(name(), y_pred, y_true);
    const double scale = 1.0 / static_cast<double>(y_pred.size());
    Matrix dy_pred(y_pred.rows(), y_pred.cols());
    for (Index j = 0; j < y_pred.cols(); ++j) {
      for (Index i = 0; i < y_pred.rows(); ++i) {
        const double e = static_cast<double>(y_pred(i, j)) - static_cast<double>(y_true(i, j));
        // dL/dp = f'(e) * de/dp / (k n), with de/dp = 1
        dy_pred(i, j) = static_cast<Scalar>(slope(e) * scale);
      }
    }
    return dy_pred;
  }

 protected:
  /// f(e) for one element.
  virtual double value(double e) const = 0;
  /// f'(e) for one element (a subgradient at kinks).
  virtual double slope(double e) const = 0;
};

/// mean_squared_error: f(e) = e^2.
class MeanSquaredError final : public ElementwiseLoss {
 public:
  std::string name() const override { return "mean_squared_error"; }
  std::unique_ptr<Loss> clone() const override { return std::make_unique<MeanSquaredError>(); }

 protected:
  double value(double e) const override { return e * e; }
  double slope(double e) const override { return 2.0 * e; }
};

/// mean_absolute_error: f(e) = |e|, subgradient sign(e) (0 at 0).
class MeanAbsoluteError final : public ElementwiseLoss {
 public:
  std::string name() const override { return "mean_absolute_error"; }
  std::unique_ptr<Loss> clone() const override { return std::make_unique<MeanAbsoluteError>(); }

 protected:
  double value(double e) const override { return std::abs(e); }
  double slope(double e) const override { return e > 0.0 ? 1.0 : (e < 0.0 ? -1.0 : 0.0); }
};

/// huber: f(e) = 0.5 e^2 for |e| <= delta, else delta * (|e| - 0.5 delta).
class Huber final : public ElementwiseLoss {
 public:
  explicit Huber(double delta) : delta_(delta) {}
  std::string name() const override { return "huber"; }
  std::unique_ptr<Loss> clone() const override { return std::make_unique<Huber>(delta_); }

 protected:
  double value(double e) const override {
    const double a = std::abs(e);
    return a <= delta_ ? 0.5 * e * e : delta_ * (a - 0.5 * delta_);
  }
  double slope(double e) const override {
    if (std::abs(e) <= delta_) return e;
    return e > 0.0 ? delta_ : -delta_;
  }

 private:
  double delta_;
};

}  // namespace

std::unique_ptr<Loss> make_mean_squared_error() { return std::make_unique<MeanSquaredError>(); }

std::unique_ptr<Loss> make_mean_absolute_error() { return std::make_unique<MeanAbsoluteError>(); }

std::unique_ptr<Loss> make_huber(double delta) {
  if (!(delta > 0.0)) fail("huber: delta must be > 0, got ", delta);
  return std::make_unique<Huber>(delta);
}

}  // namespace nn::detail
