#pragma once
/// Checked reading of request JSON: every value's type and range is verified and every failure
/// is a BridgeError at the value's JSON Pointer path, phrased "expected X, got Y".
/// ObjectReader also rejects fields it was not asked about, so typos never pass silently.
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/bridge/json/error.hpp"

namespace nn::bridge {

using json = nlohmann::json;

/// A short rendering of a value for messages: 0, 1.5, "abc" (cut at 40 characters), true, null,
/// an array, an object.
std::string describe(const json& value);

/// A finite number in [lo, hi].
double read_number(const json& value, const std::string& path,
                   double lo = -std::numeric_limits<double>::infinity(),
                   double hi = std::numeric_limits<double>::infinity());
/// A whole number in [lo, hi] ("expected a positive integer, got 0").
std::int64_t read_integer(const json& value, const std::string& path,
                          std::int64_t lo = std::numeric_limits<std::int64_t>::min(),
                          std::int64_t hi = std::numeric_limits<std::int64_t>::max());
bool read_bool(const json& value, const std::string& path);
std::string read_string(const json& value, const std::string& path);
/// Checks that value is an array (of at most max_size entries) and returns it.
const json& read_array(const json& value, const std::string& path,
                       std::size_t max_size = std::numeric_limits<std::size_t>::max());
/// A per-sample shape: a non-empty array of integers in [1, 2^20], at most 8 of them.
std::vector<std::int64_t> read_shape(const json& value, const std::string& path);
/// Checks that value is an object.
const json& read_object(const json& value, const std::string& path);

/// Longest accepted model, input or layer name, in bytes (docs/schema/model.md). Keras has no
/// limit, but names are shown on a page and echoed in answers.
constexpr std::size_t kMaxName = 64;

/// Fails at `path` when `name` is longer than kMaxName ("expected a name of at most 64
/// characters, got 1048576").
void check_name_length(const std::string& name, const std::string& path);

/// Largest accepted size of one shape dimension.
constexpr std::int64_t kMaxDimension = std::int64_t{1} << 20;

/// Reads the fields of one JSON object. A field given as null counts as absent.
class ObjectReader {
 public:
  /// Throws BridgeError unless value is an object.
  ObjectReader(const json& value, std::string path);

  const std::string& path() const { return path_; }
  /// The JSON Pointer of field `key`.
  std::string path_of(const std::string& key) const { return child_path(path_, key); }
  const json& value() const { return value_; }

  /// Present and not null.
  bool has(const std::string& key) const;
  /// The field (marked as read), or nullptr when absent or null.
  const json* find(const std::string& key);
  /// The field (marked as read); "missing required field" when absent.
  const json& require(const std::string& key);

  std::string string(const std::string& key, const std::string& fallback);
  std::string required_string(const std::string& key);
  bool boolean(const std::string& key, bool fallback);
  double number(const std::string& key, double fallback,
                double lo = -std::numeric_limits<double>::infinity(),
                double hi = std::numeric_limits<double>::infinity());
  std::int64_t integer(const std::string& key, std::int64_t fallback,
                       std::int64_t lo = std::numeric_limits<std::int64_t>::min(),
                       std::int64_t hi = std::numeric_limits<std::int64_t>::max());
  std::int64_t required_integer(const std::string& key,
                                std::int64_t lo = std::numeric_limits<std::int64_t>::min(),
                                std::int64_t hi = std::numeric_limits<std::int64_t>::max());
  /// Accepts the field without reading it (Keras keys nnplay has no use for).
  void skip(const std::string& key);

  /// Throws for the first field never read: "unknown field 'unitz'; expected one of: ...".
  /// `known` lists the accepted field names for the message (the ones read so far if empty).
  void finish(const std::vector<std::string>& known = {}) const;

 private:
  const json& value_;
  std::string path_;
  std::vector<std::string> used_;
};

}  // namespace nn::bridge

namespace nn::bridge {

/// Deepest accepted nesting of arrays and objects in a request (docs/schema/session.md, Limits).
constexpr std::size_t kMaxJsonDepth = 64;

/// Parses request text. Malformed JSON is a BridgeError at "" ("malformed JSON: ..."); an array
/// or object nested deeper than max_depth is one at the JSON Pointer of the first container
/// beyond the limit, so no later recursive walk (copy, compare, dump) can exhaust the stack.
json parse_json(const std::string& text, std::size_t max_depth = kMaxJsonDepth);

}  // namespace nn::bridge
