#pragma once
/// Initializer: fills a weight matrix given Keras's fan_in and fan_out.
/// For a Dense kernel, Keras shape (in, units): fan_in = in, fan_out = units. Values are drawn in
/// Keras's row-major order of that shape, which is exactly the storage order of our (units, in).
#include <limits>
#include <memory>
#include <string>
#include <vector>

#include "engine/core/base/rng.hpp"
#include "engine/core/base/scalar.hpp"

namespace nn {

class Initializer {
 public:
  virtual ~Initializer() = default;
  /// Keras name: "glorot_uniform", "zeros", ...
  virtual std::string name() const = 0;
  /// Fills w (any shape) for a weight whose Keras fans are fan_in and fan_out.
  virtual void fill(Matrix& w, Index fan_in, Index fan_out, Rng& rng) const = 0;
  virtual std::unique_ptr<Initializer> clone() const = 0;
};

/// Options of the parameterised initializers; NaN means "Keras default".
struct InitializerOptions {
  double value = std::numeric_limits<double>::quiet_NaN();  // constant (default 0)
  double mean = std::numeric_limits<double>::quiet_NaN();   // random_normal, truncated_normal (0)
  double stddev =
      std::numeric_limits<double>::quiet_NaN();  // random_normal, truncated_normal (0.05)
  double minval = std::numeric_limits<double>::quiet_NaN();  // random_uniform (-0.05)
  double maxval = std::numeric_limits<double>::quiet_NaN();  // random_uniform (0.05)
  double gain = std::numeric_limits<double>::quiet_NaN();    // orthogonal (1)
};

/// Makes an initializer by Keras name. Throws nn::Error listing the valid names.
std::unique_ptr<Initializer> make_initializer(const std::string& name,
                                              const InitializerOptions& options = {});

/// Every name make_initializer accepts, sorted.
std::vector<std::string> initializer_names();

}  // namespace nn
