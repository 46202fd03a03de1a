#include "engine/core/base/naming.hpp"

#include <cctype>

namespace nn {

std::string snake_case(const std::string& type) {
  std::string out;
  for (std::size_t i = 0; i < type.size(); ++i) {
    const char c = type[i];
    if (std::isupper(static_cast<unsigned char>(c))) {
      // Keras: insert "_" before an upper-case letter that follows a lower-case one, or that
      // starts a new word after an acronym ("PReLU" -> "p_re_lu").
      const bool after_lower = i > 0 && std::islower(static_cast<unsigned char>(type[i - 1]));
      const bool before_lower =
          i + 1 < type.size() && std::islower(static_cast<unsigned char>(type[i + 1])) && i > 0;
      if (after_lower || before_lower) out += '_';
      out += static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    } else {
      out += c;
    }
  }
  return out;
}

}  // namespace nn
