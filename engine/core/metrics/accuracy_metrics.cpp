/// Accuracy metrics (Keras 3 keras/src/metrics/accuracy_metrics.py): binary_accuracy,
/// categorical_accuracy, sparse_categorical_accuracy, and "accuracy", which picks one of them
/// from the shapes at compute time as Keras's compile() does.
#include "engine/core/losses/loss_checks.hpp"
#include "engine/core/metrics/metric_factories.hpp"

namespace nn::detail {
namespace {

/// Row index of the largest entry of column j (the first one on ties, as argmax).
Index argmax(const Matrix& m, Index j) {
  Index best = 0;
  m.col(j).maxCoeff(&best);
  return best;
}

/// binary_accuracy: fraction of entries with (p > 0.5) == y, per column, then over columns.
Scalar binary_accuracy(const std::string& who, const Matrix& y_pred, const Matrix& y_true) {
  require_same_shape(who, y_pred, y_true);
  const Scalar threshold = static_cast<Scalar>(0.5);
  Index hits = 0;
  for (Index j = 0; j < y_pred.cols(); ++j) {
    for (Index i = 0; i < y_pred.rows(); ++i) {
      const Scalar predicted = y_pred(i, j) > threshold ? Scalar(1) : Scalar(0);
      if (predicted == y_true(i, j)) ++hits;
    }
  }
  return static_cast<Scalar>(static_cast<double>(hits) / static_cast<double>(y_pred.size()));
}

/// categorical_accuracy: fraction of columns with argmax(y_pred) == argmax(y_true).
Scalar categorical_accuracy(const std::string& who, const Matrix& y_pred, const Matrix& y_true) {
  require_same_shape(who, y_pred, y_true);
  Index hits = 0;
  for (Index j = 0; j < y_pred.cols(); ++j) {
    if (argmax(y_pred, j) == argmax(y_true, j)) ++hits;
  }
  return static_cast<Scalar>(static_cast<double>(hits) / static_cast<double>(y_pred.cols()));
}

/// sparse_categorical_accuracy: fraction of columns whose id y_true(0, j) equals
/// argmax(y_pred); like Keras, an id that is no class simply never matches.
Scalar sparse_categorical_accuracy(const std::string& who, const Matrix& y_pred,
                                   const Matrix& y_true) {
  require_sparse_shape(who, y_pred, y_true);
  Index hits = 0;
  for (Index j = 0; j < y_pred.cols(); ++j) {
    if (static_cast<double>(argmax(y_pred, j)) == static_cast<double>(y_true(0, j))) ++hits;
  }
  return static_cast<Scalar>(static_cast<double>(hits) / static_cast<double>(y_pred.cols()));
}

enum class AccuracyKind { kAuto, kBinary, kCategorical, kSparse };

class Accuracy final : public Metric {
 public:
  Accuracy(std::string name, AccuracyKind kind) : name_(std::move(name)), kind_(kind) {}
  std::string name() const override { return name_; }

  Scalar compute(const Matrix& y_pred, const Matrix& y_true) const override {
    switch (resolve(y_pred, y_true)) {
      case AccuracyKind::kBinary:
        return binary_accuracy(name_, y_pred, y_true);
      case AccuracyKind::kSparse:
        return sparse_categorical_accuracy(name_, y_pred, y_true);
      default:
        return categorical_accuracy(name_, y_pred, y_true);
    }
  }

  std::unique_ptr<Metric> clone() const override { return std::make_unique<Accuracy>(*this); }

 private:
  /// "accuracy": y_pred with 1 row -> binary; y_true with 1 row under a wider y_pred ->
  /// sparse; otherwise categorical.
  AccuracyKind resolve(const Matrix& y_pred, const Matrix& y_true) const {
    if (kind_ != AccuracyKind::kAuto) return kind_;
    if (y_pred.rows() == 1) return AccuracyKind::kBinary;
    if (y_true.rows() == 1) return AccuracyKind::kSparse;
    return AccuracyKind::kCategorical;
  }

  std::string name_;
  AccuracyKind kind_;
};

}  // namespace

std::unique_ptr<Metric> make_accuracy(const std::string& name) {
  AccuracyKind kind = AccuracyKind::kAuto;
  if (name == "binary_accuracy") kind = AccuracyKind::kBinary;
  if (name == "categorical_accuracy") kind = AccuracyKind::kCategorical;
  if (name == "sparse_categorical_accuracy") kind = AccuracyKind::kSparse;
  return std::make_unique<Accuracy>(name, kind);
}

}  // namespace nn::detail
