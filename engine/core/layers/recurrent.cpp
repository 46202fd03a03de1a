#include "engine/core/layers/recurrent.hpp"

#include "engine/core/base/error.hpp"

namespace nn {

Matrix reverse_steps(const Matrix& x, Index steps) {
  const Index batch = x.cols() / steps;
  Matrix out(x.rows(), x.cols());
  for (Index s = 0; s < steps; ++s) {
    out.middleCols(s * batch, batch) = x.middleCols((steps - 1 - s) * batch, batch);
  }
  return out;
}

Recurrent::Recurrent(const std::string& type, Index units, RecurrentOptions options,
                     std::string name)
    : Layer(std::move(name)), units_(units), options_(std::move(options)) {
  if (units_ <= 0) fail(type, ": units must be a positive integer, got ", units_);
  if (options_.truncate_bptt < 0) {
    fail(type, ": truncate_bptt must be >= 0 (0 = full BPTT), got ", options_.truncate_bptt);
  }
  activation_ = make_activation(options_.activation, options_.activation_options);
  recurrent_activation_ = make_activation(options_.recurrent_activation);
  if (activation_->name() == "step" || recurrent_activation_->name() == "step") {
    fail(type, ": the step activation has no gradient and cannot be trained here");
  }
  // Fail early on unknown initializer names, before build.
  make_initializer(options_.kernel_initializer, options_.kernel_initializer_options);
  make_initializer(options_.recurrent_initializer, options_.recurrent_initializer_options);
  make_initializer(options_.bias_initializer, options_.bias_initializer_options);
}

void Recurrent::set_go_backwards(bool go_backwards) {
  if (built()) fail(who(), ": go_backwards can only be changed before build()");
  options_.go_backwards = go_backwards;
}

std::vector<Param*> Recurrent::params() {
  if (options_.use_bias) return {&kernel_, &recurrent_kernel_, &bias_};
  return {&kernel_, &recurrent_kernel_};
}

void Recurrent::init_param(Param& p, Index rows, Index cols, const std::string& initializer,
                           const InitializerOptions& init_options, Index fan_in, Index fan_out,
                           const Regularizer& regularizer, Rng& rng) {
  const std::string name = p.name;
  p = Param(name, rows, cols);
  p.regularizer = regularizer;
  make_initializer(initializer, init_options)->fill(p.value, fan_in, fan_out, rng);
}

Shape Recurrent::do_build(const std::vector<Shape>& input_shapes, Rng& rng) {
  const Shape& x = input_shapes[0];
  if (x.size() != 2) {
    fail(who(), ": expected a sequence input of shape (steps, features), got ", shape_str(x),
         "; give the Input a shape like {steps, features}");
  }
  const auto states = static_cast<std::size_t>(state_count());
  if (input_shapes.size() != 1 && input_shapes.size() != 1 + states) {
    fail(who(), ": expected the sequence plus either no initial state or ", states,
         " initial state(s), got ", input_shapes.size() - 1);
  }
  for (std::size_t k = 1; k < input_shapes.size(); ++k) {
    if (input_shapes[k] != Shape{units_}) {
      fail(who(), ": initial state ", k - 1, " expected shape ", shape_str({units_}), ", got ",
           shape_str(input_shapes[k]));
    }
  }
  steps_ = x[0];
  build_cell(x[1], rng);
  final_states_.assign(states, Matrix());
  d_final_.assign(states, Matrix());
  if (options_.return_sequences) return {steps_, units_};
  return {units_};
}

Matrix Recurrent::do_forward(const std::vector<const Matrix*>& inputs, bool) {
  const Matrix& x = *inputs[0];
  batch_ = x.cols() / steps_;
  std::vector<Matrix> initial;
  for (Index k = 0; k < state_count(); ++k) {
    const auto input = static_cast<std::size_t>(k) + 1;
    initial.push_back(input < inputs.size() ? *inputs[input] : Matrix::Zero(units_, batch_));
  }
  if (options_.go_backwards)
    forward_sequence(reverse_steps(x, steps_), steps_, batch_, initial);
  else
    forward_sequence(x, steps_, batch_, initial);
  for (Matrix& d : d_final_) d.resize(0, 0);  // a new pass: no state gradients yet
  if (options_.return_sequences) return h_seq_;
  return h_seq_.rightCols(batch_);
}

std::vector<Matrix> Recurrent::do_backward(const Matrix& dy) {
  // dL/dh_s from the output: every step, or only the last one.
  Matrix dh_out;
  if (options_.return_sequences) {
    dh_out = dy;
  } else {
    dh_out = Matrix::Zero(units_, steps_ * batch_);
    dh_out.rightCols(batch_) = dy;
  }
  std::vector<Matrix> d_final;
  for (Matrix& d : d_final_) {
    d_final.push_back(d.size() ? d : Matrix::Zero(units_, batch_));
    d.resize(0, 0);  // consumed
  }
  dh_norm_ = Matrix::Zero(1, steps_);
  std::vector<Matrix> d_initial(static_cast<std::size_t>(state_count()));
  Matrix dx = backward_sequence(dh_out, d_final, d_initial);
  std::vector<Matrix> grads;
  grads.push_back(options_.go_backwards ? reverse_steps(dx, steps_) : std::move(dx));
  for (std::size_t k = 1; k < input_shapes().size(); ++k) grads.push_back(d_initial[k - 1]);
  return grads;
}

bool Recurrent::cut_before(Index s) const {
  const Index k = options_.truncate_bptt;
  return k > 0 && s > 0 && (steps_ - s) % k == 0;
}

void Recurrent::record_dh_norm(Index s, const Matrix& dh) {
  dh_norm_(0, s) = static_cast<Scalar>(dh.norm());
}

const Matrix& Recurrent::final_state(Index k) const {
  if (k < 0 || k >= state_count()) {
    fail(who(), ": has ", state_count(), " state(s), asked for state ", k);
  }
  return final_states_[static_cast<std::size_t>(k)];
}

std::vector<Probe> Recurrent::probes() const {
  std::vector<Probe> out;
  out.push_back({"h", h_seq_});
  add_cell_probes(out);
  out.push_back({"dh_norm", dh_norm_});
  return out;
}

Index Recurrent::extra_output_count() const { return options_.return_state ? state_count() : 0; }

Shape Recurrent::extra_output_shape(Index k) const {
  final_state(k);  // range check
  return {units_};
}

std::string Recurrent::extra_output_name(Index k) const {
  final_state(k);
  return k == 0 ? "state_h" : "state_c";
}

const Matrix& Recurrent::extra_output(Index k) const { return final_state(k); }

void Recurrent::add_extra_output_gradient(Index k, const Matrix& d) {
  const Matrix& state = final_state(k);
  if (d.rows() != state.rows() || d.cols() != state.cols()) {
    fail(who(), ": gradient of ", extra_output_name(k), " expected shape (", state.rows(), ", ",
         state.cols(), "), got (", d.rows(), ", ", d.cols(), ")");
  }
  Matrix& pending = d_final_[static_cast<std::size_t>(k)];
  if (pending.size() == 0)
    pending = d;
  else
    pending += d;
}

}  // namespace nn
