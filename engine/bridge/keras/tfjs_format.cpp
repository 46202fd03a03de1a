// The TF.js Layers model.json (tfjs-layers io: tf.io.ModelArtifacts / ModelJSON; tfjs-core
// io/types.ts WeightsManifestConfig). TF.js names each weight "<layer>/<weight>", exactly as
// nnplay's params are named ("dense/kernel", "lstm/recurrent_kernel", "bi/forward_lstm/bias",
// "bn/moving_mean", "emb/embeddings", "prelu/alpha"), so names map 1:1.
#include "engine/bridge/keras/tfjs_format.hpp"

namespace nn::bridge {
namespace {

/// The last segment of a weight name: "lstm/kernel" -> "kernel".
std::string leaf(const std::string& name) {
  const auto slash = name.rfind('/');
  return slash == std::string::npos ? name : name.substr(slash + 1);
}

constexpr std::int64_t kMaxFloats = std::int64_t{1} << 31;

}  // namespace

std::vector<std::int64_t> keras_weight_shape(const std::string& name, const Matrix& value) {
  const auto rows = static_cast<std::int64_t>(value.rows());
  const auto cols = static_cast<std::int64_t>(value.cols());
  const std::string w = leaf(name);
  // Matrices (kernel (units, in) = Keras [in, units], ...) keep their bytes when transposed.
  if (w == "kernel" || w == "recurrent_kernel" || w == "embeddings") return {cols, rows};
  // Vectors (bias, gamma, beta, moving stats, alpha of a rank-1 input) are Keras [n].
  if (cols == 1) return {rows};
  // A GRU reset_after bias (3u, 2) is [2, 3u]; a PReLU alpha (f, t) is Keras [t, f].
  return {cols, rows};
}

json tfjs_model_json(const json& keras_topology, const std::vector<WeightEntry>& weights) {
  json specs = json::array();
  for (const auto& w : weights) {
    specs.push_back({{"name", w.name}, {"shape", w.shape}, {"dtype", "float32"}});
  }
  return {{"format", "layers-model"},
          {"generatedBy", "nnplay"},
          {"convertedBy", nullptr},
          {"modelTopology", keras_topology},
          {"weightsManifest",
           json::array({{{"paths", json::array({"model.weights.bin"})}, {"weights", specs}}})}};
}

TfjsModel parse_tfjs_model_json(const json& model_json, const std::string& path) {
  ObjectReader r(model_json, path);
  TfjsModel out;
  if (const json* f = r.find("format")) {
    const std::string format = read_string(*f, r.path_of("format"));
    if (format != "layers-model") {
      fail_at(r.path_of("format"),
              "expected \"layers-model\" (a TF.js Layers model), got " + describe(*f));
    }
  }
  for (const char* key : {"generatedBy", "convertedBy", "trainingConfig", "userDefinedMetadata"}) {
    r.skip(key);
  }
  const json& topology = read_object(r.require("modelTopology"), r.path_of("modelTopology"));
  // tfjs_converter's Keras output wraps the model: {"model_config": {...}, "training_config"}.
  out.topology = topology.contains("model_config") ? topology.at("model_config") : topology;
  const std::string mpath = r.path_of("weightsManifest");
  const json& groups = read_array(r.require("weightsManifest"), mpath);
  for (std::size_t g = 0; g < groups.size(); ++g) {
    ObjectReader group(groups[g], child_path(mpath, g));
    const json& paths = read_array(group.require("paths"), group.path_of("paths"));
    for (std::size_t p = 0; p < paths.size(); ++p) {
      read_string(paths[p], child_path(group.path_of("paths"), p));
    }
    const std::string wpath = group.path_of("weights");
    const json& weights = read_array(group.require("weights"), wpath);
    for (std::size_t i = 0; i < weights.size(); ++i) {
      ObjectReader w(weights[i], child_path(wpath, i));
      WeightEntry e;
      e.name = w.required_string("name");
      const std::string dtype = w.string("dtype", "float32");
      if (dtype != "float32") {
        fail_at(w.path_of("dtype"),
                "nnplay reads float32 weights only; expected \"float32\", got " +
                    describe(json(dtype)));
      }
      if (w.has("quantization")) {
        fail_at(w.path_of("quantization"),
                "nnplay does not read quantized weights; expected no quantization, got " +
                    describe(*w.find("quantization")));
      }
      w.skip("group");
      const std::string spath = w.path_of("shape");
      const json& shape = read_array(w.require("shape"), spath, 8);
      std::int64_t count = 1;
      for (std::size_t k = 0; k < shape.size(); ++k) {
        const std::int64_t d = read_integer(shape[k], child_path(spath, k), 0, kMaxFloats);
        e.shape.push_back(d);
        count *= d;
        if (count > kMaxFloats) fail_at(spath, "expected at most 2^31 values, got more");
      }
      e.offset = out.total_floats;
      out.total_floats += count;
      if (out.total_floats > kMaxFloats) fail_at(spath, "expected at most 2^31 values in all");
      w.finish();
      out.weights.push_back(e);
    }
    group.finish();
  }
  r.finish();
  return out;
}

}  // namespace nn::bridge
