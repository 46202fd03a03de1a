#pragma once
/// Surface: a loss of two parameters p = (p0, p1), for watching optimizers move on a contour
/// plot. Four classic test functions of (x, y), and two tiny one-input neurons whose two
/// parameters are (w, b): the loss surface of a real (if small) network, with samples, so
/// mini-batches and batch size 1 give noisy gradients of the same bowl.
#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "engine/core/base/scalar.hpp"

namespace nn {

enum class SurfaceKind {
  kQuadratic,   // 0.5 x^2 + 5 y^2: an ill-conditioned bowl (curvatures 1 and 10)
  kSaddle,      // x^2 - y^2: flat at (0, 0), falls away along y
  kRosenbrock,  // (1 - x)^2 + 100 (y - x^2)^2: a curved narrow valley to (1, 1)
  kBeale,       // three squared residuals; minimum (3, 0.5), steep walls
  kNeuron,      // mean binary cross-entropy of sigmoid(w t + b) on two overlapping classes
  kLine,        // mean squared error of w t + b against 2 t - 1 + noise
};

using Vec2 = std::array<double, 2>;

class Surface {
 public:
  /// `samples` points for the two neurons (ignored by the test functions); the points are
  /// fixed (one seed), so a surface of a given kind and size is always the same.
  Surface(SurfaceKind kind, Index samples);

  SurfaceKind kind() const { return kind_; }
  bool has_samples() const { return kind_ == SurfaceKind::kNeuron || kind_ == SurfaceKind::kLine; }
  Index samples() const { return static_cast<Index>(t_.size()); }
  const std::vector<double>& inputs() const { return t_; }
  const std::vector<double>& targets() const { return target_; }

  /// The loss at p over every sample.
  double value(const Vec2& p) const;
  /// The gradient at p of the mean loss over `rows` (indices into the samples; every sample
  /// when null). The test functions have no samples and ignore `rows`.
  Vec2 gradient(const Vec2& p, const std::vector<Index>* rows = nullptr) const;
  /// Where the loss is least: exact for the test functions and the line (least squares),
  /// Newton's method for the neuron; none for the saddle.
  std::optional<Vec2> minimum() const;

 private:
  SurfaceKind kind_;
  std::vector<double> t_;       // the neurons' inputs
  std::vector<double> target_;  // their targets (0/1 labels for the neuron)
};

/// The kind named `name` ("quadratic", "saddle", "rosenbrock", "beale", "neuron", "line"), or
/// nothing.
std::optional<SurfaceKind> surface_kind(const std::string& name);
/// Every name surface_kind() accepts, in that order.
const std::vector<std::string>& surface_names();

}  // namespace nn
