// Every error raised while importing a Keras file (build "keras", import "tfjs") points at a
// value that exists in the request the user sent: a table of malformed files in both dialects,
// Sequential and functional, each error path resolved against the request.
#include <catch2/catch.hpp>

#include "bridge/session_helpers.hpp"
#include "tests/support/fixtures.hpp"

using nn::bridge::Session;
using nn::test::ask;
using json = nlohmann::json;

namespace {

/// Resolves JSON Pointer `path` in `root` by hand (RFC 6901: "/"-separated, "~1" is "/" and
/// "~0" is "~", array indices in decimal); nullptr when it names nothing.
const json* resolve(const json& root, const std::string& path) {
  const json* at = &root;
  std::size_t pos = 0;
  if (path.empty()) return at;
  if (path[0] != '/') return nullptr;
  while (pos < path.size()) {
    const std::size_t next = path.find('/', pos + 1);
    std::string token =
        path.substr(pos + 1, next == std::string::npos ? std::string::npos : next - pos - 1);
    for (std::size_t k; (k = token.find("~1")) != std::string::npos;) token.replace(k, 2, "/");
    for (std::size_t k; (k = token.find("~0")) != std::string::npos;) token.replace(k, 2, "~");
    if (at->is_object()) {
      auto it = at->find(token);
      if (it == at->end()) return nullptr;
      at = &*it;
    } else if (at->is_array()) {
      if (token.empty() || token.find_first_not_of("0123456789") != std::string::npos)
        return nullptr;
      const std::size_t i = std::stoul(token);
      if (i >= at->size()) return nullptr;
      at = &(*at)[i];
    } else {
      return nullptr;
    }
    if (next == std::string::npos) break;
    pos = next;
  }
  return at;
}

const json& tfjs_sample(const std::string& id) {
  for (const auto& s : nn::test::fixture("keras/tfjs_samples.json").at("samples")) {
    if (s.at("id") == id) return s.at("topology");
  }
  FAIL("no sample " << id);
  static const json none;
  return none;
}

struct Case {
  std::string what;
  json keras;
  std::string path;  // the expected path when it matters, else ""
};

json patched(const json& base, const json& patch) { return base.patch(patch); }

std::vector<Case> cases() {
  const json bn = tfjs_sample("batchnorm_dropout");  // Dense, BN, Activation, Dropout, Dense
  const json towers = tfjs_sample("two_towers");     // a, b, da, db, concat, ..., ...
  const json states = tfjs_sample("lstm_states");    // seq, encoder, hc, from_states, sum, y
  const json lstm = tfjs_sample("lstm");             // LSTM, Flatten, Dense
  const json k3 = nn::test::fixture("keras/keras3_functional_concat.json");
  const std::string L = "/keras/config/layers/";
  const std::string long_name(100, 'n');
  return {
      {"BN epsilon < 0",
       patched(bn,
               R"([{"op":"replace","path":"/config/layers/1/config/epsilon","value":-1}])"_json),
       L + "1/config/epsilon"},
      {"BN momentum string",
       patched(bn,
               R"([{"op":"replace","path":"/config/layers/1/config/momentum","value":"x"}])"_json),
       L + "1/config/momentum"},
      {"Dense without units",
       patched(bn, R"([{"op":"remove","path":"/config/layers/0/config/units"}])"_json),
       L + "0/config"},
      {"no layers", patched(bn, R"([{"op":"remove","path":"/config/layers"}])"_json),
       "/keras/config"},
      {"Dropout rate 2",
       patched(bn, R"([{"op":"replace","path":"/config/layers/3/config/rate","value":2}])"_json),
       L + "3/config/rate"},
      {"duplicate name",
       patched(bn, json::array({{{"op", "replace"},
                                 {"path", "/config/layers/4/config/name"},
                                 {"value", bn["config"]["layers"][0]["config"]["name"]}}})),
       L + "4/config/name"},
      {"long name",
       patched(bn, json::array({{{"op", "replace"},
                                 {"path", "/config/layers/2/config/name"},
                                 {"value", long_name}}})),
       L + "2/config/name"},
      {"unknown class",
       patched(bn, R"([{"op":"replace","path":"/config/layers/2/class_name","value":"Foo"}])"_json),
       L + "2/class_name"},
      {"unknown activation",
       patched(
           bn,
           R"([{"op":"replace","path":"/config/layers/2/config/activation","value":"nope"}])"_json),
       L + "2/config/activation"},
      {"LSTM on flat input",
       patched(
           lstm,
           R"([{"op":"replace","path":"/config/layers/0/config/batch_input_shape","value":[null,5]}])"_json),
       ""},
      {"input size 0",
       patched(
           towers,
           R"([{"op":"replace","path":"/config/layers/0/config/batch_input_shape","value":[null,0]}])"_json),
       L + "0/config/batch_input_shape/1"},
      {"inbound to nowhere",
       patched(
           towers,
           R"([{"op":"replace","path":"/config/layers/2/inbound_nodes/0/0/0","value":"zz"}])"_json),
       ""},
      {"no input_layers",
       patched(towers, R"([{"op":"remove","path":"/config/input_layers"}])"_json), ""},
      {"functional duplicate name",
       patched(
           towers,
           R"([{"op":"replace","path":"/config/layers/3/config/name","value":"da"},{"op":"replace","path":"/config/layers/3/name","value":"da"}])"_json),
       ""},
      {"Add of different sizes",
       patched(states,
               R"([{"op":"replace","path":"/config/layers/3/config/units","value":5}])"_json),
       ""},
      {"Keras 3 units string",
       patched(k3, R"([{"op":"replace","path":"/config/layers/2/config/units","value":"x"}])"_json),
       L + "2/config/units"},
      {"Keras 3 no batch_shape",
       patched(k3, R"([{"op":"remove","path":"/config/layers/0/config/batch_shape"}])"_json),
       L + "0/config"},
      {"Keras 3 history to nowhere",
       patched(
           k3,
           R"([{"op":"replace","path":"/config/layers/2/inbound_nodes/0/args/0/config/keras_history/0","value":"zz"}])"_json),
       ""},
      {"Keras 3 long layer name",
       patched(
           k3,
           json::array(
               {{{"op", "replace"}, {"path", "/config/layers/2/config/name"}, {"value", long_name}},
                {{"op", "replace"}, {"path", "/config/layers/2/name"}, {"value", long_name}}})),
       ""},
      {"Keras 3 epsilon",
       patched(k3, R"([{"op":"add","path":"/config/layers/2/config/epsilon","value":1}])"_json),
       L + "2/config/epsilon"},
      {"no class_name", patched(bn, R"([{"op":"remove","path":"/class_name"}])"_json), "/keras"},
  };
}

/// The path of the error `request` gets, after checking it exists in `request`.
std::string error_path(const json& request) {
  Session s;
  REQUIRE(s.set_array("blob", {0.0f}).empty());
  const json a = ask(s, request);
  INFO(a.dump().substr(0, 400));
  REQUIRE(a.at("ok") == false);
  const std::string path = a.at("error").at("path").get<std::string>();
  CHECK(resolve(request, path) != nullptr);
  CHECK(a.at("error").at("message").get<std::string>().size() <= 200);
  return path;
}

}  // namespace

TEST_CASE("KerasErrorPaths: build errors point into the Keras file", "[bridge][errors]") {
  for (const Case& c : cases()) {
    INFO(c.what);
    const std::string path = error_path({{"op", "build"}, {"keras", c.keras}});
    if (!c.path.empty()) CHECK(path == c.path);
  }
}

TEST_CASE("KerasErrorPaths: import errors point into the model.json", "[bridge][errors]") {
  for (const Case& c : cases()) {
    INFO(c.what);
    const json model_json = {
        {"format", "layers-model"},
        {"modelTopology", c.keras},
        {"weightsManifest", {{{"paths", {"model.weights.bin"}}, {"weights", json::array()}}}}};
    const std::string path = error_path(
        {{"op", "import"}, {"format", "tfjs"}, {"model_json", model_json}, {"array", "blob"}});
    if (!c.path.empty()) {
      CHECK(path == "/model_json/modelTopology" + c.path.substr(std::string("/keras").size()));
    }
  }
}

TEST_CASE("KerasErrorPaths: the resolver follows RFC 6901", "[bridge]") {
  const json doc = json::parse(R"({"a/b": [0, {"m~n": 1}], "": 2})");
  CHECK(resolve(doc, "") == &doc);
  CHECK(*resolve(doc, "/a~1b/1/m~0n") == 1);
  CHECK(*resolve(doc, "/") == 2);
  CHECK(resolve(doc, "/a~1b/2") == nullptr);
  CHECK(resolve(doc, "/a~1b/01x") == nullptr);
  CHECK(resolve(doc, "/x") == nullptr);
}
