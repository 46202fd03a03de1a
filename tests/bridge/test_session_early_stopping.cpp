// The train answer's early_stopping object: present only with an EarlyStopping callback, epochs
// numbered like epoch_logs[].epoch, restored when it stopped with restore_best_weights.
#include <catch2/catch.hpp>

#include "bridge/session_helpers.hpp"

using nn::bridge::Session;
using nn::test::ok;
using json = nlohmann::json;

namespace {

/// gate_xor into 2 -> 1 sigmoid, SGD; batch 2 (2 batches per epoch), epochs 20, `callbacks`.
json doc(const json& callbacks) {
  return {
      {"schema", 1},
      {"model",
       {{"type", "sequential"},
        {"input_shape", {2}},
        {"layers", {{{"type", "dense"}, {"units", 1}, {"activation", "sigmoid"}}}}}},
      {"compile",
       {{"optimizer", {{"type", "sgd"}, {"learning_rate", 0.5}}}, {"loss", "binary_crossentropy"}}},
      {"fit", {{"epochs", 20}, {"batch_size", 2}, {"shuffle", false}, {"callbacks", callbacks}}},
      {"data", {{"name", "gate_xor"}}}};
}

/// EarlyStopping on the training loss that can never improve by 100: it stops after epoch 1
/// with epoch 0 as the best.
json stop_early(bool restore) {
  return json::array({{{"type", "early_stopping"},
                       {"monitor", "loss"},
                       {"min_delta", 100},
                       {"patience", 1},
                       {"restore_best_weights", restore}}});
}

std::vector<float> weights(Session& s) {
  return s.get_array(ok(s, {{"op", "get_weights"}}).at("array").get<std::string>());
}

}  // namespace

TEST_CASE("SessionEarlyStopping: absent without the callback", "[bridge][session]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", doc(json::array())}});
  CHECK_FALSE(ok(s, {{"op", "train"}, {"batches", 4}}).contains("early_stopping"));
  ok(s, {{"op", "build"},
         {"spec", doc(json::array({{{"type", "reduce_lr_on_plateau"}, {"monitor", "loss"}}}))}});
  CHECK_FALSE(ok(s, {{"op", "train"}, {"batches", 4}}).contains("early_stopping"));
}

TEST_CASE("SessionEarlyStopping: nulls before the first epoch ends", "[bridge][session]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", doc(stop_early(true))}});
  const json a = ok(s, {{"op", "train"}, {"batches", 1}});
  CHECK(a.at("early_stopping") == json({{"monitor", "loss"},
                                        {"best_epoch", nullptr},
                                        {"best", nullptr},
                                        {"stopped_epoch", nullptr},
                                        {"restored", false}}));
}

TEST_CASE("SessionEarlyStopping: stop restores the best epoch's weights", "[bridge][session]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", doc(stop_early(true))}});
  const json first = ok(s, {{"op", "train"}, {"batches", 2}});
  REQUIRE(first.at("epoch") == 1);
  const json& es0 = first.at("early_stopping");
  CHECK(es0.at("best_epoch") == 0);
  CHECK(es0.at("best") == first.at("epoch_logs").at(0).at("logs").at("loss"));
  CHECK(es0.at("stopped_epoch") == nullptr);
  CHECK(es0.at("restored") == false);
  const std::vector<float> after_epoch_0 = weights(s);
  const json second = ok(s, {{"op", "train"}, {"batches", 10}});
  CHECK(second.at("finished") == true);
  CHECK(second.at("batches_run") == 2);
  CHECK(second.at("epoch") == 2);
  CHECK(second.at("epoch_logs").at(0).at("epoch") == 1);
  const json& es = second.at("early_stopping");
  CHECK(es.at("monitor") == "loss");
  CHECK(es.at("best_epoch") == 0);
  CHECK(es.at("stopped_epoch") == 1);
  CHECK(es.at("restored") == true);
  CHECK(weights(s) == after_epoch_0);
}

TEST_CASE("SessionEarlyStopping: without restore_best_weights nothing is restored",
          "[bridge][session]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", doc(stop_early(false))}});
  ok(s, {{"op", "train"}, {"batches", 2}});
  const std::vector<float> after_epoch_0 = weights(s);
  const json a = ok(s, {{"op", "train"}, {"batches", 10}});
  CHECK(a.at("early_stopping").at("stopped_epoch") == 1);
  CHECK(a.at("early_stopping").at("restored") == false);
  CHECK(weights(s) != after_epoch_0);
}

TEST_CASE("SessionEarlyStopping: a run that ends at fit.epochs has no stop", "[bridge][session]") {
  Session s;
  json callbacks = json::array({{{"type", "early_stopping"},
                                 {"monitor", "loss"},
                                 {"patience", 1000},
                                 {"restore_best_weights", true}}});
  ok(s, {{"op", "build"}, {"spec", doc(callbacks)}});
  const json a = ok(s, {{"op", "train"}, {"batches", 100}});
  CHECK(a.at("finished") == true);
  CHECK(a.at("epoch") == 20);
  const json& es = a.at("early_stopping");
  CHECK(es.at("stopped_epoch") == nullptr);
  CHECK(es.at("restored") == false);
  // SGD on the logistic loss keeps improving on XOR's loss early on: the best is a real epoch.
  CHECK(es.at("best_epoch").get<int>() >= 0);
  CHECK(es.at("best_epoch").get<int>() < 20);
}
