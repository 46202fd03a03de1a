#pragma once
/// Session: the whole engine as seen from outside (docs/schema/session.md). The wasm module
/// binds this class and nothing else; the native tests and the fuzzer drive it the same way.
///
/// Control goes through handle(): one JSON request in, one JSON answer out, never an exception.
/// Data and large results go through named float32 arrays (set_array / get_array), never as
/// JSON number lists. A failed request leaves the session exactly as it was.
#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace nn::bridge {

class SessionState;

class Session {
 public:
  Session();
  ~Session();
  Session(const Session&) = delete;
  Session& operator=(const Session&) = delete;

  /// Runs one request {"op": ..., ...}; returns {"ok": true, ...} or
  /// {"ok": false, "error": {"path": ..., "message": ...}}. Never throws.
  std::string handle(const std::string& request_json);

  /// Stores `values` under `name` (replacing an array of that name). Returns "" or an error
  /// message (name too long, array or total beyond the documented limits).
  std::string set_array(const std::string& name, std::vector<float> values);
  /// The array called `name`, or an empty one.
  const std::vector<float>& get_array(const std::string& name) const;
  bool has_array(const std::string& name) const;
  void delete_array(const std::string& name);

 private:
  std::unique_ptr<SessionState> state_;
};

/// Largest accepted array, all arrays together, and array name length.
constexpr std::size_t kMaxArrayFloats = std::size_t{1} << 26;
constexpr std::size_t kMaxTotalFloats = std::size_t{1} << 28;
constexpr std::size_t kMaxArrayName = 64;
/// Largest accepted request text.
constexpr std::size_t kMaxRequestBytes = std::size_t{64} << 20;

}  // namespace nn::bridge
