#include "engine/core/data/sequence_registry.hpp"

#include "engine/core/base/error.hpp"
#include "engine/core/data/char_corpus.hpp"
#include "engine/core/data/sequences.hpp"

namespace nn {

std::vector<std::string> sequence_dataset_names() {
  return {"adding", "char_corpus", "copy_memory", "parity", "sawtooth", "sine", "square"};
}

Dataset make_sequence_dataset(const std::string& name, const SequenceDatasetOptions& options) {
  const Index n = options.n, length = options.length;
  if (name == "adding") return make_adding_problem(n, length, options.seed);
  if (name == "copy_memory")
    return make_copy_memory(n, length, options.seed, options.copy_length, options.symbols);
  if (name == "parity") return make_parity(n, length, options.seed);
  if (name == "char_corpus") {
    const CharVocabulary vocab(builtin_corpus());
    return make_char_windows(builtin_corpus(), vocab, length, options.stride);
  }
  if (name == "sawtooth" || name == "sine" || name == "square") {
    WaveOptions wave;
    wave.period = options.period;
    wave.amplitude = options.amplitude;
    wave.noise = options.noise;
    return make_wave_windows(name, n, length, options.seed, wave);
  }
  std::string valid;
  for (const std::string& v : sequence_dataset_names()) valid += (valid.empty() ? "" : ", ") + v;
  fail("unknown sequence dataset '", name, "'; expected one of: ", valid);
}

}  // namespace nn
