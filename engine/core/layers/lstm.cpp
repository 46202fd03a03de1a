#include "engine/core/layers/lstm.hpp"

namespace nn {

LSTM::LSTM(Index units, RecurrentOptions options, std::string name)
    : Recurrent("LSTM", units, std::move(options), std::move(name)) {}

std::unique_ptr<Recurrent> LSTM::clone_config() const {
  return std::make_unique<LSTM>(units_, options_, name());
}

void LSTM::build_cell(Index input_dim, Rng& rng) {
  const RecurrentOptions& o = options_;
  const Index u = units_;
  // Keras fans: kernel (features, 4u), recurrent_kernel (u, 4u).
  init_param(kernel_, 4 * u, input_dim, o.kernel_initializer, o.kernel_initializer_options,
             input_dim, 4 * u, o.kernel_regularizer, rng);
  init_param(recurrent_kernel_, 4 * u, u, o.recurrent_initializer, o.recurrent_initializer_options,
             u, 4 * u, o.recurrent_regularizer, rng);
  if (!o.use_bias) return;
  bias_ = Param("bias", 4 * u, 1);
  bias_.regularizer = o.bias_regularizer;
  auto init = make_initializer(o.bias_initializer, o.bias_initializer_options);
  if (!o.unit_forget_bias) {
    init->fill(bias_.value, 4 * u, 4 * u, rng);
    return;
  }
  // Keras: concat(bias_initializer(u), ones(u), bias_initializer(2u)), drawn in that order.
  Matrix part(u, 1), rest(2 * u, 1);
  init->fill(part, u, u, rng);
  init->fill(rest, 2 * u, 2 * u, rng);
  bias_.value << part, Matrix::Ones(u, 1), rest;
}

void LSTM::forward_sequence(const Matrix& x, Index steps, Index batch,
                            const std::vector<Matrix>& initial) {
  const Index u = units_, m = steps * batch;
  x_ = x;
  // Z = W X + b for every step at once; U h_{t-1} is added step by step.
  z_.noalias() = kernel_.value * x;
  if (options_.use_bias) z_.colwise() += bias_.value.col(0);
  gates_.resize(4 * u, m);
  c_seq_.resize(u, m);
  c_act_.resize(u, m);
  h_seq_.resize(u, m);
  h_prev_.resize(u, m);
  c_prev_.resize(u, m);
  Matrix act, c_tanh;
  // Rows [first, first + count*u) of step t's gates: z through `f` into gates_.
  const auto activate = [&](const Activation& f, Index first, Index count, Index col) {
    f.forward(z_.block(first * u, col, count * u, batch), act);
    gates_.block(first * u, col, count * u, batch) = act;
  };
  for (Index s = 0; s < steps; ++s) {
    const Index col = s * batch;
    const auto gate = [&](Index k) { return gates_.block(k * u, col, u, batch); };
    if (s == 0) {
      h_prev_.middleCols(0, batch) = initial[0];
      c_prev_.middleCols(0, batch) = initial[1];
    } else {
      h_prev_.middleCols(col, batch) = h_seq_.middleCols(col - batch, batch);
      c_prev_.middleCols(col, batch) = c_seq_.middleCols(col - batch, batch);
    }
    // z_t += U h_{t-1}
    z_.middleCols(col, batch).noalias() += recurrent_kernel_.value * h_prev_.middleCols(col, batch);
    // i, f = sig(z_i, z_f);  g = tanh(z_c);  o = sig(z_o)
    activate(*recurrent_activation_, 0, 2, col);
    activate(*activation_, 2, 1, col);
    activate(*recurrent_activation_, 3, 1, col);
    // c_t = f .* c_{t-1} + i .* g
    c_seq_.middleCols(col, batch) =
        gate(1).cwiseProduct(c_prev_.middleCols(col, batch)) + gate(0).cwiseProduct(gate(2));
    // h_t = o .* tanh(c_t)
    activation_->forward(c_seq_.middleCols(col, batch), c_tanh);
    c_act_.middleCols(col, batch) = c_tanh;
    h_seq_.middleCols(col, batch) = gate(3).cwiseProduct(c_tanh);
  }
  final_states_[0] = h_seq_.rightCols(batch);
  final_states_[1] = c_seq_.rightCols(batch);
}

Matrix LSTM::backward_sequence(const Matrix& dh_out, const std::vector<Matrix>& d_final,
                               std::vector<Matrix>& d_initial) {
  const Index u = units_, batch = batch_, steps = steps_;
  Matrix dz_all(4 * u, steps * batch);
  // The final states are h and c at the last step: their gradients join there.
  Matrix dh_next = d_final[0], dc_next = d_final[1];
  Matrix dgates(4 * u, batch), dz, dc;
  // dZ rows [first, first + count*u) of step t = dgates .* f'(z) there, into dz_all.
  const auto deactivate = [&](const Activation& f, Index first, Index count, Index col) {
    f.backward(z_.block(first * u, col, count * u, batch),
               gates_.block(first * u, col, count * u, batch),
               dgates.middleRows(first * u, count * u), dz);
    dz_all.block(first * u, col, count * u, batch) = dz;
  };
  for (Index s = steps; s-- > 0;) {
    const Index col = s * batch;
    const auto gate = [&](Index k) { return gates_.block(k * u, col, u, batch); };
    // dL/dh_t = from the output + from step t+1
    const Matrix dh = dh_out.middleCols(col, batch) + dh_next;
    record_dh_norm(s, dh);
    // dc_t = dc from t+1 + dh .* o .* tanh'(c_t)
    activation_->backward(c_seq_.middleCols(col, batch), c_act_.middleCols(col, batch),
                          dh.cwiseProduct(gate(3)), dc);
    dc += dc_next;
    // do = dh .* tanh(c_t);  di = dc .* g;  df = dc .* c_{t-1};  dg = dc .* i
    dgates.middleRows(3 * u, u) = dh.cwiseProduct(c_act_.middleCols(col, batch));
    dgates.topRows(u) = dc.cwiseProduct(gate(2));
    dgates.middleRows(u, u) = dc.cwiseProduct(c_prev_.middleCols(col, batch));
    dgates.middleRows(2 * u, u) = dc.cwiseProduct(gate(0));
    // dZ = dgates .* sig'(z) for i, f, o and .* tanh'(z_c) for the candidate
    deactivate(*recurrent_activation_, 0, 2, col);
    deactivate(*activation_, 2, 1, col);
    deactivate(*recurrent_activation_, 3, 1, col);
    if (cut_before(s)) {  // truncated BPTT: nothing flows to step t-1
      dh_next.setZero(u, batch);
      dc_next.setZero(u, batch);
      continue;
    }
    // dh_{t-1} = U^T dZ;  dc_{t-1} = dc .* f
    dh_next.noalias() = recurrent_kernel_.value.transpose() * dz_all.middleCols(col, batch);
    dc_next = dc.cwiseProduct(gate(1));
  }
  d_initial[0] = dh_next;
  d_initial[1] = dc_next;
  // dW += dZ X^T;  dU += dZ H_prev^T;  db += sum over columns of dZ
  kernel_.grad.noalias() += dz_all * x_.transpose();
  recurrent_kernel_.grad.noalias() += dz_all * h_prev_.transpose();
  if (options_.use_bias) bias_.grad.col(0) += dz_all.rowwise().sum();
  // dX = W^T dZ
  Matrix dx;
  dx.noalias() = kernel_.value.transpose() * dz_all;
  return dx;
}

void LSTM::add_cell_probes(std::vector<Probe>& out) const {
  const Index u = units_;
  out.push_back({"c", c_seq_});
  const char* names[] = {"gate_i", "gate_f", "gate_g", "gate_o"};
  for (Index k = 0; k < 4; ++k) out.push_back({names[k], gates_.middleRows(k * u, u)});
}

}  // namespace nn
