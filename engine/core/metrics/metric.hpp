#pragma once
/// Metric: a per-column score averaged over the columns of a batch. The trainer weights each
/// batch's value by its column count to get Keras's epoch averages.
#include <memory>
#include <string>
#include <vector>

#include "engine/core/base/scalar.hpp"

namespace nn {

class Metric {
 public:
  virtual ~Metric() = default;
  /// The name it was made with ("accuracy", "mae", ...), as Keras logs it.
  virtual std::string name() const = 0;
  /// Mean over the n columns. y_pred: (k, n); y_true: (k, n), or (1, n) class ids for the
  /// sparse metrics. Throws nn::Error naming the metric and both shapes when they do not fit.
  virtual Scalar compute(const Matrix& y_pred, const Matrix& y_true) const = 0;
  virtual std::unique_ptr<Metric> clone() const = 0;
};

/// Makes a metric by Keras name ("accuracy", "binary_accuracy", "categorical_accuracy",
/// "sparse_categorical_accuracy", "mae"/"mean_absolute_error", "mse"/"mean_squared_error").
/// Throws nn::Error listing the valid names.
std::unique_ptr<Metric> make_metric(const std::string& name);

/// Every name make_metric accepts, sorted.
std::vector<std::string> metric_names();

}  // namespace nn
