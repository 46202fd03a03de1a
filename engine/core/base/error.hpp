#pragma once
/// nn::Error: the one exception type the engine throws for bad input or misuse.
/// Messages say what was received and what was expected; the engine never exits or aborts.
#include <stdexcept>
#include <string>
#include <utility>

#include "engine/core/base/text.hpp"

namespace nn {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

/// Builds a message from its parts (text and numbers, see concat) and throws nn::Error.
template <typename... Parts>
[[noreturn]] void fail(const Parts&... parts) {
  throw Error(concat(parts...));
}

}  // namespace nn
