#include <catch2/catch.hpp>

#include <cmath>
#include <vector>

#include "engine/core/base/error.hpp"
#include "engine/core/data/augment.hpp"

using nn::AugmentDraw;
using nn::AugmentOptions;
using nn::FillMode;
using nn::Index;
using nn::Matrix;
using nn::Scalar;

namespace {

AugmentOptions shape(Index rows, Index cols, Index channels = 1) {
  AugmentOptions o;
  o.rows = rows;
  o.cols = cols;
  o.channels = channels;
  return o;
}

/// An image whose every value differs: value = 10 * row + col (+ 0.5 * channel).
std::vector<Scalar> ramp(const AugmentOptions& o) {
  std::vector<Scalar> v(static_cast<std::size_t>(o.features()));
  for (Index r = 0; r < o.rows; ++r)
    for (Index c = 0; c < o.cols; ++c)
      for (Index k = 0; k < o.channels; ++k)
        v[static_cast<std::size_t>((r * o.cols + c) * o.channels + k)] =
            static_cast<Scalar>(10 * r + c) + static_cast<Scalar>(0.5 * static_cast<double>(k));
  return v;
}

std::vector<Scalar> apply(const AugmentOptions& o, const AugmentDraw& d,
                          const std::vector<Scalar>& in) {
  std::vector<Scalar> out(in.size(), -99);
  nn::apply_augment(in.data(), out.data(), o, d);
  return out;
}

Scalar at(const AugmentOptions& o, const std::vector<Scalar>& v, Index r, Index c, Index k = 0) {
  return v[static_cast<std::size_t>((r * o.cols + c) * o.channels + k)];
}

Matrix ramps(const AugmentOptions& o, Index n) {
  const std::vector<Scalar> v = ramp(o);
  Matrix x(o.features(), n);
  for (Index j = 0; j < n; ++j)
    for (Index i = 0; i < x.rows(); ++i) x(i, j) = v[static_cast<std::size_t>(i)];
  return x;
}

}  // namespace

TEST_CASE("augment: all ranges 0 is the identity", "[data][augment]") {
  const AugmentOptions o = shape(4, 5, 2);
  CHECK_FALSE(o.active());
  const std::vector<Scalar> in = ramp(o);
  CHECK(apply(o, AugmentDraw{}, in) == in);
  Matrix x = ramps(o, 3);
  const Matrix before = x;
  nn::augment_images(x, o, 7);
  CHECK(x == before);
}

TEST_CASE("augment: a one-pixel shift moves the image by one pixel", "[data][augment]") {
  AugmentOptions o = shape(3, 4);
  const std::vector<Scalar> in = ramp(o);
  AugmentDraw d;
  d.tx = 1.0;  // content one pixel to the left
  std::vector<Scalar> out = apply(o, d, in);
  for (Index r = 0; r < 3; ++r) {
    for (Index c = 0; c < 3; ++c) CHECK(at(o, out, r, c) == at(o, in, r, c + 1));
    CHECK(at(o, out, r, 3) == at(o, in, r, 3));  // nearest: the edge pixel repeats
  }
  o.fill_mode = FillMode::constant;
  o.cval = -1;
  d = AugmentDraw{};
  d.ty = -1.0;  // content one pixel down
  out = apply(o, d, in);
  for (Index c = 0; c < 4; ++c) {
    CHECK(at(o, out, 0, c) == -1);
    for (Index r = 1; r < 3; ++r) CHECK(at(o, out, r, c) == at(o, in, r - 1, c));
  }
}

TEST_CASE("augment: reflect and wrap fill the uncovered edge", "[data][augment]") {
  AugmentOptions o = shape(2, 4);
  const std::vector<Scalar> in = ramp(o);
  AugmentDraw d;
  d.tx = -2.0;  // content two pixels to the right: columns -2 and -1 come from the fill
  o.fill_mode = FillMode::reflect;  // dcba|abcd
  std::vector<Scalar> out = apply(o, d, in);
  CHECK(at(o, out, 1, 0) == at(o, in, 1, 1));
  CHECK(at(o, out, 1, 1) == at(o, in, 1, 0));
  CHECK(at(o, out, 1, 2) == at(o, in, 1, 0));
  o.fill_mode = FillMode::wrap;  // abcd|abcd
  out = apply(o, d, in);
  CHECK(at(o, out, 1, 0) == at(o, in, 1, 2));
  CHECK(at(o, out, 1, 1) == at(o, in, 1, 3));
  CHECK(at(o, out, 1, 3) == at(o, in, 1, 1));
}

TEST_CASE("augment: flips mirror the image and keep channels together", "[data][augment]") {
  const AugmentOptions o = shape(3, 4, 2);
  const std::vector<Scalar> in = ramp(o);
  AugmentDraw d;
  d.flip_h = true;
  std::vector<Scalar> out = apply(o, d, in);
  for (Index r = 0; r < 3; ++r)
    for (Index c = 0; c < 4; ++c)
      for (Index k = 0; k < 2; ++k) CHECK(at(o, out, r, c, k) == at(o, in, r, 3 - c, k));
  d = AugmentDraw{};
  d.flip_v = true;
  out = apply(o, d, in);
  for (Index r = 0; r < 3; ++r)
    for (Index c = 0; c < 4; ++c) CHECK(at(o, out, r, c, 1) == at(o, in, 2 - r, c, 1));
}

TEST_CASE("augment: a quarter turn rotates about the centre", "[data][augment]") {
  for (Index n : {3, 4}) {
    const AugmentOptions o = shape(n, n);
    const std::vector<Scalar> in = ramp(o);
    AugmentDraw d;
    d.theta = 90;  // counter-clockwise as displayed: the top row becomes the left column
    std::vector<Scalar> out = apply(o, d, in);
    for (Index r = 0; r < n; ++r)
      for (Index c = 0; c < n; ++c) CHECK(at(o, out, r, c) == at(o, in, c, n - 1 - r));
    d.theta = -90;
    out = apply(o, d, in);
    for (Index r = 0; r < n; ++r)
      for (Index c = 0; c < n; ++c) CHECK(at(o, out, r, c) == at(o, in, n - 1 - c, r));
    d.theta = 180;
    out = apply(o, d, in);
    for (Index r = 0; r < n; ++r)
      for (Index c = 0; c < n; ++c) CHECK(at(o, out, r, c) == at(o, in, n - 1 - r, n - 1 - c));
  }
}

TEST_CASE("augment: a small rotation samples bilinearly between pixels", "[data][augment]") {
  const AugmentOptions o = shape(5, 5);
  const std::vector<Scalar> in = ramp(o);  // value = 10 row + col: linear, so bilinear is exact
  AugmentDraw d;
  d.theta = 30;
  const std::vector<Scalar> out = apply(o, d, in);
  const double s = 0.5, c = std::sqrt(3.0) / 2;
  // Output (row 1, col 3): p = (1, -1) from the centre; input = centre + R p.
  const double sx = 2 + c * 1 - s * -1, sy = 2 + s * 1 + c * -1;
  CHECK(at(o, out, 1, 3) == Approx(10 * sy + sx).epsilon(1e-12));
  CHECK(at(o, out, 2, 2) == Approx(22).epsilon(1e-12));  // the centre stays
}

TEST_CASE("augment: zoom scales about the centre (factors below 1 enlarge)", "[data][augment]") {
  const AugmentOptions o = shape(5, 5);
  const std::vector<Scalar> in = ramp(o);
  AugmentDraw d;
  d.zx = 0.5;
  d.zy = 0.5;
  const std::vector<Scalar> out = apply(o, d, in);
  CHECK(at(o, out, 0, 0) == at(o, in, 1, 1));
  CHECK(at(o, out, 0, 1) == Approx(0.5 * (at(o, in, 1, 1) + at(o, in, 1, 2))));
  CHECK(at(o, out, 4, 4) == at(o, in, 3, 3));
  d.zx = 2.0;  // x only: the row is squeezed to half its width, the edges repeat
  d.zy = 1.0;
  const std::vector<Scalar> wide = apply(o, d, in);
  CHECK(at(o, wide, 3, 1) == at(o, in, 3, 0));
  CHECK(at(o, wide, 3, 3) == at(o, in, 3, 4));
  CHECK(at(o, wide, 3, 0) == at(o, in, 3, 0));
}

TEST_CASE("augment: noise has the requested standard deviation", "[data][augment]") {
  AugmentOptions o = shape(28, 28);
  o.noise_stddev = 0.3;
  Matrix x = Matrix::Constant(784, 50, 0.25);
  nn::augment_images(x, o, 3);
  const double mean = x.mean();
  const double var = (x.array() - mean).square().mean();
  CHECK(mean == Approx(0.25).margin(0.01));
  CHECK(std::sqrt(var) == Approx(0.3).epsilon(0.02));
  CHECK(x.maxCoeff() > 1.25);  // not clipped
}

TEST_CASE("augment: a seed gives the same images, other seeds differ", "[data][augment]") {
  AugmentOptions o = shape(6, 6);
  o.rotation_range = 20;
  o.width_shift_range = 0.2;
  o.height_shift_range = 0.1;
  o.zoom_range = 0.2;
  o.horizontal_flip = true;
  o.noise_stddev = 0.05;
  const Matrix x0 = ramps(o, 8);
  Matrix a = x0, b = x0, c = x0;
  nn::augment_images(a, o, 11);
  nn::augment_images(b, o, 11);
  nn::augment_images(c, o, 12);
  CHECK(a == b);
  CHECK(a != c);
  for (Index j = 1; j < 8; ++j) CHECK(a.col(j) != a.col(0));  // each sample its own draw
}

TEST_CASE("augment: draws stay in their ranges and one range leaves the others alone",
          "[data][augment]") {
  AugmentOptions o = shape(10, 20);
  o.rotation_range = 15;
  o.width_shift_range = 0.1;
  o.height_shift_range = 0.3;
  o.zoom_range = 0.2;
  o.horizontal_flip = true;
  int flips = 0;
  nn::Rng rng(5);
  for (int i = 0; i < 2000; ++i) {
    const AugmentDraw d = nn::draw_augment(o, rng);
    CHECK(std::fabs(d.theta) <= 15);
    CHECK(std::fabs(d.tx) <= 2);
    CHECK(std::fabs(d.ty) <= 3);
    CHECK((d.zx >= 0.8 && d.zx <= 1.2 && d.zy >= 0.8 && d.zy <= 1.2));
    CHECK_FALSE(d.flip_v);
    flips += d.flip_h ? 1 : 0;
  }
  CHECK(flips == Approx(1000).margin(100));
  AugmentOptions more = o;
  more.rotation_range = 40;
  nn::Rng r1(9), r2(9);
  const AugmentDraw d1 = nn::draw_augment(o, r1), d2 = nn::draw_augment(more, r2);
  CHECK(d2.theta == Approx(d1.theta * 40 / 15));
  CHECK((d1.tx == d2.tx && d1.ty == d2.ty && d1.zx == d2.zx && d1.flip_h == d2.flip_h));
}

TEST_CASE("augment: bad options and sizes are refused", "[data][augment][errors]") {
  AugmentOptions o = shape(2, 2);
  CHECK_NOTHROW(nn::check_augment_options(o));
  o.rotation_range = 181;
  CHECK_THROWS_WITH(nn::check_augment_options(o), Catch::Contains("rotation_range"));
  o = shape(2, 2);
  o.zoom_range = 1.0;
  CHECK_THROWS_WITH(nn::check_augment_options(o), Catch::Contains("zoom_range"));
  o = shape(0, 2);
  CHECK_THROWS_AS(nn::check_augment_options(o), nn::Error);
  o = shape(2, 2);
  o.noise_stddev = 0.1;
  Matrix x(5, 1);
  CHECK_THROWS_WITH(nn::augment_images(x, o, 0), Catch::Contains("holds 4 values"));
}
