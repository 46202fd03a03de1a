// Model::summary(): Keras 2-style text table (the one the course notes print), with a
// "Connected to" column for functional models. Parameter counts are Keras's.

#include "engine/core/models/model.hpp"
#include "engine/core/models/sequential.hpp"

namespace nn {
namespace {

/// 266610 -> "266,610"
std::string with_commas(Index n) {
  std::string digits = std::to_string(n), out;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

/// Writes cells left-aligned at the given column stops, cutting cells that do not fit.
std::string row(const std::vector<std::string>& cells, const std::vector<std::size_t>& stops) {
  std::string line;
  std::size_t start = 0;
  for (std::size_t i = 0; i < cells.size(); ++i) {
    std::string cell = (i == 0 ? " " : "") + cells[i];
    const std::size_t width = stops[i] - start;
    if (cell.size() > width - 1 && i + 1 < cells.size()) cell = cell.substr(0, width - 1);
    line += cell;
    if (i + 1 < cells.size()) line += std::string(width - cell.size(), ' ');
    start = stops[i];
  }
  return line + "\n";
}

}  // namespace

std::string Model::summary() {
  const bool sequential = dynamic_cast<Sequential*>(this) != nullptr;
  const std::vector<std::size_t> stops =
      sequential ? std::vector<std::size_t>{29, 55, 65} : std::vector<std::size_t>{32, 58, 70, 98};
  const std::size_t width = stops.back();
  std::string out = "Model: \"" + name() + "\"\n" + std::string(width, '_') + "\n";
  std::vector<std::string> header = {"Layer (type)", "Output Shape", "Param #"};
  if (!sequential) header.push_back("Connected to");
  out += row(header, stops) + std::string(width, '=') + "\n";
  const Graph& g = graph();
  for (std::size_t n = 0; n < g.node_count(); ++n) {
    const int node = static_cast<int>(n);
    if (g.is_extra_output(node)) continue;  // a return_state output, shown with its layer
    const bool is_input = g.is_input(node);
    if (is_input && sequential) continue;  // Keras's Sequential summary omits the InputLayer
    const std::string type = is_input ? "InputLayer" : g.layer(node)->type();
    const Index count = is_input ? 0 : graph().layer(node)->param_count();
    // Keras 2 prints an InputLayer's output shape as a list ([(None, 8)]), other layers' bare.
    const std::string shape = shape_str(g.node_shape(node));
    std::vector<std::string> cells = {g.node_name(node) + " (" + type + ")",
                                      is_input ? "[" + shape + "]" : shape, std::to_string(count)};
    if (!sequential) {
      std::string links;
      for (int in : g.node_inputs(node))
        links += (links.empty() ? "" : ", ") + g.node_name(in) + "[0][0]";
      cells.push_back(links);
    }
    out += row(cells, stops);
  }
  const Index total = count_params(), trainable = count_trainable_params();
  out += std::string(width, '=') + "\n" + "Total params: " + with_commas(total) + "\n" +
         "Trainable params: " + with_commas(trainable) + "\n" +
         "Non-trainable params: " + with_commas(total - trainable) + "\n" +
         std::string(width, '_') + "\n";
  return out;
}

}  // namespace nn
