#pragma once
/// The one gradient-check helper used by every layer, loss and model test.
///
/// Central differences in double on every entry of every variable (a random sample of
/// max_entries when larger). Layers are checked through the random-projection objective
/// sum(R .* f(x)) with a fixed random R (a plain sum is vacuous for softmax). An entry whose
/// one-sided slopes disagree sits within h of a kink (ReLU at 0, |x| at 0): it is moved by a
/// random 10h..100h, the analytic gradient recomputed, and checked again (up to 5 times).
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "engine/core/base/rng.hpp"
#include "engine/core/layers/layer.hpp"
#include "engine/core/losses/loss.hpp"

namespace nn::test {

/// One variable to check: its values (perturbed in place) and its analytic gradient.
struct GradVar {
  std::string name;        // e.g. "Dense/kernel"
  Matrix* value;           // perturbed in place
  const Matrix* analytic;  // filled by compute_analytic()
};

struct GradCheckOptions {
  double step = 1e-6;       // h
  double tolerance = 1e-6;  // on |a - n| / max(1, |a| + |n|)
  Index max_entries = 150;  // per variable; more are sampled
  std::uint64_t seed = 1234;
};

struct GradCheckReport {
  double worst_error = 0.0;
  std::string worst_entry;  // "Dense/kernel[3,7]: analytic 0.12 numeric 0.13"
  Index checked = 0;
  Index kinks_resampled = 0;
  bool ok(double tolerance = 1e-6) const { return worst_error <= tolerance; }
};

/// objective(): the scalar at the current values. compute_analytic(): forward + backward,
/// filling every var's analytic gradient at the current values.
GradCheckReport gradient_check(const std::function<double()>& objective,
                               const std::function<void()>& compute_analytic,
                               const std::vector<GradVar>& vars,
                               const GradCheckOptions& options = {});

/// Checks dL/dx for every input and dL/dw for every parameter of a built layer, with
/// objective sum(R .* layer(x)). training selects the forward mode (BatchNorm, Dropout).
GradCheckReport check_layer(Layer& layer, std::vector<Matrix> inputs, bool training,
                            const GradCheckOptions& options = {});

/// Checks dL/dy_pred of a loss at (y_pred, y_true).
GradCheckReport check_loss(const Loss& loss, Matrix y_pred, const Matrix& y_true,
                           const GradCheckOptions& options = {});

/// Random (rows, cols) matrix with entries uniform in [low, high).
Matrix random_matrix(Index rows, Index cols, Rng& rng, double low = -1.0, double high = 1.0);

}  // namespace nn::test
