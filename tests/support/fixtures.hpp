#pragma once
/// Reference fixtures: tests/fixtures/<area>/<name>.json, each made by the script beside it.
#include <string>

#include <nlohmann/json.hpp>

namespace nn::test {

/// The parsed fixture at tests/fixtures/<relative_path> (parsed once, then cached). Throws
/// std::runtime_error naming the path when it is missing or not JSON.
const nlohmann::json& fixture(const std::string& relative_path);

}  // namespace nn::test
