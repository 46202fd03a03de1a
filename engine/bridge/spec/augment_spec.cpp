// The "augmentation" object: image shape, Keras ImageDataGenerator ranges, noise and fill mode.
#include "engine/bridge/spec/augment_spec.hpp"

#include <algorithm>
#include <limits>

namespace nn::bridge {
namespace {

const std::vector<std::string>& fill_mode_names() {
  static const std::vector<std::string> names = {"nearest", "constant", "reflect", "wrap"};
  return names;
}

/// "[28, 28]" or "[28, 28, 3]".
std::string shape_text(const AugmentOptions& o) {
  std::string text = "[" + std::to_string(o.rows) + ", " + std::to_string(o.cols);
  if (o.channels != 1) text += ", " + std::to_string(o.channels);
  return text + "]";
}

}  // namespace

AugmentOptions parse_augmentation(const json& value, const std::string& path) {
  ObjectReader r(value, path);
  AugmentOptions o;
  const json& shape = r.require("image_shape");
  const std::string shape_path = r.path_of("image_shape");
  if (!shape.is_array() || shape.size() < 2 || shape.size() > 3) {
    fail_at(shape_path, "expected [rows, cols] or [rows, cols, channels], got " + describe(shape));
  }
  const std::int64_t rows = read_integer(shape[0], child_path(shape_path, 0), 1, kMaxDimension);
  const std::int64_t cols = read_integer(shape[1], child_path(shape_path, 1), 1, kMaxDimension);
  const std::int64_t channels =
      shape.size() == 3 ? read_integer(shape[2], child_path(shape_path, 2), 1, 64) : 1;
  if (rows * cols * channels > (std::int64_t{1} << 26)) {  // at most 2^46: no overflow
    fail_at(shape_path, "an image of " + describe(shape) + " is beyond the limit of 2^26 values");
  }
  o.rows = static_cast<Index>(rows);
  o.cols = static_cast<Index>(cols);
  o.channels = static_cast<Index>(channels);
  o.rotation_range = r.number("rotation_range", 0.0, 0.0, 180.0);
  o.width_shift_range = r.number("width_shift_range", 0.0, 0.0, 1.0);
  o.height_shift_range = r.number("height_shift_range", 0.0, 0.0, 1.0);
  if (const json* z = r.find("zoom_range")) {
    o.zoom_range = read_number(*z, r.path_of("zoom_range"));
    if (!(o.zoom_range >= 0.0 && o.zoom_range < 1.0)) {
      fail_at(r.path_of("zoom_range"), "expected a number in [0, 1), got " + describe(*z));
    }
  }
  o.horizontal_flip = r.boolean("horizontal_flip", false);
  o.vertical_flip = r.boolean("vertical_flip", false);
  o.noise_stddev = r.number("noise_stddev", 0.0, 0.0, 10.0);
  const std::string mode = r.string("fill_mode", "nearest");
  const auto& modes = fill_mode_names();
  const auto it = std::find(modes.begin(), modes.end(), mode);
  if (it == modes.end()) fail_unknown_name(r.path_of("fill_mode"), "fill_mode", mode, modes);
  o.fill_mode = static_cast<FillMode>(it - modes.begin());
  const auto float_max = static_cast<double>(std::numeric_limits<float>::max());
  o.cval = r.number("cval", 0.0, -float_max, float_max);
  r.finish({"image_shape", "rotation_range", "width_shift_range", "height_shift_range",
            "zoom_range", "horizontal_flip", "vertical_flip", "noise_stddev", "fill_mode", "cval"});
  return o;
}

json augmentation_to_json(const AugmentOptions& o) {
  json shape = {o.rows, o.cols};
  if (o.channels != 1) shape.push_back(o.channels);
  // Field by field rather than one initializer list: a few hundred bytes less in the module.
  json out = json::object();
  out["image_shape"] = shape;
  out["rotation_range"] = o.rotation_range;
  out["width_shift_range"] = o.width_shift_range;
  out["height_shift_range"] = o.height_shift_range;
  out["zoom_range"] = o.zoom_range;
  out["horizontal_flip"] = o.horizontal_flip;
  out["vertical_flip"] = o.vertical_flip;
  out["noise_stddev"] = o.noise_stddev;
  out["fill_mode"] = fill_mode_names()[static_cast<std::size_t>(o.fill_mode)];
  out["cval"] = o.cval;
  return out;
}

void check_image_size(const AugmentOptions& o, Index features, const std::string& who,
                      const std::string& path) {
  if (o.features() == features) return;
  fail_at(child_path(path, "image_shape"), "an image of " + shape_text(o) + " holds " +
                                               std::to_string(o.features()) + " values, " + who +
                                               " takes " + std::to_string(features));
}

}  // namespace nn::bridge
