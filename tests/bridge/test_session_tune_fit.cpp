// tune's "fit" part: batch_size from the next batch on (the current epoch goes on from the
// samples already trained), epochs as the limit (lower: finished; higher: continues), and the
// EarlyStopping callback's patience.
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

json train(Session& s, int batches) { return ok(s, {{"op", "train"}, {"batches", batches}}); }

}  // namespace

TEST_CASE("SessionTune: a new batch size applies from the next batch", "[bridge][session][tune]") {
  Session s;
  ok(s,
     {{"op", "build"},
      {"spec", tune_doc("sgd", {{"epochs", 10}, {"batch_size", 5}}, {nn::test::linear_unit()})}});
  put_points(s, 10);
  CHECK(train(s, 1).at("batches_per_epoch") == 2);
  const std::vector<float> w = weights_of(s);
  const json answer = tune(s, {{"fit", {{"batch_size", 2}}}});
  CHECK(weights_of(s) == w);
  CHECK(answer.at("fit").at("batch_size") == 2);
  CHECK(answer.at("fit").at("epochs") == 10);
  CHECK(answer.at("training").at("batches_per_epoch") == 5);
  // Samples 5..9 of this epoch remain: batches of 2, 2 and 1, then a new epoch of 5 batches.
  const json a = train(s, 1);
  CHECK(a.at("batches_per_epoch") == 5);
  CHECK(a.at("epoch") == 0);
  CHECK(a.at("batch") == 2);
  CHECK(train(s, 1).at("epoch") == 0);
  const json end = train(s, 1);
  CHECK(end.at("epoch") == 1);
  CHECK(end.at("batch") == 4);  // batches this epoch ran: one of 5, three of 2 or fewer
  CHECK(end.at("epoch_logs").size() == 1);
  const json next = train(s, 5);
  CHECK(next.at("epoch") == 2);
  CHECK(next.at("iterations") == 9);
}

TEST_CASE("SessionTune: epochs below the current epoch finish, above continue",
          "[bridge][session][tune]") {
  Session s;
  ok(s, {{"op", "build"},
         {"spec", tune_doc("sgd", {{"epochs", 3}, {"batch_size", 4}}, {nn::test::linear_unit()})}});
  put_points(s, 4);
  CHECK(train(s, 2).at("epoch") == 2);
  const std::vector<float> w = weights_of(s);
  const json lowered = tune(s, {{"fit", {{"epochs", 1}}}});
  CHECK(lowered.at("training").at("finished") == true);
  CHECK(lowered.at("training").at("stop_reason") == "");
  CHECK(weights_of(s) == w);
  const json idle = train(s, 5);
  CHECK(idle.at("batches_run") == 0);
  CHECK(idle.at("finished") == true);

  const json raised = tune(s, {{"fit", {{"epochs", 5}}}});
  CHECK(raised.at("training").at("finished") == false);
  const json more = train(s, 10);
  CHECK(more.at("batches_run") == 3);
  CHECK(more.at("epoch") == 5);
  CHECK(more.at("finished") == true);
  CHECK(more.at("epoch_logs").size() == 3);
  CHECK(more.at("epoch_logs").at(0).at("epoch") == 2);
}

TEST_CASE("SessionTune: epochs before the first train set the limit", "[bridge][session][tune]") {
  Session s;
  ok(s, {{"op", "build"},
         {"spec", tune_doc("sgd", {{"epochs", 3}, {"batch_size", 4}}, {nn::test::linear_unit()})}});
  put_points(s, 4);
  CHECK(tune(s, {{"fit", {{"epochs", 2}}}}).at("training") == nullptr);
  const json a = train(s, 10);
  CHECK(a.at("batches_run") == 2);
  CHECK(a.at("finished") == true);
}

TEST_CASE("SessionTune: a lower patience stops at the next epoch end", "[bridge][session][tune]") {
  // The loss can never improve by 100, so only patience decides when training stops.
  const json callbacks = json::array(
      {{{"type", "early_stopping"}, {"monitor", "loss"}, {"min_delta", 100}, {"patience", 5}}});
  Session s;
  ok(s, {{"op", "build"},
         {"spec", tune_doc("sgd", {{"epochs", 20}, {"batch_size", 4}, {"callbacks", callbacks}},
                           {nn::test::linear_unit()})}});
  put_points(s, 4);
  CHECK(train(s, 2).at("finished") == false);  // epochs 0 and 1: waited 1 of 5
  const json answer = tune(s, {{"fit", {{"early_stopping", {{"patience", 1}}}}}});
  CHECK(answer.at("fit").at("callbacks").at(0).at("patience") == 1);
  const json a = train(s, 5);
  CHECK(a.at("batches_run") == 1);
  CHECK(a.at("finished") == true);
  CHECK(a.at("early_stopping").at("stopped_epoch") == 2);
}
