#include "engine/core/base/text.hpp"

#include <cstdio>

namespace nn {

std::string number_text(double value) {
  char buffer[32];
  const int n = std::snprintf(buffer, sizeof buffer, "%g", value);
  return std::string(buffer, n > 0 ? static_cast<std::size_t>(n) : 0);
}

std::string join(const std::vector<std::string>& entries, std::string_view separator) {
  std::string out;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    if (i > 0) out += separator;
    out += entries[i];
  }
  return out;
}

}  // namespace nn
