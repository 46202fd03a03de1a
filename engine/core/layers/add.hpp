#pragma once
/// Add: element-wise sum of two or more inputs of the same shape (Keras `Add`).
#include <string>
#include <vector>

#include "engine/core/layers/layer.hpp"

namespace nn {

/// Inputs of one identical shape (f) or (t, f), each laid out (f, t*batch); the output is their
/// sum, same shape. Keras's broadcasting of size-1 dimensions is not supported.
class Add : public Layer {
 public:
  explicit Add(std::string name = "");

  std::string type() const override { return "Add"; }

 protected:
  Shape do_build(const std::vector<Shape>& input_shapes, Rng& rng) override;
  /// inputs[i]: (f, n) -> sum: (f, n).
  Matrix do_forward(const std::vector<const Matrix*>& inputs, bool training) override;
  /// dy: (f, n) -> dx_i = dy for every input.
  std::vector<Matrix> do_backward(const Matrix& dy) override;
};

}  // namespace nn
