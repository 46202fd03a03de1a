#pragma once
/// Bidirectional: Keras's wrapper that runs a recurrent layer over the sequence in both
/// directions and merges the two results (keras/src/layers/rnn/bidirectional.py).
///
/// The forward half is the given layer, renamed "forward_<inner>"; the backward half is a fresh
/// copy of its configuration with go_backwards flipped, named "backward_<inner>" (<inner> is
/// the inner layer's name, or snake_case of its type when it has none). Both are built on the
/// same input shapes from the same Rng, forward first.
///
/// Inputs: a sequence (steps, features), laid out (features, steps*batch); optionally the
/// initial states of both halves (Keras splits initial_state in two): the forward half's
/// state_count() states of shape (units), then the backward half's.
/// Output: with return_sequences (steps, merged) where the backward half's sequence is flipped
/// back in time, so step t of both halves refers to input step t; otherwise (merged) from the
/// halves' last outputs. merged = 2*units for "concat" (forward features first), else units.
/// With return_state the extra outputs are the forward states then the backward states:
/// "forward_state_h", ("forward_state_c",) "backward_state_h", ("backward_state_c").
#include <memory>
#include <string>
#include <vector>

#include "engine/core/layers/recurrent.hpp"

namespace nn {

class Bidirectional : public Layer {
 public:
  /// merge_mode: "concat" (default), "sum", "mul" or "ave". Keras's None (the two halves as
  /// separate outputs) is not supported. Throws nn::Error on a null layer or an unknown mode.
  Bidirectional(std::unique_ptr<Recurrent> layer, std::string merge_mode = "concat",
                std::string name = "");

  std::string type() const override { return "Bidirectional"; }
  const std::string& merge_mode() const { return merge_mode_; }
  /// The halves (Keras's forward_layer and backward_layer attributes).
  Recurrent& forward_layer() { return *forward_; }
  Recurrent& backward_layer() { return *backward_; }

  /// The forward half's params then the backward half's, named "forward_<inner>/kernel", ...
  std::vector<Param*> params() override;
  /// The halves' probes, named "forward/h", "backward/h", ... Each half's are in its own
  /// processing order (the backward half's "h" runs from the last input step to the first).
  std::vector<Probe> probes() const override;

  Index extra_output_count() const override;
  Shape extra_output_shape(Index k) const override;
  std::string extra_output_name(Index k) const override;
  const Matrix& extra_output(Index k) const override;
  void add_extra_output_gradient(Index k, const Matrix& d) override;

 protected:
  Shape do_build(const std::vector<Shape>& input_shapes, Rng& rng) override;
  Matrix do_forward(const std::vector<const Matrix*>& inputs, bool training) override;
  std::vector<Matrix> do_backward(const Matrix& dy) override;

 private:
  enum class Merge { kConcat, kSum, kMul, kAve };
  /// The half that owns extra output k, and k's index among that half's extra outputs.
  Recurrent& owner_of(Index k, Index& local) const;

  std::unique_ptr<Recurrent> forward_;
  std::unique_ptr<Recurrent> backward_;
  std::string merge_mode_;
  Merge merge_ = Merge::kConcat;
  Index steps_ = 0;
  Index states_ = 0;   // initial-state inputs per half (0 when none are given)
  Matrix y_forward_;   // forward half's output (mul needs both for backward)
  Matrix y_backward_;  // backward half's output, flipped back to input time order
};

}  // namespace nn
