#pragma once
/// Dropout: inverted dropout during training (Keras `Dropout`).
#include <cstdint>
#include <string>

#include "engine/core/layers/layer.hpp"

namespace nn {

/// Training: each entry of x (any shape, laid out (f, steps*batch)) is kept with probability
/// 1 - rate and scaled by 1 / (1 - rate), else zeroed. Inference, or rate == 0: identity.
/// Masks come from the layer's own Rng seeded with `seed`, so one seed reproduces the masks.
/// Output shape = input shape.
class Dropout : public UnaryLayer {
 public:
  /// rate in [0, 1), else nn::Error.
  explicit Dropout(double rate, std::uint64_t seed = 0, std::string name = "");

  std::string type() const override { return "Dropout"; }
  double rate() const { return rate_; }
  /// Changes the rate for the next training forward (Keras: a layer attribute read at call
  /// time). rate in [0, 1), else nn::Error and nothing changes. The mask stream continues.
  void set_rate(double rate);
  std::uint64_t seed() const { return seed_; }

  /// While frozen, training forwards reuse the last mask (a new one is drawn only when there
  /// is none of the right shape). Gradient checks need a fixed mask.
  void freeze_mask(bool frozen) { mask_frozen_ = frozen; }
  /// The last mask: 0 or 1 / (1 - rate) per entry, shaped like the input. Empty before use.
  const Matrix& mask() const { return mask_; }

  std::vector<std::uint64_t> random_state() const override { return rng_.state(); }
  void set_random_state(const std::vector<std::uint64_t>& state) override { rng_.set_state(state); }

 protected:
  /// Restarts the mask stream from `seed`, so a rebuilt layer replays the same masks.
  Shape build_one(const Shape& input_shape, Rng& rng) override;
  /// x: (f, n) -> (f, n), masked and scaled when training.
  Matrix forward_one(const Matrix& x, bool training) override;
  /// dy: (f, n) -> dx = dy .* mask (or dy when the forward was the identity).
  Matrix backward_one(const Matrix& dy) override;

 private:
  void draw_mask(Index rows, Index cols);

  double rate_;
  std::uint64_t seed_;
  Rng rng_;
  Matrix mask_;
  bool mask_frozen_ = false;
  bool last_masked_ = false;
};

}  // namespace nn
