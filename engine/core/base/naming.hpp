#pragma once
/// Keras's naming rules shared by models and wrapper layers.
#include <string>

namespace nn {

/// Keras's automatic layer name stem: "Dense" -> "dense", "BatchNormalization" ->
/// "batch_normalization", "PReLU" -> "p_re_lu".
std::string snake_case(const std::string& type);

}  // namespace nn
