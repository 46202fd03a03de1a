#include "engine/core/metrics/confusion_matrix.hpp"

#include <string>

#include "engine/core/base/error.hpp"
#include "engine/core/losses/loss_checks.hpp"

namespace nn {
namespace {

const std::string kWho = "confusion_matrix";

Index argmax(const Matrix& m, Index j) {
  Index best = 0;
  m.col(j).maxCoeff(&best);
  return best;
}

void require_classes(Index num_classes, Index expected, const char* layout) {
  if (num_classes != expected) {
    fail(kWho, ": num_classes is ", num_classes, " but ", layout, " targets have ", expected,
         " classes");
  }
}

}  // namespace

Eigen::MatrixXi confusion_matrix(const Matrix& y_pred, const Matrix& y_true, Index num_classes) {
  if (y_pred.size() == 0)
    fail(kWho, ": got an empty y_pred of shape ", detail::shape_string(y_pred));
  Eigen::MatrixXi counts;
  if (y_pred.rows() == 1) {
    // Binary: one probability per column, class 1 when it exceeds 0.5.
    detail::require_same_shape(kWho, y_pred, y_true);
    require_classes(num_classes, 2, "binary");
    counts = Eigen::MatrixXi::Zero(2, 2);
    for (Index j = 0; j < y_pred.cols(); ++j) {
      const Index truth = detail::class_id(kWho, y_true, j, 2);
      const Index predicted = y_pred(0, j) > static_cast<Scalar>(0.5) ? 1 : 0;
      ++counts(truth, predicted);
    }
    return counts;
  }
  require_classes(num_classes, y_pred.rows(), y_true.rows() == 1 ? "sparse" : "one-hot");
  counts = Eigen::MatrixXi::Zero(num_classes, num_classes);
  if (y_true.rows() == 1) {
    // Sparse: y_true holds the class id of each column.
    detail::require_sparse_shape(kWho, y_pred, y_true);
    for (Index j = 0; j < y_pred.cols(); ++j) {
      ++counts(detail::class_id(kWho, y_true, j, num_classes), argmax(y_pred, j));
    }
    return counts;
  }
  // One-hot: the true class is the argmax of y_true's column.
  detail::require_same_shape(kWho, y_pred, y_true);
  for (Index j = 0; j < y_pred.cols(); ++j) ++counts(argmax(y_true, j), argmax(y_pred, j));
  return counts;
}

}  // namespace nn
