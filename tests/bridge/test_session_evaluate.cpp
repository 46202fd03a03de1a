// evaluate's "data" choice and the regularization_loss log entry (the penalty alone, beside
// Keras's total "loss"), in train and evaluate answers.
#include <catch2/catch.hpp>

#include "bridge/session_helpers.hpp"

using nn::bridge::Session;
using nn::test::error;
using nn::test::ok;
using json = nlohmann::json;

namespace {

/// A 2 -> 4 tanh -> 1 sigmoid model on 200 circle points (a fifth for validation); `l1` is the
/// hidden kernel's L1 factor (0: no regularizer at all).
json circle_doc(double l1) {
  json doc = json::parse(R"({"schema": 1,
    "model": {"type": "sequential", "input_shape": [2],
              "layers": [{"type": "dense", "units": 4, "activation": "tanh"},
                         {"type": "dense", "units": 1, "activation": "sigmoid"}]},
    "compile": {"optimizer": {"type": "sgd", "learning_rate": 0.03},
                "loss": "binary_crossentropy", "metrics": ["accuracy"]},
    "fit": {"epochs": 100, "batch_size": 10, "seed": 1},
    "data": {"name": "circle", "n": 200, "noise": 0, "validation_fraction": 0.2,
             "seed": 2}})");
  if (l1 > 0) doc["model"]["layers"][0]["kernel_regularizer"] = {{"l1", l1}, {"l2", 0}};
  return doc;
}

}  // namespace

TEST_CASE("Session: evaluate picks the training or the validation data", "[bridge][session]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", circle_doc(0)}});
  const json train = ok(s, {{"op", "evaluate"}, {"data", "train"}});
  const json validation = ok(s, {{"op", "evaluate"}, {"data", "validation"}});
  CHECK(train.at("samples") == 160);
  CHECK(train.at("on") == "train");
  CHECK(validation.at("samples") == 40);
  CHECK(validation.at("on") == "validation");
  CHECK(ok(s, {{"op", "evaluate"}}).at("logs") == validation.at("logs"));
  CHECK(error(s, {{"op", "evaluate"}, {"data", "test"}}).at("path") == "/data");
  REQUIRE(s.set_array("x", {0, 0}).empty());
  REQUIRE(s.set_array("y", {1}).empty());
  CHECK(error(s, {{"op", "evaluate"}, {"data", "train"}, {"x", {"x"}}, {"y", {"y"}}}).at("path") ==
        "/data");
}

TEST_CASE("Session: the penalty is logged apart only when weights are regularized",
          "[bridge][session]") {
  Session plain;
  ok(plain, {{"op", "build"}, {"spec", circle_doc(0)}});
  const json plain_train = ok(plain, {{"op", "train"}, {"batches", 16}});
  CHECK_FALSE(plain_train.at("logs").contains("regularization_loss"));
  CHECK_FALSE(plain_train.at("epoch_logs").at(0).at("logs").contains("val_regularization_loss"));

  Session s;
  ok(s, {{"op", "build"}, {"spec", circle_doc(10)}});
  const json before = ok(s, {{"op", "evaluate"}, {"data", "train"}}).at("logs");
  const double penalty = before.at("regularization_loss").get<double>();
  CHECK(penalty > 1.0);  // 10 x sum |w| of 8 Glorot-uniform weights
  // The total stays Keras's: the data loss (the same model without the penalty) + the penalty.
  Session same;
  ok(same, {{"op", "build"}, {"spec", circle_doc(0)}});
  const double data_loss =
      ok(same, {{"op", "evaluate"}, {"data", "train"}}).at("logs").at("loss").get<double>();
  CHECK(before.at("loss").get<double>() == Approx(data_loss + penalty).epsilon(1e-5));

  const json epoch = ok(s, {{"op", "train"}, {"batches", 16}}).at("epoch_logs").at(0).at("logs");
  CHECK(epoch.at("regularization_loss").get<double>() > 0);
  CHECK(epoch.at("loss").get<double>() > epoch.at("regularization_loss").get<double>());
  // The validation penalty is that of the weights at the end of the epoch.
  const json after = ok(s, {{"op", "evaluate"}, {"data", "validation"}}).at("logs");
  CHECK(epoch.at("val_regularization_loss").get<double>() ==
        Approx(after.at("regularization_loss").get<double>()));
}
