#include "support/gradcheck.hpp"

#include <algorithm>
#include <cmath>
#include <sstream>

namespace nn::test {
namespace {

double error_of(double analytic, double numeric) {
  return std::abs(analytic - numeric) / std::max(1.0, std::abs(analytic) + std::abs(numeric));
}

/// Entries to check: all, or a sample of max_entries distinct ones.
std::vector<Index> entries_to_check(Index size, Index max_entries, Rng& rng) {
  std::vector<Index> all(static_cast<std::size_t>(size));
  for (Index i = 0; i < size; ++i) all[static_cast<std::size_t>(i)] = i;
  if (size <= max_entries) return all;
  for (Index i = 0; i < max_entries; ++i) {  // partial Fisher-Yates
    const auto j = i + static_cast<Index>(rng.below(static_cast<std::uint64_t>(size - i)));
    std::swap(all[static_cast<std::size_t>(i)], all[static_cast<std::size_t>(j)]);
  }
  all.resize(static_cast<std::size_t>(max_entries));
  return all;
}

}  // namespace

Matrix random_matrix(Index rows, Index cols, Rng& rng, double low, double high) {
  Matrix m(rows, cols);
  for (Index i = 0; i < m.size(); ++i) m.data()[i] = static_cast<Scalar>(rng.uniform(low, high));
  return m;
}

GradCheckReport gradient_check(const std::function<double()>& objective,
                               const std::function<void()>& compute_analytic,
                               const std::vector<GradVar>& vars, const GradCheckOptions& options) {
  GradCheckReport report;
  report.worst_entry = "(nothing checked)";
  Rng rng(options.seed);
  const double h = options.step;
  compute_analytic();
  for (const GradVar& var : vars) {
    Matrix& value = *var.value;
    for (Index k : entries_to_check(value.size(), options.max_entries, rng)) {
      Scalar& x = value.data()[k];
      for (int attempt = 0;; ++attempt) {
        const Scalar original = x;
        const double f0 = objective();
        x = original + static_cast<Scalar>(h);
        const double f_plus = objective();
        x = original - static_cast<Scalar>(h);
        const double f_minus = objective();
        x = original;
        const double slope_right = (f_plus - f0) / h, slope_left = (f0 - f_minus) / h;
        const bool kink = std::abs(slope_right - slope_left) >
                          1e-3 * (1.0 + std::abs(slope_right) + std::abs(slope_left));
        if (kink && attempt < 5) {
          // Resample: move off the kink, then recompute the analytic gradient there.
          const double offset = rng.uniform(10 * h, 100 * h) * (rng.uniform() < 0.5 ? -1 : 1);
          x = static_cast<Scalar>(original + offset);
          ++report.kinks_resampled;
          compute_analytic();
          continue;
        }
        const double numeric = (f_plus - f_minus) / (2 * h);
        const double analytic = static_cast<double>(var.analytic->data()[k]);
        const double err = error_of(analytic, numeric);
        ++report.checked;
        if (err >= report.worst_error) {
          report.worst_error = err;
          std::ostringstream out;
          out << var.name << "[" << k % value.rows() << "," << k / value.rows() << "]: analytic "
              << analytic << " numeric " << numeric;
          report.worst_entry = out.str();
        }
        break;
      }
    }
  }
  return report;
}

GradCheckReport check_layer(Layer& layer, std::vector<Matrix> inputs, bool training,
                            const GradCheckOptions& options) {
  std::vector<const Matrix*> input_ptrs;
  for (const Matrix& x : inputs) input_ptrs.push_back(&x);
  Rng rng(options.seed + 1);
  const Matrix first = layer.forward(input_ptrs, training);
  const Matrix projection = random_matrix(first.rows(), first.cols(), rng);

  std::vector<Matrix> input_grads(inputs.size());
  auto objective = [&]() {
    const Matrix y = layer.forward(input_ptrs, training);
    return static_cast<double>(y.cwiseProduct(projection).sum());
  };
  auto analytic = [&]() {
    for (Param* p : layer.params()) p->grad.setZero();
    layer.forward(input_ptrs, training);
    std::vector<Matrix> grads = layer.backward(projection);
    // Assign entry by entry: GradVar holds pointers into input_grads.
    for (std::size_t i = 0; i < grads.size(); ++i) input_grads[i] = grads[i];
  };
  std::vector<GradVar> vars;
  for (std::size_t i = 0; i < inputs.size(); ++i) {
    vars.push_back({layer.type() + "/input" + std::to_string(i), &inputs[i], &input_grads[i]});
  }
  for (Param* p : layer.params()) {
    if (p->trainable) vars.push_back({layer.type() + "/" + p->name, &p->value, &p->grad});
  }
  return gradient_check(objective, analytic, vars, options);
}

GradCheckReport check_loss(const Loss& loss, Matrix y_pred, const Matrix& y_true,
                           const GradCheckOptions& options) {
  Matrix grad;
  auto objective = [&]() { return static_cast<double>(loss.forward(y_pred, y_true)); };
  auto analytic = [&]() { grad = loss.backward(y_pred, y_true); };
  return gradient_check(objective, analytic, {{loss.name() + "/y_pred", &y_pred, &grad}}, options);
}

}  // namespace nn::test
