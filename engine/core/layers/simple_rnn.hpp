#pragma once
/// SimpleRNN: Keras's fully-connected recurrence h_t = activation(W x_t + U h_{t-1} + b).
/// kernel W: (units, features) = Keras kernel (features, units) transposed; recurrent_kernel U:
/// (units, units) = Keras's transposed; bias b: (units, 1). See recurrent.hpp for inputs,
/// outputs, go_backwards, return_state and truncated BPTT.
#include "engine/core/layers/recurrent.hpp"

namespace nn {

class SimpleRNN : public Recurrent {
 public:
  SimpleRNN(Index units, RecurrentOptions options = {}, std::string name = "");

  std::string type() const override { return "SimpleRNN"; }
  Index state_count() const override { return 1; }
  std::unique_ptr<Recurrent> clone_config() const override;

 protected:
  void build_cell(Index input_dim, Rng& rng) override;
  void forward_sequence(const Matrix& x, Index steps, Index batch,
                        const std::vector<Matrix>& initial) override;
  Matrix backward_sequence(const Matrix& dh_out, const std::vector<Matrix>& d_final,
                           std::vector<Matrix>& d_initial) override;

 private:
  Matrix x_;       // (features, steps*batch) input in processing order
  Matrix h_prev_;  // (units, steps*batch) h_{s-1} for every step (h0 first)
  Matrix z_;       // (units, steps*batch) pre-activation
};

}  // namespace nn
