#pragma once
/// Gradient check of a whole compiled model: objective = the total loss (with regularization)
/// in training mode, variables = every trainable weight, through the shared helper.
#include "engine/core/models/model.hpp"
#include "engine/core/training/model_data.hpp"
#include "support/gradcheck.hpp"

namespace nn::test {

GradCheckReport check_model(Model& model, const ModelData& data,
                            const GradCheckOptions& options = {});

}  // namespace nn::test
