#pragma once
/// "prototypes": a synthetic image-classification set the size of Fashion-MNIST (28 x 28 pixels,
/// 10 classes by default in the presets) that needs no download. Each class has a smooth random
/// prototype image; a sample is its class's prototype plus Gaussian pixel noise.
#include <cstdint>

#include "engine/core/data/dataset.hpp"

namespace nn {

/// Generates n images of side x side pixels in `classes` classes, deterministic by seed.
///   - Prototype of class c: the sum of three random bumps a * max(0, 1 - d^2 / r^2)^2 (centre
///     in the middle 70% of the image, radius 15%..35% of the side, height a in [0.5, 1]),
///     scaled so its brightest pixel is 1. Only +, -, *, / and nn::Rng: same bits everywhere.
///   - Labels: sample j gets class j % classes, then the labels are shuffled (balanced: each
///     class has n / classes samples, one more for the first n % classes classes).
///   - Sample = prototype + noise * N(0, 1) per pixel, clipped to [0, 1] (noise 0: exact copies).
/// x: (side * side, n), row-major pixels (row i, column j at i * side + j); y: (1, n) class ids.
/// Draw order: the prototypes (class by class), the label shuffle, then the pixel noise.
/// Errors (nn::Error): n < 1, side < 1, classes < 2, noise negative or not finite.
Dataset make_prototypes(Index n, Index side, Index classes, double noise, std::uint64_t seed);

}  // namespace nn
