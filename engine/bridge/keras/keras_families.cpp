// Keras families <-> nnplay families. Keras sources: keras/src/activations/__init__.py,
// keras/src/initializers/__init__.py (class names and aliases), keras/src/regularizers/;
// TF.js: tfjs-layers/src/{activations,initializers,regularizers}.ts (what TF.js writes).
#include "engine/bridge/keras/keras_families.hpp"

#include <algorithm>
#include <cmath>
#include <utility>
#include <vector>

namespace nn::bridge::keras {
namespace {

const std::vector<std::string>& activation_names() {
  static const std::vector<std::string> names = {
      "linear",   "sigmoid", "tanh", "relu", "elu",          "selu",    "softplus",
      "softsign", "swish",   "silu", "gelu", "hard_sigmoid", "softmax", "leaky_relu"};
  return names;
}

bool contains(const std::vector<std::string>& list, const std::string& name) {
  return std::find(list.begin(), list.end(), name) != list.end();
}

/// The Keras initializer config reader: a "config" object whose keys are checked one by one.
struct InitConfig {
  ObjectReader reader;
  InitConfig(const json& config, const std::string& path) : reader(config, path) {
    reader.skip("seed");  // nnplay seeds every initializer from the model seed
  }
  double number(const char* key, double fallback) { return reader.number(key, fallback); }
};

/// An nnplay initializer: the plain name when every option is at its default.
json initializer_value(const std::string& type, json options, const json& defaults) {
  if (options == defaults) return type;
  json out = {{"type", type}};
  for (auto it = options.begin(); it != options.end(); ++it) out[it.key()] = it.value();
  return out;
}

/// nnplay initializers with options, and their defaults (Keras 3's).
const json& initializer_defaults(const std::string& type) {
  static const json table = {{"constant", {{"value", 0.0}}},
                             {"random_normal", {{"mean", 0.0}, {"stddev", 0.05}}},
                             {"truncated_normal", {{"mean", 0.0}, {"stddev", 0.05}}},
                             {"random_uniform", {{"minval", -0.05}, {"maxval", 0.05}}},
                             {"orthogonal", {{"gain", 1.0}}}};
  static const json none = json::object();
  return table.contains(type) ? table.at(type) : none;
}

/// VarianceScaling(scale, mode, distribution) as one of nnplay's named initializers.
std::string variance_scaling_name(ObjectReader& cfg) {
  const double scale = cfg.number("scale", 1.0, 0.0);
  const std::string mode = cfg.string("mode", "fan_in");
  const std::string dist = cfg.string("distribution", "truncated_normal");
  // Keras 2 and TF.js write "normal" for the truncated normal ("normal" is its legacy alias).
  const bool uniform = dist == "uniform";
  const bool normal = dist == "normal" || dist == "truncated_normal";
  std::string family;
  if (scale == 1.0 && mode == "fan_avg") family = "glorot";
  if (scale == 2.0 && mode == "fan_in") family = "he";
  if (scale == 1.0 && mode == "fan_in") family = "lecun";
  if (family.empty() || (!uniform && !normal)) {
    fail_at(cfg.path(), "nnplay has no VarianceScaling initializer with scale " +
                            json(scale).dump() + ", mode '" + mode + "', distribution '" + dist +
                            "'; expected glorot (1, fan_avg), he (2, fan_in) or lecun (1, fan_in)"
                            " with a uniform or (truncated) normal distribution");
  }
  return family + (uniform ? "_uniform" : "_normal");
}

}  // namespace

json import_activation(const json& value, const std::string& path, Dialect dialect) {
  if (value.is_null()) return "linear";
  std::string name;
  if (value.is_object()) {
    // Keras 3 may serialize a built-in activation as {"class_name": "function", "config": name}.
    ObjectReader obj(value, path);
    obj.skip("module");
    obj.skip("registered_name");
    const std::string cls = obj.required_string("class_name");
    if (cls != "function")
      fail_unknown_name(obj.path_of("class_name"), "activation", cls, activation_names());
    name = read_string(obj.require("config"), obj.path_of("config"));
    obj.finish();
  } else {
    name = read_string(value, path);
  }
  if (name == "hard_sigmoid" && dialect == Dialect::kKeras2) {
    fail_at(path,
            "nnplay does not support Keras 2 / TF.js hard_sigmoid (clip(0.2 x + 0.5, 0, 1)); "
            "nnplay's is Keras 3's relu6(x + 3) / 6; expected another activation, got "
            "\"hard_sigmoid\"");
  }
  if (!contains(activation_names(), name)) {
    fail_unknown_name(path, "activation", name, activation_names());
  }
  return name;
}

json export_activation(const json& value, const std::string& path) {
  if (!value.is_string()) {
    fail_at(path, "Keras has no activation string for " + value.dump() +
                      "; expected an activation without options");
  }
  const std::string name = value.get<std::string>();
  if (name == "hard_sigmoid") {
    fail_at(path,
            "TF.js and Keras 2 compute hard_sigmoid as clip(0.2 x + 0.5, 0, 1), not nnplay's "
            "relu6(x + 3) / 6; expected another activation, got \"hard_sigmoid\"");
  }
  if (name == "silu") return "swish";  // the same function; TF.js only knows "swish"
  if (!contains(activation_names(), name)) {
    fail_unknown_name(path, "Keras activation", name, activation_names());
  }
  return name;
}

json import_initializer(const json& value, const std::string& path) {
  static const std::vector<std::pair<std::string, std::string>> classes = {
      {"Zeros", "zeros"},
      {"Ones", "ones"},
      {"Constant", "constant"},
      {"RandomNormal", "random_normal"},
      {"RandomUniform", "random_uniform"},
      {"TruncatedNormal", "truncated_normal"},
      {"GlorotUniform", "glorot_uniform"},
      {"GlorotNormal", "glorot_normal"},
      {"HeUniform", "he_uniform"},
      {"HeNormal", "he_normal"},
      {"LecunUniform", "lecun_uniform"},
      {"LecunNormal", "lecun_normal"},
      {"Orthogonal", "orthogonal"},
      {"VarianceScaling", ""}};
  if (value.is_string()) {
    // A Keras identifier ("glorot_uniform", "zeros"): nnplay uses the same names.
    static const std::vector<std::string> names = {
        "zeros",          "ones",           "constant",
        "random_normal",  "random_uniform", "truncated_normal",
        "glorot_uniform", "glorot_normal",  "he_uniform",
        "he_normal",      "lecun_uniform",  "lecun_normal",
        "orthogonal",     "uniform"};
    const std::string name = value.get<std::string>();
    if (!contains(names, name)) fail_unknown_name(path, "initializer", name, names);
    return name;
  }
  ObjectReader obj(value, path);
  obj.skip("module");
  obj.skip("registered_name");
  const std::string cls = obj.required_string("class_name");
  const json config = obj.has("config") ? *obj.find("config") : json::object();
  obj.finish();
  const auto it =
      std::find_if(classes.begin(), classes.end(), [&](const auto& c) { return c.first == cls; });
  if (it == classes.end()) {
    std::vector<std::string> valid;
    for (const auto& c : classes) valid.push_back(c.first);
    fail_unknown_name(child_path(path, "class_name"), "Keras initializer", cls, valid);
  }
  InitConfig cfg(config, child_path(path, "config"));
  std::string type = it->second;
  json options = json::object();
  if (type.empty()) {
    type = variance_scaling_name(cfg.reader);
  } else if (type == "constant") {
    options["value"] = cfg.number("value", 0.0);
  } else if (type == "random_normal" || type == "truncated_normal") {
    options["mean"] = cfg.number("mean", 0.0);
    options["stddev"] = cfg.reader.number("stddev", 0.05, 0.0);
  } else if (type == "random_uniform") {
    options["minval"] = cfg.number("minval", -0.05);
    options["maxval"] = cfg.number("maxval", 0.05);
  } else if (type == "orthogonal") {
    options["gain"] = cfg.number("gain", 1.0);
  }
  cfg.reader.finish();
  return initializer_value(type, options, initializer_defaults(type));
}

json export_initializer(const json& value, const std::string& path) {
  std::string type;
  json options = json::object();
  if (value.is_string()) {
    type = value.get<std::string>();
  } else {
    ObjectReader obj(value, path);
    type = obj.required_string("type");
    for (auto it = value.begin(); it != value.end(); ++it) {
      if (it.key() != "type") options[it.key()] = it.value();
    }
  }
  if (type == "uniform") type = "random_uniform";  // Keras's "uniform" identifier
  json opts = initializer_defaults(type);
  for (auto it = options.begin(); it != options.end(); ++it) opts[it.key()] = it.value();
  // TF.js writes the glorot/he/lecun family as VarianceScaling (distribution "normal" is
  // TF.js's truncated normal).
  struct Vs {
    const char* name;
    double scale;
    const char* mode;
    const char* dist;
  };
  static const Vs vs[] = {
      {"glorot_uniform", 1, "fan_avg", "uniform"}, {"glorot_normal", 1, "fan_avg", "normal"},
      {"he_uniform", 2, "fan_in", "uniform"},      {"he_normal", 2, "fan_in", "normal"},
      {"lecun_uniform", 1, "fan_in", "uniform"},   {"lecun_normal", 1, "fan_in", "normal"}};
  for (const auto& v : vs) {
    if (type == v.name) {
      return {
          {"class_name", "VarianceScaling"},
          {"config",
           {{"scale", v.scale}, {"mode", v.mode}, {"distribution", v.dist}, {"seed", nullptr}}}};
    }
  }
  static const std::vector<std::pair<std::string, std::string>> classes = {
      {"zeros", "Zeros"},
      {"ones", "Ones"},
      {"constant", "Constant"},
      {"random_normal", "RandomNormal"},
      {"random_uniform", "RandomUniform"},
      {"truncated_normal", "TruncatedNormal"},
      {"orthogonal", "Orthogonal"}};
  for (const auto& c : classes) {
    if (type != c.first) continue;
    if (type != "zeros" && type != "ones" && type != "constant") opts["seed"] = nullptr;
    return {{"class_name", c.second}, {"config", opts}};
  }
  std::vector<std::string> valid;
  for (const auto& v : vs) valid.push_back(v.name);
  for (const auto& c : classes) valid.push_back(c.first);
  valid.push_back("uniform");
  fail_unknown_name(path, "initializer", type, valid);
}

bool same_initializer(const json& a, const json& b) {
  const auto norm = [](const json& v) -> json {
    return v == "uniform" ? json("random_uniform") : v;
  };
  return norm(a) == norm(b);
}

json import_regularizer(const json& value, const std::string& path) {
  if (value.is_null()) return nullptr;
  if (value.is_string()) {
    const std::string name = value.get<std::string>();
    if (name == "l1") return {{"l1", 0.01}, {"l2", 0.0}};
    if (name == "l2") return {{"l1", 0.0}, {"l2", 0.01}};
    if (name == "l1_l2") return {{"l1", 0.01}, {"l2", 0.01}};
    fail_unknown_name(path, "regularizer", name, {"l1", "l2", "l1_l2"});
  }
  ObjectReader obj(value, path);
  obj.skip("module");
  obj.skip("registered_name");
  const std::string cls = obj.required_string("class_name");
  const json config = obj.has("config") ? *obj.find("config") : json::object();
  obj.finish();
  if (cls != "L1L2" && cls != "L1" && cls != "L2") {
    fail_unknown_name(child_path(path, "class_name"), "Keras regularizer", cls,
                      {"L1L2", "L1", "L2"});
  }
  ObjectReader cfg(config, child_path(path, "config"));
  // Keras 3 defaults: L1(l1=0.01), L2(l2=0.01), L1L2(l1=0.0, l2=0.0).
  const double l1 = cls == "L2" ? 0.0 : cfg.number("l1", cls == "L1" ? 0.01 : 0.0, 0.0);
  const double l2 = cls == "L1" ? 0.0 : cfg.number("l2", cls == "L2" ? 0.01 : 0.0, 0.0);
  cfg.finish();
  return {{"l1", l1}, {"l2", l2}};
}

json export_regularizer(const json& value, const std::string& path) {
  if (value.is_null()) return nullptr;
  double l1 = 0.0;
  double l2 = 0.0;
  if (value.is_string()) {
    const json r = import_regularizer(value, path);
    l1 = r.at("l1").get<double>();
    l2 = r.at("l2").get<double>();
  } else {
    ObjectReader obj(value, path);
    l1 = obj.number("l1", 0.0, 0.0);
    l2 = obj.number("l2", 0.0, 0.0);
    obj.finish();
  }
  return {{"class_name", "L1L2"}, {"config", {{"l1", l1}, {"l2", l2}}}};
}

void check_dtype(const json& value, const std::string& path, bool allow_int) {
  if (value.is_null()) return;
  std::string name;
  std::string at = path;
  if (value.is_object()) {
    // Keras 3: {"module": "keras", "class_name": "DTypePolicy", "config": {"name": "float32"}}.
    ObjectReader obj(value, path);
    obj.skip("module");
    obj.skip("registered_name");
    obj.skip("class_name");
    at = child_path(obj.path_of("config"), "name");
    ObjectReader cfg(obj.require("config"), obj.path_of("config"));
    name = cfg.required_string("name");
    cfg.finish();
    obj.finish();
  } else {
    name = read_string(value, path);
  }
  if (name == "float32") return;
  if (allow_int && (name == "int32" || name == "int64")) return;
  fail_at(at, "nnplay computes in float32; expected \"float32\"" +
                  std::string(allow_int ? ", \"int32\" or \"int64\"" : "") + ", got " +
                  describe(json(name)));
}

void require_neutral(const json& value, const json& neutral, const std::string& path,
                     const std::string& key) {
  if (value.is_null() || value == neutral) return;
  fail_at(path, "nnplay does not support " + key + "; expected " + describe(neutral) + ", got " +
                    describe(value));
}

}  // namespace nn::bridge::keras
