#include "engine/core/training/fit.hpp"

#include <limits>

#include "engine/core/base/error.hpp"
#include "engine/core/models/model.hpp"

namespace nn {

History fit(Model& model, const ModelData& data, const FitOptions& options,
            std::vector<Callback*> callbacks, const ModelData* validation_data) {
  Trainer trainer(model, data, options, std::move(callbacks), validation_data);
  while (!trainer.finished()) trainer.run(std::numeric_limits<Index>::max());
  return trainer.history();
}

std::vector<History> cross_validate(const std::function<std::unique_ptr<Model>()>& make_model,
                                    const ModelData& data, int k, const FitOptions& options,
                                    std::uint64_t seed) {
  data.check("cross_validate");
  const Index n = data.size();
  if (k < 2 || k > n) fail("cross_validate: k must be in [2, ", n, "] (the sample count), got ", k);
  if (options.validation_split != 0.0) {
    fail("cross_validate: validation_split must be 0; each fold is the validation data");
  }
  std::vector<Index> order(static_cast<std::size_t>(n));
  for (Index i = 0; i < n; ++i) order[static_cast<std::size_t>(i)] = i;
  Rng rng(seed);
  for (std::size_t i = order.size(); i > 1; --i)
    std::swap(order[i - 1], order[static_cast<std::size_t>(rng.below(i))]);

  std::vector<History> histories;
  for (int fold = 0; fold < k; ++fold) {
    // Fold f holds samples [f*n/k, (f+1)*n/k) of the shuffled order.
    const Index begin = n * fold / k, end = n * (fold + 1) / k;
    std::vector<Index> train_idx, val_idx;
    for (Index i = 0; i < n; ++i) {
      (i >= begin && i < end ? val_idx : train_idx).push_back(order[static_cast<std::size_t>(i)]);
    }
    std::unique_ptr<Model> model = make_model();
    if (!model) fail("cross_validate: make_model returned no model");
    const ModelData validation = data.take(val_idx);
    histories.push_back(fit(*model, data.take(train_idx), options, {}, &validation));
  }
  return histories;
}

}  // namespace nn
