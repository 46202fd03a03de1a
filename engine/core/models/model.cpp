#include "engine/core/models/model.hpp"
#include "engine/core/base/text.hpp"

#include <algorithm>
#include <cmath>

#include "engine/core/activations/activation.hpp"
#include "engine/core/base/error.hpp"
#include "engine/core/training/data_checks.hpp"

namespace nn {

Model::Model(Graph graph, std::string name) : graph_(std::move(graph)), name_(std::move(name)) {}

void Model::require_compiled(const char* what) const {
  if (!optimizer_) fail(what, ": the model must be compiled first (compile(optimizer, loss))");
}

Optimizer& Model::optimizer() {
  require_compiled("optimizer");
  return *optimizer_;
}

std::string Model::output_prefix(std::size_t i) const {
  if (graph_.output_nodes().size() == 1) return "";
  return graph_.node_name(graph_.output_nodes()[i]) + "_";
}

std::string Model::loss_name(std::size_t output) const {
  require_compiled("loss_name");
  if (output >= outputs_.size()) {
    fail("loss_name: output ", output, " does not exist; the model has ", outputs_.size());
  }
  return outputs_[output].loss->name();
}

void Model::compile(OptimizerPtr optimizer, std::vector<std::unique_ptr<Loss>> losses,
                    std::vector<double> loss_weights, std::vector<std::string> metrics) {
  const std::size_t n_out = graph_.output_nodes().size();
  if (n_out == 0) fail("compile: the model has no outputs");
  if (!optimizer) fail("compile: an optimizer is required");
  if (losses.size() == 1 && n_out > 1) {
    for (std::size_t i = 1; i < n_out; ++i) losses.push_back(losses[0]->clone());
  }
  if (losses.size() != n_out) {
    fail("compile: expected ", n_out, " loss(es), one per output, got ", losses.size());
  }
  if (loss_weights.empty()) loss_weights.assign(n_out, 1.0);
  if (loss_weights.size() != n_out) {
    fail("compile: expected ", n_out, " loss_weights, one per output, got ", loss_weights.size());
  }
  std::vector<OutputSpec> specs(n_out);
  for (std::size_t i = 0; i < n_out; ++i) {
    if (!losses[i]) fail("compile: loss ", i, " is null");
    if (!std::isfinite(loss_weights[i]) || loss_weights[i] < 0) {
      fail("compile: loss_weights[", i, "] must be a finite number >= 0, got ", loss_weights[i]);
    }
    OutputSpec& spec = specs[i];
    spec.weight = loss_weights[i];
    const int node = graph_.output_nodes()[i];
    const Layer* layer = graph_.layer(node);  // nullptr for an extra output (return_state)
    const Activation* act = layer ? layer->output_activation() : nullptr;
    const std::string fusable = losses[i]->fuses_with();
    if (act && !fusable.empty() && act->name() == fusable) spec.fused_loss = losses[i]->on_logits();
    spec.loss = std::move(losses[i]);
    for (const std::string& m : metrics) spec.metrics.push_back(make_metric(m));
  }
  outputs_ = std::move(specs);
  metric_names_ = std::move(metrics);
  optimizer_ = std::move(optimizer);
  params_ = graph_.params();
  trainable_ = graph_.trainable_mask();
  optimizer_->attach(params_);
}

void Model::set_optimizer(OptimizerPtr next) {
  require_compiled("set_optimizer");
  if (!next) fail("set_optimizer: an optimizer is required");
  const auto& slots = next->slots();
  if (slots.size() != params_.size()) {
    fail("set_optimizer: the optimizer is attached to ", slots.size(),
         " parameters, the model has ", params_.size(), "; attach it to graph().params() first");
  }
  for (std::size_t i = 0; i < slots.size(); ++i) {
    for (const Matrix& s : slots[i]) {
      if (s.rows() != params_[i]->value.rows() || s.cols() != params_[i]->value.cols()) {
        fail("set_optimizer: a slot of parameter ", i, " (", params_[i]->name, ") is ", s.rows(),
             "x", s.cols(), ", the parameter ", params_[i]->value.rows(), "x",
             params_[i]->value.cols());
      }
    }
  }
  optimizer_ = std::move(next);
}

void Model::compile(OptimizerPtr optimizer, const std::string& loss,
                    std::vector<std::string> metrics) {
  std::vector<std::unique_ptr<Loss>> losses;
  losses.push_back(make_loss(loss));
  compile(std::move(optimizer), std::move(losses), {}, std::move(metrics));
}

std::vector<Matrix> Model::inputs_to_layout(const std::vector<Matrix>& x) const {
  const auto& nodes = graph_.input_nodes();
  if (x.size() != nodes.size()) {
    fail("x: the model has ", nodes.size(), " input(s), got ", x.size(), " array(s)");
  }
  std::vector<Matrix> out;
  for (std::size_t i = 0; i < x.size(); ++i) {
    const Shape& shape = graph_.node_shape(nodes[i]);
    const std::string field = "x[" + std::to_string(i) + "] ('" + graph_.node_name(nodes[i]) + "')";
    if (x[i].rows() != shape_size(shape)) {
      fail(field, ": expected ", shape_size(shape), " values per sample for input shape ",
           shape_str(shape), ", got ", x[i].rows());
    }
    if (x[i].cols() != x[0].cols()) {
      fail(field, ": has ", x[i].cols(), " samples but x[0] has ", x[0].cols());
    }
    require_finite(x[i], field);
    out.push_back(to_layout(x[i], shape));
  }
  return out;
}

std::vector<Matrix> Model::targets_to_layout(const std::vector<Matrix>& y, Index samples) const {
  const auto& nodes = graph_.output_nodes();
  if (y.size() != nodes.size()) {
    fail("y: the model has ", nodes.size(), " output(s), got ", y.size(), " array(s)");
  }
  std::vector<Matrix> out;
  for (std::size_t i = 0; i < y.size(); ++i) {
    const Shape& shape = graph_.node_shape(nodes[i]);
    const std::string field = "y[" + std::to_string(i) + "] ('" + graph_.node_name(nodes[i]) + "')";
    const Index steps = layout_steps(shape);
    // Full targets have shape_size rows; sparse class ids have one per step.
    if (y[i].rows() != shape_size(shape) && y[i].rows() != steps) {
      fail(field, ": expected ", shape_size(shape), " values per sample for output shape ",
           shape_str(shape), " (or ", steps, " class id(s) for a sparse loss), got ", y[i].rows());
    }
    if (y[i].cols() != samples) {
      fail(field, ": has ", y[i].cols(), " samples but x has ", samples);
    }
    require_finite(y[i], field);
    Shape target_shape = shape;
    target_shape.back() = y[i].rows() / steps;
    out.push_back(to_layout(y[i], target_shape));
  }
  return out;
}

double Model::compute_losses(const std::vector<Matrix>& outputs, const std::vector<Matrix>& targets,
                             Logs& logs, std::vector<Matrix>* grads) {
  double total = 0.0;
  for (std::size_t i = 0; i < outputs_.size(); ++i) {
    OutputSpec& spec = outputs_[i];
    const int node = graph_.output_nodes()[i];
    const Matrix& pred = spec.fused_loss ? graph_.layer(node)->pre_activation() : outputs[i];
    const Loss& loss = spec.fused_loss ? *spec.fused_loss : *spec.loss;
    const double value = static_cast<double>(loss.forward(pred, targets[i]));
    total += spec.weight * value;
    if (outputs_.size() > 1) logs[output_prefix(i) + "loss"] = value;
    for (const auto& metric : spec.metrics) {
      logs[output_prefix(i) + metric->name()] =
          static_cast<double>(metric->compute(outputs[i], targets[i]));
    }
    if (grads) {
      // dL/d(out_i) = weight_i * dLoss_i/d(out_i)
      Matrix g = loss.backward(pred, targets[i]);
      if (spec.weight != 1.0) g *= static_cast<Scalar>(spec.weight);
      grads->push_back(std::move(g));
    }
  }
  // Keras adds the regularization penalties to the reported loss; the penalty alone is logged
  // as regularization_loss (only when some weight is regularized) so the data fit can be read.
  double penalty = 0.0;
  bool regularized = false;
  for (std::size_t n = 0; n < graph_.node_count(); ++n) {
    if (Layer* layer = graph_.layer(static_cast<int>(n))) {
      if (!layer->regularized()) continue;
      regularized = true;
      penalty += static_cast<double>(layer->regularization_loss());
    }
  }
  total += penalty;
  if (regularized) logs["regularization_loss"] = penalty;
  logs["loss"] = total;
  return total;
}

Logs Model::compute_gradients(const std::vector<Matrix>& x, const std::vector<Matrix>& y) {
  require_compiled("train_on_batch");
  if (x.empty() || x[0].cols() == 0) fail("train_on_batch: the batch is empty");
  const std::vector<Matrix> inputs = inputs_to_layout(x);
  const std::vector<Matrix> targets = targets_to_layout(y, x[0].cols());
  divergence_reason_.clear();
  const std::vector<Matrix> outputs = graph_.forward(inputs, true);
  Logs logs;
  std::vector<Matrix> d_outputs;
  const double loss = compute_losses(outputs, targets, logs, &d_outputs);
  if (!std::isfinite(loss)) {
    divergence_reason_ =
        concat("the loss became ", loss,
               "; the weights were kept from before this batch (is the learning rate too high?)");
    return logs;
  }
  graph_.zero_grads();
  std::vector<bool> pre;
  for (const OutputSpec& spec : outputs_) pre.push_back(spec.fused_loss != nullptr);
  graph_.backward(d_outputs, pre);
  for (std::size_t n = 0; n < graph_.node_count(); ++n) {
    if (Layer* layer = graph_.layer(static_cast<int>(n))) layer->add_regularization_gradients();
  }
  return logs;
}

double Model::compute_loss(const std::vector<Matrix>& x, const std::vector<Matrix>& y,
                           bool training) {
  require_compiled("compute_loss");
  if (x.empty() || x[0].cols() == 0) fail("compute_loss: the batch is empty");
  const std::vector<Matrix> outputs = graph_.forward(inputs_to_layout(x), training);
  Logs logs;
  return compute_losses(outputs, targets_to_layout(y, x[0].cols()), logs, nullptr);
}

Logs Model::train_on_batch(const std::vector<Matrix>& x, const std::vector<Matrix>& y) {
  Logs logs = compute_gradients(x, y);
  if (diverged()) return logs;
  trainable_ = graph_.trainable_mask();  // layers may have been frozen since compile()
  for (std::size_t i = 0; i < params_.size(); ++i) {
    if (trainable_[i] && !params_[i]->grad.allFinite()) {
      divergence_reason_ = "the gradient of " + weight_names()[i] +
                           " is not finite (exploding gradients); the weights were kept from "
                           "before this batch";
      return logs;
    }
  }
  optimizer_->apply(params_, trainable_);
  return logs;
}

Logs Model::evaluate(const std::vector<Matrix>& x, const std::vector<Matrix>& y, Index batch_size) {
  require_compiled("evaluate");
  if (batch_size <= 0) fail("evaluate: batch_size must be a positive integer, got ", batch_size);
  const Index n = x.empty() ? 0 : x[0].cols();
  if (n == 0) fail("evaluate: x has no samples");
  require_same_samples(x, y, n, "evaluate");
  Logs sums;
  for (Index start = 0; start < n; start += batch_size) {
    const Index count = std::min(batch_size, n - start);
    std::vector<Matrix> xb, yb;
    for (const Matrix& m : x) xb.push_back(m.middleCols(start, count));
    for (const Matrix& m : y) yb.push_back(m.middleCols(start, count));
    const std::vector<Matrix> outputs = graph_.forward(inputs_to_layout(xb), false);
    Logs logs;
    compute_losses(outputs, targets_to_layout(yb, count), logs, nullptr);
    // Keras averages over samples: weight each batch by its size.
    for (const auto& [key, value] : logs) sums[key] += value * static_cast<double>(count);
  }
  for (auto& [key, value] : sums) value /= static_cast<double>(n);
  return sums;
}

std::vector<Matrix> Model::predict(const std::vector<Matrix>& x, Index batch_size) {
  if (batch_size <= 0) fail("predict: batch_size must be a positive integer, got ", batch_size);
  if (x.empty()) fail("predict: x is empty");
  const Index n = x[0].cols();
  const auto& outs = graph_.output_nodes();
  if (outs.empty()) fail("predict: the model has no outputs");
  std::vector<Matrix> result;
  for (int o : outs) result.emplace_back(shape_size(graph_.node_shape(o)), n);
  for (Index start = 0; start < n; start += batch_size) {
    const Index count = std::min(batch_size, n - start);
    std::vector<Matrix> xb;
    for (const Matrix& m : x) {
      if (m.cols() != n) fail("predict: every input needs ", n, " samples, got ", m.cols());
      xb.push_back(m.middleCols(start, count));
    }
    const std::vector<Matrix> outputs = graph_.forward(inputs_to_layout(xb), false);
    for (std::size_t i = 0; i < outs.size(); ++i) {
      result[i].middleCols(start, count) = from_layout(outputs[i], graph_.node_shape(outs[i]));
    }
  }
  return result;
}

std::vector<Matrix> Model::get_weights() {
  std::vector<Matrix> out;
  for (Param* p : graph_.params()) out.push_back(p->value);
  return out;
}

std::vector<std::string> Model::weight_names() {
  std::vector<std::string> out;
  for (std::size_t n = 0; n < graph_.node_count(); ++n) {
    Layer* layer = graph_.layer(static_cast<int>(n));
    if (!layer) continue;
    for (Param* p : layer->params()) out.push_back(layer->name() + "/" + p->name);
  }
  return out;
}

void Model::set_weights(const std::vector<Matrix>& weights) {
  std::vector<Param*> params = graph_.params();
  if (weights.size() != params.size()) {
    fail("set_weights: the model has ", params.size(), " weights, got ", weights.size());
  }
  const std::vector<std::string> names = weight_names();
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (weights[i].rows() != params[i]->value.rows() ||
        weights[i].cols() != params[i]->value.cols()) {
      fail("set_weights: weight ", i, " (", names[i], ") expected shape (", params[i]->value.rows(),
           ", ", params[i]->value.cols(), "), got (", weights[i].rows(), ", ", weights[i].cols(),
           ")");
    }
    require_finite(weights[i], "set_weights: weight " + names[i]);
  }
  for (std::size_t i = 0; i < params.size(); ++i) params[i]->value = weights[i];
}

Index Model::count_params() {
  Index n = 0;
  for (Param* p : graph_.params()) n += p->size();
  return n;
}

Index Model::count_trainable_params() {
  Index n = 0;
  const std::vector<Param*> params = graph_.params();
  const std::vector<bool> mask = graph_.trainable_mask();
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (mask[i]) n += params[i]->size();
  }
  return n;
}

std::vector<Probe> Model::layer_outputs() const {
  std::vector<Probe> out;
  for (std::size_t n = 0; n < graph_.node_count(); ++n) {
    if (graph_.is_input(static_cast<int>(n))) continue;
    out.push_back({graph_.node_name(static_cast<int>(n)), graph_.node_value(static_cast<int>(n))});
  }
  return out;
}

std::vector<GradientNorm> Model::gradient_norms() {
  std::vector<GradientNorm> out;
  const std::vector<std::string> names = weight_names();
  const std::vector<Param*> params = graph_.params();
  for (std::size_t i = 0; i < params.size(); ++i) {
    if (!params[i]->trainable) continue;
    out.push_back({names[i], static_cast<double>(params[i]->grad.norm())});
  }
  return out;
}

}  // namespace nn
