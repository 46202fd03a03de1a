#pragma once
/// Image augmentation as Keras's ImageDataGenerator does it (random rotation, shifts, zoom and
/// flips, one affine map per image about its centre, bilinear sampling as scipy's order-1
/// affine_transform) followed by Keras's GaussianNoise. Every number is computed with IEEE
/// +, -, *, / and sqrt only (our own sin/cos and log), so a seed gives bit-identical images
/// natively and in wasm.
#include <cstdint>

#include "engine/core/base/rng.hpp"
#include "engine/core/base/scalar.hpp"

namespace nn {

/// How pixels beyond the image edge are filled (Keras fill_mode, scipy's modes).
enum class FillMode { nearest, constant, reflect, wrap };

/// Keras ImageDataGenerator arguments (the ones nnplay offers) plus GaussianNoise's stddev.
struct AugmentOptions {
  /// Each sample is a rows x cols x channels image, row-major, channels last.
  Index rows = 0;
  Index cols = 0;
  Index channels = 1;
  double rotation_range = 0.0;      // degrees: angle uniform in [-r, r]
  double width_shift_range = 0.0;   // fraction of cols: shift uniform in [-w, w] * cols
  double height_shift_range = 0.0;  // fraction of rows
  double zoom_range = 0.0;          // x and y factors drawn apart, uniform in [1 - z, 1 + z]
  bool horizontal_flip = false;     // mirror left-right with probability 1/2
  bool vertical_flip = false;       // mirror top-bottom with probability 1/2
  double noise_stddev = 0.0;        // N(0, stddev^2) added to every value, not clipped
  FillMode fill_mode = FillMode::nearest;
  double cval = 0.0;  // the fill value of FillMode::constant

  /// Whether any of the transforms is on (otherwise augmentation is the identity).
  bool active() const;
  /// rows * cols * channels.
  Index features() const { return rows * cols * channels; }
};

/// One image's transform: input pixel = centre + R(theta) (Z (output - centre) + t), in
/// (x = column, y = row) coordinates, then the flips.
struct AugmentDraw {
  double theta = 0.0;  // degrees; positive turns the image counter-clockwise as displayed
  double tx = 0.0;     // pixels; positive moves the content left
  double ty = 0.0;     // pixels; positive moves the content up
  double zx = 1.0;     // > 1 shrinks the content horizontally (Keras: zoom out)
  double zy = 1.0;
  bool flip_h = false;
  bool flip_v = false;
};

/// Throws nn::Error unless the image size is positive and every range is in its documented
/// interval (rotation [0, 180], shifts [0, 1], zoom [0, 1), noise [0, 10], cval finite).
void check_augment_options(const AugmentOptions& options);

/// Throws nn::Error unless a sample of `values` values is one image of the options' shape.
void check_augment_input(const AugmentOptions& options, Index values);

/// Draws one image's transform from `rng`: always the same 7 draws in the same order, so
/// changing one range leaves the others' draws alone.
AugmentDraw draw_augment(const AugmentOptions& options, Rng& rng);

/// Transforms image `in` (options.features() values) into `out` (same size; not aliasing).
void apply_augment(const Scalar* in, Scalar* out, const AugmentOptions& options,
                   const AugmentDraw& draw);

/// Augments every column of x (features(), n) in place: column j uses the j-th generator split
/// from Rng(seed) for its transform, then its noise. Same x, options and seed, same result.
void augment_images(Matrix& x, const AugmentOptions& options, std::uint64_t seed);

}  // namespace nn
