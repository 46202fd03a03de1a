#pragma once
/// Reshape: gives each sample a new shape of the same size (Keras `Reshape(target_shape)`).
#include <string>

#include "engine/core/layers/layer.hpp"

namespace nn {

/// `target_shape` is the per-sample shape without the batch axis (rank 1 to kMaxRank); one
/// dimension may be -1, inferred from the input's size as Keras does. Samples keep Keras's
/// row-major order: an input laid out as (f, t*batch) is flattened to (size, batch) and laid
/// out again as the target shape. Backward is the inverse reshape.
class Reshape : public UnaryLayer {
 public:
  explicit Reshape(Shape target_shape, std::string name = "");

  std::string type() const override { return "Reshape"; }
  /// As written (with its -1, if any).
  const Shape& target_shape() const { return target_shape_; }

  /// The output shape for `input_shape`: -1 resolved; throws when the sizes differ.
  static Shape resolve(const Shape& target_shape, const Shape& input_shape, const std::string& who);

 protected:
  Shape build_one(const Shape& input_shape, Rng& rng) override;
  /// x: (f, t*batch) -> (f', t'*batch) of the output shape.
  Matrix forward_one(const Matrix& x, bool training) override;
  /// dy: (f', t'*batch) -> dx: (f, t*batch).
  Matrix backward_one(const Matrix& dy) override;

 private:
  Shape target_shape_;
};

}  // namespace nn
