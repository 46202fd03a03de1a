#pragma once
/// Small helpers shared by the Session's op files (internal to engine/bridge).
#include <cstdint>
#include <string>
#include <vector>

#include "engine/bridge/json/reader.hpp"
#include "engine/bridge/keras/tfjs_format.hpp"
#include "engine/core/data/augment.hpp"
#include "engine/core/models/model.hpp"

namespace nn::bridge {

/// A shape as a JSON array of integers.
json shape_json(const Shape& shape);

/// Every value of `ms`, one matrix after the other in storage order, as float32.
std::vector<float> flatten(const std::vector<Matrix>& ms);

/// Throws at `path`/image_shape unless `model` has one input of options.features() values
/// (`path` is the augmentation object's, e.g. "/spec/fit/augmentation").
void check_augmentation(const Model& model, const AugmentOptions& options, const std::string& path);

/// The request's "out" field (an array name or prefix) of 1 to max_length characters.
std::string read_out(ObjectReader& request, const std::string& fallback, std::size_t max_length);

/// A model's weights in Keras terms: one entry per weight (name, Keras shape, offset) and all
/// values in one float32 blob, in get_weights() order (storage order = Keras row-major order).
struct WeightBlob {
  std::vector<WeightEntry> entries;
  std::vector<float> values;
};
WeightBlob weight_blob(Model& model);

/// What a training-mode pass moves besides gradients: BatchNormalization statistics (kept as
/// weights) and Dropout streams. Saved before a pass that must leave the model as it was.
class TrainingPassState {
 public:
  explicit TrainingPassState(Model& model);
  /// Puts the saved weights and random streams back.
  void restore();

 private:
  Model& model_;
  std::vector<Matrix> weights_;
  std::vector<std::vector<std::uint64_t>> streams_;  // per layer, in node order
};

}  // namespace nn::bridge
