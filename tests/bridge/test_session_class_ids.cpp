// set_data (and the ops that read targets) refuse sparse class ids outside [0, units) at once,
// naming the array and the sample, instead of failing later inside train.
#include <catch2/catch.hpp>

#include "bridge/session_helpers.hpp"

using nn::bridge::Session;
using nn::test::error;
using nn::test::ok;
using json = nlohmann::json;

namespace {

void build(Session& s, const std::string& loss) {
  ok(s, {{"op", "build"},
         {"spec",
          {{"schema", 1},
           {"model", json::parse(R"({"type": "sequential", "input_shape": [2],
                      "layers": [{"type": "dense", "units": 3, "activation": "softmax"}]})")},
           {"compile", {{"optimizer", "sgd"}, {"loss", loss}}}}}});
  REQUIRE(s.set_array("x", {0, 1, 1, 0, 0.5f, 0.5f, 1, 1}).empty());
}

json set_data(const std::string& y) {
  return {{"op", "set_data"}, {"train", {{"x", {"x"}}, {"y", {y}}}}};
}

}  // namespace

TEST_CASE("SessionClassIds: ids outside 0 to units - 1 are refused at set_data",
          "[bridge][errors]") {
  Session s;
  build(s, "sparse_categorical_crossentropy");
  REQUIRE(s.set_array("ok", {0, 2, 1, 0}).empty());
  ok(s, set_data("ok"));
  REQUIRE(s.set_array("big", {0, 1, 3, 0}).empty());
  json e = error(s, set_data("big"));
  CHECK(e.at("path") == "/train/y/0");
  CHECK_THAT(e.at("message").get<std::string>(), Catch::Contains("'big'") &&
                                                     Catch::Contains("class id 3 at sample 2") &&
                                                     Catch::Contains("[0, 3)"));
  REQUIRE(s.set_array("neg", {-1, 1, 2, 0}).empty());
  CHECK_THAT(error(s, set_data("neg")).at("message").get<std::string>(),
             Catch::Contains("class id -1 at sample 0"));
  REQUIRE(s.set_array("frac", {0, 1, 1.5f, 0}).empty());
  CHECK_THAT(error(s, set_data("frac")).at("message").get<std::string>(),
             Catch::Contains("class id 1.5 at sample 2"));
  // The same check guards the ops that take targets directly.
  CHECK(error(s, {{"op", "backprop"}, {"x", {"x"}}, {"y", {"big"}}}).at("path") == "/y/0");
  // The data set before stays in force.
  CHECK(ok(s, {{"op", "train"}, {"batches", 1}}).at("ok") == true);
}

TEST_CASE("SessionClassIds: other losses take their targets as they are", "[bridge]") {
  Session s;
  build(s, "categorical_crossentropy");
  REQUIRE(s.set_array("onehot", {0, 0, 1, 0, 1, 0, 1, 0, 0, 0, 0, 1}).empty());
  ok(s, set_data("onehot"));
}
