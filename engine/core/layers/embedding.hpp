#pragma once
/// Embedding: Keras's lookup table that turns integer token ids into dense vectors.
/// Reference: keras/src/layers/core/embedding.py (Keras 3).
///
/// Input per-sample shape (steps) of token ids, laid out (steps, batch): entry (t, b) is the id
/// of sample b at step t. Output shape (steps, output_dim), laid out (output_dim, steps*batch):
/// column t*batch + b is embeddings.col(id). Param "embeddings" is stored (output_dim, input_dim),
/// Keras's (input_dim, output_dim) transposed, so column `id` is the vector of token `id` and the
/// storage bytes equal Keras's row-major array.
#include <string>
#include <vector>

#include "engine/core/initializers/initializer.hpp"
#include "engine/core/layers/layer.hpp"

namespace nn {

/// Keras Embedding arguments besides input_dim and output_dim; defaults are Keras's.
struct EmbeddingOptions {
  /// Keras 3 default "uniform" = RandomUniform(-0.05, 0.05).
  std::string embeddings_initializer = "uniform";
  InitializerOptions embeddings_initializer_options;
  Regularizer embeddings_regularizer;
};

class Embedding : public UnaryLayer {
 public:
  /// input_dim: vocabulary size (ids are in [0, input_dim)); output_dim: vector length.
  /// Throws nn::Error on a dimension <= 0 or an unknown initializer name.
  Embedding(Index input_dim, Index output_dim, EmbeddingOptions options = {},
            std::string name = "");

  std::string type() const override { return "Embedding"; }
  std::vector<Param*> params() override { return {&embeddings_}; }
  Index input_dim() const { return input_dim_; }
  Index output_dim() const { return output_dim_; }
  const EmbeddingOptions& options() const { return options_; }

 protected:
  /// Input shape (steps) -> output shape (steps, output_dim); any other rank throws.
  Shape build_one(const Shape& input_shape, Rng& rng) override;
  /// x: (steps, batch) ids -> (output_dim, steps*batch). Throws, changing nothing, on an id that
  /// is not a finite integer in [0, input_dim).
  Matrix forward_one(const Matrix& x, bool training) override;
  /// dy: (output_dim, steps*batch). Accumulates into the embeddings' gradient and returns an
  /// empty matrix: ids are not differentiable, so there is no input gradient.
  Matrix backward_one(const Matrix& dy) override;

 private:
  Index input_dim_;
  Index output_dim_;
  EmbeddingOptions options_;
  Param embeddings_;
  std::vector<Index> ids_;  // id of each output column, cached for backward
};

}  // namespace nn
