#include "engine/core/layers/gru.hpp"

#include "engine/core/base/error.hpp"

namespace nn {
namespace {

/// Read-only view of a column/row block without a copy.
using ConstRef = Eigen::Ref<const Matrix>;

}  // namespace

GRU::GRU(Index units, RecurrentOptions options, std::string name)
    : Recurrent("GRU", units, std::move(options), std::move(name)) {}

std::unique_ptr<Recurrent> GRU::clone_config() const {
  return std::make_unique<GRU>(units_, options_, name());
}

void GRU::build_cell(Index input_dim, Rng& rng) {
  const RecurrentOptions& o = options_;
  const Index u3 = 3 * units_;
  // Keras kernel (features, 3u): fan_in = features, fan_out = 3u.
  init_param(kernel_, u3, input_dim, o.kernel_initializer, o.kernel_initializer_options, input_dim,
             u3, o.kernel_regularizer, rng);
  // Keras recurrent_kernel (u, 3u): fan_in = u, fan_out = 3u. An orthogonal fill makes the
  // whole Keras matrix row-orthonormal (our (3u, u) column-orthonormal), not each gate block.
  init_param(recurrent_kernel_, u3, units_, o.recurrent_initializer,
             o.recurrent_initializer_options, units_, u3, o.recurrent_regularizer, rng);
  if (o.use_bias) {
    // Keras bias (2, 3u) with reset_after (fans 2 and 3u), else (3u,) (fans 3u and 3u). Our
    // column-major (3u, 2) stores Keras's row-major (2, 3u) byte for byte.
    if (o.reset_after) {
      init_param(bias_, u3, 2, o.bias_initializer, o.bias_initializer_options, 2, u3,
                 o.bias_regularizer, rng);
    } else {
      init_param(bias_, u3, 1, o.bias_initializer, o.bias_initializer_options, u3, u3,
                 o.bias_regularizer, rng);
    }
  }
}

void GRU::forward_sequence(const Matrix& x, Index steps, Index batch,
                           const std::vector<Matrix>& initial) {
  const Index u = units_, u2 = 2 * units_;
  const bool after = options_.reset_after;
  const Matrix& rk = recurrent_kernel_.value;
  x_ = x;
  // X_part = W X + b_in for every step at once; recurrent terms are added step by step.
  pre_.noalias() = kernel_.value * x;
  if (options_.use_bias) pre_.colwise() += bias_.value.col(0);
  act_.resize(3 * u, steps * batch);
  rec_.resize(u, steps * batch);
  h_prev_.resize(u, steps * batch);
  h_seq_.resize(u, steps * batch);
  Matrix m, gates, hh;
  for (Index s = 0; s < steps; ++s) {
    const Index c = s * batch;
    const Matrix h = s == 0 ? initial[0] : Matrix(h_seq_.middleCols(c - batch, batch));
    h_prev_.middleCols(c, batch) = h;
    if (after) {
      // M = U h + b_rec (3u, batch); z and r take its first two blocks.
      m.noalias() = rk * h;
      if (options_.use_bias) m.colwise() += bias_.value.col(1);
      pre_.block(0, c, u2, batch) += m.topRows(u2);
    } else {
      pre_.block(0, c, u2, batch).noalias() += rk.topRows(u2) * h;
    }
    // [z; r] = recurrent_activation(pre_{z,r})
    recurrent_activation_->forward(pre_.block(0, c, u2, batch), gates);
    act_.block(0, c, u2, batch) = gates;
    if (after) {
      // pre_h = x_h + r .* (U_h h + b_rec_h)
      rec_.middleCols(c, batch) = m.bottomRows(u);
      pre_.block(u2, c, u, batch).array() += gates.bottomRows(u).array() * m.bottomRows(u).array();
    } else {
      // pre_h = x_h + U_h (r .* h)
      rec_.middleCols(c, batch) = (gates.bottomRows(u).array() * h.array()).matrix();
      pre_.block(u2, c, u, batch).noalias() += rk.bottomRows(u) * rec_.middleCols(c, batch);
    }
    activation_->forward(pre_.block(u2, c, u, batch), hh);
    act_.block(u2, c, u, batch) = hh;
    // h_s = z .* h + (1 - z) .* hh
    h_seq_.middleCols(c, batch) = (gates.topRows(u).array() * h.array() +
                                   (static_cast<Scalar>(1) - gates.topRows(u).array()) * hh.array())
                                      .matrix();
  }
  final_states_[0] = h_seq_.rightCols(batch);
}

Matrix GRU::backward_sequence(const Matrix& dh_out, const std::vector<Matrix>& d_final,
                              std::vector<Matrix>& d_initial) {
  const Index u = units_, u2 = 2 * units_, batch = batch_, steps = steps_;
  const bool after = options_.reset_after;
  const Matrix& rk = recurrent_kernel_.value;
  // dL/dX_part for every step: rows z, r, h (also dL/d of each gate's pre-activation).
  Matrix dpre_all(3 * u, steps * batch);
  // reset_after: dL/dM with M = U h + b_rec for every step.
  Matrix dm_all;
  if (after) dm_all.resize(3 * u, steps * batch);
  // The final state is h at the last step: its gradient joins there.
  Matrix dh_next = d_final[0];
  Matrix dgates(u2, batch), dhh, dhp, dpre_h, dpre_g, drec;
  for (Index s = steps; s-- > 0;) {
    const Index c = s * batch;
    const ConstRef hp = h_prev_.middleCols(c, batch);
    const ConstRef z = act_.block(0, c, u, batch);
    const ConstRef r = act_.block(u, c, u, batch);
    const ConstRef hh = act_.block(u2, c, u, batch);
    // dL/dh_s = from the output + from step s+1
    const Matrix dh = dh_out.middleCols(c, batch) + dh_next;
    record_dh_norm(s, dh);
    // dz = dh .* (h_prev - hh)
    dgates.topRows(u) = (dh.array() * (hp.array() - hh.array())).matrix();
    // dhh = dh .* (1 - z)
    dhh = (dh.array() * (static_cast<Scalar>(1) - z.array())).matrix();
    // dh_prev = dh .* z (the direct path; gate paths are added below)
    dhp = (dh.array() * z.array()).matrix();
    // dpre_h = dhh .* f'(pre_h)
    activation_->backward(pre_.block(u2, c, u, batch), hh, dhh, dpre_h);
    if (after) {
      // dr = dpre_h .* (U_h h + b_rec_h)
      dgates.bottomRows(u) = (dpre_h.array() * rec_.middleCols(c, batch).array()).matrix();
      // dM_h = dpre_h .* r
      dm_all.block(u2, c, u, batch) = (dpre_h.array() * r.array()).matrix();
    } else {
      // d(r .* h) = U_h^T dpre_h
      drec.noalias() = rk.bottomRows(u).transpose() * dpre_h;
      // dr = d(r .* h) .* h_prev
      dgates.bottomRows(u) = (drec.array() * hp.array()).matrix();
      // dh_prev += d(r .* h) .* r
      dhp.array() += drec.array() * r.array();
    }
    // dpre_{z,r} = d[z; r] .* sigma'(pre_{z,r})
    recurrent_activation_->backward(pre_.block(0, c, u2, batch), act_.block(0, c, u2, batch),
                                    dgates, dpre_g);
    dpre_all.block(0, c, u2, batch) = dpre_g;
    dpre_all.block(u2, c, u, batch) = dpre_h;
    if (after) {
      // dM_{z,r} = dpre_{z,r};  dh_prev += U^T dM
      dm_all.block(0, c, u2, batch) = dpre_g;
      dhp.noalias() += rk.transpose() * dm_all.middleCols(c, batch);
    } else {
      // dh_prev += U_{z,r}^T dpre_{z,r}
      dhp.noalias() += rk.topRows(u2).transpose() * dpre_g;
    }
    // dh_{s-1} (cut by truncated BPTT)
    if (cut_before(s))
      dh_next.setZero(u, batch);
    else
      dh_next = dhp;
  }
  d_initial[0] = dh_next;
  // dW += dX_part X^T
  kernel_.grad.noalias() += dpre_all * x_.transpose();
  if (after) {
    // dU += dM H_prev^T
    recurrent_kernel_.grad.noalias() += dm_all * h_prev_.transpose();
  } else {
    // dU_{z,r} += dpre_{z,r} H_prev^T;  dU_h += dpre_h (R .* H_prev)^T
    recurrent_kernel_.grad.topRows(u2).noalias() += dpre_all.topRows(u2) * h_prev_.transpose();
    recurrent_kernel_.grad.bottomRows(u).noalias() += dpre_all.bottomRows(u) * rec_.transpose();
  }
  if (options_.use_bias) {
    // db_in += row sums of dX_part;  db_rec += row sums of dM
    bias_.grad.col(0) += dpre_all.rowwise().sum();
    if (after) bias_.grad.col(1) += dm_all.rowwise().sum();
  }
  // dX = W^T dX_part
  Matrix dx;
  dx.noalias() = kernel_.value.transpose() * dpre_all;
  return dx;
}

void GRU::add_cell_probes(std::vector<Probe>& out) const {
  out.push_back({"gate_z", act_.topRows(units_)});
  out.push_back({"gate_r", act_.middleRows(units_, units_)});
  out.push_back({"candidate", act_.bottomRows(units_)});
}

}  // namespace nn
