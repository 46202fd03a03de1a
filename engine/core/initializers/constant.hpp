#pragma once
/// Constant initializers: Keras's Zeros, Ones and Constant(value).
/// Reference: keras/src/initializers/constant_initializers.py (Zeros, Ones, Constant).
#include <memory>
#include <string>

#include "engine/core/initializers/initializer.hpp"

namespace nn {

/// Fills every entry of w (any shape) with one value; no random draws.
/// Named "zeros" (value 0), "ones" (value 1) or "constant" (any value, Keras default 0).
class Constant : public Initializer {
 public:
  Constant(std::string keras_name, double value);

  std::string name() const override { return name_; }
  /// w(i, j) = value for every entry; fans and rng are unused.
  void fill(Matrix& w, Index fan_in, Index fan_out, Rng& rng) const override;
  std::unique_ptr<Initializer> clone() const override;
  double value() const { return value_; }

 private:
  std::string name_;
  double value_;
};

}  // namespace nn
