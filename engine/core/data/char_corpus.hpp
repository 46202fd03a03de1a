#pragma once
/// Character-level text data: a small built-in corpus written for nnplay, a character
/// vocabulary, and next-character windows for training a char model (Keras's text-generation
/// example, at toy scale).
#include <string>
#include <vector>

#include "engine/core/data/dataset.hpp"

namespace nn {

/// A short original text (a few thousand characters of lowercase prose about neurons, learning,
/// gradients, memory and time, with repeated words so a tiny model can learn it). Only the
/// characters a-z, space, newline, '.' and ',' occur.
const std::string& builtin_corpus();

/// The sorted set of distinct characters of a text; a character's id is its rank.
class CharVocabulary {
 public:
  /// Builds from the characters of `text` (must not be empty).
  explicit CharVocabulary(const std::string& text);

  /// Number of distinct characters.
  Index size() const { return static_cast<Index>(chars_.size()); }
  /// The id of `c` in [0, size()); throws nn::Error naming c when it is not in the vocabulary.
  Index index_of(char c) const;
  /// The character with id `id`; throws nn::Error unless 0 <= id < size().
  char char_at(Index id) const;
  /// The ids of each character of `text`, in order.
  std::vector<Index> encode(const std::string& text) const;
  /// The characters of `ids`, in order.
  std::string decode(const std::vector<Index>& ids) const;
  /// The characters in id order.
  const std::string& chars() const { return chars_; }

 private:
  std::string chars_;
  std::vector<Index> ids_;  // per unsigned char value: its id, or -1
};

/// Next-character windows over `text`: sample b starts at character b * stride; x (window, n)
/// holds the ids of characters [b stride, b stride + window) as Scalars (per-sample shape
/// (window) or (window, 1)), y (1, n) the id of the character right after. All windows whose
/// next character exists are taken: n = (text.size() - window - 1) / stride + 1, in text order.
/// Errors: window < 1, stride < 1, text shorter than window + 1, a character not in vocab.
Dataset make_char_windows(const std::string& text, const CharVocabulary& vocab, Index window,
                          Index stride = 1);

}  // namespace nn
