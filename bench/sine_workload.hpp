#pragma once
// W3/W4, the recurrent workloads of the benchmark suite: a recurrent layer of 32 units over
// windows of 20 sine values (1 feature) -> Dense(1), MSE, Adam lr 0.01, batch 32, 2,000
// windows; float core. Prints samples per second (median over runs) and the loss it reached.
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <functional>
#include <vector>

#include "engine/core/data/sequences.hpp"
#include "engine/core/layers/dense.hpp"
#include "engine/core/models/sequential.hpp"
#include "engine/core/optimizers/registry.hpp"
#include "engine/core/training/fit.hpp"

namespace nn::bench {

/// Trains `epochs` epochs `runs` times with a fresh model from make_layer(); returns 0 when the
/// loss fell (a benchmark that does not learn is a failure, not a figure).
inline int run_sine_workload(const char* title, const std::function<LayerPtr()>& make_layer,
                             int epochs, int runs) {
  const Dataset windows = make_wave_windows("sine", 2000, 20, 1);
  const ModelData data{{windows.x}, {windows.y}};
  FitOptions options;
  options.epochs = epochs;
  options.batch_size = 32;
  options.seed = 1;
  std::vector<double> rates;
  double first_loss = 0.0, final_loss = 0.0;
  for (int run = 0; run < runs; ++run) {
    Sequential model(static_cast<std::uint64_t>(run));
    model.input({20, 1}).add(make_layer()).add(std::make_unique<Dense>(1));
    OptimizerOptions adam;
    adam.learning_rate = 0.01;
    model.compile(make_optimizer("adam", adam), "mse");
    const auto start = std::chrono::steady_clock::now();
    const History history = fit(model, data, options);
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rates.push_back(static_cast<double>(data.size() * epochs) / seconds);
    first_loss = history.get("loss").front();
    final_loss = history.get("loss").back();
  }
  std::sort(rates.begin(), rates.end());
  const auto mid = static_cast<std::size_t>(runs / 2);
  std::printf("%s\n", title);
  std::printf("  samples/s: median %.0f  (min %.0f, max %.0f over %d runs of %d epochs)\n",
              rates[mid], rates.front(), rates.back(), runs, epochs);
  std::printf("  training loss of the last run: epoch 1 %.5f, last epoch %.5f\n", first_loss,
              final_loss);
  return final_loss < first_loss ? 0 : 1;
}

}  // namespace nn::bench
