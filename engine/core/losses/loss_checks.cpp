#include "engine/core/losses/loss_checks.hpp"
#include "engine/core/base/text.hpp"

#include <cmath>

#include "engine/core/base/error.hpp"

namespace nn::detail {

std::string shape_string(const Matrix& m) { return concat("(", m.rows(), ", ", m.cols(), ")"); }

void require_same_shape(const std::string& who, const Matrix& y_pred, const Matrix& y_true) {
  if (y_pred.rows() != y_true.rows() || y_pred.cols() != y_true.cols()) {
    fail(who, ": y_true has shape ", shape_string(y_true), " but y_pred has shape ",
         shape_string(y_pred));
  }
  if (y_pred.size() == 0) fail(who, ": got an empty batch of shape ", shape_string(y_pred));
}

void require_sparse_shape(const std::string& who, const Matrix& y_pred, const Matrix& y_true) {
  if (y_true.rows() != 1 || y_true.cols() != y_pred.cols()) {
    fail(who, ": y_true has shape ", shape_string(y_true), " but y_pred has shape ",
         shape_string(y_pred), "; expected y_true of shape (1, ", y_pred.cols(),
         ") holding class ids");
  }
  if (y_pred.size() == 0) fail(who, ": got an empty batch of shape ", shape_string(y_pred));
}

Index class_id(const std::string& who, const Matrix& y_true, Index col, Index num_classes) {
  const double value = static_cast<double>(y_true(0, col));
  // Checked in double so a NaN or an id like 2.5 never truncates silently.
  if (!(value >= 0.0) || value != std::floor(value) || value >= static_cast<double>(num_classes)) {
    fail(who, ": y_true column ", col, " holds class id ", value, "; expected an integer in [0, ",
         num_classes, ")");
  }
  return static_cast<Index>(value);
}

void require_label_smoothing(const std::string& who, double label_smoothing) {
  if (!(label_smoothing >= 0.0 && label_smoothing <= 1.0)) {
    fail(who, ": label_smoothing must be in [0, 1], got ", label_smoothing);
  }
}

}  // namespace nn::detail
