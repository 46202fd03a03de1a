#pragma once
/// Base64 (RFC 4648, with padding) for the binary parts of saved files: float32 weights and
/// optimizer slots, float64 callback state, uint32 sample orders, all little-endian.
#include <cstdint>
#include <string>
#include <vector>

namespace nn::bridge {

std::string base64_encode(const std::vector<std::uint8_t>& bytes);
/// Decodes `text`; throws BridgeError at `path` for characters outside the alphabet or a
/// length that is not a multiple of 4.
std::vector<std::uint8_t> base64_decode(const std::string& text, const std::string& path);

/// Little-endian packing of value arrays.
std::string encode_floats(const std::vector<float>& values);
std::vector<float> decode_floats(const std::string& text, const std::string& path);
std::string encode_doubles(const std::vector<double>& values);
std::vector<double> decode_doubles(const std::string& text, const std::string& path);

}  // namespace nn::bridge
