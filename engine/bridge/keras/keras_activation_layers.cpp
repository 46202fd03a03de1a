// Keras activation layer classes <-> nnplay activation layers. Keras: keras/src/layers/
// activations/{leaky_relu,relu,elu,softmax}.py (Keras 3 writes LeakyReLU's slope as
// `negative_slope`, default 0.3, and still reads Keras 2's `alpha`); TF.js:
// tfjs-layers/src/layers/advanced_activations.ts (LeakyReLU {alpha: 0.3}, ELU {alpha: 1},
// ReLU {maxValue}, Softmax {axis: -1}).
#include "engine/bridge/keras/keras_activation_layers.hpp"

namespace nn::bridge::keras {
namespace {

/// Keras's LeakyReLU slope default (both dialects; the leaky_relu *function* defaults to 0.2).
constexpr double kLeakyReluLayerSlope = 0.3;

/// {"type": name, "alpha": a}: an nnplay activation with its one option.
json with_alpha(const std::string& name, double alpha) {
  return {{"type", name}, {"alpha", alpha}};
}

/// A slope >= 0 at `key` (nnplay's leaky_relu is monotone), or `fallback` when absent.
double slope(ObjectReader& cfg, const std::string& key, double fallback) {
  const json* v = cfg.find(key);
  if (v == nullptr) return fallback;
  const double a = read_number(*v, cfg.path_of(key));
  if (a < 0) {
    fail_at(cfg.path_of(key),
            "nnplay computes leaky slopes >= 0 only; expected a number >= 0, got " + describe(*v));
  }
  return a;
}

json import_leaky_relu(ObjectReader& cfg) {
  if (cfg.has("alpha") && cfg.has("negative_slope")) {
    fail_at(cfg.path_of("alpha"),
            "expected one of alpha (Keras 2 / TF.js) and negative_slope (Keras 3), got both");
  }
  const double a = cfg.has("alpha") ? slope(cfg, "alpha", kLeakyReluLayerSlope)
                                    : slope(cfg, "negative_slope", kLeakyReluLayerSlope);
  cfg.skip("alpha");
  cfg.skip("negative_slope");
  return with_alpha("leaky_relu", a);
}

json import_relu(ObjectReader& cfg) {
  if (const json* m = cfg.find("max_value")) {
    fail_at(cfg.path_of("max_value"),
            "nnplay has no capped ReLU; expected max_value null, got " + describe(*m));
  }
  if (const json* t = cfg.find("threshold")) {
    if (read_number(*t, cfg.path_of("threshold")) != 0.0) {
      fail_at(cfg.path_of("threshold"),
              "nnplay's ReLU switches at 0; expected threshold 0, got " + describe(*t));
    }
  }
  const double a = slope(cfg, "negative_slope", 0.0);
  return a == 0.0 ? json("relu") : with_alpha("leaky_relu", a);
}

json import_elu(ObjectReader& cfg) {
  const json* v = cfg.find("alpha");
  if (v == nullptr) return "elu";
  const double a = read_number(*v, cfg.path_of("alpha"), 0.0);
  return a == 1.0 ? json("elu") : with_alpha("elu", a);
}

json import_softmax(ObjectReader& cfg) {
  if (const json* v = cfg.find("axis")) {
    // -1 (or 1), or [-1] as a list of axes.
    const bool listed = v->is_array() && v->size() == 1;
    const json& axis = listed ? (*v)[0] : *v;
    const std::string at = listed ? child_path(cfg.path_of("axis"), 0) : cfg.path_of("axis");
    // TF.js writes its default axis 1: the last axis of the (batch, features) inputs it is
    // used on (as for BatchNormalization, the input's rank is not checked here).
    const std::int64_t a = read_integer(axis, at);
    if (a != -1 && a != 1) {
      fail_at(cfg.path_of("axis"),
              "nnplay's softmax runs over the last axis only; expected -1, got " + describe(*v));
    }
  }
  return "softmax";
}

/// The option of a canonical activation (its Keras default when written as a plain name).
double alpha_of(const json& activation, double fallback) {
  if (activation.is_object() && activation.contains("alpha")) {
    return activation.at("alpha").get<double>();
  }
  return fallback;
}

}  // namespace

const std::vector<std::string>& activation_layer_classes() {
  static const std::vector<std::string> names = {"LeakyReLU", "ReLU", "ELU", "Softmax"};
  return names;
}

json import_activation_layer(const std::string& class_name, ObjectReader& cfg) {
  if (class_name == "LeakyReLU") return import_leaky_relu(cfg);
  if (class_name == "ReLU") return import_relu(cfg);
  if (class_name == "ELU") return import_elu(cfg);
  return import_softmax(cfg);
}

std::optional<json> export_activation_layer(const json& activation) {
  const std::string name =
      activation.is_object() ? activation.value("type", "") : activation.get<std::string>();
  // nnplay's leaky_relu without options is the function's 0.2, not the layer's 0.3.
  if (name == "leaky_relu") {
    return json{{"class_name", "LeakyReLU"}, {"config", {{"alpha", alpha_of(activation, 0.2)}}}};
  }
  if (name == "elu") {
    return json{{"class_name", "ELU"}, {"config", {{"alpha", alpha_of(activation, 1.0)}}}};
  }
  return std::nullopt;
}

}  // namespace nn::bridge::keras
