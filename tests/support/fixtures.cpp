#include "support/fixtures.hpp"

#include <fstream>
#include <map>
#include <stdexcept>

namespace nn::test {

const nlohmann::json& fixture(const std::string& relative_path) {
  static std::map<std::string, nlohmann::json> cache;
  auto it = cache.find(relative_path);
  if (it != cache.end()) return it->second;
  const std::string path = std::string(NN_FIXTURE_DIR) + "/" + relative_path;
  std::ifstream in(path);
  if (!in.good()) throw std::runtime_error("fixture not found: " + path);
  return cache.emplace(relative_path, nlohmann::json::parse(in)).first->second;
}

}  // namespace nn::test
