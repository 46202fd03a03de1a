// Model::trace_gradients: one training-mode backward pass with every intermediate gradient kept.
#include "engine/core/activations/activation.hpp"
#include "engine/core/base/error.hpp"
#include "engine/core/models/model.hpp"

namespace nn {

BackwardTrace Model::trace_gradients(const std::vector<Matrix>& x, const std::vector<Matrix>& y) {
  // A look at the gradients must not change what train reports, so the divergence state stays.
  const std::string reason = divergence_reason_;
  BackwardTrace trace;
  graph_.record_input_gradients(true);
  try {
    trace.logs = compute_gradients(x, y);
  } catch (...) {
    graph_.record_input_gradients(false);
    divergence_reason_ = reason;
    throw;
  }
  const bool finite = !diverged();
  divergence_reason_ = reason;
  if (!finite) {
    graph_.record_input_gradients(false);
    fail("the loss is ", trace.logs["loss"], ", so there are no gradients to show");
  }
  const std::size_t count = graph_.node_count();
  trace.d_values.resize(count);
  trace.d_pre_activations.resize(count);
  trace.d_inputs.resize(count);
  for (std::size_t n = 0; n < count; ++n) {
    trace.d_values[n] = graph_.node_gradient(static_cast<int>(n));
    trace.d_inputs[n] = graph_.layer_input_gradients(static_cast<int>(n));
  }
  graph_.record_input_gradients(false);

  // A fused output holds dL/dz in the graph; its dL/d(output) comes from the loss as compiled.
  const std::vector<Matrix> targets = targets_to_layout(y, x[0].cols());
  for (std::size_t i = 0; i < outputs_.size(); ++i) {
    const OutputSpec& spec = outputs_[i];
    if (!spec.fused_loss) continue;
    const auto o = static_cast<std::size_t>(graph_.output_nodes()[i]);
    trace.d_pre_activations[o] = std::move(trace.d_values[o]);
    // dL/d(out_i) = weight_i * dLoss_i/d(out_i)
    trace.d_values[o] = spec.loss->backward(graph_.node_value(static_cast<int>(o)), targets[i]);
    if (spec.weight != 1.0) trace.d_values[o] *= static_cast<Scalar>(spec.weight);
  }
  // Everywhere else dL/dz = dL/da .* f'(z), the step the layer took inside its own backward.
  for (std::size_t n = 0; n < count; ++n) {
    const Layer* layer = graph_.layer(static_cast<int>(n));
    if (layer == nullptr || trace.d_pre_activations[n].size() != 0) continue;
    const Activation* act = layer->output_activation();
    if (act == nullptr || act->name() == "linear" || trace.d_values[n].size() == 0) continue;
    act->backward(layer->pre_activation(), graph_.node_value(static_cast<int>(n)),
                  trace.d_values[n], trace.d_pre_activations[n]);
  }
  return trace;
}

}  // namespace nn
