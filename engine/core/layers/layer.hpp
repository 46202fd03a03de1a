#pragma once
/// Layer: the interface every layer implements (non-virtual checks around virtual do_* steps).
///
/// Data is in the layout of engine/core/base/shape.hpp: a batch is (features, steps*batch).
/// build() fixes the input shapes and creates parameters; forward() caches what backward()
/// needs; backward(dy) returns dL/dx for each input and ACCUMULATES (+=) into parameter
/// gradients. Layers never divide by the batch size: only the loss does.
#include <memory>
#include <string>
#include <vector>

#include "engine/core/base/rng.hpp"
#include "engine/core/base/shape.hpp"
#include "engine/core/layers/param.hpp"

namespace nn {

class Activation;

/// A read-only view for the UI: a name and a copy of the values.
struct Probe {
  std::string name;
  Matrix value;
};

class Layer {
 public:
  explicit Layer(std::string name = "");
  virtual ~Layer() = default;
  Layer(const Layer&) = delete;
  Layer& operator=(const Layer&) = delete;

  /// Keras class name: "Dense", "Dropout", ...
  virtual std::string type() const = 0;
  const std::string& name() const { return name_; }
  void set_name(std::string name) { name_ = std::move(name); }

  /// Checks the input shapes, creates parameters, returns the output shape.
  /// Throws nn::Error naming this layer and the shapes it received and expected.
  Shape build(const std::vector<Shape>& input_shapes, Rng& rng);
  bool built() const { return built_; }
  const std::vector<Shape>& input_shapes() const { return input_shapes_; }
  const Shape& output_shape() const { return output_shape_; }

  /// inputs[i]: (layout_rows(input_shapes[i]), steps*batch). Returns (layout_rows(out),
  /// steps*batch).
  Matrix forward(const std::vector<const Matrix*>& inputs, bool training);
  /// Single-input convenience.
  Matrix forward(const Matrix& input, bool training);
  /// dy: same shape as the last output. Returns dL/dx_i, shaped like each input.
  std::vector<Matrix> backward(const Matrix& dy);

  /// Parameters in Keras weight order (e.g. kernel, bias).
  virtual std::vector<Param*> params() { return {}; }
  /// Number of scalars over all params (trainable and not), as Keras counts them.
  Index param_count();

  /// Frozen layers keep their weights (and BatchNormalization runs in inference mode).
  bool trainable() const { return trainable_; }
  void set_trainable(bool trainable) { trainable_ = trainable; }

  /// Extra read-only views beyond the output (LSTM gates, ...). Default: none.
  virtual std::vector<Probe> probes() const { return {}; }

  // --- several outputs (Keras's return_state: [output, state_h, state_c]) ---
  /// Outputs beyond the first one. Default: none.
  virtual Index extra_output_count() const { return 0; }
  /// Per-sample shape of extra output k (after build).
  virtual Shape extra_output_shape(Index k) const;
  /// Name of extra output k, e.g. "state_h".
  virtual std::string extra_output_name(Index k) const;
  /// Value of extra output k from the last forward pass, laid out like any node value.
  virtual const Matrix& extra_output(Index k) const;
  /// Adds dL/d(extra output k) for the next backward(), which consumes it.
  virtual void add_extra_output_gradient(Index k, const Matrix& d);

  /// State of the layer's own random stream (Dropout's masks), for save/load; default none.
  virtual std::vector<std::uint64_t> random_state() const { return {}; }
  /// Restores random_state(); layers without one ignore it.
  virtual void set_random_state(const std::vector<std::uint64_t>& state) { (void)state; }

  /// Sets the regularizer of every parameter named `weight` ("kernel", "bias",
  /// "recurrent_kernel", "embeddings"; a wrapper's "forward_lstm/kernel" counts as "kernel").
  /// Returns how many parameters it set (0: the layer has no such weight).
  int set_regularizer(const std::string& weight, const Regularizer& regularizer);
  /// Sum of the regularization penalties of this layer's parameters.
  Scalar regularization_loss();
  /// Whether any parameter of this layer has an active regularizer.
  bool regularized();
  /// grad += d(penalty)/dw for every regularized parameter.
  void add_regularization_gradients();

  /// Fused-loss support: the activation applied last (softmax, sigmoid, step), or nullptr.
  virtual const Activation* output_activation() const { return nullptr; }
  /// The values before output_activation() from the last forward pass.
  virtual const Matrix& pre_activation() const;
  /// Backward from dL/d(pre-activation), skipping output_activation().
  virtual std::vector<Matrix> backward_from_pre_activation(const Matrix& dz);

 protected:
  virtual Shape do_build(const std::vector<Shape>& input_shapes, Rng& rng) = 0;
  virtual Matrix do_forward(const std::vector<const Matrix*>& inputs, bool training) = 0;
  virtual std::vector<Matrix> do_backward(const Matrix& dy) = 0;

  /// "Dense 'dense_1'": how errors name this layer.
  std::string who() const;
  /// Throws unless exactly `count` inputs were given.
  void expect_inputs(const std::vector<Shape>& shapes, std::size_t count) const;

 private:
  std::string name_;
  bool built_ = false;
  bool trainable_ = true;
  bool forwarded_ = false;
  Index last_columns_ = 0;
  std::vector<Shape> input_shapes_;
  Shape output_shape_;
};

/// Base for single-input layers: implement build_one / forward_one / backward_one.
class UnaryLayer : public Layer {
 public:
  using Layer::Layer;

 protected:
  virtual Shape build_one(const Shape& input_shape, Rng& rng) = 0;
  virtual Matrix forward_one(const Matrix& x, bool training) = 0;
  virtual Matrix backward_one(const Matrix& dy) = 0;

  Shape do_build(const std::vector<Shape>& input_shapes, Rng& rng) final;
  Matrix do_forward(const std::vector<const Matrix*>& inputs, bool training) final;
  std::vector<Matrix> do_backward(const Matrix& dy) final;
};

using LayerPtr = std::unique_ptr<Layer>;

}  // namespace nn
