#pragma once
/// Truth tables of the two-input logic gates, the classic first exercise (XOR needs a hidden
/// layer; Minsky & Papert, 1969).
#include <string>
#include <vector>

#include "engine/core/data/dataset.hpp"

namespace nn {

/// x is (2, 4) with columns (0,0), (0,1), (1,0), (1,1); y is (1, 4) with the gate's 0/1 output.
/// gate is one of AND, OR, NAND, NOR, XOR, XNOR (any letter case); other names throw nn::Error
/// listing the valid ones.
Dataset logic_gate(const std::string& gate);

/// The accepted gate names, upper case.
std::vector<std::string> logic_gate_names();

}  // namespace nn
