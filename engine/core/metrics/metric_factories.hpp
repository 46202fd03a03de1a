#pragma once
/// Internal constructors of the concrete metrics; make_metric() (registry.cpp) is the public way
/// in.
#include <memory>
#include <string>

#include "engine/core/metrics/metric.hpp"

namespace nn::detail {

/// "accuracy", "binary_accuracy", "categorical_accuracy" or "sparse_categorical_accuracy".
std::unique_ptr<Metric> make_accuracy(const std::string& name);
/// A metric that reports a loss's value: "mae", "mean_absolute_error", "mse",
/// "mean_squared_error".
std::unique_ptr<Metric> make_loss_metric(const std::string& name);

}  // namespace nn::detail
