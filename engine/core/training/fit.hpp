#pragma once
/// fit() and k-fold cross-validation on top of the resumable Trainer.
#include <functional>
#include <memory>
#include <vector>

#include "engine/core/training/trainer.hpp"

namespace nn {

class Model;

/// Keras model.fit(x, y, epochs, batch_size, shuffle, validation_split | validation_data,
/// callbacks): trains to the end (or until a callback stops it or the loss diverges).
History fit(Model& model, const ModelData& data, const FitOptions& options = {},
            std::vector<Callback*> callbacks = {}, const ModelData* validation_data = nullptr);

/// k-fold cross-validation: shuffles the samples by `seed`, splits them into k folds of
/// near-equal size, and for each fold trains a fresh model from make_model() on the other
/// k-1 folds with that fold as validation data. Returns each fold's History (val_ keys).
std::vector<History> cross_validate(const std::function<std::unique_ptr<Model>()>& make_model,
                                    const ModelData& data, int k, const FitOptions& options,
                                    std::uint64_t seed = 0);

}  // namespace nn
