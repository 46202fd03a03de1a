#include <catch2/catch.hpp>

#include <cmath>

#include "engine/core/base/error.hpp"
#include "engine/core/initializers/initializer.hpp"

using nn::Index;
using nn::Matrix;

namespace {

// Engine layout of a kernel with Keras shape (fan_in, fan_out) is (fan_out, fan_in).
Matrix orthogonal(Index fan_in, Index fan_out, double gain = 1.0, std::uint64_t seed = 3) {
  nn::InitializerOptions options;
  options.gain = gain;
  Matrix w(fan_out, fan_in);
  nn::Rng rng(seed);
  nn::make_initializer("orthogonal", options)->fill(w, fan_in, fan_out, rng);
  return w;
}

double off_identity(const Matrix& gram) {
  return (gram - Matrix::Identity(gram.rows(), gram.cols())).cwiseAbs().maxCoeff();
}

}  // namespace

TEST_CASE("Orthogonal: square kernel is orthogonal on both sides", "[initializers]") {
  const Matrix w = orthogonal(64, 64);
  CHECK(off_identity(w * w.transpose()) < 1e-5);
  CHECK(off_identity(w.transpose() * w) < 1e-5);
}

TEST_CASE("Orthogonal: tall and wide kernels have orthonormal short side", "[initializers]") {
  // Keras (in=80, units=30): columns of K orthonormal, so rows of our w = K^T are.
  const Matrix wide = orthogonal(80, 30);
  REQUIRE(wide.rows() == 30);
  CHECK(off_identity(wide * wide.transpose()) < 1e-5);
  // Keras (in=30, units=80): rows of K orthonormal, so columns of our w are.
  const Matrix tall = orthogonal(30, 80);
  REQUIRE(tall.rows() == 80);
  CHECK(off_identity(tall.transpose() * tall) < 1e-5);
}

TEST_CASE("Orthogonal: gain scales the same draw", "[initializers]") {
  const Matrix one = orthogonal(20, 12, 1.0, 9);
  const Matrix two = orthogonal(20, 12, 2.5, 9);
  CHECK((two - 2.5 * one).cwiseAbs().maxCoeff() < 1e-12);
  CHECK(off_identity(two * two.transpose() / 6.25) < 1e-5);
}

TEST_CASE("Orthogonal: equals Gram-Schmidt of the row-major normal draw transposed",
          "[initializers]") {
  // Keras: A (max, min) row-major normals; Q with R's diagonal made positive; K = Q or Q^T.
  // Modified Gram-Schmidt yields that same unique Q, independently of Householder.
  for (const auto& fans : {std::pair<Index, Index>{7, 4}, std::pair<Index, Index>{4, 7}}) {
    const Index rows = fans.first, cols = fans.second;
    const Index tall = std::max(rows, cols), narrow = std::min(rows, cols);
    nn::Rng rng(21);
    Matrix a(tall, narrow);
    for (Index i = 0; i < tall; ++i)
      for (Index j = 0; j < narrow; ++j) a(i, j) = rng.normal();
    Matrix q = a;
    for (Index j = 0; j < narrow; ++j) {
      for (Index k = 0; k < j; ++k) q.col(j) -= q.col(k).dot(q.col(j)) * q.col(k);
      q.col(j).normalize();
    }
    const Matrix keras = rows >= cols ? q : Matrix(q.transpose());
    const Matrix w = orthogonal(rows, cols, 1.0, 21);
    INFO("fan_in " << rows << " fan_out " << cols);
    CHECK((w - keras.transpose()).cwiseAbs().maxCoeff() < 1e-10);
  }
}

TEST_CASE("Orthogonal: rejects a bias-shaped weight and a bad gain", "[initializers][errors]") {
  Matrix bias(5, 1);
  nn::Rng rng(0);
  CHECK_THROWS_WITH(nn::make_initializer("orthogonal")->fill(bias, 5, 5, rng),
                    Catch::Contains("orthogonal: needs a 2-D weight"));
  nn::InitializerOptions options;
  options.gain = 0.0;
  CHECK_THROWS_WITH(nn::make_initializer("orthogonal", options),
                    Catch::Contains("orthogonal: gain must be > 0, got 0"));
}
