#include "engine/bridge/session.hpp"

#include <exception>
#include <new>

#include "engine/bridge/session_state.hpp"
#include "engine/core/base/error.hpp"

namespace nn::bridge {

namespace {

std::string error_answer(const std::string& path, const std::string& message) {
  json answer = {{"ok", false}, {"error", {{"path", path}, {"message", limit_message(message)}}}};
  // Messages may echo user text that is not valid UTF-8: replace, never throw (P7).
  return answer.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// nlohmann's message without its leading "[json.exception.<kind>.<id>] " tag.
std::string without_json_tag(const std::string& what) {
  const std::size_t close = what.rfind("] ", 40);
  return what.rfind("[json.exception", 0) == 0 && close != std::string::npos
             ? what.substr(close + 2)
             : what;
}

}  // namespace

Session::Session() : state_(std::make_unique<SessionState>()) {}
Session::~Session() = default;

std::string Session::handle(const std::string& request_json) {
  try {
    if (request_json.size() > kMaxRequestBytes) {
      return error_answer("", "request of " + std::to_string(request_json.size()) +
                                  " bytes is beyond the limit of " +
                                  std::to_string(kMaxRequestBytes));
    }
    const json request = parse_json(request_json);
    json answer = state_->dispatch(request);
    answer["ok"] = true;
    return answer.dump(-1, ' ', false, json::error_handler_t::replace);
  } catch (const BridgeError& e) {
    return error_answer(e.path(), e.message());
  } catch (const nn::Error& e) {
    return error_answer("", e.what());
  } catch (const json::exception& e) {
    // A bug in a handler, told without nlohmann's "[json.exception.type_error.302]" tag.
    return error_answer("", "internal error: " + without_json_tag(e.what()));
  } catch (const std::bad_alloc&) {
    return error_answer("", "out of memory: the request needs more memory than is available");
  } catch (const std::exception& e) {
    return error_answer("", std::string("internal error: ") + e.what());
  } catch (...) {
    return error_answer("", "internal error");
  }
}

std::string Session::set_array(const std::string& name, std::vector<float> values) {
  return state_->store_array(name, std::move(values));
}

const std::vector<float>& Session::get_array(const std::string& name) const {
  static const std::vector<float> kEmpty;
  auto it = state_->arrays.find(name);
  return it == state_->arrays.end() ? kEmpty : it->second;
}

bool Session::has_array(const std::string& name) const { return state_->arrays.count(name) != 0; }

void Session::delete_array(const std::string& name) {
  auto it = state_->arrays.find(name);
  if (it == state_->arrays.end()) return;
  state_->total_floats -= it->second.size();
  state_->arrays.erase(it);
}

}  // namespace nn::bridge
