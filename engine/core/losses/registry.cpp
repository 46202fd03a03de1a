/// make_loss / loss_names: the name table of the loss family (Keras names and aliases).
#include <algorithm>
#include <functional>
#include <map>

#include "engine/core/base/error.hpp"
#include "engine/core/base/text.hpp"
#include "engine/core/losses/loss.hpp"
#include "engine/core/losses/loss_factories.hpp"

namespace nn {
namespace {

using LossMaker = std::function<std::unique_ptr<Loss>(const LossOptions&)>;

/// Every accepted name, aliases included, mapped to its constructor.
const std::map<std::string, LossMaker>& loss_table() {
  static const std::map<std::string, LossMaker> table = {
      {"binary_crossentropy",
       [](const LossOptions& o) {
         return detail::make_binary_crossentropy(o.from_logits, o.label_smoothing);
       }},
      {"categorical_crossentropy",
       [](const LossOptions& o) {
         return detail::make_categorical_crossentropy(o.from_logits, o.label_smoothing);
       }},
      {"hinge", [](const LossOptions&) { return detail::make_hinge(); }},
      {"huber", [](const LossOptions& o) { return detail::make_huber(o.delta); }},
      {"mae", [](const LossOptions&) { return detail::make_mean_absolute_error(); }},
      {"mean_absolute_error",
       [](const LossOptions&) { return detail::make_mean_absolute_error(); }},
      {"mean_squared_error", [](const LossOptions&) { return detail::make_mean_squared_error(); }},
      {"mse", [](const LossOptions&) { return detail::make_mean_squared_error(); }},
      {"perceptron", [](const LossOptions&) { return detail::make_perceptron(); }},
      {"sparse_categorical_crossentropy",
       [](const LossOptions& o) {
         return detail::make_sparse_categorical_crossentropy(o.from_logits);
       }},
  };
  return table;
}

}  // namespace

std::unique_ptr<Loss> make_loss(const std::string& name, const LossOptions& options) {
  const auto& table = loss_table();
  const auto it = table.find(name);
  if (it == table.end()) {
    std::vector<std::string> valid;
    for (const auto& entry : table) valid.push_back(entry.first);
    fail("loss: unknown name '", name, "'; expected one of: ", join(valid));
  }
  return it->second(options);
}

std::vector<std::string> loss_names() {
  std::vector<std::string> names;
  for (const auto& entry : loss_table()) names.push_back(entry.first);
  return names;
}

}  // namespace nn
