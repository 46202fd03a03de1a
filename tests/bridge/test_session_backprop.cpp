// Session op backprop on the classic worked example (a 2-2-2 sigmoid network, one sample):
// every figure the example states by hand must come out of the engine.
#include <catch2/catch.hpp>

#include "bridge/backprop_helpers.hpp"

using nn::bridge::Session;
using nn::test::all_weights;
using nn::test::layer_array;
using nn::test::ok;
using nn::test::put_weights;
using json = nlohmann::json;

namespace {

/// The example's network: 2 inputs -> 2 sigmoid -> 2 sigmoid, MSE, SGD with lr 0.5, one sample
/// per batch in order. Keras MSE is the mean over the 2 outputs, (1/2) sum (t - o)^2: exactly the
/// example's E_total = sum 1/2 (t - o)^2.
json worked_doc() {
  return json::parse(R"({"schema": 1,
    "model": {"type": "sequential", "input_shape": [2],
              "layers": [{"type": "dense", "units": 2, "activation": "sigmoid"},
                         {"type": "dense", "units": 2, "activation": "sigmoid"}]},
    "compile": {"optimizer": {"type": "sgd", "learning_rate": 0.5}, "loss": "mse"},
    "fit": {"epochs": 1, "batch_size": 1, "shuffle": false}})");
}

/// Builds the example: inputs i1 = 0.05, i2 = 0.10 (array "x"), targets 0.01, 0.99 ("y").
/// h1 = s(w1 i1 + w2 i2 + b1), h2 = s(w3 i1 + w4 i2 + b1): a Keras kernel is [in, units], row
/// i holds input i's weights to each unit, so the hidden kernel is [[w1, w3], [w2, w4]].
/// Likewise o1 = s(w5 h1 + w6 h2 + b2), o2 = s(w7 h1 + w8 h2 + b2): [[w5, w7], [w6, w8]].
void build_worked(Session& s) {
  ok(s, {{"op", "build"}, {"spec", worked_doc()}});
  const float w1 = 0.15f, w2 = 0.20f, w3 = 0.25f, w4 = 0.30f;
  const float w5 = 0.40f, w6 = 0.45f, w7 = 0.50f, w8 = 0.55f;
  const float b1 = 0.35f, b2 = 0.60f;
  put_weights(s, {w1, w3, w2, w4, b1, b1, w5, w7, w6, w8, b2, b2});
  REQUIRE(s.set_array("x", {0.05f, 0.10f}).empty());
  REQUIRE(s.set_array("y", {0.01f, 0.99f}).empty());
}

json backprop(Session& s) { return ok(s, {{"op", "backprop"}, {"x", {"x"}}, {"y", {"y"}}}); }

}  // namespace

TEST_CASE("Backprop: the worked example's forward pass and total error", "[bridge][backprop]") {
  Session s;
  build_worked(s);
  const json a = backprop(s);
  // E_total = 0.298371109
  CHECK(a.at("loss").get<double>() == Approx(0.298371109).margin(1e-6));
  CHECK(a.at("sample") == 0);
  REQUIRE(a.at("layers").size() == 2);
  CHECK(a.at("layers").at(0).at("name") == "dense");
  CHECK(a.at("layers").at(0).at("type") == "Dense");
  CHECK(a.at("layers").at(1).at("inputs") == json::array({"dense"}));
  CHECK(layer_array(s, a, 0, "input") == std::vector<float>{0.05f, 0.10f});
  // net_h1 = 0.3775, out_h1 = 0.593269992, out_h2 = 0.596884378
  const std::vector<float> net_h = layer_array(s, a, 0, "pre_activation");
  const std::vector<float> out_h = layer_array(s, a, 0, "output");
  CHECK(net_h.at(0) == Approx(0.3775).margin(1e-6));
  CHECK(out_h.at(0) == Approx(0.593269992).margin(1e-6));
  CHECK(out_h.at(1) == Approx(0.596884378).margin(1e-6));
  // out_o1 = 0.75136507, out_o2 = 0.772928465
  const std::vector<float> out_o = layer_array(s, a, 1, "output");
  CHECK(out_o.at(0) == Approx(0.75136507).margin(1e-6));
  CHECK(out_o.at(1) == Approx(0.772928465).margin(1e-6));
  CHECK(layer_array(s, a, 1, "input") == out_h);
}

TEST_CASE("Backprop: the worked example's gradients", "[bridge][backprop]") {
  Session s;
  build_worked(s);
  const json a = backprop(s);
  // dE/dout_o1 = 0.74136507, dE/dnet_o1 = 0.138498562 (delta_o1)
  CHECK(layer_array(s, a, 1, "grad_output").at(0) == Approx(0.74136507).margin(1e-6));
  CHECK(layer_array(s, a, 1, "grad_pre_activation").at(0) == Approx(0.138498562).margin(1e-6));
  // dE/dout_h1 = 0.036350306 (through both outputs), and what the hidden layer passes on
  const std::vector<float> d_out_h = layer_array(s, a, 0, "grad_output");
  CHECK(d_out_h.at(0) == Approx(0.036350306).margin(1e-6));
  CHECK(layer_array(s, a, 1, "grad_input") == d_out_h);
  CHECK(layer_array(s, a, 0, "grad_input").size() == 2);  // dE/di, for the first layer too

  const json& out_weights = a.at("layers").at(1).at("weights");
  REQUIRE(out_weights.size() == 2);
  CHECK(out_weights.at(0).at("name") == "dense_1/kernel");
  CHECK(out_weights.at(0).at("shape") == json::array({2, 2}));
  CHECK(out_weights.at(1).at("name") == "dense_1/bias");
  // dE/dw5 = 0.082167041 (kernel[0][0] of the output layer)
  const std::vector<float> d_kernel_o = s.get_array(out_weights.at(0).at("array"));
  CHECK(d_kernel_o.at(0) == Approx(0.082167041).margin(1e-6));
  // dE/dw1 = 0.000438568 (kernel[0][0] of the hidden layer)
  const json& hidden_kernel = a.at("layers").at(0).at("weights").at(0);
  CHECK(s.get_array(hidden_kernel.at("array")).at(0) == Approx(0.000438568).margin(1e-7));
  CHECK(hidden_kernel.at("array") == "backprop/dense/grad_kernel");
}

TEST_CASE("Backprop: one SGD step of the worked example", "[bridge][backprop]") {
  Session s;
  build_worked(s);
  (void)backprop(s);
  ok(s, {{"op", "set_data"}, {"train", {{"x", {"x"}}, {"y", {"y"}}}}});
  ok(s, {{"op", "train"}, {"batches", 1}});
  const std::vector<float> w = all_weights(s);
  // w5+ = 0.35891648, w1+ = 0.149780716
  CHECK(w.at(6) == Approx(0.35891648).margin(1e-6));
  CHECK(w.at(0) == Approx(0.149780716).margin(1e-6));
}
