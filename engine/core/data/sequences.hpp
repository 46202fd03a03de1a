#pragma once
/// Deterministic-by-seed sequence datasets: next-value regression over periodic waves and the
/// classic long-memory benchmarks (adding problem, copy memory, parity).
///
/// Conventions shared by every generator:
///   - One flat column per sample in Keras's row-major order: a sample of per-sample shape
///     (steps, features) is a column of steps * features values, step 0's features first, then
///     step 1's, ... So x of shape (steps, 1) is a (steps, n) matrix and x of shape (steps, f) is
///     a (steps * f, n) matrix; Model converts to the engine layout at its boundary.
///   - A single target per sample is a (1, n) row; sparse class targets per step are (steps, n)
///     class ids.
///   - Only nn::Rng(seed) draws (uniform/normal/below) and a portable sine, so one seed gives
///     the same bits natively and in wasm. Samples are generated independently, in column order.
///   - Errors (nn::Error) name the function and the argument: n <= 0, lengths too short,
///     non-finite or negative noise, non-positive period.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/data/dataset.hpp"

namespace nn {

/// Shape of the periodic signal of make_wave_windows.
struct WaveOptions {
  /// Steps per cycle (finite, > 0). Default 20: sine(t) = amplitude * sin(2 pi t / 20).
  double period = 20.0;
  /// Peak value (finite, > 0). Default 1: values lie in [-1, 1].
  double amplitude = 1.0;
  /// Stddev of Gaussian noise added to the inputs only (finite, >= 0); the target stays clean.
  double noise = 0.0;
};

/// Next-value regression over a periodic wave ("sine", "sawtooth" or "square").
/// Window b starts at a phase p ~ U[0, period) drawn from Rng(seed) and holds the clean wave
/// w(p + t) for t = 0 .. window_length-1 (plus noise when options.noise > 0, drawn after the
/// phase, one normal per step); its target is the next clean value w(p + window_length).
/// With u = frac(s / period):
///   sine:     amplitude * sin(2 pi u)
///   sawtooth: amplitude * (2 u - 1), rising through [-amplitude, amplitude)
///   square:   +amplitude for u in [0, 1/2), -amplitude for u in [1/2, 1) (the sign of the sine)
/// x: (window_length, n), per-sample shape (window_length, 1); y: (1, n).
/// Errors: unknown wave (lists the valid ones), windows < 1, window_length < 1, bad options.
Dataset make_wave_windows(const std::string& wave, Index windows, Index window_length,
                          std::uint64_t seed, const WaveOptions& options = {});

/// The wave names make_wave_windows accepts, sorted: sawtooth, sine, square.
std::vector<std::string> wave_names();

/// The adding problem (Hochreiter & Schmidhuber 1997; Le, Jaitly & Hinton 2015).
/// Per-sample shape (length, 2): channel 0 holds values U[0, 1), channel 1 a marker that is 1
/// at exactly two steps, one drawn uniformly in the first half [0, length/2) and one in the
/// second half [length/2, length) (integer division), 0 elsewhere. Flat row 2 t is step t's
/// value and row 2 t + 1 its marker. y (1, n): the sum of the two marked values.
/// Baseline: the target has mean 1 and variance 2/12, so always predicting 1 gives
/// MSE = 1/6 ~ 0.1667; a model has learned the task only well below that.
/// Draw order per sample: the length values, then the first marker, then the second.
/// x: (2 length, n). Errors: n < 1, length < 2.
Dataset make_adding_problem(Index n, Index length, std::uint64_t seed);

/// The copy-memory task (Arjovsky, Shah & Bengio 2016). Token ids: 0 blank, 1..symbols data
/// symbols, symbols + 1 the delimiter ("go"). Each sequence has steps = 2 copy_length + delay:
///   inputs:  copy_length random symbols (uniform in 1..symbols), then blanks, with the
///            delimiter at step copy_length + delay - 1, then copy_length blanks;
///   targets: blank (0) for the first copy_length + delay steps, then the copy_length symbols
///            again in order.
/// x is one-hot over symbols + 2 classes, per-sample shape (steps, symbols + 2): (steps *
/// (symbols + 2), n), row t * (symbols + 2) + id is 1 at step t. y: sparse ids (steps, n),
/// all in 0..symbols.
/// Baseline: predicting blank wherever it is certain and a uniform guess over the symbols in
/// the last copy_length steps gives a mean cross-entropy per step of
/// copy_length * ln(symbols) / steps (0.1733 for delay 100, copy_length 10, symbols 8).
/// Errors: n < 1, delay < 1, copy_length < 1, symbols < 1.
Dataset make_copy_memory(Index n, Index delay, std::uint64_t seed, Index copy_length = 10,
                         Index symbols = 8);

/// Parity (XOR of a bit string) as sequence classification. x (length, n), per-sample shape
/// (length, 1): bits 0/1 each drawn by Rng::below(2); y (1, n): 1 when the number of ones is odd,
/// else 0. Baseline: accuracy 1/2, binary cross-entropy ln 2. Errors: n < 1, length < 1.
Dataset make_parity(Index n, Index length, std::uint64_t seed);

}  // namespace nn
