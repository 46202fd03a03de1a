#include <catch2/catch.hpp>

#include "bridge/spec_test_util.hpp"

#include "engine/bridge/json/reader.hpp"

using nn::bridge::BridgeError;
using nn::bridge::json;
using nn::bridge::ObjectReader;

using nn::bridge::test::error_of;

TEST_CASE("Reader: positive integer error names the path and the value", "[bridge][errors]") {
  const json j = json::parse(R"({"units": 0})");
  auto [path, message] = error_of([&] {
    ObjectReader r(j, "/layers/2");
    (void)r.required_integer("units", 1);
  });
  CHECK(path == "/layers/2/units");
  CHECK(message == "expected a positive integer, got 0");
}

TEST_CASE("Reader: unknown field lists the known ones", "[bridge][errors]") {
  const json j = json::parse(R"({"units": 3, "unitz": 4})");
  auto [path, message] = error_of([&] {
    ObjectReader r(j, "");
    (void)r.integer("units", 1);
    r.finish();
  });
  CHECK(path == "/unitz");
  CHECK(message == "unknown field 'unitz'; expected one of: units");
}

TEST_CASE("Reader: types and ranges", "[bridge][errors]") {
  CHECK(nn::bridge::read_integer(json(3.0), "/a") == 3);
  CHECK_THROWS_AS(nn::bridge::read_integer(json(2.5), "/a"), BridgeError);
  CHECK_THROWS_AS(nn::bridge::read_integer(json("3"), "/a"), BridgeError);
  CHECK_THROWS_AS(nn::bridge::read_number(json(1e300 * 1e10), "/a"), BridgeError);
  CHECK_THROWS_AS(nn::bridge::read_number(json(-1.0), "/a", 0.0, 1.0), BridgeError);
  CHECK_THROWS_AS(nn::bridge::read_bool(json(1), "/a"), BridgeError);
  CHECK_THROWS_AS(nn::bridge::read_shape(json::array(), "/s"), BridgeError);
  CHECK_THROWS_AS(nn::bridge::read_shape(json::parse("[2, 0]"), "/s"), BridgeError);
  CHECK(nn::bridge::read_shape(json::parse("[20, 1]"), "/s") == std::vector<std::int64_t>{20, 1});
  CHECK(nn::bridge::child_path("/a", "x/y~z") == "/a/x~1y~0z");
}
