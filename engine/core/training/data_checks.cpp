#include "engine/core/training/data_checks.hpp"

#include <cmath>

#include "engine/core/base/error.hpp"

namespace nn {

void require_finite(const Matrix& m, const std::string& field) {
  if (m.allFinite()) return;
  for (Index c = 0; c < m.cols(); ++c) {
    for (Index r = 0; r < m.rows(); ++r) {
      const Scalar v = m(r, c);
      if (!std::isfinite(v)) {
        fail(field, ": sample ", c, ", value ", r, " is ", static_cast<double>(v),
             "; expected finite numbers (no NaN or Inf)");
      }
    }
  }
}

void require_same_samples(const std::vector<Matrix>& x, const std::vector<Matrix>& y, Index n,
                          const std::string& who) {
  for (std::size_t i = 0; i < x.size(); ++i) {
    if (x[i].cols() != n) fail(who, ": x[", i, "] has ", x[i].cols(), " samples, expected ", n);
  }
  for (std::size_t i = 0; i < y.size(); ++i) {
    if (y[i].cols() != n) fail(who, ": y[", i, "] has ", y[i].cols(), " samples, expected ", n);
  }
}

}  // namespace nn
