#pragma once
/// The one place where the engine's number type is chosen.
/// Default `float`; the test build compiles a second copy of the core with
/// NN_SCALAR_DOUBLE so finite-difference gradient checks are sharp.
#include <Eigen/Core>

namespace nn {

#ifdef NN_SCALAR_DOUBLE
using Scalar = double;
#else
using Scalar = float;
#endif

using Index = Eigen::Index;
/// Column-major dense matrix. Columns are samples: a batch of n vectors of size k is (k, n).
using Matrix = Eigen::Matrix<Scalar, Eigen::Dynamic, Eigen::Dynamic>;
/// Column vector (k, 1).
using Vector = Eigen::Matrix<Scalar, Eigen::Dynamic, 1>;
/// Row vector (1, n).
using RowVector = Eigen::Matrix<Scalar, 1, Eigen::Dynamic>;

}  // namespace nn
