#pragma once
/// GRU: Keras's gated recurrent unit (Cho et al. 2014), gate order z, r, h (update, reset,
/// candidate). With x_part = W x_t + b_in split into row blocks x_z, x_r, x_h:
///   z = recurrent_activation(x_z + U_z h + b_rec_z)     (sigmoid by default)
///   r = recurrent_activation(x_r + U_r h + b_rec_r)
///   reset_after = true  (Keras default): hh = activation(x_h + r .* (U_h h + b_rec_h))
///   reset_after = false:                 hh = activation(x_h + U_h (r .* h))
///   h_t = z .* h + (1 - z) .* hh                         (h = h_{t-1})
/// kernel W: (3*units, features) = Keras kernel (features, 3*units) transposed, row blocks z, r, h.
/// recurrent_kernel U: (3*units, units) = Keras's (units, 3*units) transposed.
/// bias: reset_after (3*units, 2) = the bytes of Keras's (2, 3*units): column 0 b_in, column 1
/// b_rec; otherwise (3*units, 1) = b_in (no b_rec). See recurrent.hpp for inputs, outputs,
/// go_backwards, return_state and truncated BPTT.
#include "engine/core/layers/recurrent.hpp"

namespace nn {

class GRU : public Recurrent {
 public:
  /// units > 0; options.reset_after picks the variant (default true, as Keras 3).
  GRU(Index units, RecurrentOptions options = {}, std::string name = "");

  std::string type() const override { return "GRU"; }
  /// kernel, recurrent_kernel, bias (if use_bias): Keras's weight order.
  Index state_count() const override { return 1; }
  std::unique_ptr<Recurrent> clone_config() const override;

 protected:
  void build_cell(Index input_dim, Rng& rng) override;
  void forward_sequence(const Matrix& x, Index steps, Index batch,
                        const std::vector<Matrix>& initial) override;
  Matrix backward_sequence(const Matrix& dh_out, const std::vector<Matrix>& d_final,
                           std::vector<Matrix>& d_initial) override;
  /// "gate_z", "gate_r", "candidate": (units, steps*batch) each, per processed step.
  void add_cell_probes(std::vector<Probe>& out) const override;

 private:
  Matrix x_;       // (features, steps*batch) input in processing order
  Matrix h_prev_;  // (units, steps*batch) h_{s-1} for every step (h0 first)
  Matrix pre_;     // (3*units, steps*batch) pre-activations of z, r, hh
  Matrix act_;     // (3*units, steps*batch) z, r and the candidate hh
  Matrix rec_;     // (units, steps*batch) reset_after: U_h h + b_rec_h; else r .* h
};

}  // namespace nn
