// Session ops gradients and forward: the gradient of the training loss equals what one SGD step
// with learning rate 1 subtracts (regularization, Dropout and BatchNormalization included), a
// central difference agrees, and neither op changes the model.
#include <catch2/catch.hpp>

#include <cmath>

#include "bridge/backprop_helpers.hpp"

using nn::bridge::Session;
using nn::test::all_weights;
using nn::test::error;
using nn::test::ok;
using nn::test::put_weights;
using json = nlohmann::json;

namespace {

/// Dense(6, relu, L2) -> BatchNormalization -> Dropout(0.3) -> Dense(3, softmax), sparse CE,
/// SGD lr 1; 8 samples of 4 features in "x", class ids in "y".
void build_net(Session& s) {
  ok(s, {{"op", "build"}, {"spec", json::parse(R"({"schema": 1,
    "model": {"type": "sequential", "input_shape": [4], "seed": 3,
              "layers": [{"type": "dense", "units": 6, "activation": "tanh",
                          "kernel_regularizer": {"l1": 0, "l2": 0.01}},
                         {"type": "batch_normalization"},
                         {"type": "dropout", "rate": 0.3, "seed": 5},
                         {"type": "dense", "units": 3, "activation": "softmax"}]},
    "compile": {"optimizer": {"type": "sgd", "learning_rate": 1.0},
                "loss": "sparse_categorical_crossentropy"},
    "fit": {"epochs": 1, "batch_size": 8, "shuffle": false}})")}});
  std::vector<float> x;
  for (int k = 0; k < 32; ++k) x.push_back(std::sin(0.7f * static_cast<float>(k)));
  REQUIRE(s.set_array("x", x).empty());
  REQUIRE(s.set_array("y", {0, 1, 2, 1, 0, 2, 2, 1}).empty());
}

/// Every gradient array of a gradients answer, in get_weights order of the trainable weights.
std::vector<float> gradient_values(Session& s, const json& answer) {
  std::vector<float> all;
  for (const json& w : answer.at("weights")) {
    const std::vector<float>& g = s.get_array(w.at("array").get<std::string>());
    all.insert(all.end(), g.begin(), g.end());
  }
  return all;
}

}  // namespace

TEST_CASE("Gradients: equal what one SGD step with learning rate 1 subtracts", "[bridge]") {
  Session s;
  build_net(s);
  const std::vector<float> before = all_weights(s);
  const json g = ok(s, {{"op", "gradients"}, {"x", {"x"}}, {"y", {"y"}}});
  CHECK(all_weights(s) == before);  // unchanged, BatchNormalization's statistics included
  CHECK(g.at("count") == 8);
  // Trainable weights: dense kernel, bias; BN gamma, beta; dense_1 kernel, bias.
  REQUIRE(g.at("weights").size() == 6);
  CHECK(g.at("weights").at(0).at("name") == "dense/kernel");
  CHECK(g.at("weights").at(0).at("shape") == json::array({4, 6}));
  const std::vector<float> grads = gradient_values(s, g);

  ok(s, {{"op", "set_data"}, {"train", {{"x", {"x"}}, {"y", {"y"}}}}});
  const json t = ok(s, {{"op", "train"}, {"batches", 1}});
  const std::vector<float> after = all_weights(s);
  // get_weights: kernel(24) bias(6) gamma(6) beta(6) moving_mean(6) moving_variance(6)
  // kernel(18) bias(3); moving statistics are not trained.
  std::vector<float> step;
  for (std::size_t k = 0; k < before.size(); ++k) {
    if (k >= 42 && k < 54) continue;
    step.push_back(before[k] - after[k]);
  }
  REQUIRE(step.size() == grads.size());
  for (std::size_t k = 0; k < grads.size(); ++k) {
    INFO(k);
    CHECK(step[k] == Approx(grads[k]).margin(1e-5));
  }
  (void)t;
}

TEST_CASE("Gradients: a central difference of the loss agrees (no Dropout)", "[bridge]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", json::parse(R"({"schema": 1,
    "model": {"type": "sequential", "input_shape": [3],
              "layers": [{"type": "dense", "units": 4, "activation": "tanh",
                          "kernel_regularizer": {"l1": 0, "l2": 0.05}},
                         {"type": "dense", "units": 2}]},
    "compile": {"optimizer": "sgd", "loss": "mse"}})")}});
  REQUIRE(s.set_array("x", {0.5f, -1, 0.25f, 1, 0.5f, -0.5f, -1, 2, 0}).empty());
  REQUIRE(s.set_array("y", {1, 0, -1, 0.5f, 0.25f, 2}).empty());
  const json g =
      ok(s, {{"op", "gradients"}, {"x", {"x"}}, {"y", {"y"}}, {"start", 1}, {"count", 2}});
  CHECK(g.at("start") == 1);
  const std::vector<float> grads = gradient_values(s, g);
  const std::vector<float> w = all_weights(s);
  REQUIRE(grads.size() == w.size());
  auto loss_at = [&](const std::vector<float>& weights) {
    put_weights(s, weights);
    return ok(s, {{"op", "gradients"}, {"x", {"x"}}, {"y", {"y"}}, {"start", 1}, {"count", 2}})
        .at("loss")
        .get<double>();
  };
  const float h = 1e-2f;
  for (std::size_t k = 0; k < w.size(); k += 3) {
    std::vector<float> up = w, down = w;
    up[k] += h;
    down[k] -= h;
    const double numeric = (loss_at(up) - loss_at(down)) / (2 * h);
    INFO(k);
    CHECK(numeric == Approx(grads[k]).margin(2e-3));
  }
}

TEST_CASE("Forward: training-mode outputs with a seed, the model unchanged", "[bridge]") {
  Session s;
  build_net(s);
  const std::vector<float> before = all_weights(s);
  const json a = ok(s, {{"op", "forward"}, {"x", {"x"}}, {"seed", 7}, {"out", "f"}});
  CHECK(all_weights(s) == before);  // moving statistics did not move
  REQUIRE(a.at("layers").size() == 4);
  CHECK(a.at("layers").at(2).at("type") == "Dropout");
  CHECK(a.at("layers").at(2).at("shape") == json::array({8, 6}));
  CHECK(a.at("outputs") == json::array({"f/dense_1/output"}));
  const std::vector<float> bn = s.get_array("f/batch_normalization/output");
  const std::vector<float> drop = s.get_array("f/dropout/output");
  // Batch statistics: each BN feature has mean 0 over the 8 samples.
  for (int f = 0; f < 6; ++f) {
    double mean = 0;
    for (int n = 0; n < 8; ++n) mean += bn[static_cast<std::size_t>(n * 6 + f)];
    CHECK(mean / 8 == Approx(0).margin(1e-5));
  }
  // Dropout active: each value is 0 or the BN value / 0.7.
  int dropped = 0;
  for (std::size_t k = 0; k < drop.size(); ++k) {
    if (drop[k] == 0 && bn[k] != 0) {
      ++dropped;
    } else {
      CHECK(drop[k] == Approx(bn[k] / 0.7f).margin(1e-5));
    }
  }
  CHECK(dropped > 0);
  // The same seed, the same masks; another seed, others.
  ok(s, {{"op", "forward"}, {"x", {"x"}}, {"seed", 7}, {"out", "g"}});
  CHECK(s.get_array("g/dropout/output") == drop);
  ok(s, {{"op", "forward"}, {"x", {"x"}}, {"seed", 8}, {"out", "g"}});
  CHECK(s.get_array("g/dropout/output") != drop);
  // Inference-mode predictions are untouched by it all.
  ok(s, {{"op", "forward"}, {"x", {"x"}}, {"start", 6}, {"count", 2}, {"out", "h"}});
  CHECK(s.get_array("h/dense_1/output").size() == 6);
}

TEST_CASE("Gradients and forward: bad ranges are refused at their field", "[bridge][errors]") {
  Session s;
  build_net(s);
  CHECK(error(s, {{"op", "gradients"}, {"x", {"x"}}, {"y", {"y"}}, {"start", 8}}).at("path") ==
        "/start");
  CHECK(error(s, {{"op", "gradients"}, {"x", {"x"}}, {"y", {"y"}}, {"start", 2}, {"count", 7}})
            .at("path") == "/count");
  CHECK(error(s, {{"op", "forward"}, {"x", {"x"}}, {"seed", -1}}).at("path") == "/seed");
  CHECK(error(s, {{"op", "forward"}, {"x", {"x"}}, {"y", {"y"}}}).at("path") == "/y");
}
