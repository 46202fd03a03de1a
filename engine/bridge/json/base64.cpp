#include "engine/bridge/json/base64.hpp"

#include <cstring>

#include "engine/bridge/json/error.hpp"

namespace nn::bridge {

namespace {

constexpr char kAlphabet[] = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

int sextet(char c) {
  if (c >= 'A' && c <= 'Z') return c - 'A';
  if (c >= 'a' && c <= 'z') return c - 'a' + 26;
  if (c >= '0' && c <= '9') return c - '0' + 52;
  if (c == '+') return 62;
  if (c == '/') return 63;
  return -1;
}

/// Bytes of `values` in little-endian order (wasm and x86 are little-endian; others swap).
template <typename T>
std::vector<std::uint8_t> to_bytes(const std::vector<T>& values) {
  std::vector<std::uint8_t> bytes(values.size() * sizeof(T));
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::uint8_t raw[sizeof(T)];
    std::memcpy(raw, &values[i], sizeof(T));
    for (std::size_t b = 0; b < sizeof(T); ++b) {
      const std::uint16_t probe = 1;
      const bool little = *reinterpret_cast<const std::uint8_t*>(&probe) == 1;
      bytes[i * sizeof(T) + b] = raw[little ? b : sizeof(T) - 1 - b];
    }
  }
  return bytes;
}

template <typename T>
std::vector<T> from_bytes(const std::vector<std::uint8_t>& bytes, const std::string& path) {
  if (bytes.size() % sizeof(T) != 0) {
    fail_at(path, "expected a whole number of " + std::to_string(sizeof(T)) + "-byte values, got " +
                      std::to_string(bytes.size()) + " bytes");
  }
  std::vector<T> values(bytes.size() / sizeof(T));
  const std::uint16_t probe = 1;
  const bool little = *reinterpret_cast<const std::uint8_t*>(&probe) == 1;
  for (std::size_t i = 0; i < values.size(); ++i) {
    std::uint8_t raw[sizeof(T)];
    for (std::size_t b = 0; b < sizeof(T); ++b) {
      raw[little ? b : sizeof(T) - 1 - b] = bytes[i * sizeof(T) + b];
    }
    std::memcpy(&values[i], raw, sizeof(T));
  }
  return values;
}

}  // namespace

std::string base64_encode(const std::vector<std::uint8_t>& bytes) {
  std::string out;
  out.reserve((bytes.size() + 2) / 3 * 4);
  for (std::size_t i = 0; i < bytes.size(); i += 3) {
    const std::uint32_t b0 = bytes[i];
    const std::uint32_t b1 = i + 1 < bytes.size() ? bytes[i + 1] : 0u;
    const std::uint32_t b2 = i + 2 < bytes.size() ? bytes[i + 2] : 0u;
    const std::uint32_t v = (b0 << 16) | (b1 << 8) | b2;
    out += kAlphabet[(v >> 18) & 63u];
    out += kAlphabet[(v >> 12) & 63u];
    out += i + 1 < bytes.size() ? kAlphabet[(v >> 6) & 63u] : '=';
    out += i + 2 < bytes.size() ? kAlphabet[v & 63u] : '=';
  }
  return out;
}

std::vector<std::uint8_t> base64_decode(const std::string& text, const std::string& path) {
  if (text.size() % 4 != 0) {
    fail_at(path, "expected base64 text (length a multiple of 4), got length " +
                      std::to_string(text.size()));
  }
  std::vector<std::uint8_t> out;
  out.reserve(text.size() / 4 * 3);
  for (std::size_t i = 0; i < text.size(); i += 4) {
    int v[4];
    int pad = 0;
    for (int k = 0; k < 4; ++k) {
      const char c = text[i + static_cast<std::size_t>(k)];
      const bool last_block = i + 4 == text.size();
      if (c == '=' && last_block && k >= 2 && (k == 3 || text[i + 3] == '=')) {
        v[k] = 0;
        ++pad;
      } else {
        v[k] = sextet(c);
        if (v[k] < 0 || pad > 0) {
          fail_at(path, "expected base64 text, found an invalid character at offset " +
                            std::to_string(i + static_cast<std::size_t>(k)));
        }
      }
    }
    const auto bits = static_cast<std::uint32_t>((v[0] << 18) | (v[1] << 12) | (v[2] << 6) | v[3]);
    out.push_back(static_cast<std::uint8_t>(bits >> 16));
    if (pad < 2) out.push_back(static_cast<std::uint8_t>((bits >> 8) & 255u));
    if (pad < 1) out.push_back(static_cast<std::uint8_t>(bits & 255u));
  }
  return out;
}

std::string encode_floats(const std::vector<float>& values) {
  return base64_encode(to_bytes(values));
}

std::vector<float> decode_floats(const std::string& text, const std::string& path) {
  return from_bytes<float>(base64_decode(text, path), path);
}

std::string encode_doubles(const std::vector<double>& values) {
  return base64_encode(to_bytes(values));
}

std::vector<double> decode_doubles(const std::string& text, const std::string& path) {
  return from_bytes<double>(base64_decode(text, path), path);
}

}  // namespace nn::bridge
