#include <algorithm>

#include "engine/core/base/error.hpp"
#include "engine/core/data/generators.hpp"

namespace nn {

std::vector<std::string> dataset_names() {
  std::vector<std::string> names = {"blobs",         "circle", "gauss",
                                    "linear",        "moons",  "regress_gaussian",
                                    "regress_plane", "spiral", "xor"};
  std::sort(names.begin(), names.end());
  return names;
}

Dataset make_dataset(const std::string& name, Index n, double noise, std::uint64_t seed,
                     Index classes) {
  if (classes < 2) fail("make_dataset: classes must be >= 2, got ", classes);
  if (name == "circle") return make_circle(n, noise, seed);
  if (name == "xor") return make_xor(n, noise, seed);
  if (name == "gauss") return make_gauss(n, noise, seed);
  if (name == "spiral") return make_spiral(n, noise, seed);
  if (name == "regress_plane") return make_regress_plane(n, noise, seed);
  if (name == "regress_gaussian") return make_regress_gaussian(n, noise, seed);
  if (name == "moons") return make_moons(n, noise, seed);
  if (name == "linear") return make_linear(n, noise, seed);
  if (name == "blobs") return make_blobs(n, noise, seed, classes);
  std::string valid;
  for (const std::string& v : dataset_names()) valid += (valid.empty() ? "" : ", ") + v;
  fail("unknown dataset '", name, "'; expected one of: ", valid);
}

}  // namespace nn
