#pragma once
/// AdamW: Adam with decoupled weight decay, default weight_decay 0.004 (applied by the base
/// class as w -= lr * weight_decay * w before the Adam step).
/// Reference: Loshchilov & Hutter, "Decoupled Weight Decay Regularization", ICLR 2019;
/// keras/src/optimizers/adamw.py (Keras 3).
#include "engine/core/optimizers/adam.hpp"

namespace nn {

/// Adam whose common.weight_decay defaults (NaN) to 0.004 instead of 0.
class AdamW : public Adam {
 public:
  explicit AdamW(const OptimizerOptions& common = {}, const AdamOptions& own = {});
  std::string name() const override { return "adamw"; }

  /// Keras 3 AdamW's default weight_decay.
  static constexpr double kDefaultWeightDecay = 0.004;
};

}  // namespace nn
