#pragma once
/// Orthogonal initializer (Saxe et al., 2014), Keras's default for recurrent kernels.
/// Reference: keras/src/initializers/random_initializers.py (Orthogonal / OrthogonalInitializer).
#include <memory>
#include <string>

#include "engine/core/initializers/initializer.hpp"

namespace nn {

/// "orthogonal": for a weight whose Keras shape is (rows, cols) = (fan_in, fan_out), Keras
/// draws A ~ N(0, 1) of shape (max(rows, cols), min(rows, cols)) in row-major order, takes the
/// thin QR A = Q R, flips each column of Q by sign(R(i, i)), transposes Q when rows < cols and
/// multiplies by gain. w (size fan_in * fan_out, normally our (fan_out, fan_in)) receives that
/// matrix in Keras's row-major order, i.e. w is the Keras result transposed. So W W^T = gain^2 I
/// or W^T W = gain^2 I, whichever side is the smaller one.
class Orthogonal : public Initializer {
 public:
  /// Keras default gain 1; gain must be > 0.
  explicit Orthogonal(double gain = 1.0);
  std::string name() const override { return "orthogonal"; }
  /// Fills w; throws nn::Error unless w.size() == fan_in * fan_out with both fans >= 1
  /// (a bias or any rank-1 weight cannot be orthogonal).
  void fill(Matrix& w, Index fan_in, Index fan_out, Rng& rng) const override;
  std::unique_ptr<Initializer> clone() const override;

 private:
  double gain_;
};

}  // namespace nn
