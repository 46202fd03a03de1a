#pragma once
/// Drawing a class from a predicted distribution with a temperature, as in Keras's
/// character-level text-generation example (keras-io examples/generative/lstm_character_level_
/// text_generation.py: preds = log(preds) / T; exp; normalise; multinomial draw).
#include "engine/core/base/rng.hpp"
#include "engine/core/base/scalar.hpp"

namespace nn {

/// Draws an index i in [0, k) with probability proportional to p_i^(1/T), where p is the (k, 1)
/// column `probabilities` (need not sum exactly to 1; it is renormalised). Computed in log
/// space, q_i = exp((log p_i - log p_max) / T), so tiny temperatures approach argmax (ties
/// share the draw) without overflow; p_i = 0 is never drawn. Uses exactly one rng.uniform().
/// T = 1 samples p itself, T < 1 sharpens it, T > 1 flattens it.
/// Errors: temperature not finite or <= 0; probabilities not a non-empty column; an entry
/// not finite or < 0 (named by index); all entries 0.
Index sample_with_temperature(const Matrix& probabilities, double temperature, Rng& rng);

}  // namespace nn
