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

namespace {

/// The length of the longest prefix of `text` of at most `max` bytes that ends on a UTF-8
/// character boundary.
std::size_t utf8_cut(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text.size();
  std::size_t n = max;
  while (n > 0 && (static_cast<unsigned char>(text[n]) & 0xC0) == 0x80) --n;
  return n;
}

}  // namespace

std::string excerpt(const std::string& text, std::size_t max) {
  if (text.size() <= max) return text;
  return text.substr(0, utf8_cut(text, max)) + "...";
}

std::string limit_message(const std::string& message) {
  if (message.size() <= kMaxMessage) return message;
  return message.substr(0, utf8_cut(message, kMaxMessage - 3)) + "...";
}

std::string with_name_list(const std::string& head, const std::vector<std::string>& names) {
  std::string out = head;
  for (std::size_t i = 0; i < names.size(); ++i) {
    const std::string item = (i == 0 ? "" : ", ") + excerpt(names[i], 40);
    // Room for ", ... (99 more)" unless this is the last name.
    const std::size_t tail = i + 1 == names.size() ? 0 : 16;
    if (out.size() + item.size() + tail > kMaxMessage) {
      return out + ", ... (" + std::to_string(names.size() - i) + " more)";
    }
    out += item;
  }
  return out;
}

void fail_unknown_name(const std::string& path, const std::string& family, const std::string& name,
                       const std::vector<std::string>& valid) {
  fail_at(path, with_name_list("unknown " + family + " '" + excerpt(name) + "'; expected one of: ",
                               valid));
}

}  // namespace nn::bridge
