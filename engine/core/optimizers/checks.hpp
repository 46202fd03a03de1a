#pragma once
/// Range checks shared by the optimizer constructors; each throws nn::Error naming the
/// optimizer and the option, e.g. "adam: beta_1 must be in [0, 1), got 1".
#include <cmath>
#include <string>

#include "engine/core/base/error.hpp"

namespace nn::detail {

/// value in [0, 1) (momentum, rho, beta_1, beta_2).
inline void check_unit_interval(const std::string& who, const char* option, double value) {
  if (!(value >= 0.0 && value < 1.0)) fail(who, ": ", option, " must be in [0, 1), got ", value);
}

/// value > 0 and finite (epsilon).
inline void check_positive(const std::string& who, const char* option, double value) {
  if (!(value > 0.0) || !std::isfinite(value)) {
    fail(who, ": ", option, " must be a positive finite number, got ", value);
  }
}

/// value >= 0 and finite (initial_accumulator_value).
inline void check_non_negative(const std::string& who, const char* option, double value) {
  if (!(value >= 0.0) || !std::isfinite(value)) {
    fail(who, ": ", option, " must be a finite number >= 0, got ", value);
  }
}

}  // namespace nn::detail
