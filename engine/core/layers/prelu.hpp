#pragma once
/// PReLU: Keras's parametric ReLU, f(x) = x if x >= 0 else alpha * x, with one learned alpha
/// per input scalar (Keras shared_axes=None, so alpha has the per-sample input shape).
#include <string>
#include <vector>

#include "engine/core/layers/layer.hpp"

namespace nn {

class PReLU : public UnaryLayer {
 public:
  /// initial_alpha fills alpha at build (Keras alpha_initializer "zeros" = 0).
  explicit PReLU(double initial_alpha = 0.0, std::string name = "");

  std::string type() const override { return "PReLU"; }
  /// {alpha}. Engine layout: input (f) -> (f, 1); input (t, f) -> (f, t), column t for step t.
  /// Keras's alpha of shape (t, f) is this matrix transposed.
  std::vector<Param*> params() override { return {&alpha_}; }

 protected:
  Shape build_one(const Shape& input_shape, Rng& rng) override;
  /// x: (f, steps*batch) -> y: same shape.
  Matrix forward_one(const Matrix& x, bool training) override;
  /// dy: (f, steps*batch) -> dx; accumulates dL/dalpha.
  Matrix backward_one(const Matrix& dy) override;

 private:
  double initial_alpha_;
  Param alpha_;
  Index steps_ = 1;
  Matrix x_;  // cached input
};

}  // namespace nn
