// AdamW as keras/src/optimizers/adamw.py (Keras 3) defines it: Adam plus the base class's
// decoupled weight decay, with weight_decay defaulting to 0.004.
#include "engine/core/optimizers/adamw.hpp"

#include <cmath>

namespace nn {

namespace {

OptimizerOptions with_default_decay(OptimizerOptions options) {
  if (std::isnan(options.weight_decay)) options.weight_decay = AdamW::kDefaultWeightDecay;
  return options;
}

}  // namespace

AdamW::AdamW(const OptimizerOptions& common, const AdamOptions& own)
    : Adam(with_default_decay(common), own, "adamw") {}

}  // namespace nn
