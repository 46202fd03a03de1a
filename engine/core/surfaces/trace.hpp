#pragma once
/// trace_path: an optimizer's steps on a Surface. The two parameters are one (2, 1) Param,
/// so the optimizer is exactly the one training uses (its formulas, slots and clipping); only
/// the gradient comes from the surface instead of a model's backward pass.
#include <cstdint>
#include <vector>

#include "engine/core/optimizers/optimizer.hpp"
#include "engine/core/surfaces/surface.hpp"

namespace nn {

struct SurfacePathOptions {
  Vec2 start{0.0, 0.0};
  Index steps = 0;
  /// Samples per step for surfaces with samples (every sample when 0 or more than there are);
  /// each epoch visits every sample once in an order shuffled by `seed`, as fit(shuffle=True).
  Index batch_size = 0;
  std::uint64_t seed = 0;
};

/// Where an optimizer went. Rows are row-major in the vectors.
struct SurfacePath {
  std::vector<double> points;     // (steps + 1) x 3: p0, p1, full loss; row 0 is the start
  std::vector<double> gradients;  // steps x 2: the (mini-batch) gradient step k used, at row k
  std::vector<double> slots;      // steps x (2 * slot count): every slot after step k + 1
  Index steps = 0;                // steps taken
  /// The step (1-based) whose result left |p| <= kSurfaceBound or became non-finite; 0 if none.
  /// That step is not recorded: the path ends at the last point within bounds.
  Index stopped_at = 0;
};

/// Beyond this a path counts as diverged.
constexpr double kSurfaceBound = 1e4;

/// Runs `options.steps` updates of `optimizer` (fresh: attached here) from options.start.
SurfacePath trace_path(const Surface& surface, Optimizer& optimizer,
                       const SurfacePathOptions& options);

}  // namespace nn
