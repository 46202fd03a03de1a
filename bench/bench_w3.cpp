// W3: LSTM(32) over windows of 20 sine values -> Dense(1), MSE, Adam 0.01, batch 32, 2,000
// windows (see sine_workload.hpp). --quick: one short run for the ctest smoke test.
#include <cstring>

#include "bench/sine_workload.hpp"
#include "engine/core/layers/lstm.hpp"

int main(int argc, char** argv) {
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  return nn::bench::run_sine_workload(
      "W3 native (LSTM(32) over 20 sine values -> Dense(1), MSE, Adam 0.01, batch 32, 2,000 "
      "windows)",
      [] { return std::make_unique<nn::LSTM>(32); }, quick ? 2 : 5, quick ? 1 : 5);
}
