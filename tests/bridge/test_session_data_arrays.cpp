// Session op data: the samples the session trains and validates on, as arrays in Keras's
// shapes, equal to what set_data received or what the document's dataset made.
#include <catch2/catch.hpp>

#include "bridge/session_helpers.hpp"

using nn::bridge::Session;
using nn::test::error;
using nn::test::ok;
using json = nlohmann::json;

namespace {

/// A model on (2, 3) samples with a (2, 4) softmax output: sparse targets are 2 ids a sample.
void build_rank2(Session& s) {
  ok(s, {{"op", "build"}, {"spec", json::parse(R"({"schema": 1,
    "model": {"type": "sequential", "input_shape": [2, 3],
              "layers": [{"type": "dense", "units": 4, "activation": "softmax"}]},
    "compile": {"optimizer": "sgd", "loss": "sparse_categorical_crossentropy"}})")}});
}

}  // namespace

TEST_CASE("Data: returns what set_data received, sliced and shaped as Keras arrays", "[bridge]") {
  Session s;
  build_rank2(s);
  std::vector<float> x(5 * 6), y(5 * 2);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(i);
  for (std::size_t i = 0; i < y.size(); ++i) y[i] = static_cast<float>(i % 4);
  REQUIRE(s.set_array("x", x).empty());
  REQUIRE(s.set_array("y", y).empty());
  ok(s, {{"op", "set_data"}, {"train", {{"x", {"x"}}, {"y", {"y"}}}}});

  const json a = ok(s, {{"op", "data"}, {"start", 1}, {"count", 3}, {"out", "d"}});
  CHECK(a.at("samples") == 5);
  CHECK(a.at("count") == 3);
  CHECK(a.at("x").at(0).at("name") == "input_layer");
  CHECK(a.at("x").at(0).at("shape") == json::array({3, 2, 3}));
  CHECK(a.at("y").at(0).at("shape") == json::array({3, 2}));  // class ids: one per row
  const auto& xs = s.get_array(a.at("x").at(0).at("array").get<std::string>());
  const auto& ys = s.get_array(a.at("y").at(0).at("array").get<std::string>());
  CHECK(std::vector<float>(xs.begin(), xs.end()) ==
        std::vector<float>(x.begin() + 6, x.begin() + 24));
  CHECK(std::vector<float>(ys.begin(), ys.end()) ==
        std::vector<float>(y.begin() + 2, y.begin() + 8));
}

TEST_CASE("Data: a document's two-input dataset comes back per input and output", "[bridge]") {
  Session s;
  json doc = nn::test::preset("functional-two-towers");
  ok(s, {{"op", "build"}, {"spec", doc}});
  const json train = ok(s, {{"op", "data"}});
  const json validation = ok(s, {{"op", "data"}, {"data", "validation"}});
  CHECK(train.at("samples").get<int>() + validation.at("samples").get<int>() == 400);
  CHECK(train.at("x").size() == 2);
  CHECK(train.at("x").at(1).at("shape").at(1) == 3);
  CHECK(train.at("y").at(1).at("shape") == json::array({train.at("samples"), 2}));  // one-hot
}

TEST_CASE("Data: wrong parts and ranges are errors at their field", "[bridge][errors]") {
  Session s;
  CHECK(error(s, {{"op", "data"}}).at("path") == "/op");
  build_rank2(s);
  CHECK(error(s, {{"op", "data"}}).at("path") == "/data");
  std::vector<float> x(12, 0.5f), y(4, 1.0f);
  REQUIRE(s.set_array("x", x).empty());
  REQUIRE(s.set_array("y", y).empty());
  ok(s, {{"op", "set_data"}, {"train", {{"x", {"x"}}, {"y", {"y"}}}}});
  CHECK(error(s, {{"op", "data"}, {"data", "test"}}).at("path") == "/data");
  CHECK(error(s, {{"op", "data"}, {"data", "validation"}}).at("path") == "/data");
  CHECK(error(s, {{"op", "data"}, {"start", 2}}).at("path") == "/start");
  CHECK(error(s, {{"op", "data"}, {"count", 3}}).at("path") == "/count");
  CHECK(error(s, {{"op", "data"}, {"shape", 3}}).at("path") == "/shape");
}
