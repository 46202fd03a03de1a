#pragma once
/// FitSpec: the "fit" object (docs/schema/training.md): Keras fit() arguments and callbacks.
#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "engine/bridge/json/reader.hpp"
#include "engine/core/training/callback.hpp"
#include "engine/core/training/early_stopping.hpp"
#include "engine/core/training/reduce_lr_on_plateau.hpp"
#include "engine/core/training/trainer.hpp"

namespace nn::bridge {

/// Ranges of epochs, batch_size and the callbacks' patience / cooldown (docs/schema/training.md).
constexpr std::int64_t kMaxEpochs = 1000000;
constexpr std::int64_t kMaxBatchSize = std::int64_t{1} << 16;
constexpr std::int64_t kMaxPatience = 1000000;

/// "early_stopping" or "reduce_lr_on_plateau" with its options (the other one's are unused).
struct CallbackSpec {
  std::string type;
  EarlyStoppingOptions early_stopping;
  ReduceLROnPlateauOptions reduce_lr_on_plateau;
};

struct FitSpec {
  FitOptions options;  // epochs, batch_size, shuffle, validation_split, seed, augmentation
  std::vector<CallbackSpec> callbacks;
};

/// Whether the fit has an "augmentation" object (its image shape is then set; its ranges may
/// all be 0, which trains without augmentation).
inline bool has_augmentation(const FitSpec& spec) { return spec.options.augmentation.rows > 0; }

FitSpec parse_fit(const json& value, const std::string& path);
/// Canonical JSON (every field written); parse_fit(fit_to_json(s)) == s.
json fit_to_json(const FitSpec& spec);
/// Fresh callback objects for a training run, in spec order.
std::vector<std::unique_ptr<Callback>> make_callbacks(const FitSpec& spec, const std::string& path);

}  // namespace nn::bridge
