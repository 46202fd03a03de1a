#include "engine/core/layers/layer.hpp"

#include "engine/core/base/error.hpp"

namespace nn {

Layer::Layer(std::string name) : name_(std::move(name)) {}

std::string Layer::who() const { return type() + " '" + name_ + "'"; }

void Layer::expect_inputs(const std::vector<Shape>& shapes, std::size_t count) const {
  if (shapes.size() != count) {
    fail(who(), ": expected ", count, " input(s), got ", shapes.size());
  }
}

Shape Layer::build(const std::vector<Shape>& input_shapes, Rng& rng) {
  if (input_shapes.empty()) fail(who(), ": expected at least one input, got none");
  for (const Shape& s : input_shapes) check_shape(s, who() + " input");
  Shape out = do_build(input_shapes, rng);
  check_shape(out, who() + " output");
  input_shapes_ = input_shapes;
  output_shape_ = out;
  built_ = true;
  return out;
}

Matrix Layer::forward(const std::vector<const Matrix*>& inputs, bool training) {
  if (!built_) fail(who(), ": forward() called before build()");
  if (inputs.size() != input_shapes_.size()) {
    fail(who(), ": expected ", input_shapes_.size(), " input(s), got ", inputs.size());
  }
  const Index steps = layout_steps(input_shapes_[0]);
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    const Shape& shape = input_shapes_[i];
    const Matrix& x = *inputs[i];
    if (x.rows() != layout_rows(shape) || x.cols() % layout_steps(shape) != 0 ||
        x.cols() / layout_steps(shape) != inputs[0]->cols() / steps) {
      fail(who(), ": input ", i, " expected shape ", shape_str(shape), " laid out as (",
           layout_rows(shape), ", steps*batch), got a (", x.rows(), ", ", x.cols(), ") matrix");
    }
  }
  Matrix y = do_forward(inputs, training);
  forwarded_ = true;
  last_columns_ = y.cols();
  return y;
}

Matrix Layer::forward(const Matrix& input, bool training) { return forward({&input}, training); }

std::vector<Matrix> Layer::backward(const Matrix& dy) {
  if (!forwarded_) fail(who(), ": backward() called before forward()");
  if (dy.rows() != layout_rows(output_shape_) || dy.cols() != last_columns_) {
    fail(who(), ": backward expected a gradient of shape (", layout_rows(output_shape_), ", ",
         last_columns_, "), got (", dy.rows(), ", ", dy.cols(), ")");
  }
  return do_backward(dy);
}

Index Layer::param_count() {
  Index n = 0;
  for (Param* p : params()) n += p->size();
  return n;
}

int Layer::set_regularizer(const std::string& weight, const Regularizer& regularizer) {
  int count = 0;
  const std::string suffix = "/" + weight;
  for (Param* p : params()) {
    const std::string& n = p->name;
    const bool ends =
        n.size() > suffix.size() && n.compare(n.size() - suffix.size(), suffix.size(), suffix) == 0;
    if (n == weight || ends) {
      p->regularizer = regularizer;
      ++count;
    }
  }
  return count;
}

Scalar Layer::regularization_loss() {
  Scalar total = 0;
  for (Param* p : params()) {
    if (p->regularizer.active()) total += p->regularizer.penalty(p->value);
  }
  return total;
}

bool Layer::regularized() {
  for (Param* p : params()) {
    if (p->regularizer.active()) return true;
  }
  return false;
}

void Layer::add_regularization_gradients() {
  for (Param* p : params()) {
    if (p->regularizer.active()) p->regularizer.add_gradient(p->value, p->grad);
  }
}

Shape Layer::extra_output_shape(Index k) const { fail(who(), ": has no extra output ", k); }

std::string Layer::extra_output_name(Index k) const { fail(who(), ": has no extra output ", k); }

const Matrix& Layer::extra_output(Index k) const { fail(who(), ": has no extra output ", k); }

void Layer::add_extra_output_gradient(Index k, const Matrix&) {
  fail(who(), ": has no extra output ", k);
}

const Matrix& Layer::pre_activation() const { fail(who(), ": has no fused output activation"); }

std::vector<Matrix> Layer::backward_from_pre_activation(const Matrix&) {
  fail(who(), ": has no fused output activation");
}

Shape UnaryLayer::do_build(const std::vector<Shape>& input_shapes, Rng& rng) {
  expect_inputs(input_shapes, 1);
  return build_one(input_shapes[0], rng);
}

Matrix UnaryLayer::do_forward(const std::vector<const Matrix*>& inputs, bool training) {
  return forward_one(*inputs[0], training);
}

std::vector<Matrix> UnaryLayer::do_backward(const Matrix& dy) { return {backward_one(dy)}; }

}  // namespace nn
