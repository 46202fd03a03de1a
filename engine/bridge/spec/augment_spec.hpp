#pragma once
/// The "augmentation" object (docs/schema/training.md, fit.augmentation; the Session's augment
/// op): Keras ImageDataGenerator's names plus GaussianNoise's stddev.
#include <string>

#include "engine/bridge/json/reader.hpp"
#include "engine/core/data/augment.hpp"

namespace nn::bridge {

/// Reads an augmentation object at `path`; `image_shape` is required, every range is checked
/// at its own path ("/fit/augmentation/rotation_range").
AugmentOptions parse_augmentation(const json& value, const std::string& path);
/// Canonical JSON, every field written; image_shape is [rows, cols] for one channel.
json augmentation_to_json(const AugmentOptions& options);
/// Throws at `path`/image_shape unless the image holds `features` values, the count `who`
/// (e.g. "the model's input 'x'") takes.
void check_image_size(const AugmentOptions& options, Index features, const std::string& who,
                      const std::string& path);

}  // namespace nn::bridge
