// tune's errors: each names the field by its JSON Pointer into the request, says what was
// expected, and leaves the session exactly as it was (weights, slots, position, document).
#include <catch2/catch.hpp>

#include "bridge/tune_helpers.hpp"

using nn::bridge::Session;
using nn::test::ask;
using nn::test::error;
using nn::test::ok;
using nn::test::put_points;
using nn::test::state_of;
using nn::test::tune_doc;
using json = nlohmann::json;

namespace {

/// A trained 2 -> dense(2) -> dropout -> dense(1) session with Adam and no callbacks.
void trained(Session& s) {
  ok(s, {{"op", "build"},
         {"spec",
          tune_doc({{"type", "adam"}, {"learning_rate", 0.01}}, {{"epochs", 50}, {"batch_size", 3}},
                   {{{"type", "dense"}, {"units", 2}},
                    {{"type", "dropout"}, {"rate", 0.2}},
                    nn::test::linear_unit()})}});
  put_points(s, 8);
  ok(s, {{"op", "train"}, {"batches", 4}});
}

/// The error of `fields` as a tune request, after checking the session did not change.
json tune_error(Session& s, json fields) {
  const json before = state_of(s);
  fields["op"] = "tune";
  const json e = error(s, fields);
  CHECK(state_of(s) == before);
  return e;
}

bool has(const json& e, const std::string& text) {
  return e.at("message").get<std::string>().find(text) != std::string::npos;
}

}  // namespace

TEST_CASE("SessionTune errors: optimizer fields", "[bridge][session][tune]") {
  Session s;
  trained(s);
  json e = tune_error(s, {{"optimizer", {{"learning_rat", 0.1}}}});
  CHECK(e.at("path") == "/optimizer/learning_rat");
  CHECK(has(e, "unknown field 'learning_rat'"));
  CHECK(has(e, "beta_1"));

  e = tune_error(s, {{"optimizer", {{"momentum", 0.9}}}});
  CHECK(e.at("path") == "/optimizer/momentum");
  CHECK(e.at("message") ==
        "optimizer 'adam' does not take 'momentum'; it takes: learning_rate, beta_1, beta_2, "
        "epsilon, amsgrad, weight_decay, clipnorm, clipvalue, global_clipnorm");

  e = tune_error(s, {{"optimizer", {{"learning_rate", "fast"}}}});
  CHECK(e.at("path") == "/optimizer/learning_rate");
  CHECK(has(e, "expected a positive number or a schedule object, got \"fast\""));
  for (const json& bad : {json(0), json(-0.1), json(1e39)}) {
    e = tune_error(s, {{"optimizer", {{"learning_rate", bad}}}});
    CHECK(e.at("path") == "/optimizer/learning_rate");
  }
  e = tune_error(s, {{"optimizer", {{"beta_1", 1}}}});
  CHECK(e.at("path") == "/optimizer/beta_1");
  CHECK(has(e, "[0, 1)"));
  e = tune_error(s, {{"optimizer", {{"amsgrad", 1}}}});
  CHECK(e.at("path") == "/optimizer/amsgrad");
  e = tune_error(s, {{"optimizer", {{"type", "nadam"}}}});
  CHECK(e.at("path") == "/optimizer/type");
  CHECK(has(e, "sgd"));
  e = tune_error(s, {{"optimizer", 3}});
  CHECK(e.at("path") == "/optimizer");
  // Two clipping rules at once (Keras allows one).
  e = tune_error(s, {{"optimizer", {{"clipnorm", 1}, {"clipvalue", 1}}}});
  CHECK(e.at("path") == "/optimizer");
  // NaN is not JSON: the request is refused as a whole.
  const json before = state_of(s);
  const json raw = json::parse(s.handle(R"({"op": "tune", "optimizer": {"learning_rate": NaN}})"));
  CHECK(raw.at("ok") == false);
  CHECK(state_of(s) == before);
}

TEST_CASE("SessionTune errors: fit and layers fields", "[bridge][session][tune]") {
  Session s;
  trained(s);
  json e = tune_error(s, {{"fit", {{"epochs", 0}}}});
  CHECK(e.at("path") == "/fit/epochs");
  e = tune_error(s, {{"fit", {{"batch_size", 65537}}}});
  CHECK(e.at("path") == "/fit/batch_size");
  e = tune_error(s, {{"fit", {{"batch_size", 2.5}}}});
  CHECK(e.at("path") == "/fit/batch_size");
  e = tune_error(s, {{"fit", {{"shuffle", true}}}});
  CHECK(e.at("path") == "/fit/shuffle");
  CHECK(has(e, "cannot change"));
  e = tune_error(s, {{"fit", {{"early_stopping", {{"patience", 3}}}}}});
  CHECK(e.at("path") == "/fit/early_stopping");
  CHECK(has(e, "no early_stopping callback"));
  e = tune_error(s, {{"fit", {{"epoch", 3}}}});
  CHECK(e.at("path") == "/fit/epoch");

  e = tune_error(s, {{"layers", {{"dens", {{"kernel_regularizer", "l2"}}}}}});
  CHECK(e.at("path") == "/layers/dens");
  CHECK(has(e, "dense"));
  e = tune_error(s, {{"layers", {{"dense", {{"rate", 0.5}}}}}});
  CHECK(e.at("path") == "/layers/dense/rate");
  CHECK(has(e, "kernel_regularizer, bias_regularizer"));
  e = tune_error(s, {{"layers", {{"dropout", {{"rate", 1.0}}}}}});
  CHECK(e.at("path") == "/layers/dropout/rate");
  e = tune_error(s, {{"layers", {{"dense", {{"kernel_regularizer", {{"l2", -1}}}}}}}});
  CHECK(e.at("path") == "/layers/dense/kernel_regularizer/l2");
  e = tune_error(s, {{"layers", {{"dense_1", {{"kernel_regularizer", "l3"}}}}}});
  CHECK(e.at("path") == "/layers/dense_1/kernel_regularizer");

  e = tune_error(s, {{"learning_rate", 0.1}});
  CHECK(e.at("path") == "/learning_rate");
}

TEST_CASE("SessionTune errors: a late error applies none of the earlier parts",
          "[bridge][session][tune]") {
  Session s;
  trained(s);
  const json e =
      tune_error(s, {{"optimizer", {{"learning_rate", 0.5}}},
                     {"fit", {{"epochs", 2}, {"batch_size", 1}}},
                     {"layers", {{"dropout", {{"rate", 0.9}}}, {"nope", json::object()}}}});
  CHECK(e.at("path") == "/layers/nope");
  CHECK(ask(s, {{"op", "tune"}}).at("optimizer").at("learning_rate") == 0.01);
}

TEST_CASE("SessionTune errors: no model, not compiled", "[bridge][session][tune]") {
  Session s;
  CHECK(error(s, {{"op", "tune"}}).at("path") == "/op");
  json doc = tune_doc("sgd", {{"epochs", 2}}, {nn::test::linear_unit()});
  doc.erase("compile");
  ok(s, {{"op", "build"}, {"spec", doc}});
  CHECK(ok(s, {{"op", "tune"}}).at("optimizer") == nullptr);
  const json e = error(s, {{"op", "tune"}, {"optimizer", {{"learning_rate", 0.1}}}});
  CHECK(e.at("path") == "/optimizer");
  CHECK(ok(s, {{"op", "tune"}, {"fit", {{"epochs", 9}}}}).at("fit").at("epochs") == 9);
}
