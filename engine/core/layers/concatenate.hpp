#pragma once
/// Concatenate: joins two or more inputs along the feature axis (Keras `Concatenate`).
#include <string>
#include <vector>

#include "engine/core/layers/layer.hpp"

namespace nn {

/// Inputs (..., f_i), all of the same rank and the same leading dimensions, laid out as
/// (f_i, t*batch) with t their product: their rows are stacked into one (sum f_i, t*batch)
/// matrix. Output shape (..., sum f_i). Only the last axis is supported: axis -1 or, counting the
/// batch axis as Keras does, axis == rank.
class Concatenate : public Layer {
 public:
  explicit Concatenate(int axis = -1, std::string name = "");

  std::string type() const override { return "Concatenate"; }
  int axis() const { return axis_; }

 protected:
  Shape do_build(const std::vector<Shape>& input_shapes, Rng& rng) override;
  /// inputs[i]: (f_i, n) -> (sum f_i, n).
  Matrix do_forward(const std::vector<const Matrix*>& inputs, bool training) override;
  /// dy: (sum f_i, n) -> dx_i: (f_i, n), the matching row blocks of dy.
  std::vector<Matrix> do_backward(const Matrix& dy) override;

 private:
  int axis_;
};

}  // namespace nn
