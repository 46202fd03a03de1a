#include "engine/bridge/session_arrays.hpp"

#include "engine/bridge/session.hpp"

namespace nn::bridge {

std::string ArrayBatch::add(const std::string& layer, const std::string& what,
                            std::vector<float> values) {
  std::string name = prefix_ + "/" + layer + "/" + what;
  if (name.size() > kMaxArrayName) {
    fail_at("/out", "array name '" + excerpt(name, 40) + "' would have " +
                        std::to_string(name.size()) + " characters, beyond " +
                        std::to_string(kMaxArrayName) + "; choose a shorter \"out\"");
  }
  pending_.push_back({name, std::move(values)});
  return name;
}

void ArrayBatch::store(SessionState& state) {
  std::size_t total = state.total_floats;  // each name is new or replaces its old array
  for (const Pending& p : pending_) {
    auto it = state.arrays.find(p.name);
    total = total - (it == state.arrays.end() ? 0 : it->second.size()) + p.values.size();
  }
  if (total > kMaxTotalFloats) {
    fail_at("", "cannot store the result: arrays would hold more than " +
                    std::to_string(kMaxTotalFloats) + " values; delete some first");
  }
  for (Pending& p : pending_) {
    const std::string why = state.store_array(p.name, std::move(p.values));
    if (!why.empty()) fail_at("", "cannot store the result: " + why);
  }
}

}  // namespace nn::bridge
