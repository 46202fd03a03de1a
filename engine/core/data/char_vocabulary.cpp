#include <algorithm>

#include "engine/core/base/error.hpp"
#include "engine/core/data/char_corpus.hpp"

namespace nn {
namespace {

/// A character as readable text: 'a', '\n', or its code for other unprintable bytes.
std::string describe(char c) {
  const int code = static_cast<unsigned char>(c);
  if (c == '\n') return "'\\n'";
  if (c == '\t') return "'\\t'";
  if (code < 32 || code >= 127) return "byte " + std::to_string(code);
  return std::string("'") + c + "'";
}

/// The vocabulary as text for error messages, newlines escaped.
std::string listing(const std::string& chars) {
  std::string out;
  for (char c : chars) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return "\"" + out + "\"";
}

}  // namespace

CharVocabulary::CharVocabulary(const std::string& text) : ids_(256, -1) {
  if (text.empty()) fail("CharVocabulary: text must not be empty");
  // Sorted by byte value (unsigned), like Python's sorted(set(text)) on ASCII.
  std::vector<bool> seen(256, false);
  for (char c : text) seen[static_cast<unsigned char>(c)] = true;
  for (int code = 0; code < 256; ++code) {
    if (!seen[static_cast<std::size_t>(code)]) continue;
    ids_[static_cast<std::size_t>(code)] = static_cast<Index>(chars_.size());
    chars_ += static_cast<char>(code);
  }
}

Index CharVocabulary::index_of(char c) const {
  const Index id = ids_[static_cast<unsigned char>(c)];
  if (id < 0)
    fail("CharVocabulary: character ", describe(c), " is not in the vocabulary ", listing(chars_));
  return id;
}

char CharVocabulary::char_at(Index id) const {
  if (id < 0 || id >= size()) fail("CharVocabulary: id must be in [0, ", size(), "), got ", id);
  return chars_[static_cast<std::size_t>(id)];
}

std::vector<Index> CharVocabulary::encode(const std::string& text) const {
  std::vector<Index> ids;
  ids.reserve(text.size());
  for (char c : text) ids.push_back(index_of(c));
  return ids;
}

std::string CharVocabulary::decode(const std::vector<Index>& ids) const {
  std::string text;
  text.reserve(ids.size());
  for (Index id : ids) text += char_at(id);
  return text;
}

Dataset make_char_windows(const std::string& text, const CharVocabulary& vocab, Index window,
                          Index stride) {
  if (window < 1) fail("make_char_windows: window must be >= 1, got ", window);
  if (stride < 1) fail("make_char_windows: stride must be >= 1, got ", stride);
  const Index length = static_cast<Index>(text.size());
  if (length < window + 1)
    fail("make_char_windows: text must have at least window + 1 = ", window + 1,
         " characters, got ", length);
  const std::vector<Index> ids = vocab.encode(text);
  const Index n = (length - window - 1) / stride + 1;
  Dataset data{Matrix(window, n), Matrix(1, n)};
  for (Index b = 0; b < n; ++b) {
    const Index start = b * stride;
    for (Index t = 0; t < window; ++t)
      data.x(t, b) = static_cast<Scalar>(ids[static_cast<std::size_t>(start + t)]);
    // The target is the character right after the window.
    data.y(0, b) = static_cast<Scalar>(ids[static_cast<std::size_t>(start + window)]);
  }
  return data;
}

}  // namespace nn
