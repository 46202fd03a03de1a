#include "engine/core/layers/embedding.hpp"

#include <cmath>

#include "engine/core/base/error.hpp"

namespace nn {

Embedding::Embedding(Index input_dim, Index output_dim, EmbeddingOptions options, std::string name)
    : UnaryLayer(std::move(name)),
      input_dim_(input_dim),
      output_dim_(output_dim),
      options_(std::move(options)) {
  if (input_dim_ <= 0) fail("Embedding: input_dim must be a positive integer, got ", input_dim_);
  if (output_dim_ <= 0) {
    fail("Embedding: output_dim must be a positive integer, got ", output_dim_);
  }
  // Fail early on an unknown initializer name, before build.
  make_initializer(options_.embeddings_initializer, options_.embeddings_initializer_options);
}

Shape Embedding::build_one(const Shape& input_shape, Rng& rng) {
  // Keras accepts ids of any rank and appends output_dim; the engine lays out at most rank 2,
  // so only a rank-1 sequence of ids (steps) is accepted here.
  if (input_shape.size() != 1) {
    fail(who(), ": expected an input of token ids with shape (steps), got ", shape_str(input_shape),
         "; give a rank-1 input shape (steps), e.g. (", shape_size(input_shape),
         ") for these ids flattened");
  }
  embeddings_ = Param("embeddings", output_dim_, input_dim_);
  embeddings_.regularizer = options_.embeddings_regularizer;
  // Keras weight (input_dim, output_dim): fan_in = input_dim, fan_out = output_dim.
  make_initializer(options_.embeddings_initializer, options_.embeddings_initializer_options)
      ->fill(embeddings_.value, input_dim_, output_dim_, rng);
  return {input_shape[0], output_dim_};
}

Matrix Embedding::forward_one(const Matrix& x, bool) {
  const Index steps = x.rows();
  const Index batch = x.cols();
  // Validate every id before touching any state. Keras casts ids to int (truncating 2.7 to 2);
  // we refuse non-integers instead, since a fractional id is almost always a data mistake.
  std::vector<Index> ids(static_cast<std::size_t>(steps * batch));
  for (Index t = 0; t < steps; ++t) {
    for (Index b = 0; b < batch; ++b) {
      const Scalar v = x(t, b);
      const auto value = static_cast<double>(v);
      const char* problem = nullptr;
      if (!std::isfinite(value))
        problem = " is not finite; expected an integer in";
      else if (std::floor(value) != value)
        problem = " is not an integer; expected an integer in";
      else if (value < 0.0 || value >= static_cast<double>(input_dim_))
        problem = " is out of range";
      if (problem) {
        fail(who(), ": token id ", v, " at sample ", b, ", step ", t, problem, " [0, ", input_dim_,
             ")");
      }
      ids[static_cast<std::size_t>(t * batch + b)] = static_cast<Index>(value);
    }
  }
  ids_ = std::move(ids);
  // Y[:, t*batch + b] = E[:, id(t, b)]
  Matrix y(output_dim_, steps * batch);
  for (Index j = 0; j < y.cols(); ++j)
    y.col(j) = embeddings_.value.col(ids_[static_cast<std::size_t>(j)]);
  return y;
}

Matrix Embedding::backward_one(const Matrix& dy) {
  for (Index j = 0; j < dy.cols(); ++j) {
    // dE[:, id_j] += dY[:, j] (repeated ids accumulate)
    embeddings_.grad.col(ids_[static_cast<std::size_t>(j)]) += dy.col(j);
  }
  // Ids are not differentiable: no input gradient (the graph skips empty gradients).
  return Matrix();
}

}  // namespace nn
