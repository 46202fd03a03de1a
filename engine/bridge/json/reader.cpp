#include "engine/bridge/json/reader.hpp"

#include <algorithm>
#include <cmath>

namespace nn::bridge {

std::string describe(const json& value) {
  switch (value.type()) {
    case json::value_t::null:
      return "null";
    case json::value_t::object:
      return "an object";
    case json::value_t::array:
      return "an array";
    case json::value_t::string: {
      const auto& s = value.get_ref<const std::string&>();
      return json(excerpt(s, 40)).dump(-1, ' ', false, json::error_handler_t::replace);
    }
    default:
      return value.dump(-1, ' ', false, json::error_handler_t::replace);
  }
}

double read_number(const json& value, const std::string& path, double lo, double hi) {
  if (!value.is_number()) fail_at(path, "expected a number, got " + describe(value));
  const double x = value.get<double>();
  if (!std::isfinite(x)) fail_at(path, "expected a finite number, got " + describe(value));
  if (x < lo || x > hi) {
    std::string range = "a number";
    if (std::isfinite(lo) && std::isfinite(hi)) {
      range += " in [" + json(lo).dump() + ", " + json(hi).dump() + "]";
    } else if (std::isfinite(lo)) {
      range += " >= " + json(lo).dump();
    } else {
      range += " <= " + json(hi).dump();
    }
    fail_at(path, "expected " + range + ", got " + describe(value));
  }
  return x;
}

namespace {

std::string integer_range(std::int64_t lo, std::int64_t hi) {
  constexpr auto kMin = std::numeric_limits<std::int64_t>::min();
  constexpr auto kMax = std::numeric_limits<std::int64_t>::max();
  if (lo == 1 && hi == kMax) return "a positive integer";
  if (lo == 0 && hi == kMax) return "a non-negative integer";
  if (lo == kMin && hi == kMax) return "an integer";
  if (hi == kMax) return "an integer >= " + std::to_string(lo);
  if (lo == kMin) return "an integer <= " + std::to_string(hi);
  if (lo == 1) return "a positive integer <= " + std::to_string(hi);
  return "an integer in [" + std::to_string(lo) + ", " + std::to_string(hi) + "]";
}

}  // namespace

std::int64_t read_integer(const json& value, const std::string& path, std::int64_t lo,
                          std::int64_t hi) {
  const std::string expected = "expected " + integer_range(lo, hi) + ", got ";
  std::int64_t x = 0;
  if (value.is_number_integer()) {
    if (value.is_number_unsigned() &&
        value.get<std::uint64_t>() >
            static_cast<std::uint64_t>(std::numeric_limits<std::int64_t>::max())) {
      fail_at(path, expected + describe(value));
    }
    x = value.get<std::int64_t>();
  } else if (value.is_number_float()) {
    const double d = value.get<double>();
    // Whole floats (3.0) are accepted; 2^63 and beyond, fractions, inf are not.
    if (!std::isfinite(d) || std::floor(d) != d || std::fabs(d) >= 9.2e18) {
      fail_at(path, expected + describe(value));
    }
    x = static_cast<std::int64_t>(d);
  } else {
    fail_at(path, expected + describe(value));
  }
  if (x >= lo && x <= hi) return x;
  // Below the range, a large upper bound (a size limit) is noise: "a positive integer".
  if (x < lo && hi >= 1000000) {
    fail_at(path, "expected " + integer_range(lo, std::numeric_limits<std::int64_t>::max()) +
                      ", got " + describe(value));
  }
  fail_at(path, expected + describe(value));
}

void check_name_length(const std::string& name, const std::string& path) {
  if (name.size() <= kMaxName) return;
  fail_at(path, "expected a name of at most " + std::to_string(kMaxName) + " characters, got " +
                    std::to_string(name.size()) + " ('" + excerpt(name) + "')");
}

bool read_bool(const json& value, const std::string& path) {
  if (!value.is_boolean()) fail_at(path, "expected true or false, got " + describe(value));
  return value.get<bool>();
}

std::string read_string(const json& value, const std::string& path) {
  if (!value.is_string()) fail_at(path, "expected a string, got " + describe(value));
  return value.get<std::string>();
}

const json& read_array(const json& value, const std::string& path, std::size_t max_size) {
  if (!value.is_array()) fail_at(path, "expected an array, got " + describe(value));
  if (value.size() > max_size) {
    fail_at(path, "expected at most " + std::to_string(max_size) + " entries, got " +
                      std::to_string(value.size()));
  }
  return value;
}

const json& read_object(const json& value, const std::string& path) {
  if (!value.is_object()) fail_at(path, "expected an object, got " + describe(value));
  return value;
}

std::vector<std::int64_t> read_shape(const json& value, const std::string& path) {
  read_array(value, path, 8);
  if (value.empty()) fail_at(path, "expected a non-empty shape such as [2], got []");
  std::vector<std::int64_t> shape;
  for (std::size_t i = 0; i < value.size(); ++i) {
    shape.push_back(read_integer(value[i], child_path(path, i), 1, kMaxDimension));
  }
  return shape;
}

ObjectReader::ObjectReader(const json& value, std::string path)
    : value_(read_object(value, path)), path_(std::move(path)) {}

bool ObjectReader::has(const std::string& key) const {
  auto it = value_.find(key);
  return it != value_.end() && !it->is_null();
}

const json* ObjectReader::find(const std::string& key) {
  if (std::find(used_.begin(), used_.end(), key) == used_.end()) used_.push_back(key);
  auto it = value_.find(key);
  if (it == value_.end() || it->is_null()) return nullptr;
  return &*it;
}

const json& ObjectReader::require(const std::string& key) {
  const json* v = find(key);
  if (v == nullptr) fail_at(path_of(key), "missing required field '" + key + "'");
  return *v;
}

std::string ObjectReader::string(const std::string& key, const std::string& fallback) {
  const json* v = find(key);
  return v == nullptr ? fallback : read_string(*v, path_of(key));
}

std::string ObjectReader::required_string(const std::string& key) {
  return read_string(require(key), path_of(key));
}

bool ObjectReader::boolean(const std::string& key, bool fallback) {
  const json* v = find(key);
  return v == nullptr ? fallback : read_bool(*v, path_of(key));
}

double ObjectReader::number(const std::string& key, double fallback, double lo, double hi) {
  const json* v = find(key);
  return v == nullptr ? fallback : read_number(*v, path_of(key), lo, hi);
}

std::int64_t ObjectReader::integer(const std::string& key, std::int64_t fallback, std::int64_t lo,
                                   std::int64_t hi) {
  const json* v = find(key);
  return v == nullptr ? fallback : read_integer(*v, path_of(key), lo, hi);
}

std::int64_t ObjectReader::required_integer(const std::string& key, std::int64_t lo,
                                            std::int64_t hi) {
  return read_integer(require(key), path_of(key), lo, hi);
}

void ObjectReader::skip(const std::string& key) { (void)find(key); }

void ObjectReader::finish(const std::vector<std::string>& known) const {
  for (auto it = value_.begin(); it != value_.end(); ++it) {
    if (std::find(used_.begin(), used_.end(), it.key()) != used_.end()) continue;
    const auto& names = known.empty() ? used_ : known;
    fail_at(path_of(it.key()),
            with_name_list("unknown field '" + excerpt(it.key()) + "'; expected one of: ", names));
  }
}

}  // namespace nn::bridge
