// tune's "layers" part: a Dense kernel regularizer and a Dropout rate change the very next
// training loss as computed by hand on one linear unit.
#include <cmath>

#include <catch2/catch.hpp>

#include "bridge/tune_helpers.hpp"

using nn::bridge::Session;
using nn::test::ok;
using nn::test::put_points;
using nn::test::tune;
using nn::test::tune_doc;
using nn::test::weights_of;
using json = nlohmann::json;

namespace {

/// Mean squared error of the unit w on the session's arrays x, y (n points), each input
/// multiplied by mask[2 i + j] (all ones when empty).
double mse(Session& s, const std::vector<float>& wf, const std::vector<double>& mask = {}) {
  const std::vector<float>& xf = s.get_array("x");
  const std::vector<float>& yf = s.get_array("y");
  const std::vector<double> x(xf.begin(), xf.end()), y(yf.begin(), yf.end());
  const std::vector<double> w(wf.begin(), wf.end());
  double sum = 0;
  for (std::size_t i = 0; i < y.size(); ++i) {
    double p = 0;
    for (std::size_t j = 0; j < 2; ++j) {
      p += w[j] * x[2 * i + j] * (mask.empty() ? 1.0 : mask[2 * i + j]);
    }
    sum += (p - y[i]) * (p - y[i]);
  }
  return sum / static_cast<double>(y.size());
}

double train_loss(Session& s) {
  return ok(s, {{"op", "train"}, {"batches", 1}}).at("logs").at("loss").get<double>();
}

}  // namespace

TEST_CASE("SessionTune: an L2 rate adds l2 * sum w^2 to the next loss", "[bridge][session][tune]") {
  Session s;
  ok(s, {{"op", "build"},
         {"spec", tune_doc({{"type", "sgd"}, {"learning_rate", 0.1}},
                           {{"epochs", 100}, {"batch_size", 4}}, {nn::test::linear_unit()})}});
  put_points(s, 4);
  ok(s, {{"op", "train"}, {"batches", 1}});
  std::vector<float> w = weights_of(s);
  const double w0 = w[0], w1 = w[1];
  const json answer = tune(s, {{"layers", {{"dense", {{"kernel_regularizer", {{"l2", 0.01}}}}}}}});
  CHECK(weights_of(s) == w);
  CHECK(answer.at("layers").at("dense").at("kernel_regularizer") ==
        json({{"l1", 0.0}, {"l2", 0.01}}));
  const double penalty = 0.01 * (w0 * w0 + w1 * w1);
  CHECK(train_loss(s) == Approx(mse(s, w) + penalty).epsilon(1e-5));
  // null removes it again.
  w = weights_of(s);
  CHECK(tune(s, {{"layers", {{"dense", {{"kernel_regularizer", nullptr}}}}}})
            .at("layers")
            .at("dense")
            .at("kernel_regularizer") == nullptr);
  CHECK(train_loss(s) == Approx(mse(s, w)).epsilon(1e-5));
}

TEST_CASE("SessionTune: a Dropout rate applies to the next training batch",
          "[bridge][session][tune]") {
  Session s;
  ok(s, {{"op", "build"},
         {"spec",
          tune_doc({{"type", "sgd"}, {"learning_rate", 0.05}}, {{"epochs", 100}, {"batch_size", 2}},
                   {{{"type", "dropout"}, {"rate", 0.5}}, nn::test::linear_unit()})}});
  put_points(s, 2);  // x = (0, 1) and (0.5, 0)
  ok(s, {{"op", "train"}, {"batches", 2}});
  // Rate 0: the training loss is the plain one.
  std::vector<float> w = weights_of(s);
  CHECK(tune(s, {{"layers", {{"dropout", {{"rate", 0.0}}}}}}).at("layers").at("dropout") ==
        json({{"rate", 0.0}}));
  CHECK(weights_of(s) == w);
  CHECK(train_loss(s) == Approx(mse(s, w)).epsilon(1e-5));
  // Rate 0.5: every input is dropped (x 0) or doubled (x 2); the loss is one of those 16 masks'.
  w = weights_of(s);
  tune(s, {{"layers", {{"dropout", {{"rate", 0.5}}}}}});
  const double loss = train_loss(s);
  bool found = false;
  for (int bits = 0; bits < 16; ++bits) {
    std::vector<double> mask(4);
    for (int k = 0; k < 4; ++k) mask[static_cast<std::size_t>(k)] = (bits >> k & 1) ? 2.0 : 0.0;
    found = found || std::fabs(loss - mse(s, w, mask)) <= 1e-5 * (1.0 + std::fabs(loss));
  }
  CHECK(found);
}
