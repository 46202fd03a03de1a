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

/// Longest message an answer carries (docs/schema/session.md, Errors): longer ones are cut.
constexpr std::size_t kMaxMessage = 200;

/// `text` cut to at most `max` bytes (at a UTF-8 character boundary) with "..." added when cut:
/// how user strings are echoed in messages.
std::string excerpt(const std::string& text, std::size_t max = 24);

/// `message` cut to kMaxMessage bytes (at a UTF-8 character boundary, ending in "...").
std::string limit_message(const std::string& message);

/// `head` + the names joined by ", ", as many as fit in kMaxMessage (then ", ... (3 more)"):
/// lists of valid names in messages.
std::string with_name_list(const std::string& head, const std::vector<std::string>& names);

/// "unknown <family> 'name'; expected one of: a, b, c" (the name cut to an excerpt).
[[noreturn]] void fail_unknown_name(const std::string& path, const std::string& family,
                                    const std::string& name, const std::vector<std::string>& valid);

}  // namespace nn::bridge
