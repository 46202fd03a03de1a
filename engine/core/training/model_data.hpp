#pragma once
/// ModelData: the x and y arrays of a model, one matrix per input/output, one flat column per
/// sample (Keras row-major order inside a sample).
#include <vector>

#include "engine/core/base/scalar.hpp"

namespace nn {

struct ModelData {
  std::vector<Matrix> x;
  std::vector<Matrix> y;

  /// Samples (columns of x[0]; 0 when empty).
  Index size() const { return x.empty() ? 0 : x[0].cols(); }
  /// The samples at `indices`, in that order.
  ModelData take(const std::vector<Index>& indices) const;
  /// Samples [begin, end).
  ModelData slice(Index begin, Index end) const;
  /// Throws nn::Error unless x is non-empty and every array has the same sample count.
  void check(const char* who) const;
};

}  // namespace nn
