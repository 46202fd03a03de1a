#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/data/logic_gates.hpp"

TEST_CASE("Logic gates: inputs are 00 01 10 11 and the truth tables are exact", "[data]") {
  const struct {
    const char* gate;
    double out[4];
  } tables[] = {{"AND", {0, 0, 0, 1}}, {"OR", {0, 1, 1, 1}},  {"NAND", {1, 1, 1, 0}},
                {"NOR", {1, 0, 0, 0}}, {"XOR", {0, 1, 1, 0}}, {"XNOR", {1, 0, 0, 1}}};
  nn::Matrix inputs(2, 4);
  inputs << 0, 0, 1, 1, 0, 1, 0, 1;
  for (const auto& t : tables) {
    INFO(t.gate);
    const nn::Dataset d = nn::logic_gate(t.gate);
    REQUIRE(d.x.rows() == 2);
    REQUIRE(d.y.rows() == 1);
    REQUIRE(d.y.cols() == 4);
    CHECK(d.x == inputs);
    for (int c = 0; c < 4; ++c) CHECK(d.y(0, c) == t.out[c]);
  }
  CHECK(nn::logic_gate_names().size() == 6);
}

TEST_CASE("Logic gates: names ignore case and unknown gates list the valid ones",
          "[data][errors]") {
  CHECK(nn::logic_gate("xor").y == nn::logic_gate("XOR").y);
  CHECK(nn::logic_gate("Nand").y == nn::logic_gate("NAND").y);
  CHECK_THROWS_WITH(nn::logic_gate("IMPLY"), Catch::Contains("unknown gate 'IMPLY'") &&
                                                 Catch::Contains("AND, OR, NAND, NOR, XOR, XNOR"));
}
