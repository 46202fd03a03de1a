#include "engine/core/layers/bidirectional.hpp"

#include "engine/core/base/error.hpp"
#include "engine/core/base/naming.hpp"

namespace nn {
namespace {

/// Prefixes every param name with "<prefix>/" once (a second build keeps the names).
void prefix_params(const std::vector<Param*>& params, const std::string& prefix) {
  const std::string head = prefix + "/";
  for (Param* p : params) {
    if (p->name.compare(0, head.size(), head) != 0) p->name = head + p->name;
  }
}

/// The layout matrices of inputs[first, first+count) prepended by the sequence inputs[0].
std::vector<const Matrix*> half_inputs(const std::vector<const Matrix*>& inputs, Index first,
                                       Index count) {
  std::vector<const Matrix*> out = {inputs[0]};
  for (Index k = 0; k < count; ++k) out.push_back(inputs[static_cast<std::size_t>(first + k)]);
  return out;
}

}  // namespace

Bidirectional::Bidirectional(std::unique_ptr<Recurrent> layer, std::string merge_mode,
                             std::string name)
    : Layer(std::move(name)), forward_(std::move(layer)), merge_mode_(std::move(merge_mode)) {
  if (!forward_) fail("Bidirectional: expected a recurrent layer to wrap, got null");
  if (forward_->built()) {
    fail("Bidirectional: the wrapped ", forward_->type(), " '", forward_->name(),
         "' is already built; wrap a fresh layer");
  }
  if (merge_mode_ == "concat")
    merge_ = Merge::kConcat;
  else if (merge_mode_ == "sum")
    merge_ = Merge::kSum;
  else if (merge_mode_ == "mul")
    merge_ = Merge::kMul;
  else if (merge_mode_ == "ave")
    merge_ = Merge::kAve;
  else
    fail("Bidirectional: merge_mode must be one of 'concat', 'sum', 'mul', 'ave', got '",
         merge_mode_, "' (Keras's None, returning the two halves separately, is not supported)");
  // Keras: the backward half is the same configuration with go_backwards flipped.
  const std::string inner =
      forward_->name().empty() ? snake_case(forward_->type()) : forward_->name();
  backward_ = forward_->clone_config();
  backward_->set_go_backwards(!forward_->options().go_backwards);
  forward_->set_name("forward_" + inner);
  backward_->set_name("backward_" + inner);
  // A frozen inner layer freezes the wrapper (Keras recreates both halves from its config).
  set_trainable(forward_->trainable());
}

Shape Bidirectional::do_build(const std::vector<Shape>& input_shapes, Rng& rng) {
  const Shape& x = input_shapes[0];
  if (x.size() != 2) {
    fail(who(), ": expected a sequence input of shape (steps, features), got ", shape_str(x),
         "; give the Input a shape like {steps, features}");
  }
  const Index per_half = forward_->state_count();
  const auto extra = static_cast<Index>(input_shapes.size()) - 1;
  if (extra != 0 && extra != 2 * per_half) {
    fail(who(), ": expected the sequence plus either no initial state or ", 2 * per_half,
         " initial states (", per_half, " for the forward ", forward_->type(), ", then ", per_half,
         " for the backward one), got ", extra);
  }
  states_ = extra / 2;
  std::vector<Shape> forward_shapes = {x}, backward_shapes = {x};
  for (Index k = 0; k < states_; ++k) {
    forward_shapes.push_back(input_shapes[static_cast<std::size_t>(1 + k)]);
    backward_shapes.push_back(input_shapes[static_cast<std::size_t>(1 + states_ + k)]);
  }
  // Keras's order: the forward half draws its weights first, then the backward half.
  const Shape out = forward_->build(forward_shapes, rng);
  backward_->build(backward_shapes, rng);
  prefix_params(forward_->params(), forward_->name());
  prefix_params(backward_->params(), backward_->name());
  steps_ = x[0];
  Shape merged = out;
  if (merge_ == Merge::kConcat) merged.back() *= 2;
  return merged;
}

Matrix Bidirectional::do_forward(const std::vector<const Matrix*>& inputs, bool training) {
  y_forward_ = forward_->forward(half_inputs(inputs, 1, states_), training);
  y_backward_ = backward_->forward(half_inputs(inputs, 1 + states_, states_), training);
  // Keras flips the backward half's sequence back, so step t of both halves is input step t.
  if (forward_->options().return_sequences) y_backward_ = reverse_steps(y_backward_, steps_);
  switch (merge_) {
    case Merge::kConcat: {
      Matrix y(y_forward_.rows() + y_backward_.rows(), y_forward_.cols());
      y.topRows(y_forward_.rows()) = y_forward_;
      y.bottomRows(y_backward_.rows()) = y_backward_;
      return y;
    }
    case Merge::kSum:
      return y_forward_ + y_backward_;
    case Merge::kMul:
      return y_forward_.cwiseProduct(y_backward_);
    case Merge::kAve:
      break;
  }
  return static_cast<Scalar>(0.5) * (y_forward_ + y_backward_);
}

std::vector<Matrix> Bidirectional::do_backward(const Matrix& dy) {
  Matrix dy_forward, dy_backward;
  switch (merge_) {
    case Merge::kConcat:
      // y = [y_f; y_b]: each half gets its own rows
      dy_forward = dy.topRows(y_forward_.rows());
      dy_backward = dy.bottomRows(y_backward_.rows());
      break;
    case Merge::kSum:
      // y = y_f + y_b: dy_f = dy_b = dy
      dy_forward = dy;
      dy_backward = dy;
      break;
    case Merge::kMul:
      // y = y_f .* y_b: dy_f = dy .* y_b, dy_b = dy .* y_f
      dy_forward = dy.cwiseProduct(y_backward_);
      dy_backward = dy.cwiseProduct(y_forward_);
      break;
    case Merge::kAve:
      // y = (y_f + y_b) / 2: dy_f = dy_b = dy / 2
      dy_forward = static_cast<Scalar>(0.5) * dy;
      dy_backward = dy_forward;
      break;
  }
  // Undo the time flip: the backward half's own output runs in processing order.
  if (forward_->options().return_sequences) dy_backward = reverse_steps(dy_backward, steps_);
  std::vector<Matrix> d_forward = forward_->backward(dy_forward);
  std::vector<Matrix> d_backward = backward_->backward(dy_backward);
  // dx = dx_f + dx_b (both halves read the same sequence); then each half's initial states.
  std::vector<Matrix> grads;
  grads.push_back(d_forward[0] + d_backward[0]);
  for (std::size_t k = 1; k < d_forward.size(); ++k) grads.push_back(std::move(d_forward[k]));
  for (std::size_t k = 1; k < d_backward.size(); ++k) grads.push_back(std::move(d_backward[k]));
  return grads;
}

std::vector<Param*> Bidirectional::params() {
  std::vector<Param*> out = forward_->params();
  for (Param* p : backward_->params()) out.push_back(p);
  return out;
}

std::vector<Probe> Bidirectional::probes() const {
  std::vector<Probe> out;
  for (Probe& p : forward_->probes()) out.push_back({"forward/" + p.name, std::move(p.value)});
  for (Probe& p : backward_->probes()) out.push_back({"backward/" + p.name, std::move(p.value)});
  return out;
}

Index Bidirectional::extra_output_count() const {
  return forward_->extra_output_count() + backward_->extra_output_count();
}

Recurrent& Bidirectional::owner_of(Index k, Index& local) const {
  const Index n_forward = forward_->extra_output_count();
  if (k < 0 || k >= extra_output_count()) {
    fail(who(), ": has ", extra_output_count(), " extra output(s), asked for output ", k);
  }
  local = k < n_forward ? k : k - n_forward;
  return k < n_forward ? *forward_ : *backward_;
}

Shape Bidirectional::extra_output_shape(Index k) const {
  Index local = 0;
  return owner_of(k, local).extra_output_shape(local);
}

std::string Bidirectional::extra_output_name(Index k) const {
  Index local = 0;
  const Recurrent& half = owner_of(k, local);
  return (&half == forward_.get() ? "forward_" : "backward_") + half.extra_output_name(local);
}

const Matrix& Bidirectional::extra_output(Index k) const {
  Index local = 0;
  return owner_of(k, local).extra_output(local);
}

void Bidirectional::add_extra_output_gradient(Index k, const Matrix& d) {
  Index local = 0;
  owner_of(k, local).add_extra_output_gradient(local, d);
}

}  // namespace nn
