// Session op augment: augmented copies of images in an array, as training would make them
// (the page's preview grid). Needs no model.
#include "engine/bridge/session.hpp"
#include "engine/bridge/session_state.hpp"
#include "engine/bridge/session_util.hpp"
#include "engine/bridge/spec/augment_spec.hpp"

namespace nn::bridge {

json SessionState::op_augment(ObjectReader& request) {
  const std::string name = request.required_string("x");
  const AugmentOptions options =
      parse_augmentation(request.require("augmentation"), "/augmentation");
  const auto seed = static_cast<std::uint64_t>(request.integer("seed", 0, 0));
  const std::string out = read_out(request, "augmented", kMaxArrayName);
  request.finish({"op", "x", "augmentation", "seed", "out"});
  const auto it = arrays.find(name);
  if (it == arrays.end()) fail_at("/x", "no array named '" + excerpt(name) + "'");
  const std::vector<float>& values = it->second;
  const auto features = static_cast<std::size_t>(options.features());
  if (values.empty() || values.size() % features != 0) {
    fail_at("/x", "array '" + excerpt(name) + "' holds " + std::to_string(values.size()) +
                      " values, not a whole number of images of " + std::to_string(features) +
                      " values (image_shape)");
  }
  // (features, n): one image per column, row-major inside it as the array holds it.
  const auto n = static_cast<Index>(values.size() / features);
  Matrix x(options.features(), n);
  for (Index k = 0; k < x.size(); ++k) x.data()[k] = values[static_cast<std::size_t>(k)];
  augment_images(x, options, seed);
  std::vector<float> result(values.size());
  for (Index k = 0; k < x.size(); ++k) result[static_cast<std::size_t>(k)] = x.data()[k];
  json shape = {n, options.rows, options.cols};
  if (options.channels != 1) shape.push_back(options.channels);
  return {{"arrays", json::array({put_array(out, std::move(result), shape)})}, {"samples", n}};
}

}  // namespace nn::bridge
