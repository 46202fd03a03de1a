#pragma once
/// Checks on user data at the model boundary: finite values and matching sample counts.
#include <string>
#include <vector>

#include "engine/core/base/scalar.hpp"

namespace nn {

/// Throws nn::Error naming `field`, the sample (column) and the value index (row) of the first
/// NaN or Inf in m.
void require_finite(const Matrix& m, const std::string& field);

/// Throws unless every x[i] and y[i] has n columns (samples).
void require_same_samples(const std::vector<Matrix>& x, const std::vector<Matrix>& y, Index n,
                          const std::string& who);

}  // namespace nn
