// W1: the TensorFlow Playground workload. 2 -> 8 tanh -> 8 tanh -> 1 sigmoid, binary
// cross-entropy, SGD lr 0.03, batch 10, 500 two-spiral points, 200 epochs; float core.
// Prints samples per second (median of several runs) so it can be compared across builds and
// against TF.js (bench/node/, the side-by-side benchmark).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <vector>

#include "engine/core/data/generators.hpp"
#include "engine/core/layers/dense.hpp"
#include "engine/core/models/sequential.hpp"
#include "engine/core/optimizers/registry.hpp"
#include "engine/core/training/fit.hpp"

// --quick: one short run, for the ctest smoke test of the float core (no timing claims).
int main(int argc, char** argv) {
  using namespace nn;
  const bool quick = argc > 1 && std::strcmp(argv[1], "--quick") == 0;
  const Dataset spiral = make_spiral(500, 0.0, 1);
  const ModelData data{{spiral.x}, {spiral.y}};
  FitOptions options;
  options.epochs = quick ? 20 : 200;
  options.batch_size = 10;
  options.seed = 1;
  const int runs = quick ? 1 : 5;
  std::vector<double> rates;
  double first_loss = 0.0, final_loss = 0.0;
  for (int run = 0; run < runs; ++run) {
    Sequential model(static_cast<std::uint64_t>(run));
    model.input({2})
        .add(std::make_unique<Dense>(8, "tanh"))
        .add(std::make_unique<Dense>(8, "tanh"))
        .add(std::make_unique<Dense>(1, "sigmoid"));
    OptimizerOptions sgd;
    sgd.learning_rate = 0.03;
    model.compile(make_optimizer("sgd", sgd), "binary_crossentropy");
    const auto start = std::chrono::steady_clock::now();
    const History history = fit(model, data, options);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rates.push_back(static_cast<double>(data.size() * options.epochs) / seconds);
    first_loss = history.get("loss").front();
    final_loss = history.get("loss").back();
  }
  std::sort(rates.begin(), rates.end());
  std::printf(
      "W1 native (2-8-8-1 tanh/sigmoid, BCE, SGD 0.03, batch 10, 500 spiral points, 200 epochs)\n");
  std::printf("  samples/s: median %.0f  (min %.0f, max %.0f over %d runs)\n", rates[runs / 2],
              rates.front(), rates.back(), runs);
  std::printf("  training loss of the last run: epoch 1 %.4f, last epoch %.4f\n", first_loss,
              final_loss);
  // The float core must learn: a loss that does not fall is a failure, not a figure.
  return final_loss < first_loss ? 0 : 1;
}
