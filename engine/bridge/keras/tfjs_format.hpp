#pragma once
/// The TF.js Layers model format: model.json = {format: "layers-model", generatedBy,
/// convertedBy, modelTopology: <Keras to_json object>, weightsManifest: [{paths, weights:
/// [{name, shape, dtype: "float32"}]}]} plus one little-endian float32 blob in manifest order.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/bridge/json/reader.hpp"
#include "engine/core/base/scalar.hpp"

namespace nn::bridge {

/// One weight of a model in Keras terms: "dense/kernel", Keras shape [in, units], and where its
/// values start in the flat float32 blob.
struct WeightEntry {
  std::string name;
  std::vector<std::int64_t> shape;
  std::int64_t offset = 0;  // in floats
};

/// Keras's shape of an engine weight, from its name and engine matrix: kernels,
/// recurrent_kernels and embeddings (rows, cols) are Keras [cols, rows] (same bytes); a GRU
/// bias with reset_after (3u, 2) is [2, 3u]; other (n, 1) weights are [n].
std::vector<std::int64_t> keras_weight_shape(const std::string& name, const Matrix& value);

/// model.json for a topology (a Keras to_json object) and its weights, weights file name
/// "model.weights.bin".
json tfjs_model_json(const json& keras_topology, const std::vector<WeightEntry>& weights);

/// Reads a model.json found at `path`: its topology and its manifest (float32 only; one or
/// more groups, concatenated in order). Throws BridgeError at the offending field.
struct TfjsModel {
  json topology;
  std::vector<WeightEntry> weights;
  std::int64_t total_floats = 0;
};
TfjsModel parse_tfjs_model_json(const json& model_json, const std::string& path);

}  // namespace nn::bridge
