#pragma once
/// DataSpec: the "data" object (docs/schema/training.md): a built-in dataset generated from a
/// seed (2-D playground sets, logic gates, sequence sets, synthetic images), how its features
/// feed the model inputs and how its labels become the model targets, and the train/validation
/// split. Presets and tests use it; the page may also send its own arrays instead.
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/bridge/json/reader.hpp"
#include "engine/core/data/dataset.hpp"
#include "engine/core/data/sequence_registry.hpp"
#include "engine/core/models/model.hpp"
#include "engine/core/training/model_data.hpp"

namespace nn::bridge {

struct DataSpec {
  std::string name;  // "spiral", "xor", "and", "sine", "adding", "prototypes", ...
  std::int64_t n = 500;
  double noise = 0.0;
  std::uint64_t seed = 0;
  std::int64_t classes = 3;  // blobs, prototypes
  /// Sequence sets: length, period, amplitude, copy_length, symbols, stride. Its n, seed and
  /// noise are not read: make_data passes the fields above.
  SequenceDatasetOptions sequence;
  std::int64_t image_side = 28;  // prototypes: images are side x side
  /// Per model input, the features it receives (2-D sets): "x1", "x2", "x1^2", "x2^2",
  /// "x1*x2", "sin(x1)", "sin(x2)". Empty = every raw feature to the single input.
  std::vector<std::vector<std::string>> inputs;
  /// Per model output, the target encoding: "auto" (fits the output: one-hot for a softmax of
  /// k > 1 units with categorical loss, ids for sparse, values otherwise), "label", "one_hot".
  std::vector<std::string> targets;
  /// Fraction held out as validation data (TF Playground's train/test ratio), in [0, 1).
  double validation_fraction = 0.0;
};

DataSpec parse_data(const json& value, const std::string& path);
/// Canonical JSON (every field written); parse_data(data_to_json(s)) == s.
json data_to_json(const DataSpec& spec);

struct GeneratedData {
  ModelData train;
  std::optional<ModelData> validation;
};

/// Generates the data and shapes it for `model` (compiled: its losses decide target encodings).
/// Throws BridgeError under `path` when the data cannot fit the model's inputs or outputs.
GeneratedData make_data(const DataSpec& spec, Model& model, const std::string& path);

/// Whether the named dataset is made of 2-D points: the playground sets and the logic gates.
bool is_point_dataset(const std::string& name);
/// Whether the named dataset's labels are values (regress_*) rather than class ids.
bool is_regression_dataset(const std::string& name);

/// The samples of the spec's dataset before splitting and encoding: x (features, n), y (1, n)
/// (or per-step targets for the sequence sets). Throws BridgeError at path.
Dataset generate_data(const DataSpec& spec, const std::string& path);
/// (train, validation) split of raw samples by validation_fraction and seed with
/// nn::train_test_split, as make_data does; validation is empty when the fraction is 0.
/// Throws BridgeError at split_path when the split leaves no training samples.
std::pair<Dataset, Dataset> split_data(const DataSpec& spec, const Dataset& data,
                                       const std::string& split_path);
/// Shapes raw parts for `model` (compiled) as make_data does: the spec's input features and
/// target encodings; no validation when `validation` is empty. Errors under path.
GeneratedData encode_data(const DataSpec& spec, const Dataset& train, const Dataset& validation,
                          Model& model, const std::string& path);

/// Names of the features a 2-D input can be mapped to, in TF Playground's order.
const std::vector<std::string>& feature_names();
/// The feature values for points (x1, x2): x is (2, n), returns (features.size(), n).
/// Throws BridgeError at path + "/<i>" for an unknown feature name.
Matrix compute_features(const Matrix& x, const std::vector<std::string>& features,
                        const std::string& path);

}  // namespace nn::bridge
