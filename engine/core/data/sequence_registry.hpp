#pragma once
/// make_sequence_dataset: the sequence datasets by name, with one options struct whose fields
/// each name reads (the JSON bridge fills it). Layouts and baselines: sequences.hpp and
/// char_corpus.hpp.
#include <cstdint>
#include <string>
#include <vector>

#include "engine/core/data/dataset.hpp"

namespace nn {

/// Options of make_sequence_dataset; fields a name does not read are ignored.
struct SequenceDatasetOptions {
  /// Samples: windows for the waves, sequences for adding/copy_memory/parity. char_corpus
  /// ignores it (it yields every window of the corpus at `stride`).
  Index n = 256;
  /// The length argument of each name:
  ///   sine/sawtooth/square: window_length (steps per input window);
  ///   adding, parity:       sequence length;
  ///   copy_memory:          delay (steps = 2 copy_length + delay);
  ///   char_corpus:          window (characters per input).
  Index length = 20;
  /// Rng seed (char_corpus is not random and ignores it).
  std::uint64_t seed = 0;
  /// Waves only: Gaussian input noise stddev, steps per cycle, peak value.
  double noise = 0.0;
  double period = 20.0;
  double amplitude = 1.0;
  /// copy_memory only: symbols to copy and alphabet size.
  Index copy_length = 10;
  Index symbols = 8;
  /// char_corpus only: characters between window starts.
  Index stride = 1;
};

/// Builds a sequence dataset by name (see sequence_dataset_names()):
///   "adding"      make_adding_problem(n, length, seed)
///   "copy_memory" make_copy_memory(n, length, seed, copy_length, symbols)
///   "char_corpus" make_char_windows(builtin_corpus(), its vocabulary, length, stride)
///   "parity"      make_parity(n, length, seed)
///   "sawtooth", "sine", "square": make_wave_windows(name, n, length, seed,
///                                                   {period, amplitude, noise})
/// Throws nn::Error listing the valid names for an unknown one.
Dataset make_sequence_dataset(const std::string& name, const SequenceDatasetOptions& options = {});

/// Every name make_sequence_dataset accepts, sorted.
std::vector<std::string> sequence_dataset_names();

}  // namespace nn
