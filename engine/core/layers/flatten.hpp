#pragma once
/// Flatten: reshapes each sample to one feature vector (Keras `Flatten`).
#include <string>

#include "engine/core/layers/layer.hpp"

namespace nn {

/// Rank-1 input (f) passes through unchanged. An input (..., f) of rank 2 to 4, laid out as
/// (f, t*batch) with t the row-major index over its leading axes, becomes (t*f, batch) in Keras's
/// row-major order: row t*f + j of sample b is position t, feature j. Output shape (t*f).
/// Backward is the inverse reshape.
class Flatten : public UnaryLayer {
 public:
  explicit Flatten(std::string name = "");

  std::string type() const override { return "Flatten"; }

 protected:
  Shape build_one(const Shape& input_shape, Rng& rng) override;
  /// x: (f, t*batch) -> (t*f, batch).
  Matrix forward_one(const Matrix& x, bool training) override;
  /// dy: (t*f, batch) -> dx: (f, t*batch).
  Matrix backward_one(const Matrix& dy) override;
};

}  // namespace nn
