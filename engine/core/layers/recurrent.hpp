#pragma once
/// Recurrent: the shared part of SimpleRNN, LSTM and GRU (Keras's RNN layer with its cell).
///
/// Inputs: a sequence of per-sample shape (steps, features), laid out (features, steps*batch)
/// with column block t = time step t; optionally, Keras's initial_state as state_count() more
/// inputs of shape (units), laid out (units, batch). Zero initial states otherwise.
/// Output: (steps, units) with return_sequences, else (units) = the last step. With
/// return_state the final states are extra outputs "state_h" (and "state_c" for an LSTM).
///
/// Steps are processed in order s = 0..steps-1, reading input step s (steps-1-s with
/// go_backwards). Output step s is the state after processing step s, so a go_backwards output
/// sequence is in reversed time order, exactly as in Keras.
///
/// Backpropagation through time runs over the whole sequence, or with truncate_bptt = k > 0
/// (an nnplay option; Keras has none) in chunks of k steps aligned to the end of the sequence:
/// the recurrent gradient is cut between processed steps s-1 and s when (steps - s) % k == 0,
/// so the last k steps form one chunk, the k before them the next, and so on. The first chunk's
/// gradient still reaches the initial-state inputs.
#include <memory>
#include <string>
#include <vector>

#include "engine/core/activations/activation.hpp"
#include "engine/core/initializers/initializer.hpp"
#include "engine/core/layers/layer.hpp"

namespace nn {

/// Keras arguments shared by the recurrent layers; defaults are Keras 3's.
struct RecurrentOptions {
  std::string activation = "tanh";
  ActivationOptions activation_options;
  /// LSTM and GRU gates.
  std::string recurrent_activation = "sigmoid";
  bool use_bias = true;
  std::string kernel_initializer = "glorot_uniform";
  InitializerOptions kernel_initializer_options;
  std::string recurrent_initializer = "orthogonal";
  InitializerOptions recurrent_initializer_options;
  std::string bias_initializer = "zeros";
  InitializerOptions bias_initializer_options;
  /// LSTM: the forget-gate bias starts at 1 (Jozefowicz et al. 2015).
  bool unit_forget_bias = true;
  /// GRU: apply the reset gate after the recurrent matrix product (Keras 3 / cuDNN default).
  bool reset_after = true;
  Regularizer kernel_regularizer;
  Regularizer recurrent_regularizer;
  Regularizer bias_regularizer;
  bool return_sequences = false;
  bool return_state = false;
  bool go_backwards = false;
  /// Truncated BPTT chunk length in steps; 0 = full backpropagation through time.
  Index truncate_bptt = 0;
};

class Recurrent : public Layer {
 public:
  /// type: the Keras class name, for error messages raised before the layer exists.
  Recurrent(const std::string& type, Index units, RecurrentOptions options, std::string name);

  Index units() const { return units_; }
  const RecurrentOptions& options() const { return options_; }
  /// kernel, recurrent_kernel and (with use_bias) bias, in Keras order.
  std::vector<Param*> params() override;
  /// Number of states the cell carries: 1 (h) for SimpleRNN and GRU, 2 (h, c) for LSTM.
  virtual Index state_count() const = 0;
  /// A fresh, unbuilt layer with the same configuration (Bidirectional's backward half).
  virtual std::unique_ptr<Recurrent> clone_config() const = 0;
  /// Flips the processing direction (Bidirectional's backward half); only before build().
  void set_go_backwards(bool go_backwards);

  /// Final state k after the last forward pass: (units, batch); k = 0 is h, 1 is c.
  const Matrix& final_state(Index k) const;
  /// The hidden states of the last forward pass, every processed step: (units, steps*batch).
  const Matrix& hidden_sequence() const { return h_seq_; }
  /// ||dL/dh_s|| (over units and batch) per processed step s of the last backward pass:
  /// (1, steps). dL/dh_s includes what flows back from later steps.
  const Matrix& state_gradient_norms() const { return dh_norm_; }

  /// "h" (units, steps*batch), the cell's own probes (c, gates), and "dh_norm" (1, steps).
  std::vector<Probe> probes() const override;

  Index extra_output_count() const override;
  Shape extra_output_shape(Index k) const override;
  std::string extra_output_name(Index k) const override;
  const Matrix& extra_output(Index k) const override;
  void add_extra_output_gradient(Index k, const Matrix& d) override;

 protected:
  Shape do_build(const std::vector<Shape>& input_shapes, Rng& rng) final;
  Matrix do_forward(const std::vector<const Matrix*>& inputs, bool training) final;
  std::vector<Matrix> do_backward(const Matrix& dy) final;

  // --- what each cell implements ---
  /// Creates kernel, recurrent_kernel and bias for `input_dim` features.
  virtual void build_cell(Index input_dim, Rng& rng) = 0;
  /// Runs the recurrence. x: (features, steps*batch) in processing order; initial: state_count()
  /// matrices (units, batch). Must fill h_seq_ (units, steps*batch) and final_states_.
  virtual void forward_sequence(const Matrix& x, Index steps, Index batch,
                                const std::vector<Matrix>& initial) = 0;
  /// BPTT. dh_out: dL/dh_s from the output for every processed step (units, steps*batch);
  /// d_final: dL/d(final state k) from the state outputs (units, batch) each. Accumulates
  /// parameter gradients, fills d_initial (state_count() matrices (units, batch)) and returns
  /// dL/dx (features, steps*batch) in processing order. Calls record_dh_norm for every step.
  virtual Matrix backward_sequence(const Matrix& dh_out, const std::vector<Matrix>& d_final,
                                   std::vector<Matrix>& d_initial) = 0;
  /// Appends the cell's probes (c_t, gates) to `out`.
  virtual void add_cell_probes(std::vector<Probe>& out) const { (void)out; }

  // --- helpers for cells ---
  /// Whether truncated BPTT cuts the recurrent gradient between processed steps s-1 and s.
  bool cut_before(Index s) const;
  /// Records ||dL/dh_s|| for the gradient-through-time probe.
  void record_dh_norm(Index s, const Matrix& dh);
  /// Creates a (rows, cols) Param, initialises it and attaches its regularizer.
  void init_param(Param& p, Index rows, Index cols, const std::string& initializer,
                  const InitializerOptions& init_options, Index fan_in, Index fan_out,
                  const Regularizer& regularizer, Rng& rng);

  Index units_;
  RecurrentOptions options_;
  Param kernel_{"kernel", 0, 0};                      // W: (gates*units, features)
  Param recurrent_kernel_{"recurrent_kernel", 0, 0};  // U: (gates*units, units)
  Param bias_{"bias", 0, 0};  // b: (gates*units, 1); GRU reset_after: (3u, 2)
  std::unique_ptr<Activation> activation_;
  std::unique_ptr<Activation> recurrent_activation_;
  Index steps_ = 0;
  Index batch_ = 0;
  Matrix h_seq_;                      // (units, steps*batch) hidden state per processed step
  std::vector<Matrix> final_states_;  // state_count() x (units, batch)

 private:
  std::vector<Matrix> d_final_;  // pending dL/d(final states) from the state outputs
  Matrix dh_norm_;               // (1, steps)
};

/// The matrix (rows, steps*batch) with its column blocks of `batch` in reverse step order.
Matrix reverse_steps(const Matrix& x, Index steps);

}  // namespace nn
