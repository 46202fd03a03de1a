// Session op surface: the engine's optimizers on the quadratic against Keras's formulas
// (tests/fixtures/surfaces/quadratic_steps.json), the answer's arrays, and its errors.
#include <catch2/catch.hpp>

#include "bridge/session_helpers.hpp"
#include "support/fixtures.hpp"

namespace {

using nlohmann::json;
using nn::test::error;
using nn::test::ok;

std::vector<float> array(nn::bridge::Session& s, const json& answer, const char* key) {
  return s.get_array(answer.at("arrays").at(key).get<std::string>());
}

double relative(double got, double want) {
  return std::abs(got - want) / std::max(1.0, std::abs(want));
}

}  // namespace

TEST_CASE("surface: the first three steps of every optimizer are Keras's", "[session][surface]") {
  const json& fixture = nn::test::fixture("surfaces/quadratic_steps.json");
  for (const json& config : fixture.at("configs")) {
    INFO(config.at("name").get<std::string>());
    nn::bridge::Session s;
    const json a = ok(s, {{"op", "surface"},
                          {"function", "quadratic"},
                          {"start", fixture.at("start")},
                          {"optimizer", config.at("optimizer")},
                          {"steps", 3}});
    REQUIRE(a.at("steps") == 3);
    REQUIRE(a.at("slots") == config.at("slots"));
    const auto path = array(s, a, "path");
    const auto gradients = array(s, a, "gradients");
    const auto slots = array(s, a, "slots");
    const std::size_t slot_count = config.at("slots").size();
    REQUIRE(path.size() == 12);
    REQUIRE(slots.size() == 3 * 2 * slot_count);
    CHECK(path[0] == -3.5f);
    for (std::size_t k = 0; k < 3; ++k) {
      const json& step = config.at("steps").at(k);
      for (std::size_t i = 0; i < 2; ++i) {
        CHECK(relative(path[3 * (k + 1) + i], step.at("point").at(i)) < 1e-5);
        CHECK(relative(gradients[2 * k + i], step.at("gradient").at(i)) < 1e-5);
        for (std::size_t j = 0; j < slot_count; ++j) {
          CHECK(relative(slots[2 * (k * slot_count + j) + i], step.at("slots").at(j).at(i)) < 1e-5);
        }
      }
      const double x = step.at("point").at(0), y = step.at("point").at(1);
      CHECK(relative(path[3 * (k + 1) + 2], 0.5 * x * x + 5 * y * y) < 1e-5);
    }
  }
}

TEST_CASE("surface: a grid of the loss and the function's facts", "[session][surface]") {
  nn::bridge::Session s;
  const json a = ok(s, {{"op", "surface"},
                        {"function", "rosenbrock"},
                        {"grid", {{"x", {-1, 1}}, {"y", {0, 2}}, {"resolution", 3}}},
                        {"out", "r"}});
  CHECK(a.at("steps") == 0);
  CHECK(a.at("function").at("minimum") == json({1, 1}));
  CHECK(a.at("function").at("parameters") == json({"x", "y"}));
  CHECK(a.at("arrays").at("grid") == "r/grid");
  const std::vector<float> grid = s.get_array("r/grid");
  REQUIRE(grid.size() == 9);
  CHECK(grid[0] == Approx(4.0 + 100.0));  // (x, y) = (-1, 0)
  CHECK(grid[4] == Approx(1.0 + 100.0));  // (0, 1)
  CHECK(grid[8] == Approx(0.0 + 100.0));  // (1, 2)
  CHECK(ok(s, {{"op", "surface"}, {"function", "saddle"}}).at("function").at("minimum").is_null());
}

TEST_CASE("surface: the neurons' samples, batches and epochs", "[session][surface]") {
  nn::bridge::Session s;
  json request = {{"op", "surface"}, {"function", "line"},
                  {"start", {0, 0}}, {"optimizer", {{"type", "sgd"}, {"learning_rate", 0.1}}},
                  {"steps", 40},     {"samples", 20},
                  {"batch_size", 8}, {"seed", 4}};
  const json a = ok(s, request);
  CHECK(a.at("batches_per_epoch") == 3);
  CHECK(a.at("function").at("parameters") == json({"w", "b"}));
  CHECK(array(s, a, "data_t").size() == 20);
  CHECK(array(s, a, "data_target").size() == 20);
  const auto path = array(s, a, "path");
  REQUIRE(path.size() == 41 * 3);
  CHECK(path[40 * 3 + 2] < path[2]);  // the full loss fell
  // The same request gives the same path; another seed shuffles the batches differently.
  CHECK(array(s, ok(s, request), "path") == path);
  request["seed"] = 5;
  CHECK(array(s, ok(s, request), "path") != path);
}

TEST_CASE("surface: errors name the field", "[session][surface][errors]") {
  nn::bridge::Session s;
  const json sgd = {{"type", "sgd"}};
  struct Case {
    json request;
    const char* path;
  };
  const Case cases[] = {
      {{{"op", "surface"}, {"function", "himmelblau"}}, "/function"},
      {{{"op", "surface"}, {"function", "quadratic"}, {"steps", 3}, {"optimizer", sgd}}, "/start"},
      {{{"op", "surface"}, {"function", "quadratic"}, {"steps", 3}, {"start", {0, 0}}},
       "/optimizer"},
      {{{"op", "surface"}, {"function", "quadratic"}, {"steps", 5001}}, "/steps"},
      {{{"op", "surface"}, {"function", "beale"}, {"batch_size", 4}}, "/batch_size"},
      {{{"op", "surface"}, {"function", "line"}, {"samples", 10}, {"batch_size", 11}},
       "/batch_size"},
      {{{"op", "surface"}, {"function", "line"}, {"samples", 1}}, "/samples"},
      {{{"op", "surface"},
        {"function", "quadratic"},
        {"steps", 1},
        {"start", {1, 1e9}},
        {"optimizer", sgd}},
       "/start/1"},
      {{{"op", "surface"},
        {"function", "quadratic"},
        {"steps", 1},
        {"start", {1, 1}},
        {"optimizer", {{"type", "adam"}, {"learning_rate", -1}}}},
       "/optimizer/learning_rate"},
      {{{"op", "surface"}, {"function", "quadratic"}, {"grid", {{"x", {1, 0}}, {"y", {0, 1}}}}},
       "/grid/x"},
      {{{"op", "surface"},
        {"function", "quadratic"},
        {"grid", {{"x", {0, 1}}, {"y", {0, 1}}, {"resolution", 257}}}},
       "/grid/resolution"},
      {{{"op", "surface"}, {"function", "quadratic"}, {"out", std::string(33, 'o')}}, "/out"},
      {{{"op", "surface"}, {"function", "quadratic"}, {"stepz", 1}}, "/stepz"},
  };
  for (const Case& c : cases) {
    INFO(c.request.dump());
    CHECK(error(s, c.request).at("path") == c.path);
  }
}

TEST_CASE("surface: a diverging path says where it stopped", "[session][surface]") {
  nn::bridge::Session s;
  const json a = ok(s, {{"op", "surface"},
                        {"function", "quadratic"},
                        {"start", {0, 1}},
                        {"optimizer", {{"type", "sgd"}, {"learning_rate", 1.0}}},
                        {"steps", 50}});
  CHECK(a.at("steps") == 4);
  CHECK(a.at("stopped") == json({{"step", 5}, {"reason", "diverged"}}));
  CHECK(array(s, a, "path").size() == 15);
}
