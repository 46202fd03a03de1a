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

Matrix matrix_from_samples(const nlohmann::json& samples) {
  const Index n = static_cast<Index>(samples.size());
  const Index k = n == 0 ? 0 : static_cast<Index>(samples.at(0).size());
  Matrix m(k, n);
  for (Index j = 0; j < n; ++j) {
    const nlohmann::json& sample = samples.at(static_cast<std::size_t>(j));
    for (Index i = 0; i < k; ++i) m(i, j) = sample.at(static_cast<std::size_t>(i)).get<double>();
  }
  return m;
}

}  // namespace nn::test
