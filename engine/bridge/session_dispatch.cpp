#include "engine/bridge/session_state.hpp"

namespace nn::bridge {

json SessionState::dispatch(const json& request) {
  ObjectReader reader(request, "");
  const std::string op = reader.required_string("op");
  using Handler = json (SessionState::*)(ObjectReader&);
  static const std::vector<std::pair<std::string, Handler>> kOps = {
      {"build", &SessionState::op_build},
      {"set_data", &SessionState::op_set_data},
      {"data", &SessionState::op_data},
      {"points", &SessionState::op_points},
      {"train", &SessionState::op_train},
      {"evaluate", &SessionState::op_evaluate},
      {"predict", &SessionState::op_predict},
      {"grid", &SessionState::op_grid},
      {"probes", &SessionState::op_probes},
      {"backprop", &SessionState::op_backprop},
      {"gradients", &SessionState::op_gradients},
      {"forward", &SessionState::op_forward},
      {"get_weights", &SessionState::op_get_weights},
      {"set_weights", &SessionState::op_set_weights},
      {"summary", &SessionState::op_summary},
      {"reset", &SessionState::op_reset},
      {"tune", &SessionState::op_tune},
      {"augment", &SessionState::op_augment},
      {"surface", &SessionState::op_surface},
      {"save", &SessionState::op_save},
      {"load", &SessionState::op_load},
      {"export", &SessionState::op_export},
      {"import", &SessionState::op_import},
  };
  for (const auto& [name, handler] : kOps) {
    if (name != op) continue;
    // Each handler reads its fields, calls reader.finish() (unknown fields are errors), and
    // only then changes the session.
    return (this->*handler)(reader);
  }
  std::vector<std::string> names;
  for (const auto& entry : kOps) names.push_back(entry.first);
  fail_unknown_name("/op", "op", op, names);
}

}  // namespace nn::bridge
