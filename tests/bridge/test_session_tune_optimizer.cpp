// tune's "optimizer" part: a new learning rate (or other option) applies from the next step on
// with the optimizer's slots and step count kept; another "type" starts a fresh optimizer.
#include <catch2/catch.hpp>

#include "bridge/tune_helpers.hpp"

using nn::bridge::Session;
using nn::test::ok;
using nn::test::put_points;
using nn::test::state_of;
using nn::test::tune;
using nn::test::tune_doc;
using nn::test::weights_of;
using json = nlohmann::json;

namespace {

/// A 2 -> 3 tanh -> 1 model: enough weights for Adam's moments to matter.
json two_layers() {
  return json::array({{{"type", "dense"}, {"units", 3}, {"activation", "tanh"}},
                      {{"type", "dense"}, {"units", 1}}});
}

/// Sets every weight of `s` to `w`.
void set_weights(Session& s, const std::vector<float>& w) {
  REQUIRE(s.set_array("w", w).empty());
  ok(s, {{"op", "set_weights"}, {"array", "w"}});
}

}  // namespace

TEST_CASE("SessionTune: SGD's next step is w - lr_new * g", "[bridge][session][tune]") {
  const json fit = {{"epochs", 100}, {"batch_size", 8}};
  Session a;
  ok(a, {{"op", "build"},
         {"spec",
          tune_doc({{"type", "sgd"}, {"learning_rate", 0.1}}, fit, {nn::test::linear_unit()})}});
  put_points(a, 8);
  ok(a, {{"op", "train"}, {"batches", 2}});
  const std::vector<float> w0 = weights_of(a);
  const json answer = tune(a, {{"optimizer", {{"learning_rate", 0.5}}}});
  CHECK(weights_of(a) == w0);  // bit-identical: tune touches no weight
  CHECK(answer.at("optimizer").at("learning_rate") == 0.5);
  CHECK(answer.at("learning_rate") == 0.5);
  CHECK(answer.at("iterations") == 2);
  ok(a, {{"op", "train"}, {"batches", 1}});
  const std::vector<float> w1 = weights_of(a);

  // By hand: mse on one linear unit, g_j = 2/N sum_i (w.x_i - y_i) x_ij over the full batch.
  const std::vector<float>& xf = a.get_array("x");
  const std::vector<float>& yf = a.get_array("y");
  const std::vector<double> x(xf.begin(), xf.end()), y(yf.begin(), yf.end());
  const std::vector<double> w(w0.begin(), w0.end());
  double g[2] = {0, 0};
  for (std::size_t i = 0; i < 8; ++i) {
    const double r = w[0] * x[2 * i] + w[1] * x[2 * i + 1] - y[i];
    for (std::size_t j = 0; j < 2; ++j) g[j] += 2.0 / 8.0 * r * x[2 * i + j];
  }
  for (std::size_t j = 0; j < 2; ++j) {
    CHECK(static_cast<double>(w1[j]) == Approx(w[j] - 0.5 * g[j]).epsilon(1e-5));
  }

  // The same step from a session compiled with 0.5 from the start, exactly.
  Session b;
  ok(b, {{"op", "build"},
         {"spec",
          tune_doc({{"type", "sgd"}, {"learning_rate", 0.5}}, fit, {nn::test::linear_unit()})}});
  put_points(b, 8);
  set_weights(b, w0);
  ok(b, {{"op", "train"}, {"batches", 1}});
  CHECK(weights_of(b) == w1);
}

TEST_CASE("SessionTune: Adam keeps its moments and step count", "[bridge][session][tune]") {
  const json fit = {{"epochs", 100}, {"batch_size", 2}};
  // a: 0.01 for three steps, then tuned to 0.001.
  Session a;
  ok(a, {{"op", "build"},
         {"spec", tune_doc({{"type", "adam"}, {"learning_rate", 0.01}}, fit, two_layers())}});
  put_points(a, 8);
  ok(a, {{"op", "train"}, {"batches", 3}});
  const json answer = tune(a, {{"optimizer", {{"learning_rate", 0.001}}}});
  CHECK(answer.at("iterations") == 3);
  CHECK(answer.at("optimizer") == json({{"type", "adam"},
                                        {"learning_rate", 0.001},
                                        {"beta_1", 0.9},
                                        {"beta_2", 0.999},
                                        {"epsilon", 1e-7},
                                        {"amsgrad", false},
                                        {"weight_decay", 0.0},
                                        {"clipnorm", 0.0},
                                        {"clipvalue", 0.0},
                                        {"global_clipnorm", 0.0}}));
  CHECK(ok(a, {{"op", "train"}, {"batches", 3}}).at("iterations") == 6);

  // b: one uninterrupted Adam whose schedule switches to 0.001 at step 3 (0-based).
  Session b;
  const json schedule = {
      {"type", "piecewise_constant_decay"}, {"boundaries", {2}}, {"values", {0.01, 0.001}}};
  ok(b, {{"op", "build"},
         {"spec", tune_doc({{"type", "adam"}, {"learning_rate", schedule}}, fit, two_layers())}});
  put_points(b, 8);
  ok(b, {{"op", "train"}, {"batches", 6}});
  CHECK(weights_of(a) == weights_of(b));
}

TEST_CASE("SessionTune: a slot the new options add starts at zero", "[bridge][session][tune]") {
  const json fit = {{"epochs", 100}, {"batch_size", 8}};
  Session a;
  ok(a, {{"op", "build"},
         {"spec", tune_doc({{"type", "sgd"}, {"learning_rate", 0.1}}, fit, two_layers())}});
  put_points(a, 8);
  ok(a, {{"op", "train"}, {"batches", 2}});
  const std::vector<float> w = weights_of(a);
  const json answer = tune(a, {{"optimizer", {{"momentum", 0.9}}}});
  CHECK(answer.at("optimizer").at("momentum") == 0.9);
  CHECK(answer.at("optimizer").at("learning_rate") == 0.1);
  CHECK(answer.at("iterations") == 2);
  ok(a, {{"op", "train"}, {"batches", 2}});
  // A fresh SGD with momentum from the same weights takes the same two steps.
  Session b;
  ok(b, {{"op", "build"},
         {"spec", tune_doc({{"type", "sgd"}, {"learning_rate", 0.1}, {"momentum", 0.9}}, fit,
                           two_layers())}});
  put_points(b, 8);
  set_weights(b, w);
  ok(b, {{"op", "train"}, {"batches", 2}});
  CHECK(weights_of(a) == weights_of(b));
}

TEST_CASE("SessionTune: another type starts a fresh optimizer on the same weights",
          "[bridge][session][tune]") {
  const json fit = {{"epochs", 100}, {"batch_size", 8}};
  Session a;
  ok(a, {{"op", "build"},
         {"spec", tune_doc({{"type", "adam"}, {"learning_rate", 0.01}}, fit, two_layers())}});
  put_points(a, 8);
  ok(a, {{"op", "train"}, {"batches", 3}});
  const std::vector<float> w = weights_of(a);
  const json answer = tune(a, {{"optimizer", {{"type", "sgd"}, {"learning_rate", 0.2}}}});
  CHECK(weights_of(a) == w);
  CHECK(answer.at("iterations") == 0);
  CHECK(answer.at("optimizer").at("type") == "sgd");
  CHECK(answer.at("optimizer").at("momentum") == 0.0);
  CHECK(answer.at("optimizer").at("learning_rate") == 0.2);
  ok(a, {{"op", "train"}, {"batches", 1}});
  Session b;
  ok(b, {{"op", "build"},
         {"spec", tune_doc({{"type", "sgd"}, {"learning_rate", 0.2}}, fit, two_layers())}});
  put_points(b, 8);
  set_weights(b, w);
  ok(b, {{"op", "train"}, {"batches", 1}});
  CHECK(weights_of(a) == weights_of(b));
  // A plain name is a fresh optimizer with its Keras defaults.
  CHECK(tune(a, {{"optimizer", "rmsprop"}}).at("optimizer").at("learning_rate") == 0.001);
}

TEST_CASE("SessionTune: no fields reads the settings and changes nothing",
          "[bridge][session][tune]") {
  Session s;
  ok(s, {{"op", "build"},
         {"spec", tune_doc("adam", {{"epochs", 7}, {"batch_size", 4}},
                           {{{"type", "dense"}, {"units", 2}},
                            {{"type", "dropout"}, {"rate", 0.25}},
                            nn::test::linear_unit()})}});
  put_points(s, 8);
  ok(s, {{"op", "train"}, {"batches", 3}});
  const json before = state_of(s);
  const json answer = tune(s, json::object());
  CHECK(state_of(s) == before);
  CHECK(answer.at("optimizer").at("type") == "adam");
  CHECK(answer.at("optimizer").at("learning_rate") == 0.001);
  CHECK(answer.at("fit").at("epochs") == 7);
  CHECK(answer.at("fit").at("batch_size") == 4);
  CHECK(answer.at("layers").at("dropout") == json({{"rate", 0.25}}));
  CHECK(answer.at("layers").at("dense") ==
        json({{"kernel_regularizer", nullptr}, {"bias_regularizer", nullptr}}));
  CHECK(answer.at("training") == json({{"epoch", 1},
                                       {"batch", 1},
                                       {"batches_per_epoch", 2},
                                       {"finished", false},
                                       {"stop_reason", ""}}));
}

TEST_CASE("SessionTune: the saved file holds the tuned settings", "[bridge][session][tune]") {
  Session s;
  ok(s, {{"op", "build"},
         {"spec", tune_doc("sgd", {{"epochs", 5}, {"batch_size", 4}}, {nn::test::linear_unit()})}});
  put_points(s, 8);
  ok(s, {{"op", "train"}, {"batches", 1}});
  tune(s, {{"optimizer", {{"learning_rate", 0.3}}}, {"fit", {{"batch_size", 3}}}});
  const json file = state_of(s);
  CHECK(file.at("spec").at("compile").at("optimizer").at("learning_rate") == 0.3);
  CHECK(file.at("spec").at("fit").at("batch_size") == 3);
  // Loaded mid-epoch (4 of 8 samples done), it goes on exactly as the tuned session does:
  // batches of 3 and then 1 finish the epoch.
  Session t;
  ok(t, {{"op", "build"}, {"spec", file.at("spec")}});
  put_points(t, 8);
  ok(t, {{"op", "load"}, {"file", file}});
  const json from_t = ok(t, {{"op", "train"}, {"batches", 2}});
  const json from_s = ok(s, {{"op", "train"}, {"batches", 2}});
  CHECK(from_s.at("epoch") == 1);
  CHECK(from_t.at("epoch_logs") == from_s.at("epoch_logs"));
  CHECK(weights_of(t) == weights_of(s));
}
