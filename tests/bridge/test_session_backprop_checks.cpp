// Session op backprop: its weight gradients match central differences of the compiled loss,
// and neither backprop nor a refused backprop changes the session.
#include <catch2/catch.hpp>

#include "bridge/backprop_helpers.hpp"

using nn::bridge::Session;
using nn::test::all_weights;
using nn::test::error;
using nn::test::ok;
using nn::test::put_weights;
using nn::test::weight_gradients;
using json = nlohmann::json;

namespace {

/// 3 -> 4 tanh (L2-regularized: the compiled loss includes the penalty) -> 3 relu -> head,
/// biases away from zero so no ReLU sits on its kink.
json fd_doc(const json& head, const std::string& loss) {
  json doc = json::parse(R"({"schema": 1,
    "model": {"type": "sequential", "input_shape": [3], "seed": 7,
              "layers": [{"type": "dense", "units": 4, "activation": "tanh", "kernel_regularizer": "l2",
                          "bias_initializer": {"type": "constant", "value": 0.1}},
                         {"type": "dense", "units": 3, "activation": "relu",
                          "bias_initializer": {"type": "constant", "value": 0.2}}]},
    "compile": {"optimizer": "sgd"}})");
  doc["model"]["layers"].push_back(head);
  doc["compile"]["loss"] = loss;
  return doc;
}

/// The compiled loss of sample 1 of arrays "x", "y" (evaluate on that one sample).
double loss_of(Session& s) {
  const json e = ok(s, {{"op", "evaluate"}, {"x", {"x1"}}, {"y", {"y1"}}});
  return e.at("logs").at("loss").get<double>();
}

/// Every weight gradient backprop gives for sample 1 against (L(w+e) - L(w-e)) / 2e.
void check_against_differences(const json& doc, const std::vector<float>& y) {
  Session s;
  ok(s, {{"op", "build"}, {"spec", doc}});
  REQUIRE(s.set_array("x", {0.3f, -0.6f, 0.9f, 0.5f, 0.2f, -0.4f}).empty());
  REQUIRE(s.set_array("y", y).empty());
  const std::size_t per_target = y.size() / 2;
  REQUIRE(s.set_array("x1", {0.5f, 0.2f, -0.4f}).empty());
  REQUIRE(s.set_array("y1", std::vector<float>(y.begin() + static_cast<long>(per_target), y.end()))
              .empty());
  const json a = ok(s, {{"op", "backprop"}, {"x", {"x"}}, {"y", {"y"}}, {"sample", 1}});
  CHECK(a.at("loss").get<double>() == Approx(loss_of(s)).epsilon(1e-6));
  const std::vector<float> grads = weight_gradients(s, a);
  const std::vector<float> w0 = all_weights(s);
  REQUIRE(grads.size() == w0.size());
  const float eps = 3e-3f;
  for (std::size_t k = 0; k < w0.size(); ++k) {
    std::vector<float> w = w0;
    w[k] = w0[k] + eps;
    const double w_up = static_cast<double>(w[k]);
    put_weights(s, w);
    const double up = loss_of(s);
    w[k] = w0[k] - eps;
    const double w_down = static_cast<double>(w[k]);
    put_weights(s, w);
    const double down = loss_of(s);
    const double numeric = (up - down) / (w_up - w_down);
    INFO("weight " << k);
    CHECK(static_cast<double>(grads[k]) == Approx(numeric).margin(1e-4));
  }
}

/// 2 -> 3 relu -> BatchNormalization -> Dropout -> 1 sigmoid with Adam: everything a training
/// pass could move (Adam's slots, moving statistics, the Dropout stream).
json stateful_doc() {
  return json::parse(R"({"schema": 1,
    "model": {"type": "sequential", "input_shape": [2], "seed": 3,
              "layers": [{"type": "dense", "units": 3, "activation": "relu"},
                         {"type": "batch_normalization"},
                         {"type": "dropout", "rate": 0.5, "seed": 5},
                         {"type": "dense", "name": "output_probability", "units": 1,
                          "activation": "sigmoid"}]},
    "compile": {"optimizer": {"type": "adam", "learning_rate": 0.05},
                "loss": "binary_crossentropy"},
    "fit": {"epochs": 10, "batch_size": 2, "seed": 1}})");
}

void stateful_session(Session& s) {
  ok(s, {{"op", "build"}, {"spec", stateful_doc()}});
  REQUIRE(s.set_array("x", {0, 0, 0, 1, 1, 0, 1, 1}).empty());
  REQUIRE(s.set_array("y", {0, 1, 1, 0}).empty());
  ok(s, {{"op", "set_data"}, {"train", {{"x", {"x"}}, {"y", {"y"}}}}});
  ok(s, {{"op", "train"}, {"batches", 3}});
}

/// Trains 5 batches and returns {iterations, weights}.
std::pair<json, std::vector<float>> train_on(Session& s) {
  const json t = ok(s, {{"op", "train"}, {"batches", 5}});
  return {t.at("iterations"), all_weights(s)};
}

}  // namespace

TEST_CASE("Backprop: tanh and relu layers match central differences", "[bridge][backprop]") {
  check_against_differences(fd_doc({{"type", "dense"}, {"units", 2}}, "mse"),
                            {0.4f, -0.3f, -0.2f, 0.7f});
}

TEST_CASE("Backprop: a softmax head with cross-entropy matches central differences",
          "[bridge][backprop]") {
  check_against_differences(fd_doc({{"type", "dense"}, {"units", 3}, {"activation", "softmax"}},
                                   "categorical_crossentropy"),
                            {1, 0, 0, 0, 0, 1});
}

TEST_CASE("Backprop: the softmax head's gradients, fused and not", "[bridge][backprop]") {
  Session s;
  ok(s, {{"op", "build"},
         {"spec", fd_doc({{"type", "dense"}, {"units", 3}, {"activation", "softmax"}},
                         "categorical_crossentropy")}});
  REQUIRE(s.set_array("x", {0.3f, -0.6f, 0.9f}).empty());
  REQUIRE(s.set_array("y", {0, 1, 0}).empty());
  const json a = ok(s, {{"op", "backprop"}, {"x", {"x"}}, {"y", {"y"}}});
  const std::vector<float> p = nn::test::layer_array(s, a, 2, "output");
  const std::vector<float> dz = nn::test::layer_array(s, a, 2, "grad_pre_activation");
  const std::vector<float> dp = nn::test::layer_array(s, a, 2, "grad_output");
  // Fused, as the training step takes it: dL/dz = p - t.
  CHECK(dz.at(0) == Approx(p.at(0)).margin(1e-6));
  CHECK(dz.at(1) == Approx(p.at(1) - 1.0f).margin(1e-6));
  // As compiled: Keras's cross-entropy first rescales p to sum 1, so dL/dp = 1 - t / p.
  CHECK(dp.at(0) == Approx(1.0).margin(1e-6));
  CHECK(dp.at(1) == Approx(1.0 - 1.0 / static_cast<double>(p.at(1))).epsilon(1e-5));
  // Both agree through the softmax: dz_i = p_i (dp_i - sum_j p_j dp_j).
  double pdp = 0;
  for (std::size_t j = 0; j < 3; ++j) pdp += static_cast<double>(p[j] * dp[j]);
  for (std::size_t i = 0; i < 3; ++i) {
    CHECK(static_cast<double>(dz[i]) ==
          Approx(static_cast<double>(p[i]) * (static_cast<double>(dp[i]) - pdp)).margin(1e-6));
  }
}

TEST_CASE("Backprop: the session is unchanged afterwards", "[bridge][backprop]") {
  Session plain, looked;
  stateful_session(plain);
  stateful_session(looked);
  const std::vector<float> before = all_weights(looked);
  const json a =
      ok(looked, {{"op", "backprop"}, {"x", {"x"}}, {"y", {"y"}}, {"sample", 2}, {"out", "bp"}});
  CHECK(all_weights(looked) == before);
  CHECK(a.at("layers").size() == 4);
  CHECK(a.at("layers").at(1).at("arrays").count("pre_activation") == 0);
  CHECK(looked.has_array("bp/output_probability/grad_output"));
  const auto [iterations, weights] = train_on(looked);
  const auto [iterations_plain, weights_plain] = train_on(plain);
  CHECK(iterations == 8);
  CHECK(iterations == iterations_plain);
  CHECK(weights == weights_plain);  // bit-identical
}

TEST_CASE("Backprop: refused requests change nothing", "[bridge][backprop][errors]") {
  Session empty;
  CHECK(error(empty, {{"op", "backprop"}, {"x", {"x"}}, {"y", {"y"}}}).at("path") == "/op");
  Session uncompiled;
  json doc = stateful_doc();
  doc.erase("compile");
  ok(uncompiled, {{"op", "build"}, {"spec", doc}});
  REQUIRE(uncompiled.set_array("x", {0, 1}).empty());
  REQUIRE(uncompiled.set_array("y", {1}).empty());
  CHECK(error(uncompiled, {{"op", "backprop"}, {"x", {"x"}}, {"y", {"y"}}}).at("path") == "/op");

  Session plain, refused;
  stateful_session(plain);
  stateful_session(refused);
  const std::vector<float> before = all_weights(refused);
  REQUIRE(refused.set_array("short", {0, 1, 1}).empty());
  // 32 characters: "<out>/output_probability/grad_pre_activation" is beyond 64.
  const std::string long_out(32, 'o');
  const std::vector<std::pair<json, std::string>> cases = {
      {{{"x", {"x"}}, {"y", {"y"}}, {"sample", 4}}, "/sample"},
      {{{"x", {"x"}}, {"y", {"y"}}, {"sample", -1}}, "/sample"},
      {{{"x", {"nothing"}}, {"y", {"y"}}}, "/x/0"},
      {{{"x", {"short"}}, {"y", {"y"}}}, "/x/0"},
      {{{"x", {"x"}}, {"y", {"short"}}}, "/y/0"},
      {{{"x", {"x"}}}, "/y"},
      {{{"x", {"x"}}, {"y", {"y"}}, {"out", ""}}, "/out"},
      {{{"x", {"x"}}, {"y", {"y"}}, {"out", long_out}}, "/out"},
      {{{"x", {"x"}}, {"y", {"y"}}, {"samples", 1}}, "/samples"},
  };
  for (const auto& [fields, path] : cases) {
    json request = fields;
    request["op"] = "backprop";
    INFO(request.dump());
    CHECK(error(refused, request).at("path") == path);
  }
  CHECK(all_weights(refused) == before);
  CHECK_FALSE(refused.has_array(long_out + "/dense/output"));
  CHECK_FALSE(refused.has_array("backprop/dense/output"));
  const auto [iterations, weights] = train_on(refused);
  const auto [iterations_plain, weights_plain] = train_on(plain);
  CHECK(iterations == iterations_plain);
  CHECK(weights == weights_plain);
}
