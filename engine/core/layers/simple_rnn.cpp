#include "engine/core/layers/simple_rnn.hpp"

namespace nn {

SimpleRNN::SimpleRNN(Index units, RecurrentOptions options, std::string name)
    : Recurrent("SimpleRNN", units, std::move(options), std::move(name)) {}

std::unique_ptr<Recurrent> SimpleRNN::clone_config() const {
  return std::make_unique<SimpleRNN>(units_, options_, name());
}

void SimpleRNN::build_cell(Index input_dim, Rng& rng) {
  const RecurrentOptions& o = options_;
  init_param(kernel_, units_, input_dim, o.kernel_initializer, o.kernel_initializer_options,
             input_dim, units_, o.kernel_regularizer, rng);
  init_param(recurrent_kernel_, units_, units_, o.recurrent_initializer,
             o.recurrent_initializer_options, units_, units_, o.recurrent_regularizer, rng);
  if (o.use_bias) {
    init_param(bias_, units_, 1, o.bias_initializer, o.bias_initializer_options, units_, units_,
               o.bias_regularizer, rng);
  }
}

void SimpleRNN::forward_sequence(const Matrix& x, Index steps, Index batch,
                                 const std::vector<Matrix>& initial) {
  x_ = x;
  // Z = W X + b for every step at once; the recurrent term is added step by step.
  z_.noalias() = kernel_.value * x;
  if (options_.use_bias) z_.colwise() += bias_.value.col(0);
  h_seq_.resize(units_, steps * batch);
  h_prev_.resize(units_, steps * batch);
  Matrix a;
  for (Index s = 0; s < steps; ++s) {
    const Matrix& h = s == 0 ? initial[0] : Matrix(h_seq_.middleCols((s - 1) * batch, batch));
    h_prev_.middleCols(s * batch, batch) = h;
    // z_s += U h_{s-1};  h_s = f(z_s)
    z_.middleCols(s * batch, batch).noalias() += recurrent_kernel_.value * h;
    activation_->forward(z_.middleCols(s * batch, batch), a);
    h_seq_.middleCols(s * batch, batch) = a;
  }
  final_states_[0] = h_seq_.rightCols(batch);
}

Matrix SimpleRNN::backward_sequence(const Matrix& dh_out, const std::vector<Matrix>& d_final,
                                    std::vector<Matrix>& d_initial) {
  const Index batch = batch_, steps = steps_;
  Matrix dz_all(units_, steps * batch);
  // The final state is h at the last step: its gradient joins there.
  Matrix dh_next = d_final[0];
  Matrix dz;
  for (Index s = steps; s-- > 0;) {
    // dL/dh_s = from the output + from step s+1
    const Matrix dh = dh_out.middleCols(s * batch, batch) + dh_next;
    record_dh_norm(s, dh);
    // dZ_s = dh_s .* f'(z_s)
    activation_->backward(z_.middleCols(s * batch, batch), h_seq_.middleCols(s * batch, batch), dh,
                          dz);
    dz_all.middleCols(s * batch, batch) = dz;
    // dh_{s-1} = U^T dZ_s (cut by truncated BPTT)
    if (cut_before(s))
      dh_next.setZero(units_, batch);
    else
      dh_next.noalias() = recurrent_kernel_.value.transpose() * dz;
  }
  d_initial[0] = dh_next;
  // dW += dZ X^T;  dU += dZ H_prev^T;  db += sum over columns of dZ
  kernel_.grad.noalias() += dz_all * x_.transpose();
  recurrent_kernel_.grad.noalias() += dz_all * h_prev_.transpose();
  if (options_.use_bias) bias_.grad.col(0) += dz_all.rowwise().sum();
  // dX = W^T dZ
  Matrix dx;
  dx.noalias() = kernel_.value.transpose() * dz_all;
  return dx;
}

}  // namespace nn
