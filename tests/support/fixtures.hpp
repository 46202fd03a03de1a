#pragma once
/// Reference fixtures: tests/fixtures/<area>/<name>.json, each made by the script beside it.
#include <string>

#include <nlohmann/json.hpp>

#include "engine/core/base/scalar.hpp"

namespace nn::test {

/// The parsed fixture at tests/fixtures/<relative_path> (parsed once, then cached). Throws
/// std::runtime_error naming the path when it is missing or not JSON.
const nlohmann::json& fixture(const std::string& relative_path);

/// A Keras-layout list of samples [[...], ...] of shape (batch, k) as an engine (k, batch) matrix.
Matrix matrix_from_samples(const nlohmann::json& samples);

}  // namespace nn::test
