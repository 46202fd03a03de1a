/// make_metric / metric_names: the name table of the metric family (Keras names and aliases).
#include <algorithm>

#include "engine/core/base/error.hpp"
#include "engine/core/base/text.hpp"
#include "engine/core/metrics/metric_factories.hpp"

namespace nn {
namespace {

const std::vector<std::string> kAccuracyNames = {
    "accuracy", "binary_accuracy", "categorical_accuracy", "sparse_categorical_accuracy"};
const std::vector<std::string> kLossMetricNames = {"mae", "mean_absolute_error",
                                                   "mean_squared_error", "mse"};

bool contains(const std::vector<std::string>& names, const std::string& name) {
  return std::find(names.begin(), names.end(), name) != names.end();
}

}  // namespace

std::unique_ptr<Metric> make_metric(const std::string& name) {
  if (contains(kAccuracyNames, name)) return detail::make_accuracy(name);
  if (contains(kLossMetricNames, name)) return detail::make_loss_metric(name);
  fail("metric: unknown name '", name, "'; expected one of: ", join(metric_names()));
}

std::vector<std::string> metric_names() {
  std::vector<std::string> names = kAccuracyNames;
  names.insert(names.end(), kLossMetricNames.begin(), kLossMetricNames.end());
  std::sort(names.begin(), names.end());
  return names;
}

}  // namespace nn
