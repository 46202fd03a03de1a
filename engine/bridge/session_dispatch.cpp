#include "engine/bridge/session_state.hpp"

namespace nn::bridge {

json SessionState::dispatch(const json& request) {
  ObjectReader reader(request, "");
  const std::string op = reader.required_string("op");
  static const std::vector<std::string> kOps = {"build"};
  fail_unknown_name("/op", "op", op, kOps);
}

}  // namespace nn::bridge
