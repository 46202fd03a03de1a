#include "engine/bridge/json/error.hpp"

namespace nn::bridge {

void fail_at(const std::string& path, const std::string& message) {
  throw BridgeError(path, message);
}

std::string child_path(const std::string& path, const std::string& key) {
  std::string out = path + "/";
  for (char c : key) {
    if (c == '~') {
      out += "~0";
    } else if (c == '/') {
      out += "~1";
    } else {
      out += c;
    }
  }
  return out;
}

std::string child_path(const std::string& path, std::size_t index) {
  return path + "/" + std::to_string(index);
}

void fail_unknown_name(const std::string& path, const std::string& family, const std::string& name,
                       const std::vector<std::string>& valid) {
  std::string list;
  for (const auto& v : valid) list += (list.empty() ? "" : ", ") + v;
  fail_at(path, "unknown " + family + " '" + name + "'; expected one of: " + list);
}

}  // namespace nn::bridge
