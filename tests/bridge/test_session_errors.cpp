// Session answers to bad requests, kept from fuzzing findings (tests/fuzz, scripts/fuzz.sh):
// every answer is a JSON object with "ok"; a failure carries error.path and error.message, and
// the session keeps working afterwards.
#include <catch2/catch.hpp>

#include <string>

#include <nlohmann/json.hpp>

#include "engine/bridge/json/reader.hpp"
#include "engine/bridge/session.hpp"

using nlohmann::json;

namespace {

/// The parsed answer of one request to a fresh session, checked to be a well-formed failure.
json failure_of(const std::string& request) {
  nn::bridge::Session session;
  const json answer = json::parse(session.handle(request));
  REQUIRE(answer.is_object());
  REQUIRE(answer.at("ok") == false);
  REQUIRE(answer.at("error").at("path").is_string());
  REQUIRE(answer.at("error").at("message").is_string());
  return answer.at("error");
}

/// The JSON Pointer "/0/0/.../0" of n zeros.
std::string zeros(std::size_t n) {
  std::string path;
  for (std::size_t i = 0; i < n; ++i) path += "/0";
  return path;
}

/// n nested arrays: [[[...]]].
std::string nested_arrays(std::size_t n) { return std::string(n, '[') + std::string(n, ']'); }

}  // namespace

TEST_CASE("SessionErrors: malformed JSON is an error at the root", "[bridge][errors]") {
  const json error = failure_of(R"({"op": "build", "spec": )");
  CHECK(error.at("path") == "");
  CHECK_THAT(error.at("message").get<std::string>(), Catch::StartsWith("malformed JSON"));
}

TEST_CASE("SessionErrors: empty request is malformed JSON", "[bridge][errors]") {
  const json error = failure_of("");
  CHECK(error.at("path") == "");
  CHECK_THAT(error.at("message").get<std::string>(), Catch::StartsWith("malformed JSON"));
}

TEST_CASE("SessionErrors: a request that is not an object", "[bridge][errors]") {
  const json error = failure_of("[1, 2, 3]");
  CHECK(error.at("path") == "");
  CHECK(error.at("message") == "expected an object, got an array");
}

TEST_CASE("SessionErrors: missing op", "[bridge][errors]") {
  const json error = failure_of("{}");
  CHECK(error.at("path") == "/op");
  CHECK(error.at("message") == "missing required field 'op'");
}

TEST_CASE("SessionErrors: op of the wrong type", "[bridge][errors]") {
  const json error = failure_of(R"({"op": 42})");
  CHECK(error.at("path") == "/op");
  CHECK(error.at("message") == "expected a string, got 42");
}

TEST_CASE("SessionErrors: unknown op lists the valid ones", "[bridge][errors]") {
  const json error = failure_of(R"({"op": "fly"})");
  CHECK(error.at("path") == "/op");
  CHECK_THAT(error.at("message").get<std::string>(),
             Catch::StartsWith("unknown op 'fly'; expected one of: ") && Catch::Contains("build"));
}

TEST_CASE("SessionErrors: invalid UTF-8 echoed in a message still gives valid JSON",
          "[bridge][errors]") {
  // The op name is echoed in the message; dump() must replace invalid UTF-8, not throw (nlohmann's
  // default), or reporting the error would itself raise an exception.
  const json error = failure_of(std::string("{\"op\": \"\xff\xfe\xc3\"}"));
  CHECK(error.at("path") == "");
  CHECK_THAT(error.at("message").get<std::string>(), Catch::StartsWith("malformed JSON"));
}

TEST_CASE("SessionErrors: nesting at the depth limit is accepted by the parser",
          "[bridge][errors]") {
  // 64 levels parse; the request then fails only for not being an object.
  const json error = failure_of(nested_arrays(nn::bridge::kMaxJsonDepth));
  CHECK(error.at("path") == "");
  CHECK(error.at("message") == "expected an object, got an array");
}

TEST_CASE("SessionErrors: nesting beyond the depth limit is refused with its path",
          "[bridge][errors]") {
  // The 65th array is the first beyond the limit; it is element 0 of 64 arrays.
  const json error = failure_of(nested_arrays(nn::bridge::kMaxJsonDepth + 1));
  CHECK(error.at("path") == zeros(64));
  CHECK(error.at("message") == "nesting deeper than 64 arrays and objects is beyond the limit");
}

TEST_CASE("SessionErrors: the depth error points into objects and arrays", "[bridge][errors]") {
  // Root, spec and model are 3 levels: the 62nd of the inner arrays is the 65th level.
  const std::string deep = nested_arrays(nn::bridge::kMaxJsonDepth);
  const json error = failure_of(R"({"op": "build", "spec": {"model": [1, "a", )" + deep + "]}}");
  CHECK(error.at("path") == "/spec/model/2" + zeros(61));
}

TEST_CASE("SessionErrors: keys with slash and tilde are escaped in the depth path",
          "[bridge][errors]") {
  const std::string deep = nested_arrays(nn::bridge::kMaxJsonDepth);
  const json error = failure_of(R"({"a/b~c": )" + deep + "}");
  CHECK(error.at("path") == "/a~1b~0c" + zeros(63));
}

TEST_CASE("SessionErrors: very deep nesting fails fast without exhausting the stack",
          "[bridge][errors]") {
  const json error = failure_of(nested_arrays(100000));
  CHECK(error.at("path") == zeros(64));
}

TEST_CASE("SessionErrors: the session still works after an error", "[bridge][errors]") {
  nn::bridge::Session session;
  REQUIRE(session.set_array("x", {1.0f, 2.0f}).empty());
  const json first = json::parse(session.handle(nested_arrays(1000)));
  CHECK(first.at("ok") == false);
  const json second = json::parse(session.handle(R"({"op": "fly"})"));
  CHECK(second.at("ok") == false);
  CHECK(second.at("error").at("path") == "/op");
  CHECK(session.get_array("x") == std::vector<float>{1.0f, 2.0f});
}
