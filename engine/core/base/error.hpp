#pragma once
/// nn::Error: the one exception type the engine throws for bad input or misuse.
/// Messages say what was received and what was expected; the engine never exits or aborts.
#include <sstream>
#include <stdexcept>
#include <string>
#include <utility>

namespace nn {

class Error : public std::runtime_error {
 public:
  explicit Error(const std::string& message) : std::runtime_error(message) {}
};

/// Builds a message from streamable parts and throws nn::Error.
template <typename... Parts>
[[noreturn]] void fail(Parts&&... parts) {
  std::ostringstream out;
  (out << ... << std::forward<Parts>(parts));
  throw Error(out.str());
}

}  // namespace nn
