#pragma once
/// Internal helpers of the dataset generators: argument checks, a fill-by-column builder and
/// sine/cosine from +, -, *, / only so that a seed gives bit-identical points natively and in
/// wasm (libm's sin/cos may differ in the last bit between glibc and musl).
#include <string>

#include "engine/core/data/dataset.hpp"

namespace nn {
namespace data_detail {

/// Throws nn::Error unless n >= 1 and noise is finite and >= 0; `who` is the dataset name.
void check_args(const std::string& who, Index n, double noise);

/// sin(x) for |x| <= ~100 (range reduction by 2 pi, then a fixed-length Taylor series).
double portable_sin(double x);
/// cos(x), same accuracy (about 1e-15 absolute).
double portable_cos(double x);

/// Appends 2-D points with a scalar target, column by column.
class Builder {
 public:
  explicit Builder(Index n) : data_{Matrix(2, n), Matrix(1, n)} {}
  /// Writes the next sample (x1, x2) with target y.
  void add(double x1, double x2, double y);
  /// The filled dataset shuffled with rng (all n samples must have been added).
  Dataset shuffled(Rng& rng);

 private:
  Dataset data_;
  Index next_ = 0;
};

}  // namespace data_detail
}  // namespace nn
