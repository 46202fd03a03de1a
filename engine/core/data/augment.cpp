#include "engine/core/data/augment.hpp"

#include <cmath>
#include <string>

#include "engine/core/base/error.hpp"

namespace nn {
namespace {

constexpr double kPi = 3.14159265358979323846;

/// sin and cos of `degrees` from +, -, *, / only (libm's differ in the last bit between glibc
/// and musl): reduced to r in [-45, 45] around a multiple of 90 (exact for whole multiples),
/// then Taylor series, whose terms at |x| <= pi/4 fall below 1e-17 within 12 steps.
void sin_cos_degrees(double degrees, double* sin_out, double* cos_out) {
  const double quarter = std::floor(degrees / 90.0 + 0.5);
  const double x = (degrees - 90.0 * quarter) * (kPi / 180.0);
  double s = 0.0, c = 0.0, term_s = x, term_c = 1.0;
  for (int k = 1; k < 24; k += 2) {
    s += term_s;
    c += term_c;
    term_s *= -x * x / ((k + 1) * (k + 2));
    term_c *= -x * x / (k * (k + 1));
  }
  // sin and cos of x + q * 90 degrees.
  const auto q = static_cast<std::size_t>((static_cast<long long>(quarter) % 4 + 4) % 4);
  const double sines[4] = {s, c, -s, -c}, cosines[4] = {c, -s, -c, s};
  *sin_out = sines[q];
  *cos_out = cosines[q];
}

/// Index i of an axis of n pixels extended beyond its edges by `mode` (constant: clamped; the
/// caller fills points outside the image with cval).
Index extend(Index i, Index n, FillMode mode) {
  if (i >= 0 && i < n) return i;
  if (mode == FillMode::wrap) return (i % n + n) % n;  // abcd|abcd
  if (mode == FillMode::reflect) {                     // dcba|abcd|dcba
    const Index m = (i % (2 * n) + 2 * n) % (2 * n);
    return m < n ? m : 2 * n - 1 - m;
  }
  return i < 0 ? 0 : n - 1;  // nearest: aaaa|abcd|dddd
}

/// "28 x 28 x 1".
std::string shape_text(const AugmentOptions& o) {
  return std::to_string(o.rows) + " x " + std::to_string(o.cols) + " x " +
         std::to_string(o.channels);
}

/// A coordinate within 1e-9 of a whole pixel is that pixel, so exact shifts, flips and
/// quarter turns sample pixels exactly (and "constant" keeps the edge pixels).
double snap(double v) {
  const double r = std::floor(v + 0.5);
  return std::fabs(v - r) < 1e-9 ? r : v;
}

}  // namespace

bool AugmentOptions::active() const {
  return rotation_range > 0.0 || width_shift_range > 0.0 || height_shift_range > 0.0 ||
         zoom_range > 0.0 || horizontal_flip || vertical_flip || noise_stddev > 0.0;
}

void check_augment_options(const AugmentOptions& o) {
  if (o.rows <= 0 || o.cols <= 0 || o.channels <= 0) {
    throw Error("augmentation: the image shape must be positive, got " + shape_text(o));
  }
  // One message shape for every range keeps this small in the wasm module.
  const auto refuse = [](const char* what, double got) {
    fail("augmentation: ", what, ", got ", got);
  };
  if (!(o.rotation_range >= 0.0 && o.rotation_range <= 180.0)) {
    refuse("rotation_range must be in [0, 180] degrees", o.rotation_range);
  }
  if (!(o.width_shift_range >= 0.0 && o.width_shift_range <= 1.0)) {
    refuse("width_shift_range must be in [0, 1]", o.width_shift_range);
  }
  if (!(o.height_shift_range >= 0.0 && o.height_shift_range <= 1.0)) {
    refuse("height_shift_range must be in [0, 1]", o.height_shift_range);
  }
  if (!(o.zoom_range >= 0.0 && o.zoom_range < 1.0)) {
    refuse("zoom_range must be in [0, 1)", o.zoom_range);
  }
  if (!(o.noise_stddev >= 0.0 && o.noise_stddev <= 10.0)) {
    refuse("noise_stddev must be in [0, 10]", o.noise_stddev);
  }
  if (!std::isfinite(o.cval)) refuse("cval must be finite", o.cval);
}

void check_augment_input(const AugmentOptions& o, Index values) {
  if (values == o.features()) return;
  throw Error("augmentation: the image shape " + shape_text(o) + " holds " +
              std::to_string(o.features()) + " values, the samples have " + std::to_string(values));
}

AugmentDraw draw_augment(const AugmentOptions& o, Rng& rng) {
  AugmentDraw d;
  d.theta = o.rotation_range * rng.uniform(-1.0, 1.0);
  d.tx = o.width_shift_range * rng.uniform(-1.0, 1.0) * static_cast<double>(o.cols);
  d.ty = o.height_shift_range * rng.uniform(-1.0, 1.0) * static_cast<double>(o.rows);
  d.zx = 1.0 + o.zoom_range * rng.uniform(-1.0, 1.0);
  d.zy = 1.0 + o.zoom_range * rng.uniform(-1.0, 1.0);
  d.flip_h = rng.uniform() < 0.5 && o.horizontal_flip;
  d.flip_v = rng.uniform() < 0.5 && o.vertical_flip;
  return d;
}

void apply_augment(const Scalar* in, Scalar* out, const AugmentOptions& o, const AugmentDraw& d) {
  const Index rows = o.rows, cols = o.cols, ch = o.channels;
  double sin_t = 0.0, cos_t = 1.0;
  sin_cos_degrees(d.theta, &sin_t, &cos_t);
  const double cx = 0.5 * static_cast<double>(cols - 1), cy = 0.5 * static_cast<double>(rows - 1);
  for (Index r = 0; r < rows; ++r) {
    for (Index c = 0; c < cols; ++c) {
      // The flips act on the transformed image, so they pick which output pixel this is.
      const double px = static_cast<double>(d.flip_h ? cols - 1 - c : c) - cx;
      const double py = static_cast<double>(d.flip_v ? rows - 1 - r : r) - cy;
      // input = centre + R(theta) (Z p + t)
      const double qx = d.zx * px + d.tx, qy = d.zy * py + d.ty;
      const double sx = snap(cx + cos_t * qx - sin_t * qy);
      const double sy = snap(cy + sin_t * qx + cos_t * qy);
      Scalar* dst = out + (r * cols + c) * ch;
      if (o.fill_mode == FillMode::constant &&
          (sx < 0.0 || sy < 0.0 || sx > static_cast<double>(cols - 1) ||
           sy > static_cast<double>(rows - 1))) {
        for (Index k = 0; k < ch; ++k) dst[k] = static_cast<Scalar>(o.cval);
        continue;
      }
      // Bilinear: the four neighbours (extended by the fill mode) weighted by distance.
      const double fx = std::floor(sx), fy = std::floor(sy);
      const double wx = sx - fx, wy = sy - fy;
      const auto x0 = static_cast<Index>(fx), y0 = static_cast<Index>(fy);
      const Index c0 = extend(x0, cols, o.fill_mode), c1 = extend(x0 + 1, cols, o.fill_mode);
      const Index r0 = extend(y0, rows, o.fill_mode), r1 = extend(y0 + 1, rows, o.fill_mode);
      for (Index k = 0; k < ch; ++k) {
        const auto at = [&](Index rr, Index cc) {
          return static_cast<double>(in[(rr * cols + cc) * ch + k]);
        };
        const double top = at(r0, c0) * (1.0 - wx) + at(r0, c1) * wx;
        const double bottom = at(r1, c0) * (1.0 - wx) + at(r1, c1) * wx;
        dst[k] = static_cast<Scalar>(top * (1.0 - wy) + bottom * wy);
      }
    }
  }
}

void augment_images(Matrix& x, const AugmentOptions& o, std::uint64_t seed) {
  check_augment_input(o, x.rows());
  if (!o.active()) return;
  Rng streams(seed);
  Vector image(x.rows());
  for (Index j = 0; j < x.cols(); ++j) {
    Rng rng = streams.split();  // one stream per sample: its place in the batch fixes its draws
    const AugmentDraw draw = draw_augment(o, rng);
    image = x.col(j);
    apply_augment(image.data(), x.col(j).data(), o, draw);
    if (o.noise_stddev > 0.0) {
      for (Index i = 0; i < x.rows(); ++i) {
        x(i, j) = static_cast<Scalar>(static_cast<double>(x(i, j)) + o.noise_stddev * rng.normal());
      }
    }
  }
}

}  // namespace nn
