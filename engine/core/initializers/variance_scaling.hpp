#pragma once
/// VarianceScaling and its named presets (Glorot, He, LeCun; uniform and normal).
/// Reference: keras/src/initializers/random_initializers.py (VarianceScaling, GlorotUniform,
/// GlorotNormal, HeUniform, HeNormal, LecunUniform, LecunNormal); Glorot & Bengio (2010),
/// He et al. (2015), Klambauer et al. (2017).
#include <memory>
#include <string>

#include "engine/core/initializers/initializer.hpp"

namespace nn {

/// Draws w with variance scale / n, where n is fan_in, fan_out or (fan_in + fan_out) / 2
/// (at least 1), exactly as Keras:
///   truncated_normal:   N(0, s^2) truncated at 2 s, s = sqrt(scale / n) / 0.87962566103423978
///                       (the constant undoes the truncation's shrinkage of the variance);
///   untruncated_normal: N(0, s^2), s = sqrt(scale / n);
///   uniform:            U[-limit, limit), limit = sqrt(3 * scale / n).
/// Values are drawn in w's storage order (Keras's row-major (fan_in, fan_out)).
class VarianceScaling : public Initializer {
 public:
  enum class Mode { FanIn, FanOut, FanAvg };
  enum class Distribution { TruncatedNormal, UntruncatedNormal, Uniform };

  /// Keras defaults: scale 1, mode "fan_in", distribution "truncated_normal". `keras_name` is
  /// what name() reports ("variance_scaling" or a preset's name such as "glorot_uniform").
  explicit VarianceScaling(double scale = 1.0, Mode mode = Mode::FanIn,
                           Distribution distribution = Distribution::TruncatedNormal,
                           std::string keras_name = "variance_scaling");
  /// Same, with Keras's option strings: mode "fan_in" | "fan_out" | "fan_avg", distribution
  /// "truncated_normal" | "untruncated_normal" | "uniform". Throws nn::Error on other values.
  VarianceScaling(double scale, const std::string& mode, const std::string& distribution,
                  std::string keras_name = "variance_scaling");

  std::string name() const override { return name_; }
  /// Fills w (any shape) using the given Keras fans (each must be >= 0).
  void fill(Matrix& w, Index fan_in, Index fan_out, Rng& rng) const override;
  std::unique_ptr<Initializer> clone() const override;

  /// The standard deviation (normal) or limit (uniform) used for these fans.
  double spread(Index fan_in, Index fan_out) const;

 private:
  double scale_;
  Mode mode_;
  Distribution distribution_;
  std::string name_;
};

/// Keras's presets: glorot_uniform, glorot_normal, he_uniform, he_normal, lecun_uniform,
/// lecun_normal. Returns nullptr for any other name.
std::unique_ptr<VarianceScaling> make_variance_scaling_preset(const std::string& name);

}  // namespace nn
