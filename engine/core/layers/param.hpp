#pragma once
/// Param: one named weight tensor of a layer, its gradient and its regularizer.
#include <string>

#include "engine/core/base/scalar.hpp"
#include "engine/core/layers/regularizer.hpp"

namespace nn {

struct Param {
  /// Keras weight name: "kernel", "bias", "gamma", "beta", "moving_mean", "alpha", ...
  std::string name;
  /// Values in engine layout: a Dense kernel is (units, in), Keras's (in, units) transposed.
  Matrix value;
  /// dL/dvalue, same shape; layers accumulate (+=) into it, the model zeroes it per batch.
  Matrix grad;
  /// False for statistics that no optimizer touches (BatchNormalization's moving_mean).
  bool trainable = true;
  /// Penalty added to the loss (kernel_regularizer / bias_regularizer).
  Regularizer regularizer;

  Param() = default;
  Param(std::string param_name, Index rows, Index cols, bool is_trainable = true)
      : name(std::move(param_name)),
        value(Matrix::Zero(rows, cols)),
        grad(Matrix::Zero(rows, cols)),
        trainable(is_trainable) {}

  /// Number of scalars.
  Index size() const { return value.size(); }
};

}  // namespace nn
