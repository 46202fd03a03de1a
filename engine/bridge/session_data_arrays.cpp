// Session op data: the session's training or validation samples as arrays, so the page can
// show them, predict on chosen ones and export them (the data a Keras script loads). The data
// may have come from a document's `data` (made in the engine) or from set_data.
#include "engine/bridge/session.hpp"
#include "engine/bridge/session_arrays.hpp"
#include "engine/bridge/session_util.hpp"

namespace nn::bridge {

namespace {

/// Keras's array shape for `count` samples of `rows` values each, whose per-sample shape is
/// `shape`: [count, ...shape], or [count, ...shape without its last axis] for class ids.
json batch_shape(Index count, Index rows, const Shape& shape) {
  json out = json::array({count});
  const bool ids = rows != shape_size(shape);
  for (std::size_t i = 0; i + (ids ? 1 : 0) < shape.size(); ++i) out.push_back(shape[i]);
  return out;
}

}  // namespace

json SessionState::op_data(ObjectReader& request) {
  Model& m = model("data");
  const std::string part = request.string("data", "train");
  if (part != "train" && part != "validation") {
    fail_unknown_name(request.path_of("data"), "data", part, {"train", "validation"});
  }
  const std::optional<ModelData>& data = part == "train" ? train_data_ : validation_data_;
  if (!data || data->size() == 0) {
    fail_at(request.path_of("data"), "the session has no " + part + " data");
  }
  const Index samples = data->size();
  const auto start = static_cast<Index>(request.integer("start", 0, 0, samples - 1));
  const auto count =
      static_cast<Index>(request.integer("count", samples - start, 1, samples - start));
  const std::string out = read_out(request, "data", 32);
  request.finish({"op", "data", "start", "count", "out"});

  // One flat column per sample in Keras's row-major order: storage order is [count, ...].
  const Graph& g = m.graph();
  ArrayBatch batch(out);
  const auto side = [&](const std::vector<Matrix>& values, const std::vector<int>& nodes,
                        const char* what) {
    json entries = json::array();
    for (std::size_t i = 0; i < values.size() && i < nodes.size(); ++i) {
      const std::string& name = g.node_name(nodes[i]);
      const Matrix block = values[i].middleCols(start, count);
      entries.push_back({{"name", name},
                         {"shape", batch_shape(count, block.rows(), g.node_shape(nodes[i]))},
                         {"array", batch.add(what, name, flatten({block}))}});
    }
    return entries;
  };
  json x = side(data->x, g.input_nodes(), "x");
  json y = side(data->y, g.output_nodes(), "y");
  batch.store(*this);
  return {{"data", part}, {"samples", samples}, {"start", start}, {"count", count}, {"x", x},
          {"y", y}};
}

}  // namespace nn::bridge
