#pragma once
/// Loss: a per-column loss averaged over the columns of a batch (Keras's "sum over batch size"
/// reduction; for sequences every (sample, step) column counts once). Only the loss divides by
/// the number of columns.
#include <memory>
#include <string>
#include <vector>

#include "engine/core/base/scalar.hpp"

namespace nn {

class Loss {
 public:
  virtual ~Loss() = default;
  /// Keras name: "mean_squared_error", ...
  virtual std::string name() const = 0;
  /// Mean loss. y_pred: (k, n). y_true: (k, n), or (1, n) class ids for the sparse loss.
  /// Throws nn::Error naming the loss and both shapes when they do not fit.
  virtual Scalar forward(const Matrix& y_pred, const Matrix& y_true) const = 0;
  /// dL/dy_pred: (k, n), including the 1/n of the mean.
  virtual Matrix backward(const Matrix& y_pred, const Matrix& y_true) const = 0;
  /// Name of the output activation whose pre-activation this loss can take instead
  /// ("softmax" for the cross-entropies, "sigmoid" for binary cross-entropy, "step" for hinge),
  /// or "" when it cannot. Only asked when the loss does not already take logits.
  virtual std::string fuses_with() const { return ""; }
  /// The same loss taking the pre-activation (logits) of fuses_with(): the stable fused path.
  virtual std::unique_ptr<Loss> on_logits() const { return nullptr; }
  virtual std::unique_ptr<Loss> clone() const = 0;
};

/// Options of the parameterised losses; defaults are Keras's.
struct LossOptions {
  bool from_logits = false;      // binary/categorical/sparse cross-entropy
  double label_smoothing = 0.0;  // binary/categorical cross-entropy, in [0, 1]
  double delta = 1.0;            // huber
};

/// Makes a loss by Keras name (aliases "mse", "mae", ... accepted). Throws nn::Error listing the
/// valid names.
std::unique_ptr<Loss> make_loss(const std::string& name, const LossOptions& options = {});

/// Every name make_loss accepts, sorted.
std::vector<std::string> loss_names();

}  // namespace nn
