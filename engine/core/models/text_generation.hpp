#pragma once
/// Generating text with a trained next-character model (Keras's character-level
/// text-generation example): slide a window of ids, predict, sample with a temperature, append.
#include <cstdint>
#include <string>

#include "engine/core/data/char_corpus.hpp"
#include "engine/core/models/model.hpp"

namespace nn {

/// Generates `length` characters after `prompt` and returns them (without the prompt).
/// The model must have one input of per-sample shape (window) or (window, 1) holding token ids
/// as Scalars (what make_char_windows produces) and one output of vocab.size() probabilities
/// (a softmax). At each step the last `window` ids form a (window, 1) column, model.predict
/// gives the distribution and sample_with_temperature(temperature) picks the next id, drawing
/// from one Rng(seed): the same seed gives the same text.
/// Errors: a model with other inputs/outputs, a prompt shorter than window or with a character
/// not in vocab, length < 0, a bad temperature (see sample_with_temperature).
std::string generate_text(Model& model, const CharVocabulary& vocab, const std::string& prompt,
                          Index length, double temperature, std::uint64_t seed);

}  // namespace nn
