#include "engine/core/data/logic_gates.hpp"

#include <cctype>

#include "engine/core/base/error.hpp"

namespace nn {

std::vector<std::string> logic_gate_names() { return {"AND", "OR", "NAND", "NOR", "XOR", "XNOR"}; }

Dataset logic_gate(const std::string& gate) {
  std::string upper = gate;
  for (char& ch : upper) ch = static_cast<char>(std::toupper(static_cast<unsigned char>(ch)));
  // Outputs for inputs 00, 01, 10, 11.
  struct Table {
    const char* name;
    int out[4];
  };
  static const Table tables[] = {{"AND", {0, 0, 0, 1}},  {"OR", {0, 1, 1, 1}},
                                 {"NAND", {1, 1, 1, 0}}, {"NOR", {1, 0, 0, 0}},
                                 {"XOR", {0, 1, 1, 0}},  {"XNOR", {1, 0, 0, 1}}};
  for (const Table& t : tables) {
    if (upper != t.name) continue;
    Dataset data{Matrix(2, 4), Matrix(1, 4)};
    for (Index c = 0; c < 4; ++c) {
      data.x(0, c) = static_cast<Scalar>(c / 2);
      data.x(1, c) = static_cast<Scalar>(c % 2);
      data.y(0, c) = static_cast<Scalar>(t.out[c]);
    }
    return data;
  }
  fail("logic_gate: unknown gate '", gate, "'; expected one of: AND, OR, NAND, NOR, XOR, XNOR");
}

}  // namespace nn
