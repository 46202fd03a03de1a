#include <cstdint>

#include "engine/core/base/error.hpp"
#include "engine/core/data/sequences.hpp"

namespace nn {
namespace {

/// Integer uniform in [0, n) as an Index (n >= 1).
Index draw_below(Rng& rng, Index n) {
  return static_cast<Index>(rng.below(static_cast<std::uint64_t>(n)));
}

void check_n(const char* who, Index n) {
  if (n < 1) fail(who, ": n must be >= 1, got ", n);
}

}  // namespace

Dataset make_adding_problem(Index n, Index length, std::uint64_t seed) {
  check_n("make_adding_problem", n);
  if (length < 2) fail("make_adding_problem: length must be >= 2, got ", length);

  Rng rng(seed);
  const Index half = length / 2;
  Dataset data{Matrix::Zero(2 * length, n), Matrix(1, n)};
  for (Index b = 0; b < n; ++b) {
    // Channel 0 (even rows): the values.
    for (Index t = 0; t < length; ++t) data.x(2 * t, b) = static_cast<Scalar>(rng.uniform());
    // Channel 1 (odd rows): one marker in each half.
    const Index first = draw_below(rng, half);
    const Index second = half + draw_below(rng, length - half);
    data.x(2 * first + 1, b) = Scalar(1);
    data.x(2 * second + 1, b) = Scalar(1);
    data.y(0, b) = data.x(2 * first, b) + data.x(2 * second, b);
  }
  return data;
}

Dataset make_copy_memory(Index n, Index delay, std::uint64_t seed, Index copy_length,
                         Index symbols) {
  check_n("make_copy_memory", n);
  if (delay < 1) fail("make_copy_memory: delay must be >= 1, got ", delay);
  if (copy_length < 1) fail("make_copy_memory: copy_length must be >= 1, got ", copy_length);
  if (symbols < 1) fail("make_copy_memory: symbols must be >= 1, got ", symbols);

  Rng rng(seed);
  const Index steps = 2 * copy_length + delay;
  const Index classes = symbols + 2;  // blank, the symbols, the delimiter
  const Index delimiter_step = copy_length + delay - 1;
  const Index recall_start = copy_length + delay;
  Dataset data{Matrix::Zero(steps * classes, n), Matrix::Zero(steps, n)};
  for (Index b = 0; b < n; ++b) {
    // The input token at every step; blank (0) unless set below.
    for (Index t = 0; t < steps; ++t) {
      Index token = 0;
      if (t < copy_length) {
        token = 1 + draw_below(rng, symbols);
        // The same symbol is the target copy_length + delay steps later.
        data.y(recall_start + t, b) = static_cast<Scalar>(token);
      } else if (t == delimiter_step) {
        token = symbols + 1;
      }
      data.x(t * classes + token, b) = Scalar(1);
    }
  }
  return data;
}

Dataset make_parity(Index n, Index length, std::uint64_t seed) {
  check_n("make_parity", n);
  if (length < 1) fail("make_parity: length must be >= 1, got ", length);

  Rng rng(seed);
  Dataset data{Matrix(length, n), Matrix(1, n)};
  for (Index b = 0; b < n; ++b) {
    Index ones = 0;
    for (Index t = 0; t < length; ++t) {
      const Index bit = draw_below(rng, 2);
      ones += bit;
      data.x(t, b) = static_cast<Scalar>(bit);
    }
    // XOR of the bits: 1 for an odd count of ones.
    data.y(0, b) = static_cast<Scalar>(ones % 2);
  }
  return data;
}

}  // namespace nn
