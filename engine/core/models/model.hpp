#pragma once
/// Model: a Graph plus what compile() adds (optimizer, a loss and weight per output, metrics),
/// with Keras's train_on_batch / evaluate / predict, weights access and probes.
///
/// Data at this boundary is one matrix per model input/output with one flat column per sample in
/// Keras's row-major order: (shape_size, n); sparse targets are (steps, n) class ids.
#include <memory>
#include <string>
#include <vector>

#include "engine/core/losses/loss.hpp"
#include "engine/core/metrics/metric.hpp"
#include "engine/core/models/graph.hpp"
#include "engine/core/optimizers/optimizer.hpp"
#include "engine/core/training/logs.hpp"

namespace nn {

/// A parameter's gradient norm from the last backward pass, "dense_1/kernel" -> ||dL/dW||.
struct GradientNorm {
  std::string name;
  double norm;
};

/// One backward pass laid open for a step-through view: per graph node, layout matrices, empty
/// where a value does not apply.
struct BackwardTrace {
  Logs logs;
  /// dL/d(node value), model inputs included; for an output whose loss is fused with its
  /// activation still dL/d(output), from the loss as compiled.
  std::vector<Matrix> d_values;
  /// dL/d(pre-activation) of each layer with a non-linear output activation (Dense, Activation).
  std::vector<Matrix> d_pre_activations;
  /// dL/d(each input) as the layer at that node alone passed it back (before fan-out sums).
  std::vector<std::vector<Matrix>> d_inputs;
};

class Model {
 public:
  explicit Model(Graph graph, std::string name = "functional");
  virtual ~Model() = default;
  Model(const Model&) = delete;
  Model& operator=(const Model&) = delete;

  Graph& graph() { return graph_; }
  const Graph& graph() const { return graph_; }
  const std::string& name() const { return name_; }

  /// Sets the optimizer, one loss per output (or one for all), loss weights (default 1 each)
  /// and metric names computed on every output. Output activations softmax/sigmoid/step paired
  /// with cross-entropy/BCE/hinge are fused: the loss takes the pre-activation (stable).
  void compile(OptimizerPtr optimizer, std::vector<std::unique_ptr<Loss>> losses,
               std::vector<double> loss_weights = {}, std::vector<std::string> metrics = {});
  /// compile() with one loss name for every output.
  void compile(OptimizerPtr optimizer, const std::string& loss,
               std::vector<std::string> metrics = {});
  bool compiled() const { return optimizer_ != nullptr; }
  /// Replaces the optimizer of a compiled model, keeping weights, losses and metrics (Keras:
  /// a new optimizer on the same variables). `next` must already be attached to
  /// graph().params(), so the caller can carry state over (Optimizer::take_state) before the
  /// swap; throws nn::Error (changing nothing) when its slots do not match the parameters.
  void set_optimizer(OptimizerPtr next);

  /// Forward (training mode) + backward on a batch: leaves dL/dw in every Param::grad (with
  /// regularization) and returns the batch logs; no update. Sets diverged() on a non-finite loss.
  Logs compute_gradients(const std::vector<Matrix>& x, const std::vector<Matrix>& y);
  /// compute_gradients() that also records a BackwardTrace. Leaves diverged() as it was; throws
  /// nn::Error when the loss is not finite (there are no gradients then).
  BackwardTrace trace_gradients(const std::vector<Matrix>& x, const std::vector<Matrix>& y);
  /// The total loss (with regularization) of a batch, forward only; `training` picks the mode.
  double compute_loss(const std::vector<Matrix>& x, const std::vector<Matrix>& y, bool training);
  /// One gradient step. Returns the batch logs. On a non-finite loss or gradient the weights
  /// are left unchanged, diverged() turns true and divergence_reason() says why.
  Logs train_on_batch(const std::vector<Matrix>& x, const std::vector<Matrix>& y);
  /// Loss and metrics in inference mode, averaged over samples (batches of batch_size).
  Logs evaluate(const std::vector<Matrix>& x, const std::vector<Matrix>& y, Index batch_size = 32);
  /// Outputs for x in inference mode, one (shape_size(output), n) matrix per output.
  std::vector<Matrix> predict(const std::vector<Matrix>& x, Index batch_size = 32);

  bool diverged() const { return !divergence_reason_.empty(); }
  const std::string& divergence_reason() const { return divergence_reason_; }

  /// All weights (trainable and not) in layer order, each layer's in Keras order; engine layout.
  std::vector<Matrix> get_weights();
  /// Replaces all weights; throws nn::Error naming the first weight whose shape differs.
  void set_weights(const std::vector<Matrix>& weights);
  /// "dense_1/kernel" for each of get_weights().
  std::vector<std::string> weight_names();

  /// Scalars over all params, trainable params and non-trainable params, as Keras counts them.
  Index count_params();
  Index count_trainable_params();

  /// Keras-style summary table (layers, output shapes, parameter counts).
  std::string summary();

  /// Each layer's output from the last forward pass (layout matrices), named by layer.
  std::vector<Probe> layer_outputs() const;
  /// Each parameter's gradient norm from the last training step.
  std::vector<GradientNorm> gradient_norms();

  Optimizer& optimizer();
  const std::vector<std::string>& metric_names() const { return metric_names_; }
  /// Keras name of the loss compiled for output i ("categorical_crossentropy", ...).
  std::string loss_name(std::size_t output) const;
  /// Log key prefix of output i: "" for a single-output model, else "<layer name>_".
  std::string output_prefix(std::size_t i) const;

 protected:
  /// Graph changes after compile (Sequential::add) must recompile.
  void invalidate_compile() { optimizer_.reset(); }

 private:
  struct OutputSpec {
    std::unique_ptr<Loss> loss;        // as given
    std::unique_ptr<Loss> fused_loss;  // on the pre-activation, or null
    double weight = 1.0;
    std::vector<std::unique_ptr<Metric>> metrics;
  };
  /// Validates sample counts and shapes and converts to layout matrices.
  std::vector<Matrix> inputs_to_layout(const std::vector<Matrix>& x) const;
  std::vector<Matrix> targets_to_layout(const std::vector<Matrix>& y, Index samples) const;
  /// Loss terms of one forward pass; fills d_outputs when grads != nullptr.
  double compute_losses(const std::vector<Matrix>& outputs, const std::vector<Matrix>& targets,
                        Logs& logs, std::vector<Matrix>* grads);
  void require_compiled(const char* what) const;

  Graph graph_;
  std::string name_;
  OptimizerPtr optimizer_;
  std::vector<OutputSpec> outputs_;
  std::vector<std::string> metric_names_;
  std::vector<Param*> params_;
  std::vector<bool> trainable_;
  std::string divergence_reason_;
};

}  // namespace nn
