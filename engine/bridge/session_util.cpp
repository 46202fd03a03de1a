#include "engine/bridge/session_util.hpp"

#include "engine/bridge/spec/augment_spec.hpp"

namespace nn::bridge {

json shape_json(const Shape& shape) {
  json out = json::array();
  for (Index d : shape) out.push_back(d);
  return out;
}

std::vector<float> flatten(const std::vector<Matrix>& ms) {
  std::vector<float> v;
  for (const Matrix& m : ms) {
    for (Index k = 0; k < m.size(); ++k) v.push_back(static_cast<float>(m.data()[k]));
  }
  return v;
}

void check_augmentation(const Model& model, const AugmentOptions& options,
                        const std::string& path) {
  const Graph& g = model.graph();
  if (g.input_nodes().size() != 1) {
    fail_at(child_path(path, "image_shape"),
            "augmentation needs a model with one input, this one has " +
                std::to_string(g.input_nodes().size()));
  }
  const int input = g.input_nodes()[0];
  check_image_size(options, shape_size(g.node_shape(input)),
                   "the model's input '" + g.node_name(input) + "'", path);
}

std::string read_out(ObjectReader& request, const std::string& fallback, std::size_t max_length) {
  const std::string out = request.string("out", fallback);
  if (out.empty() || out.size() > max_length) {
    fail_at(request.path_of("out"),
            "expected an array name of 1 to " + std::to_string(max_length) + " characters");
  }
  return out;
}

WeightBlob weight_blob(Model& model) {
  const std::vector<Matrix> weights = model.get_weights();
  const std::vector<std::string> names = model.weight_names();
  WeightBlob blob;
  std::int64_t offset = 0;
  for (std::size_t i = 0; i < weights.size(); ++i) {
    blob.entries.push_back({names[i], keras_weight_shape(names[i], weights[i]), offset});
    offset += weights[i].size();
  }
  blob.values = flatten(weights);
  return blob;
}

TrainingPassState::TrainingPassState(Model& model) : model_(model), weights_(model.get_weights()) {
  const Graph& g = model.graph();
  for (std::size_t n = 0; n < g.node_count(); ++n) {
    if (const Layer* l = g.layer(static_cast<int>(n))) streams_.push_back(l->random_state());
  }
}

void TrainingPassState::restore() {
  model_.set_weights(weights_);
  Graph& g = model_.graph();
  std::size_t k = 0;
  for (std::size_t n = 0; n < g.node_count(); ++n) {
    if (Layer* l = g.layer(static_cast<int>(n))) l->set_random_state(streams_[k++]);
  }
}

}  // namespace nn::bridge
