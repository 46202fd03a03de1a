/// Regression metrics (Keras 3 keras/src/metrics/regression_metrics.py): mean_absolute_error
/// and mean_squared_error report the value of the loss of the same name.
#include <utility>

#include "engine/core/losses/loss.hpp"
#include "engine/core/metrics/metric_factories.hpp"

namespace nn::detail {
namespace {

class LossMetric final : public Metric {
 public:
  LossMetric(std::string name, std::unique_ptr<Loss> loss)
      : name_(std::move(name)), loss_(std::move(loss)) {}
  LossMetric(const LossMetric& other) : name_(other.name_), loss_(other.loss_->clone()) {}

  std::string name() const override { return name_; }
  /// y_pred, y_true: (k, n); the loss's mean over rows and columns.
  Scalar compute(const Matrix& y_pred, const Matrix& y_true) const override {
    return loss_->forward(y_pred, y_true);
  }
  std::unique_ptr<Metric> clone() const override { return std::make_unique<LossMetric>(*this); }

 private:
  std::string name_;
  std::unique_ptr<Loss> loss_;
};

}  // namespace

std::unique_ptr<Metric> make_loss_metric(const std::string& name) {
  return std::make_unique<LossMetric>(name, make_loss(name));
}

}  // namespace nn::detail
