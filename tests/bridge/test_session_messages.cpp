// Answer messages stay short and plain: no message carries nlohmann's "[json.exception...]"
// tags, user strings are echoed as short excerpts (every message <= 200 characters, even for a
// 100 KB name), names longer than 64 characters are refused at their field.
#include <catch2/catch.hpp>

#include "bridge/session_helpers.hpp"

using nn::bridge::Session;
using nn::test::ok;
using json = nlohmann::json;

namespace {

const std::string kHuge(100000, 'q');

json mlp_spec() {
  return json::parse(R"({"schema": 1,
    "model": {"type": "sequential", "input_shape": [2],
              "layers": [{"type": "dense", "units": 4, "activation": "tanh"},
                         {"type": "dense", "units": 3, "activation": "softmax"}]},
    "compile": {"optimizer": "adam", "loss": "sparse_categorical_crossentropy"}})");
}

/// Requires an error answer for `text` whose message is plain and at most 200 characters.
json plain_error_text(Session& s, const std::string& text) {
  const json a = json::parse(s.handle(text));
  INFO(text.substr(0, 200));
  REQUIRE(a.at("ok") == false);
  const std::string m = a.at("error").at("message").get<std::string>();
  INFO(m);
  CHECK(m.size() <= 200);
  CHECK(m.find("json.exception") == std::string::npos);
  CHECK(m.find("parse_error") == std::string::npos);
  CHECK(m.find("out_of_range") == std::string::npos);
  CHECK(m.find("qqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqqq") == std::string::npos);
  return a.at("error");
}

json plain_error(Session& s, const json& request) { return plain_error_text(s, request.dump()); }

/// The spec with `value` at JSON Pointer `where`.
json spec_with(const std::string& where, const json& value) {
  json spec = mlp_spec();
  spec[json::json_pointer(where)] = value;
  return spec;
}

}  // namespace

TEST_CASE("SessionMessages: a huge string anywhere gives a short message", "[bridge][errors]") {
  Session s;
  plain_error(s, {{"op", kHuge}});
  plain_error(s, {{"op", "build"}, {kHuge, 1}});
  for (const char* where :
       {"/model/layers/0/type", "/model/layers/0/activation", "/model/layers/0/name", "/model/name",
        "/model/type", "/compile/optimizer", "/compile/loss", "/compile/metrics/0",
        "/model/layers/0/kernel_initializer", "/data/name"}) {
    INFO(where);
    json spec = spec_with(where, kHuge);
    if (std::string(where) == "/data/name") spec["data"] = {{"name", kHuge}};
    plain_error(s, {{"op", "build"}, {"spec", spec}});
  }
  plain_error(s, {{"op", "build"}, {"spec", spec_with("/compile/optimizer", {{"type", kHuge}})}});
  plain_error(s,
              {{"op", "build"},
               {"spec", spec_with("/model/layers/0/activation", {{"type", "elu"}, {kHuge, 1}})}});
  ok(s, {{"op", "build"}, {"spec", mlp_spec()}});
  plain_error(s, {{"op", "set_data"}, {"train", {{"x", {kHuge}}, {"y", {kHuge}}}}});
  plain_error(s, {{"op", "predict"}, {"x", {kHuge}}});
  plain_error(s, {{"op", "get_weights"}, {"out", kHuge}});
  plain_error(s, {{"op", "export"}, {"format", kHuge}});
  plain_error(s, {{"op", "tune"}, {"optimizer", {{"type", kHuge}}}});
  // Keras files: class names, activations, layer names.
  const json keras_layers = {{{"class_name", "InputLayer"},
                              {"config", {{"batch_input_shape", {nullptr, 2}}, {"name", "in"}}}},
                             {{"class_name", "Dense"}, {"config", {{"units", 2}, {"name", "d"}}}}};
  for (const auto& [where, value] :
       std::vector<std::pair<std::string, json>>{{"/1/class_name", kHuge},
                                                 {"/1/config/activation", kHuge},
                                                 {"/1/config/name", kHuge},
                                                 {"/1/config/" + kHuge, 1}}) {
    json layers = keras_layers;
    if (where.rfind("/1/config/qqq", 0) == 0) {
      layers[1]["config"][kHuge] = 1;
    } else {
      layers[json::json_pointer(where)] = value;
    }
    plain_error(s, {{"op", "build"},
                    {"keras", {{"class_name", "Sequential"}, {"config", {{"layers", layers}}}}}});
  }
  plain_error(s, {{"op", "build"}, {"keras", {{"class_name", kHuge}, {"config", json::object()}}}});
}

TEST_CASE("SessionMessages: malformed JSON is told in plain words with its place",
          "[bridge][errors]") {
  Session s;
  const json e = plain_error_text(s, "{\"op\": \"build\",\n  \"spec\": " + kHuge + "}");
  CHECK_THAT(e.at("message").get<std::string>(), Catch::StartsWith("malformed JSON at line 2"));
  CHECK(e.at("path") == "");
  const json big = plain_error_text(s, R"({"op": "train", "batches": 1e999})");
  CHECK_THAT(big.at("message").get<std::string>(), Catch::Contains("too large"));
  plain_error_text(s, "{\"op\": \"" + kHuge);
  plain_error_text(s, "[1, 2");
  plain_error_text(s, "{\"op\": \"\xff\xfe\"}");
}

TEST_CASE("SessionMessages: names longer than 64 characters are refused at their field",
          "[bridge][errors]") {
  Session s;
  const std::string name65(65, 'n');
  const std::string name64(64, 'n');
  ok(s, {{"op", "build"}, {"spec", spec_with("/model/layers/0/name", name64)}});
  CHECK(plain_error(s, {{"op", "build"}, {"spec", spec_with("/model/layers/0/name", name65)}})
            .at("path") == "/spec/model/layers/0/name");
  CHECK(plain_error(s, {{"op", "build"}, {"spec", spec_with("/model/name", name65)}}).at("path") ==
        "/spec/model/name");
  const json functional =
      json::parse(R"({"type": "functional", "inputs": [{"name": "a", "shape": [2]}],
    "layers": [{"type": "dense", "units": 1, "inputs": ["a"]}]})");
  json spec = {{"schema", 1}, {"model", functional}};
  spec["model"]["inputs"][0]["name"] = name65;
  CHECK(plain_error(s, {{"op", "build"}, {"spec", spec}}).at("path") ==
        "/spec/model/inputs/0/name");
}
