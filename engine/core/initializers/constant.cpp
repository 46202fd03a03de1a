#include "engine/core/initializers/constant.hpp"

#include <cmath>
#include <utility>

#include "engine/core/base/error.hpp"

namespace nn {

Constant::Constant(std::string keras_name, double value)
    : name_(std::move(keras_name)), value_(value) {
  if (!std::isfinite(value_)) fail(name_, ": value must be finite, got ", value_);
}

void Constant::fill(Matrix& w, Index /*fan_in*/, Index /*fan_out*/, Rng& /*rng*/) const {
  w.setConstant(static_cast<Scalar>(value_));
}

std::unique_ptr<Initializer> Constant::clone() const { return std::make_unique<Constant>(*this); }

}  // namespace nn
