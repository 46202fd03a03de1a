#include <catch2/catch.hpp>

#include "bridge/session_helpers.hpp"

using nn::bridge::Session;
using nn::test::error;
using nn::test::ok;
using nn::test::preset;
using json = nlohmann::json;

namespace {

/// A 2 -> 4 tanh -> 1 sigmoid document without data.
json small_doc() {
  return json::parse(R"({"schema": 1,
    "model": {"type": "sequential", "input_shape": [2],
              "layers": [{"type": "dense", "units": 4, "activation": "tanh"},
                         {"type": "dense", "units": 1, "activation": "sigmoid"}]},
    "compile": {"optimizer": {"type": "adam", "learning_rate": 0.05},
                "loss": "binary_crossentropy", "metrics": ["accuracy"]},
    "fit": {"epochs": 1000, "batch_size": 4, "seed": 3}})");
}

/// XOR as arrays "x" (4 x 2) and "y" (4).
void put_xor(Session& s) {
  REQUIRE(s.set_array("x", {0, 0, 0, 1, 1, 0, 1, 1}).empty());
  REQUIRE(s.set_array("y", {0, 1, 1, 0}).empty());
}

std::vector<float> predict(Session& s) {
  const json a = ok(s, {{"op", "predict"}, {"x", {"x"}}});
  return s.get_array(a.at("arrays").at(0).at("name").get<std::string>());
}

}  // namespace

TEST_CASE("Session: build answers the model description", "[bridge][session]") {
  Session s;
  const json a = ok(s, {{"op", "build"}, {"spec", small_doc()}});
  CHECK(a.at("model").at("params") == 17);
  CHECK(a.at("model").at("inputs").at(0).at("shape") == json::array({2}));
  CHECK(a.at("model").at("layers").size() == 2);
  CHECK(a.at("summary").get<std::string>().find("Total params: 17") != std::string::npos);
}

TEST_CASE("Session: trains on arrays and predicts", "[bridge][session]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", small_doc()}});
  put_xor(s);
  const json d = ok(s, {{"op", "set_data"}, {"train", {{"x", {"x"}}, {"y", {"y"}}}}});
  CHECK(d.at("samples") == 4);
  const json first = ok(s, {{"op", "train"}, {"batches", 1}});
  CHECK(first.at("batches_run") == 1);
  CHECK(first.at("epoch_logs").size() == 1);
  const json later = ok(s, {{"op", "train"}, {"batches", 400}});
  CHECK(later.at("iterations") == 401);
  CHECK(later.at("epoch_logs").back().at("logs").at("loss").get<double>() <
        first.at("epoch_logs").at(0).at("logs").at("loss").get<double>());
  const std::vector<float> p = predict(s);
  REQUIRE(p.size() == 4);
  CHECK(p[0] < 0.5f);
  CHECK(p[1] > 0.5f);
  CHECK(p[2] > 0.5f);
  CHECK(p[3] < 0.5f);
  const json e = ok(s, {{"op", "evaluate"}});
  CHECK(e.at("logs").at("accuracy") == 1.0);
}

TEST_CASE("Session: a time budget trains at least one batch", "[bridge][session]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", small_doc()}});
  put_xor(s);
  ok(s, {{"op", "set_data"}, {"train", {{"x", {"x"}}, {"y", {"y"}}}}});
  CHECK(ok(s, {{"op", "train"}, {"ms", 5}}).at("batches_run").get<int>() >= 1);
}

TEST_CASE("Session: errors leave the model and data as they were", "[bridge][session][errors]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", small_doc()}});
  put_xor(s);
  ok(s, {{"op", "set_data"}, {"train", {{"x", {"x"}}, {"y", {"y"}}}}});
  ok(s, {{"op", "train"}, {"batches", 20}});
  const std::vector<float> before = predict(s);

  json bad = small_doc();
  bad["model"]["layers"][1]["units"] = 0;
  const json e1 = error(s, {{"op", "build"}, {"spec", bad}});
  CHECK(e1.at("path") == "/spec/model/layers/1/units");
  CHECK(e1.at("message") == "expected a positive integer, got 0");
  REQUIRE(s.set_array("bad", {0, 1, std::nanf(""), 1}).empty());
  const json e2 = error(s, {{"op", "set_data"}, {"train", {{"x", {"bad"}}, {"y", {"y"}}}}});
  CHECK(e2.at("path") == "/train/x/0");
  CHECK(e2.at("message").get<std::string>().find("NaN at sample 1, value 0") != std::string::npos);
  CHECK(error(s, {{"op", "train"}, {"batches", 0}}).at("path") == "/batches");
  CHECK(error(s, {{"op", "train"}}).at("message").get<std::string>().find("exactly one") !=
        std::string::npos);
  CHECK(error(s, {{"op", "grid"}, {"x_range", {1, -1}}, {"y_range", {0, 1}}, {"resolution", 4}})
            .at("path") == "/x_range");
  CHECK(error(s, {{"op", "predict"}, {"x", {"nope"}}}).at("path") == "/x/0");
  CHECK(error(s, {{"op", "build"}, {"spec", small_doc()}, {"extra", 1}}).at("path") == "/extra");
  CHECK(predict(s) == before);
  ok(s, {{"op", "train"}, {"batches", 1}});  // the data is still there
}

TEST_CASE("Session: requests before a model are errors", "[bridge][session][errors]") {
  Session s;
  CHECK(error(s, {{"op", "train"}, {"batches", 1}})
            .at("message")
            .get<std::string>()
            .find("no model yet") != std::string::npos);
  CHECK(error(s, {{"op", "save"}}).at("path") == "/op");
}

TEST_CASE("Session: grid gives output and hidden neuron maps", "[bridge][session]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", small_doc()}});
  const json g =
      ok(s, {{"op", "grid"}, {"x_range", {-1, 1}}, {"y_range", {-1, 1}}, {"resolution", 5}});
  REQUIRE(g.at("maps").size() == 5);  // 1 output + 4 hidden
  CHECK(g.at("maps").at(0).at("layer") == "dense_1");
  CHECK(g.at("maps").at(1).at("layer") == "dense");
  const std::vector<float>& v = s.get_array("grid");
  REQUIRE(v.size() == 5 * 25);
  // Corner (row 0, column 0) is (x1, x2) = (-1, 1): equal to predict at that point.
  REQUIRE(s.set_array("x", {-1, 1}).empty());
  CHECK(predict(s)[0] == Approx(v[0]).margin(1e-6));
  const json only = ok(s, {{"op", "grid"},
                           {"x_range", {-1, 1}},
                           {"y_range", {-1, 1}},
                           {"resolution", 5},
                           {"neurons", false}});
  CHECK(only.at("maps").size() == 1);
}

TEST_CASE("Session: probes show activations gates and gradient norms", "[bridge][session]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", preset("lstm-sine")}});
  const json m = ok(s, {{"op", "summary"}});
  const int steps = m.at("model").at("inputs").at(0).at("shape").at(0);
  std::vector<float> x(static_cast<std::size_t>(steps), 0.5f);
  REQUIRE(s.set_array("seq", x).empty());
  REQUIRE(s.set_array("target", {0.25f}).empty());
  const json p = ok(s, {{"op", "probes"}, {"x", {"seq"}}, {"y", {"target"}}});
  const json& lstm = p.at("layers").at(0);
  CHECK(lstm.at("type") == "LSTM");
  std::vector<std::string> names;
  for (const json& probe : lstm.at("probes")) names.push_back(probe.at("probe"));
  CHECK(std::find(names.begin(), names.end(), "gate_f") != names.end());
  CHECK(std::find(names.begin(), names.end(), "c") != names.end());
  CHECK(std::find(names.begin(), names.end(), "dh_norm") != names.end());
  CHECK(!p.at("gradient_norms").empty());
}

TEST_CASE("Session: get and set weights round trip", "[bridge][session]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", small_doc()}});
  const json w = ok(s, {{"op", "get_weights"}});
  CHECK(w.at("weights").at(0).at("name") == "dense/kernel");
  CHECK(w.at("weights").at(0).at("shape") == json::array({2, 4}));
  std::vector<float> v = s.get_array("weights");
  REQUIRE(v.size() == 17);
  for (float& x : v) x = 0.125f;
  REQUIRE(s.set_array("w", v).empty());
  ok(s, {{"op", "set_weights"}, {"array", "w"}});
  ok(s, {{"op", "get_weights"}, {"out", "w2"}});
  CHECK(s.get_array("w2") == v);
  v.pop_back();
  REQUIRE(s.set_array("w", v).empty());
  CHECK(error(s, {{"op", "set_weights"}, {"array", "w"}})
            .at("message")
            .get<std::string>()
            .find("expected 17 values") != std::string::npos);
}

TEST_CASE("Session: save then load resumes training identically", "[bridge][session][save]") {
  json spec = preset("mlp-spiral");
  spec["model"]["layers"].insert(spec["model"]["layers"].begin() + 1,
                                 json::object({{"type", "dropout"}, {"rate", 0.2}, {"seed", 4}}));
  spec["compile"]["optimizer"] = {{"type", "adam"}, {"learning_rate", 0.01}};
  Session a;
  ok(a, {{"op", "build"}, {"spec", spec}});
  ok(a, {{"op", "train"}, {"batches", 57}});  // mid-epoch
  const json file = ok(a, {{"op", "save"}}).at("file");
  ok(a, {{"op", "train"}, {"batches", 60}});
  ok(a, {{"op", "get_weights"}});

  Session b;
  ok(b, {{"op", "load"}, {"file", json::parse(file.dump())}});  // through text, as a page does
  ok(b, {{"op", "train"}, {"batches", 60}});
  ok(b, {{"op", "get_weights"}});
  CHECK(a.get_array("weights") == b.get_array("weights"));
}

TEST_CASE("Session: load refuses a file whose weights do not fit", "[bridge][session][errors]") {
  Session a;
  ok(a, {{"op", "build"}, {"spec", small_doc()}});
  json file = ok(a, {{"op", "save"}}).at("file");
  file["weights"]["data"] = "AAAA";
  const json e = error(a, {{"op", "load"}, {"file", file}});
  CHECK(e.at("path") == "/file/weights/data");
  file["format"] = "other";
  CHECK(error(a, {{"op", "load"}, {"file", file}}).at("path") == "/file/format");
}

TEST_CASE("Session: a diverging run pauses with a reason", "[bridge][session]") {
  json doc = small_doc();
  doc["compile"]["optimizer"] = {{"type", "sgd"}, {"learning_rate", 1e30}};
  doc["compile"]["loss"] = "mse";
  doc["compile"]["metrics"] = json::array();
  doc["model"]["layers"][1]["activation"] = "linear";
  Session s;
  ok(s, {{"op", "build"}, {"spec", doc}});
  REQUIRE(s.set_array("x", {1e3f, -1e3f, 5e2f, 2e3f}).empty());
  REQUIRE(s.set_array("y", {1e3f, -1e3f}).empty());
  ok(s, {{"op", "set_data"}, {"train", {{"x", {"x"}}, {"y", {"y"}}}}});
  json a;
  for (int i = 0; i < 50; ++i) {
    a = ok(s, {{"op", "train"}, {"batches", 10}});
    if (a.at("diverged") == true) break;
  }
  CHECK(a.at("diverged") == true);
  CHECK(a.at("reason").get<std::string>().find("loss became") != std::string::npos);
  ok(s, {{"op", "predict"}, {"x", {"x"}}});  // still usable
}

TEST_CASE("Session: reset re-initialises the weights", "[bridge][session]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", small_doc()}});
  ok(s, {{"op", "get_weights"}, {"out", "w0"}});
  put_xor(s);
  ok(s, {{"op", "set_data"}, {"train", {{"x", {"x"}}, {"y", {"y"}}}}});
  ok(s, {{"op", "train"}, {"batches", 5}});
  ok(s, {{"op", "reset"}});
  ok(s, {{"op", "get_weights"}, {"out", "w1"}});
  CHECK(s.get_array("w0") == s.get_array("w1"));
  CHECK(ok(s, {{"op", "train"}, {"batches", 1}}).at("iterations") == 1);
}
