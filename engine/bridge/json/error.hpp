#pragma once
/// BridgeError: a bad request, located by a JSON Pointer into it ("/model/layers/2/units").
/// The Session turns it into {"ok": false, "error": {"path": ..., "message": ...}}.
#include <stdexcept>
#include <string>
#include <vector>

namespace nn::bridge {

class BridgeError : public std::runtime_error {
 public:
  BridgeError(std::string path, std::string message)
      : std::runtime_error(path + ": " + message),
        path_(std::move(path)),
        message_(std::move(message)) {}
  const std::string& path() const { return path_; }
  const std::string& message() const { return message_; }

 private:
  std::string path_;
  std::string message_;
};

/// Throws BridgeError(path, message).
[[noreturn]] void fail_at(const std::string& path, const std::string& message);

/// path + "/" + key, with "~" and "/" escaped as JSON Pointer requires.
std::string child_path(const std::string& path, const std::string& key);
/// path + "/" + index.
std::string child_path(const std::string& path, std::size_t index);

/// "unknown <family> 'name'; expected one of: a, b, c".
[[noreturn]] void fail_unknown_name(const std::string& path, const std::string& family,
                                    const std::string& name, const std::vector<std::string>& valid);

}  // namespace nn::bridge
