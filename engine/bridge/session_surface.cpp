// Session op surface: an optimizer's path on a two-parameter loss (engine/core/surfaces), with
// its gradients and slots per step, and the loss on a grid for a contour plot. Needs no model.
#include <cmath>

#include "engine/bridge/session.hpp"
#include "engine/bridge/session_state.hpp"
#include "engine/bridge/session_util.hpp"
#include "engine/bridge/spec/compile_spec.hpp"
#include "engine/core/surfaces/trace.hpp"

namespace nn::bridge {

namespace {

constexpr std::int64_t kMaxSurfaceSteps = 5000;
constexpr std::int64_t kMaxSurfaceSamples = 1000;
constexpr std::int64_t kMaxSurfaceResolution = 256;
constexpr double kMaxStart = 1000.0;
constexpr std::size_t kMaxSurfaceOut = 32;

struct View {
  const char* parameters[2];
  double x_range[2];
  double y_range[2];
};

// The axes' names and the region a contour plot shows first, per SurfaceKind.
constexpr View kViews[] = {
    {{"x", "y"}, {-4, 4}, {-3, 3}}, {{"x", "y"}, {-2, 2}, {-2, 2}},
    {{"x", "y"}, {-2, 2}, {-1, 3}}, {{"x", "y"}, {-4.5, 4.5}, {-4.5, 4.5}},
    {{"w", "b"}, {-4, 8}, {-6, 6}}, {{"w", "b"}, {-2, 6}, {-5, 3}},
};

Vec2 read_pair(const json& value, const std::string& path, double bound) {
  const json& pair = read_array(value, path, 2);
  if (pair.size() != 2) fail_at(path, "expected [x, y], two numbers");
  return {read_number(pair[0], path + "/0", -bound, bound),
          read_number(pair[1], path + "/1", -bound, bound)};
}

std::vector<float> to_floats(const std::vector<double>& values) {
  return {values.begin(), values.end()};
}

/// The loss on a (resolution x resolution) grid: row i is y = lo + i step, column j likewise x.
std::vector<float> grid_values(const Surface& surface, ObjectReader& grid, Index* resolution) {
  const Vec2 xs = read_pair(grid.require("x"), grid.path_of("x"), 1e4);
  const Vec2 ys = read_pair(grid.require("y"), grid.path_of("y"), 1e4);
  *resolution = static_cast<Index>(grid.integer("resolution", 64, 2, kMaxSurfaceResolution));
  grid.finish({"x", "y", "resolution"});
  if (!(xs[0] < xs[1])) fail_at(grid.path_of("x"), "expected [lo, hi] with lo < hi");
  if (!(ys[0] < ys[1])) fail_at(grid.path_of("y"), "expected [lo, hi] with lo < hi");
  const Index n = *resolution;
  std::vector<float> values;
  values.reserve(static_cast<std::size_t>(n * n));
  for (Index i = 0; i < n; ++i) {
    const double y = ys[0] + (ys[1] - ys[0]) * static_cast<double>(i) / static_cast<double>(n - 1);
    for (Index j = 0; j < n; ++j) {
      const double x =
          xs[0] + (xs[1] - xs[0]) * static_cast<double>(j) / static_cast<double>(n - 1);
      values.push_back(static_cast<float>(surface.value({x, y})));
    }
  }
  return values;
}

}  // namespace

json SessionState::op_surface(ObjectReader& request) {
  const std::string name = request.required_string("function");
  const std::optional<SurfaceKind> kind = surface_kind(name);
  if (!kind) fail_unknown_name("/function", "function", name, surface_names());
  const bool has_samples = *kind == SurfaceKind::kNeuron || *kind == SurfaceKind::kLine;
  const std::int64_t steps = request.integer("steps", 0, 0, kMaxSurfaceSteps);
  const char* only_data = "applies only to the functions with samples (neuron, line)";
  for (const char* key : {"samples", "batch_size", "seed"}) {
    if (!has_samples && request.has(key)) fail_at(request.path_of(key), only_data);
  }
  const std::int64_t samples = request.integer("samples", 64, 2, kMaxSurfaceSamples);
  SurfacePathOptions options;
  options.steps = static_cast<Index>(steps);
  options.batch_size = static_cast<Index>(request.integer("batch_size", samples, 1, samples));
  options.seed = static_cast<std::uint64_t>(request.integer("seed", 0, 0));
  if (steps > 0)
    options.start = read_pair(request.require("start"), "/start", kMaxStart);
  else if (request.has("start"))
    options.start = read_pair(*request.find("start"), "/start", kMaxStart);
  const json* optimizer_json = request.find("optimizer");
  if (steps > 0 && !optimizer_json) fail_at("/optimizer", "missing required field (steps > 0)");
  const OptimizerSpec optimizer_spec =
      optimizer_json ? parse_optimizer(*optimizer_json, "/optimizer") : OptimizerSpec{};
  const json* grid_json = request.find("grid");
  const std::string out = read_out(request, "surface", kMaxSurfaceOut);
  request.finish({"op", "function", "start", "optimizer", "steps", "batch_size", "samples", "seed",
                  "grid", "out"});

  const Surface surface(*kind, static_cast<Index>(samples));
  Index resolution = 0;
  std::vector<float> grid;
  if (grid_json) {
    ObjectReader grid_reader(*grid_json, "/grid");
    grid = grid_values(surface, grid_reader, &resolution);
  }
  OptimizerPtr optimizer = make_optimizer(optimizer_spec, "/optimizer");
  const SurfacePath path = trace_path(surface, *optimizer, options);
  const std::vector<std::string> slot_names = optimizer->slot_names();

  // Check the total size before storing anything, so a refused answer leaves no arrays.
  const std::size_t floats = path.points.size() + path.gradients.size() + path.slots.size() +
                             grid.size() + 2 * surface.inputs().size();
  if (total_floats + floats > kMaxTotalFloats) {
    fail_at("", "cannot store the result: arrays would hold more than " +
                    std::to_string(kMaxTotalFloats) + " values; delete some first");
  }
  const auto rows = static_cast<std::int64_t>(path.steps);
  json names = json::object();
  auto put = [&](const char* key, std::vector<float> values, const json& shape) {
    names[key] = put_array(out + "/" + key, std::move(values), shape)["name"];
  };
  put("path", to_floats(path.points), {rows + 1, 3});
  put("gradients", to_floats(path.gradients), {rows, 2});
  put("slots", to_floats(path.slots), {rows, static_cast<std::int64_t>(2 * slot_names.size())});
  if (grid_json) put("grid", std::move(grid), {resolution, resolution});
  if (has_samples) {
    put("data_t", to_floats(surface.inputs()), {samples});
    put("data_target", to_floats(surface.targets()), {samples});
  }

  const View& view = kViews[static_cast<int>(*kind)];
  const std::optional<Vec2> minimum = surface.minimum();
  json answer = {
      {"function",
       {{"name", name},
        {"parameters", {view.parameters[0], view.parameters[1]}},
        {"x_range", {view.x_range[0], view.x_range[1]}},
        {"y_range", {view.y_range[0], view.y_range[1]}},
        {"minimum", minimum ? json{(*minimum)[0], (*minimum)[1]} : json(nullptr)}}},
      {"steps", path.steps},
      {"stopped", path.stopped_at > 0 ? json{{"step", path.stopped_at}, {"reason", "diverged"}}
                                      : json(nullptr)},
      {"slots", slot_names},
      {"arrays", names}};
  if (has_samples) {
    const Index batch = options.batch_size;
    answer["batches_per_epoch"] = (samples + batch - 1) / batch;
  }
  return answer;
}

}  // namespace nn::bridge
