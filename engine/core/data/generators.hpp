#pragma once
/// Deterministic-by-seed 2-D datasets for tests, benchmarks and the playground page.
///
/// Conventions shared by every generator:
///   - x is (2, n) with rows (x1, x2) in TensorFlow Playground's coordinates: points lie roughly
///     in [-6, 6]^2 (exact ranges per generator below); y is (1, n).
///   - Binary labels are 0/1: TF Playground's +1 becomes 1 and its -1 becomes 0. Blobs give class
///     ids 0..k-1. Regression targets keep TF Playground's values in [-1, 1].
///   - `noise` has TF Playground's meaning (its UI's percentage / 100, so 0..0.5 is the usual
///     range; larger values are allowed): see each generator.
///   - Two-class sets give class 1 n - n/2 samples and class 0 n/2 (TF Playground makes n/2 of
///     each); samples are returned shuffled (TF Playground shuffles after generating), so any
///     prefix or Keras-style validation_split tail is mixed.
///   - Only nn::Rng(seed) draws; sin/cos are portable. Same seed, same bits, on every platform.
///   - Errors (nn::Error) for n <= 0, noise < 0 or not finite, classes < 2 or classes > n.
/// Reference: tensorflow/playground src/dataset.ts; scikit-learn make_moons.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/data/dataset.hpp"

namespace nn {

/// "circle": class 1 at radius U[0, 2.5], class 0 at radius U[3.5, 5], uniform angle. The label
/// is whether the point shifted by noise * U[-5, 5] per axis lies within radius 2.5, so noise
/// flips labels near the ring but never moves points. Range: the disc of radius 5.
Dataset make_circle(Index n, double noise, std::uint64_t seed);

/// "xor": x1, x2 ~ U[-5, 5] pushed 0.3 away from 0 (|xi| in [0.3, 5.3]); label 1 when
/// (x1 + e1) * (x2 + e2) >= 0 with e ~ noise * U[-5, 5] per axis, i.e. quadrants I and III.
Dataset make_xor(Index n, double noise, std::uint64_t seed);

/// "gauss": two Gaussians, class 1 centred at (2, 2) and class 0 at (-2, -2), each axis with
/// variance 0.5 + 7 * noise (TF Playground maps noise [0, 0.5] to variance [0.5, 4]).
Dataset make_gauss(Index n, double noise, std::uint64_t seed);

/// "spiral": two arms of m points each, point i at radius 5 i / m and angle
/// 1.75 * 2 pi * i / m (+ pi for class 0), x1 = r sin(t), x2 = r cos(t), each coordinate
/// moved by noise * U[-1, 1]. Class 1 is the arm with no phase shift. Range: radius <= 5.
Dataset make_spiral(Index n, double noise, std::uint64_t seed);

/// "regress_plane": x ~ U[-6, 6]^2, target (x1 + e1 + x2 + e2) / 10 with e ~ noise * U[-6, 6]
/// per axis (TF Playground's linear map of [-10, 10] onto [-1, 1], not clamped).
Dataset make_regress_plane(Index n, double noise, std::uint64_t seed);

/// "regress_gaussian": x ~ U[-6, 6]^2; six bumps at (-4|0|4, +-2.5) with signs +,-,+ (top row)
/// and -,+,- (bottom row); each gives sign * clamp(1 - d / 2, 0, 1) at distance d of the
/// noise-shifted point (e ~ noise * U[-6, 6] per axis) and the target is the one largest in
/// absolute value (0 far from every bump). Targets lie in [-1, 1].
Dataset make_regress_gaussian(Index n, double noise, std::uint64_t seed);

/// "moons": scikit-learn's make_moons (class 0 the upper moon cos/sin of linspace(0, pi), class 1
/// the lower moon 1 - cos, 0.5 - sin; Gaussian noise of stddev `noise` on each coordinate, in
/// moon units as in sklearn), then centred on (0.5, 0.25) and scaled by 3: x1 in [-4.5, 4.5],
/// x2 in [-2.25, 2.25] before noise. Class 1 gets n - n/2 points.
Dataset make_moons(Index n, double noise, std::uint64_t seed);

/// "linear": a line through the origin with a seed-drawn direction; points ~ U[-5, 5]^2
/// redrawn until at least 0.5 from the line (a clean gap of width 1), half on each side.
/// Label 1 on the side the line's normal points to, judged (like TF Playground) at the point
/// shifted by noise * U[-5, 5] per axis, so noise 0 is linearly separable with margin 0.5.
Dataset make_linear(Index n, double noise, std::uint64_t seed);

/// "blobs": `classes` (>= 2, default 3) Gaussian blobs with centres on the circle of radius 3.5
/// at angles pi/2 + 2 pi c / classes (class c), each axis with variance 0.5 + 7 * noise like
/// "gauss". Labels are class ids 0..classes-1; class c gets n / classes samples, plus one for
/// the first n % classes classes.
Dataset make_blobs(Index n, double noise, std::uint64_t seed, Index classes = 3);

/// Every name make_dataset accepts, sorted.
std::vector<std::string> dataset_names();

/// Builds a dataset by name (see dataset_names()); `classes` is used by "blobs" only but must
/// be >= 2 always. Throws nn::Error listing the valid names for an unknown one.
Dataset make_dataset(const std::string& name, Index n, double noise, std::uint64_t seed,
                     Index classes = 3);

}  // namespace nn
