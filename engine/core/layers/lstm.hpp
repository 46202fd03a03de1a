#pragma once
/// LSTM: Keras's long short-term memory layer (Hochreiter & Schmidhuber 1997, with the forget
/// gate of Gers et al. 2000). Per step, with Keras's gate order i, f, c, o:
///   z = W x_t + U h_{t-1} + b              (4 units rows: blocks i, f, c, o)
///   i = sig(z_i)  f = sig(z_f)  g = tanh(z_c)  o = sig(z_o)   (sig = recurrent_activation)
///   c_t = f .* c_{t-1} + i .* g            h_t = o .* tanh(c_t)   (tanh = activation)
/// kernel W: (4u, features) = Keras kernel (features, 4u) transposed; recurrent_kernel U:
/// (4u, u); bias b: (4u, 1). unit_forget_bias starts the f block of the bias at 1.
/// States: h and c (state_h, state_c). See recurrent.hpp for inputs, outputs and BPTT options.
#include "engine/core/layers/recurrent.hpp"

namespace nn {

class LSTM : public Recurrent {
 public:
  LSTM(Index units, RecurrentOptions options = {}, std::string name = "");

  std::string type() const override { return "LSTM"; }
  Index state_count() const override { return 2; }
  std::unique_ptr<Recurrent> clone_config() const override;

  /// Cell states of the last forward pass, every processed step: (units, steps*batch).
  const Matrix& cell_sequence() const { return c_seq_; }

 protected:
  void build_cell(Index input_dim, Rng& rng) override;
  void forward_sequence(const Matrix& x, Index steps, Index batch,
                        const std::vector<Matrix>& initial) override;
  Matrix backward_sequence(const Matrix& dh_out, const std::vector<Matrix>& d_final,
                           std::vector<Matrix>& d_initial) override;
  /// "c", then "gate_i", "gate_f", "gate_g" (the candidate, Keras's c block), "gate_o":
  /// each (units, steps*batch).
  void add_cell_probes(std::vector<Probe>& out) const override;

 private:
  Matrix x_;       // (features, steps*batch) input in processing order
  Matrix z_;       // (4u, steps*batch) gate pre-activations
  Matrix gates_;   // (4u, steps*batch) i, f, g, o after their activations
  Matrix c_seq_;   // (u, steps*batch) c_t
  Matrix c_act_;   // (u, steps*batch) tanh(c_t)
  Matrix h_prev_;  // (u, steps*batch) h_{t-1} (h0 first)
  Matrix c_prev_;  // (u, steps*batch) c_{t-1} (c0 first)
};

}  // namespace nn
