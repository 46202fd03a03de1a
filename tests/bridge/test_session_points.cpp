// Session ops on raw 2-D points: "points" (the points behind the current data) and set_data
// "points" (points from arrays, featurised, encoded and split as the document's data says).
#include <catch2/catch.hpp>

#include <cmath>

#include "bridge/session_helpers.hpp"
#include "engine/core/data/generators.hpp"

using nn::bridge::Session;
using nn::test::error;
using nn::test::ok;
using json = nlohmann::json;

namespace {

/// A document: input (inputs) -> Dense(units, activation), compiled with `loss`, with `data`.
json doc(const json& data, int inputs = 2, int units = 1, const std::string& activation = "sigmoid",
         const std::string& loss = "binary_crossentropy") {
  json d = {{"schema", 1},
            {"model",
             {{"type", "sequential"},
              {"input_shape", {inputs}},
              {"layers", {{{"type", "dense"}, {"units", units}, {"activation", activation}}}}}},
            {"compile", {{"optimizer", "sgd"}, {"loss", loss}}},
            {"fit", {{"epochs", 5}, {"batch_size", 8}}}};
  if (!data.is_null()) d["data"] = data;
  return d;
}

/// x (2, n) as n x 2 row-major floats, and y (1, n) as floats.
std::vector<float> floats(const nn::Matrix& m) {
  std::vector<float> v;
  for (nn::Index k = 0; k < m.size(); ++k) v.push_back(static_cast<float>(m.data()[k]));
  return v;
}

/// The four arrays a points answer names, in the order train_x, train_y, validation_x, _y.
std::vector<std::vector<float>> point_arrays(Session& s, const json& answer) {
  std::vector<std::vector<float>> out;
  for (const char* key : {"train_x", "train_y", "validation_x", "validation_y"}) {
    out.push_back(s.get_array(answer.at("arrays").at(key).get<std::string>()));
  }
  return out;
}

const json kPointsRequest = {{"op", "set_data"}, {"points", {{"x", "px"}, {"y", "py"}}}};

}  // namespace

TEST_CASE("SessionPoints: a 2-D dataset keeps its split points", "[bridge][session]") {
  Session s;
  const json data = {
      {"name", "spiral"}, {"n", 50}, {"noise", 0.1}, {"seed", 4}, {"validation_fraction", 0.2}};
  ok(s, {{"op", "build"}, {"spec", doc(data)}});
  const json a = ok(s, {{"op", "points"}});
  CHECK(a.at("train") == 40);
  CHECK(a.at("validation") == 10);
  CHECK(a.at("kind") == "classes");
  CHECK(a.at("classes") == 2);
  CHECK(a.at("arrays") == json({{"train_x", "points_train_x"},
                                {"train_y", "points_train_y"},
                                {"validation_x", "points_validation_x"},
                                {"validation_y", "points_validation_y"}}));
  const auto parts = nn::train_test_split(nn::make_dataset("spiral", 50, 0.1, 4), 0.2, 4);
  const auto arrays = point_arrays(s, a);
  CHECK(arrays[0] == floats(parts.first.x));
  CHECK(arrays[1] == floats(parts.first.y));
  CHECK(arrays[2] == floats(parts.second.x));
  CHECK(arrays[3] == floats(parts.second.y));
}

TEST_CASE("SessionPoints: set_data regenerates the points with the data", "[bridge][session]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", doc({{"name", "circle"}, {"n", 20}, {"seed", 1}})}});
  REQUIRE(s.set_array("x", std::vector<float>(8, 0.5f)).empty());
  REQUIRE(s.set_array("y", {0, 1, 1, 0}).empty());
  ok(s, {{"op", "set_data"}, {"train", {{"x", {"x"}}, {"y", {"y"}}}}});
  CHECK_THAT(error(s, {{"op", "points"}}).at("message").get<std::string>(),
             Catch::Contains("the current data are not 2-D points"));
  ok(s, {{"op", "set_data"}});
  const json a = ok(s, {{"op", "points"}, {"out", "p"}});
  CHECK(a.at("train") == 20);
  CHECK(a.at("validation") == 0);
  CHECK(a.at("arrays").at("train_x") == "p_train_x");
  CHECK(s.get_array("p_train_x") == floats(nn::make_dataset("circle", 20, 0.0, 1).x));
  CHECK(s.get_array("p_validation_x").empty());
}

TEST_CASE("SessionPoints: gates regression sets and blobs report their kind", "[bridge][session]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", doc({{"name", "gate_xor"}})}});
  json a = ok(s, {{"op", "points"}});
  CHECK(a.at("train") == 4);
  CHECK(a.at("classes") == 2);
  CHECK(s.get_array("points_train_x") == std::vector<float>{0, 0, 0, 1, 1, 0, 1, 1});
  CHECK(s.get_array("points_train_y") == std::vector<float>{0, 1, 1, 0});
  ok(s, {{"op", "build"},
         {"spec", doc({{"name", "regress_plane"}, {"n", 10}}, 2, 1, "linear", "mse")}});
  a = ok(s, {{"op", "points"}});
  CHECK(a.at("kind") == "values");
  CHECK(a.at("classes") == 0);
  ok(s, {{"op", "build"},
         {"spec", doc({{"name", "blobs"}, {"n", 12}, {"classes", 4}}, 2, 4, "softmax",
                      "sparse_categorical_crossentropy")}});
  CHECK(ok(s, {{"op", "points"}}).at("classes") == 4);
}

TEST_CASE("SessionPoints: set_data points splits like the dataset", "[bridge][session]") {
  // The generator's points sent back as arrays give the same split, the same points and the
  // same model data as the dataset itself.
  const json data = {{"name", "spiral"},
                     {"n", 40},
                     {"noise", 0.1},
                     {"seed", 3},
                     {"validation_fraction", 0.25},
                     {"inputs", {{"x1", "x2", "x1*x2"}}}};
  Session s;
  ok(s, {{"op", "build"}, {"spec", doc(data, 3)}});
  const auto from_dataset = point_arrays(s, ok(s, {{"op", "points"}, {"out", "a"}}));
  const double loss = ok(s, {{"op", "evaluate"}}).at("logs").at("loss").get<double>();
  const nn::Dataset d = nn::make_dataset("spiral", 40, 0.1, 3);
  REQUIRE(s.set_array("px", floats(d.x)).empty());
  REQUIRE(s.set_array("py", floats(d.y)).empty());
  const json set = ok(s, kPointsRequest);
  CHECK(set.at("samples") == 30);
  CHECK(set.at("validation_samples") == 10);
  const json b = ok(s, {{"op", "points"}, {"out", "b"}});
  CHECK(b.at("kind") == "classes");
  CHECK(point_arrays(s, b) == from_dataset);
  CHECK(ok(s, {{"op", "evaluate"}}).at("logs").at("loss").get<double>() == loss);
}

TEST_CASE("SessionPoints: set_data points applies the input features", "[bridge][session]") {
  // inputs [x1, x1*x2] into a hand-set linear unit 1 x1 + 10 x1 x2 + 0.5.
  const json data = json::parse(R"({"name": "regress_plane", "inputs": [["x1", "x1*x2"]]})");
  Session s;
  ok(s, {{"op", "build"}, {"spec", doc(data, 2, 1, "linear", "mse")}});
  REQUIRE(s.set_array("w", {1, 10, 0.5}).empty());
  ok(s, {{"op", "set_weights"}, {"array", "w"}});
  REQUIRE(s.set_array("px", {1, 2, 3, -1, 0.5, 4}).empty());
  REQUIRE(s.set_array("py", {0, 1, 2}).empty());
  CHECK(ok(s, kPointsRequest).at("samples") == 3);
  // Predictions 21.5, -26.5, 21 against 0, 1, 2.
  const double mse = (21.5 * 21.5 + 27.5 * 27.5 + 19.0 * 19.0) / 3;
  CHECK(ok(s, {{"op", "evaluate"}}).at("logs").at("loss").get<double>() == Approx(mse));
  const json a = ok(s, {{"op", "points"}});
  CHECK(a.at("kind") == "values");
  CHECK(s.get_array("points_train_y") == std::vector<float>{0, 1, 2});
}

TEST_CASE("SessionPoints: class count is the largest label plus one", "[bridge][session]") {
  Session s;
  ok(s, {{"op", "build"},
         {"spec", doc({{"name", "blobs"}, {"classes", 3}}, 2, 5, "softmax",
                      "sparse_categorical_crossentropy")}});
  REQUIRE(s.set_array("px", {0, 0, 1, 1, 2, 2}).empty());
  REQUIRE(s.set_array("py", {0, 4, 1}).empty());
  ok(s, kPointsRequest);
  CHECK(ok(s, {{"op", "points"}}).at("classes") == 5);
}

TEST_CASE("SessionPoints: bad points name the array and the row", "[bridge][session][errors]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", doc({{"name", "xor"}, {"n", 8}})}});
  const auto fails = [&](const std::vector<float>& x, const std::vector<float>& y) {
    REQUIRE(s.set_array("px", x).empty());
    REQUIRE(s.set_array("py", y).empty());
    return error(s, kPointsRequest);
  };
  json e = fails({0, 0, 1}, {0});
  CHECK(e.at("path") == "/points/x");
  CHECK(e.at("message") ==
        "array 'px' has 3 values; expected x1, x2 of each point (n x 2, n >= 1)");
  e = fails({}, {});
  CHECK(e.at("path") == "/points/x");
  e = fails({0, 0, 1, 1}, {0, 1, 1});
  CHECK(e.at("path") == "/points/y");
  CHECK(e.at("message") == "array 'py' has 3 values; expected 2, one per point");
  e = fails({0, 0, 1, NAN}, {0, 1});
  CHECK(e.at("path") == "/points/x");
  CHECK(e.at("message") == "row 1: x2 is NaN; points must be finite numbers");
  e = fails({INFINITY, 0}, {0});
  CHECK(e.at("message") == "row 0: x1 is Infinity; points must be finite numbers");
  std::vector<float> x(16, 0.0f), y(8, 1.0f);
  y[7] = 2.5f;
  e = fails(x, y);
  CHECK(e.at("path") == "/points/y");
  CHECK(e.at("message") == "row 7: label 2.5 is not a class id (an integer 0..1)");
  y[7] = 2.0f;
  CHECK(fails(x, y).at("message") == "row 7: label 2 is not a class id (an integer 0..1)");
  y[7] = -1.0f;
  CHECK(fails(x, y).at("message") == "row 7: label -1 is not a class id (an integer 0..1)");
  y[7] = NAN;
  CHECK(fails(x, y).at("message") == "row 7: label NaN is not a class id (an integer 0..1)");
}

TEST_CASE("SessionPoints: values must be finite and labels fit the output", "[bridge][errors]") {
  Session s;
  ok(s, {{"op", "build"},
         {"spec", doc({{"name", "regress_gaussian"}, {"n", 4}}, 2, 1, "linear", "mse")}});
  REQUIRE(s.set_array("px", {0, 0, 1, 1}).empty());
  REQUIRE(s.set_array("py", {0.25, INFINITY}).empty());
  json e = error(s, kPointsRequest);
  CHECK(e.at("path") == "/points/y");
  CHECK(e.at("message") == "row 1: value Infinity is not a finite number");
  // A softmax of 3 units with one-hot targets takes class ids 0..2.
  ok(s, {{"op", "build"},
         {"spec", doc({{"name", "blobs"}, {"classes", 3}, {"n", 9}}, 2, 3, "softmax",
                      "categorical_crossentropy")}});
  REQUIRE(s.set_array("py", {2, 3}).empty());
  e = error(s, kPointsRequest);
  CHECK(e.at("message") == "row 1: label 3 is not a class id (an integer 0..2)");
}

TEST_CASE("SessionPoints: request and document errors", "[bridge][session][errors]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", doc(nullptr)}});
  REQUIRE(s.set_array("px", {0, 0}).empty());
  REQUIRE(s.set_array("py", {0}).empty());
  json e = error(s, kPointsRequest);
  CHECK(e.at("path") == "/points");
  CHECK_THAT(e.at("message").get<std::string>(),
             Catch::StartsWith("points need a document with a \"data\" object"));
  e = error(s, {{"op", "points"}});
  CHECK(e.at("path") == "");
  CHECK(e.at("message") ==
        "points: no data yet; send set_data (or build a document with \"data\")");

  ok(s, {{"op", "build"}, {"spec", doc({{"name", "moons"}, {"n", 8}})}});
  e = error(s, {{"op", "set_data"}, {"points", {{"x", "nope"}, {"y", "py"}}}});
  CHECK(e.at("path") == "/points/x");
  CHECK(e.at("message") == "no array named 'nope'; send it with setArray first");
  e = error(s, {{"op", "set_data"}, {"points", {{"x", "px"}}}});
  CHECK(e.at("path") == "/points/y");
  e = error(s, {{"op", "set_data"}, {"points", {{"x", "px"}, {"y", "py"}, {"z", 1}}}});
  CHECK(e.at("path") == "/points/z");
  e = error(s, {{"op", "set_data"}, {"points", {{"x", 3}, {"y", "py"}}}});
  CHECK(e.at("path") == "/points/x");
  e = error(s, {{"op", "set_data"},
                {"points", {{"x", "px"}, {"y", "py"}}},
                {"train", {{"x", {"px"}}, {"y", {"py"}}}}});
  CHECK(e.at("path") == "/points");
  CHECK_THAT(e.at("message").get<std::string>(), Catch::Contains("not both"));
  e = error(s, {{"op", "points"}, {"out", std::string(60, 'o')}});
  CHECK(e.at("path") == "/out");
}

TEST_CASE("SessionPoints: a split that leaves no training points fails", "[bridge][errors]") {
  Session s;
  ok(s, {{"op", "build"},
         {"spec", doc({{"name", "circle"}, {"n", 10}, {"validation_fraction", 0.5}})}});
  REQUIRE(s.set_array("px", {0, 0}).empty());
  REQUIRE(s.set_array("py", {1}).empty());
  const json e = error(s, kPointsRequest);
  CHECK(e.at("path") == "/points");
  CHECK_THAT(e.at("message").get<std::string>(), Catch::Contains("train_test_split"));
}

TEST_CASE("SessionPoints: more than a million points are refused", "[bridge][errors]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", doc({{"name", "circle"}, {"n", 10}})}});
  REQUIRE(s.set_array("px", std::vector<float>(2000002, 0.0f)).empty());
  REQUIRE(s.set_array("py", std::vector<float>(1000001, 0.0f)).empty());
  const json e = error(s, kPointsRequest);
  CHECK(e.at("path") == "/points/x");
  CHECK(e.at("message") == "array 'px' holds 1000001 points, beyond the limit of 1000000");
}

TEST_CASE("SessionPoints: points need a 2-D dataset in the document", "[bridge][errors]") {
  Session s;
  const json data = {{"name", "prototypes"}, {"image_side", 1}, {"classes", 3}, {"n", 9}};
  ok(s, {{"op", "build"}, {"spec", doc(data, 1, 3, "softmax", "sparse_categorical_crossentropy")}});
  CHECK_THAT(error(s, {{"op", "points"}}).at("message").get<std::string>(),
             Catch::Contains("not 2-D points"));
  REQUIRE(s.set_array("px", {0, 0}).empty());
  REQUIRE(s.set_array("py", {1}).empty());
  const json e = error(s, kPointsRequest);
  CHECK(e.at("path") == "/points");
  CHECK_THAT(e.at("message").get<std::string>(), Catch::Contains("got 'prototypes'"));
}

TEST_CASE("SessionPoints: a failed set_data keeps the data and the points", "[bridge][errors]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", doc({{"name", "gauss"}, {"n", 8}})}});
  REQUIRE(s.set_array("px", {0, 0, 1, 1, 2, 2}).empty());
  REQUIRE(s.set_array("py", {0, 1, 1}).empty());
  ok(s, kPointsRequest);
  const json before = ok(s, {{"op", "points"}});
  const json loss = ok(s, {{"op", "evaluate"}}).at("logs");
  REQUIRE(s.set_array("py", {0, 1, 5}).empty());
  error(s, kPointsRequest);
  CHECK(ok(s, {{"op", "points"}}) == before);
  CHECK(s.get_array("points_train_x") == std::vector<float>{0, 0, 1, 1, 2, 2});
  CHECK(ok(s, {{"op", "evaluate"}}).at("logs") == loss);
  CHECK(ok(s, {{"op", "evaluate"}}).at("samples") == 3);
}

TEST_CASE("SessionPoints: reset keeps the points and a new model keeps fitting data",
          "[bridge][session]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", doc({{"name", "linear"}, {"n", 6}})}});
  ok(s, {{"op", "reset"}});
  CHECK(ok(s, {{"op", "points"}}).at("train") == 6);
  // A model with 3 inputs cannot take the 2-feature data: data and points go.
  json other = doc(nullptr, 3);
  ok(s, {{"op", "build"}, {"spec", other}});
  CHECK_THAT(error(s, {{"op", "points"}}).at("message").get<std::string>(),
             Catch::Contains("no data yet"));
}
