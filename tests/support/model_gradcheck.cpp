#include "support/model_gradcheck.hpp"

namespace nn::test {

GradCheckReport check_model(Model& model, const ModelData& data, const GradCheckOptions& options) {
  auto objective = [&]() { return model.compute_loss(data.x, data.y, true); };
  auto analytic = [&]() { model.compute_gradients(data.x, data.y); };
  std::vector<GradVar> vars;
  const std::vector<std::string> names = model.weight_names();
  const std::vector<Param*> params = model.graph().params();
  const std::vector<bool> mask = model.graph().trainable_mask();
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (mask[i]) vars.push_back({names[i], &params[i]->value, &params[i]->grad});
  }
  return gradient_check(objective, analytic, vars, options);
}

}  // namespace nn::test
