#pragma once
/// Message text without iostreams: numbers printed as an ostream prints them by default (%g:
/// six significant digits), strings and characters as they are. The engine's messages are
/// built with these, not std::ostringstream, whose locale machinery would add ~35 KB to the
/// gzipped wasm module.
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace nn {

/// `value` as `std::ostream << value` prints it: "0.1", "1e-07", "inf", "nan".
std::string number_text(double value);

/// The entries joined by `separator`: "a, b, c".
std::string join(const std::vector<std::string>& entries, std::string_view separator = ", ");

namespace detail {

template <typename T>
void append_text(std::string& out, const T& part) {
  if constexpr (std::is_convertible_v<const T&, std::string_view>) {
    out += std::string_view(part);
  } else if constexpr (std::is_same_v<T, char>) {
    out += part;
  } else if constexpr (std::is_same_v<T, bool>) {
    out += part ? '1' : '0';
  } else if constexpr (std::is_integral_v<T>) {
    out += std::to_string(part);
  } else {
    static_assert(std::is_floating_point_v<T>, "a message part must be text or a number");
    out += number_text(static_cast<double>(part));
  }
}

}  // namespace detail

/// The parts one after another, each as an ostream would print it.
template <typename... Parts>
std::string concat(const Parts&... parts) {
  std::string out;
  (detail::append_text(out, parts), ...);
  return out;
}

}  // namespace nn
