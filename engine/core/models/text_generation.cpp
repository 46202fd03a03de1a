#include "engine/core/models/text_generation.hpp"

#include <cmath>
#include <vector>

#include "engine/core/base/error.hpp"
#include "engine/core/base/shape.hpp"
#include "engine/core/data/sampling.hpp"

namespace nn {
namespace {

/// The window length the model reads; throws unless it has one (window) or (window, 1) input
/// and one output of vocab_size values.
Index model_window(const Model& model, Index vocab_size) {
  const Graph& graph = model.graph();
  if (graph.input_nodes().size() != 1 || graph.output_nodes().size() != 1)
    fail("generate_text: the model must have 1 input and 1 output, got ",
         graph.input_nodes().size(), " and ", graph.output_nodes().size());
  const Shape& in = graph.node_shape(graph.input_nodes()[0]);
  const bool ids_shape = (in.size() == 1 || (in.size() == 2 && in[1] == 1)) && in[0] >= 1;
  if (!ids_shape)
    fail("generate_text: the model input must have shape (window) or (window, 1), got ",
         shape_str(in));
  const Shape& out = graph.node_shape(graph.output_nodes()[0]);
  if (shape_size(out) != vocab_size)
    fail("generate_text: the model output must have vocab.size() = ", vocab_size,
         " values, got shape ", shape_str(out));
  return in[0];
}

}  // namespace

std::string generate_text(Model& model, const CharVocabulary& vocab, const std::string& prompt,
                          Index length, double temperature, std::uint64_t seed) {
  if (length < 0) fail("generate_text: length must be >= 0, got ", length);
  if (!std::isfinite(temperature) || temperature <= 0.0)
    fail("generate_text: temperature must be finite and > 0, got ", temperature);
  const Index window = model_window(model, vocab.size());
  if (static_cast<Index>(prompt.size()) < window)
    fail("generate_text: prompt must have at least window = ", window, " characters, got ",
         prompt.size());
  std::vector<Index> ids = vocab.encode(prompt);

  Rng rng(seed);
  std::vector<Index> generated;
  generated.reserve(static_cast<std::size_t>(length));
  Matrix x(window, 1);
  for (Index step = 0; step < length; ++step) {
    // The last `window` ids, oldest first, as one sample column.
    const std::size_t start = ids.size() - static_cast<std::size_t>(window);
    for (Index t = 0; t < window; ++t)
      x(t, 0) = static_cast<Scalar>(ids[start + static_cast<std::size_t>(t)]);
    const std::vector<Matrix> out = model.predict({x}, 1);
    const Index next = sample_with_temperature(out[0], temperature, rng);
    ids.push_back(next);
    generated.push_back(next);
  }
  return vocab.decode(generated);
}

}  // namespace nn
