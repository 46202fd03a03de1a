#include "engine/core/losses/crossentropy_kernels.hpp"

#include <algorithm>
#include <cmath>

#include "engine/core/losses/loss_checks.hpp"

namespace nn::detail {
namespace {

/// log(sum(exp(z))) of column j, shifted by the column max so it never overflows.
double log_sum_exp(const Matrix& z, Index j) {
  const double m = static_cast<double>(z.col(j).maxCoeff());
  double sum = 0.0;
  for (Index i = 0; i < z.rows(); ++i) sum += std::exp(static_cast<double>(z(i, j)) - m);
  return m + std::log(sum);
}

/// Sum of column j in double.
double column_sum(const Matrix& m, Index j) {
  double sum = 0.0;
  for (Index i = 0; i < m.rows(); ++i) sum += static_cast<double>(m(i, j));
  return sum;
}

}  // namespace

double crossentropy_sum(const Matrix& y_pred, const Matrix& targets, bool from_logits) {
  double total = 0.0;
  for (Index j = 0; j < y_pred.cols(); ++j) {
    if (from_logits) {
      const double lse = log_sum_exp(y_pred, j);
      for (Index i = 0; i < y_pred.rows(); ++i) {
        total -= static_cast<double>(targets(i, j)) * (static_cast<double>(y_pred(i, j)) - lse);
      }
    } else {
      const double s = column_sum(y_pred, j);
      for (Index i = 0; i < y_pred.rows(); ++i) {
        const double q =
            std::clamp(static_cast<double>(y_pred(i, j)) / s, kEpsilon, 1.0 - kEpsilon);
        total -= static_cast<double>(targets(i, j)) * std::log(q);
      }
    }
  }
  return total;
}

Matrix crossentropy_gradient(const Matrix& y_pred, const Matrix& targets, bool from_logits,
                             double scale) {
  const Index k = y_pred.rows();
  Matrix dy_pred(k, y_pred.cols());
  for (Index j = 0; j < y_pred.cols(); ++j) {
    const double t_sum = column_sum(targets, j);
    if (from_logits) {
      const double lse = log_sum_exp(y_pred, j);
      for (Index i = 0; i < k; ++i) {
        const double softmax = std::exp(static_cast<double>(y_pred(i, j)) - lse);
        // dL/dz_i = softmax_i * sum(t) - t_i
        dy_pred(i, j) =
            static_cast<Scalar>((softmax * t_sum - static_cast<double>(targets(i, j))) * scale);
      }
      continue;
    }
    const double s = column_sum(y_pred, j);
    // g_i = dL/dq_i = -t_i / q_i where the clip is inactive (0 where it clamps);
    // accumulate sum_i g_i q_i for the normalisation's Jacobian.
    double g_dot_q = 0.0;
    Eigen::VectorXd g(k);
    for (Index i = 0; i < k; ++i) {
      const double q = static_cast<double>(y_pred(i, j)) / s;
      const double gi =
          (q >= kEpsilon && q <= 1.0 - kEpsilon) ? -static_cast<double>(targets(i, j)) / q : 0.0;
      g(i) = gi;
      g_dot_q += gi * q;
    }
    for (Index i = 0; i < k; ++i) {
      // dL/dp_i = (g_i - sum_l g_l q_l) / s, since dq_l/dp_i = (delta_li - q_l) / s
      dy_pred(i, j) = static_cast<Scalar>((g(i) - g_dot_q) / s * scale);
    }
  }
  return dy_pred;
}

}  // namespace nn::detail
