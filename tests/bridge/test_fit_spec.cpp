#include <catch2/catch.hpp>

#include "engine/bridge/spec/compile_spec.hpp"
#include "engine/bridge/spec/data_spec.hpp"
#include "engine/bridge/spec/fit_spec.hpp"
#include "spec_test_util.hpp"

using nn::bridge::fit_to_json;
using nn::bridge::FitSpec;
using nn::bridge::json;
using nn::bridge::parse_fit;
using nn::bridge::test::error_of;

namespace {

FitSpec parse(const std::string& text) { return parse_fit(json::parse(text), "/fit"); }

std::pair<std::string, std::string> parse_error(const std::string& text) {
  return error_of([&] { (void)parse(text); });
}

/// to_json(parse(text)), checked to be a fixed point.
json canonical(const std::string& text) {
  const json once = fit_to_json(parse(text));
  CHECK(fit_to_json(parse_fit(once, "/fit")) == once);
  return once;
}

}  // namespace

TEST_CASE("FitSpec: defaults are Keras fit defaults", "[bridge]") {
  const FitSpec s = parse("{}");
  CHECK(s.options.epochs == 1);
  CHECK(s.options.batch_size == 32);
  CHECK(s.options.shuffle);
  CHECK(s.options.validation_split == 0.0);
  CHECK(s.options.seed == 0);
  CHECK(s.callbacks.empty());
}

TEST_CASE("FitSpec: canonical JSON writes every field", "[bridge]") {
  CHECK(canonical("{}") == json::parse(R"({"epochs": 1, "batch_size": 32, "shuffle": true,
      "validation_split": 0.0, "seed": 0, "callbacks": []})"));
}

TEST_CASE("FitSpec: options round trip", "[bridge]") {
  const json j = canonical(
      R"({"epochs": 50, "batch_size": 10, "shuffle": false, "validation_split": 0.25, "seed": 7})");
  CHECK(j["epochs"] == 50);
  CHECK(j["batch_size"] == 10);
  CHECK(j["shuffle"] == false);
  CHECK(j["validation_split"] == 0.25);
  CHECK(j["seed"] == 7);
}

TEST_CASE("FitSpec: early stopping defaults are Keras's", "[bridge]") {
  const FitSpec s = parse(R"({"callbacks": ["early_stopping"]})");
  REQUIRE(s.callbacks.size() == 1);
  const nn::EarlyStoppingOptions& o = s.callbacks[0].early_stopping;
  CHECK(o.monitor == "val_loss");
  CHECK(o.min_delta == 0.0);
  CHECK(o.patience == 0);
  CHECK(o.mode == "auto");
  CHECK_FALSE(o.restore_best_weights);
  CHECK(canonical(R"({"callbacks": [{"type": "early_stopping", "patience": 0}]})")["callbacks"] ==
        json::parse(R"(["early_stopping"])"));
}

TEST_CASE("FitSpec: reduce_lr_on_plateau defaults are Keras's", "[bridge]") {
  const FitSpec s = parse(R"({"callbacks": [{"type": "reduce_lr_on_plateau"}]})");
  const nn::ReduceLROnPlateauOptions& o = s.callbacks[0].reduce_lr_on_plateau;
  CHECK(o.monitor == "val_loss");
  CHECK(o.factor == 0.1);
  CHECK(o.patience == 10);
  CHECK(o.mode == "auto");
  CHECK(o.min_delta == 1e-4);
  CHECK(o.cooldown == 0);
  CHECK(o.min_lr == 0.0);
  CHECK(fit_to_json(s)["callbacks"][0] == "reduce_lr_on_plateau");
}

TEST_CASE("FitSpec: changed callback options write every option", "[bridge]") {
  const json j = canonical(R"({"callbacks": [
      {"type": "early_stopping", "monitor": "val_accuracy", "patience": 3,
       "restore_best_weights": true},
      {"type": "reduce_lr_on_plateau", "factor": 0.5, "cooldown": 2, "min_lr": 1e-5}]})");
  CHECK(j["callbacks"][0] == json::parse(R"({"type": "early_stopping", "monitor": "val_accuracy",
      "min_delta": 0.0, "patience": 3, "mode": "auto", "restore_best_weights": true})"));
  CHECK(j["callbacks"][1] == json::parse(R"({"type": "reduce_lr_on_plateau", "monitor": "val_loss",
      "factor": 0.5, "patience": 10, "mode": "auto", "min_delta": 0.0001, "cooldown": 2,
      "min_lr": 1e-5})"));
}

TEST_CASE("FitSpec: make_callbacks builds them in order", "[bridge]") {
  const FitSpec s = parse(R"({"callbacks": ["reduce_lr_on_plateau",
      {"type": "early_stopping", "patience": 2}]})");
  const auto callbacks = nn::bridge::make_callbacks(s, "/fit");
  REQUIRE(callbacks.size() == 2);
  CHECK(dynamic_cast<nn::ReduceLROnPlateau*>(callbacks[0].get()) != nullptr);
  CHECK(dynamic_cast<nn::EarlyStopping*>(callbacks[1].get()) != nullptr);
}

TEST_CASE("FitSpec: epochs must be positive", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"epochs": 0})");
  CHECK(path == "/fit/epochs");
  CHECK(message == "expected a positive integer, got 0");
}

TEST_CASE("FitSpec: batch size is at most 65536", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"batch_size": 70000})");
  CHECK(path == "/fit/batch_size");
  CHECK(message == "expected a positive integer <= 65536, got 70000");
}

TEST_CASE("FitSpec: validation split lies in the half-open unit interval", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"validation_split": 1})");
  CHECK(path == "/fit/validation_split");
  CHECK(message == "expected a number in [0, 1), got 1");
}

TEST_CASE("FitSpec: shuffle must be a boolean", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"shuffle": "yes"})");
  CHECK(path == "/fit/shuffle");
  CHECK(message == "expected true or false, got \"yes\"");
}

TEST_CASE("FitSpec: seed must be a non-negative integer", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"seed": -1})");
  CHECK(path == "/fit/seed");
  CHECK(message == "expected a non-negative integer, got -1");
}

TEST_CASE("FitSpec: unknown fit field", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"verbose": 1})");
  CHECK(path == "/fit/verbose");
  CHECK_THAT(message, Catch::StartsWith("unknown field 'verbose'; expected one of: epochs"));
}

TEST_CASE("FitSpec: callbacks must be a list", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"callbacks": "early_stopping"})");
  CHECK(path == "/fit/callbacks");
  CHECK(message == "expected an array, got \"early_stopping\"");
}

TEST_CASE("FitSpec: unknown callback name lists the valid ones", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"callbacks": ["tensorboard"]})");
  CHECK(path == "/fit/callbacks/0");
  CHECK(message ==
        "unknown callback 'tensorboard'; expected one of: early_stopping, reduce_lr_on_plateau");
}

TEST_CASE("FitSpec: unknown callback type in an object", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"callbacks": [{"type": "csv_logger"}]})");
  CHECK(path == "/fit/callbacks/0/type");
  CHECK_THAT(message, Catch::StartsWith("unknown callback 'csv_logger'"));
}

TEST_CASE("FitSpec: unknown mode lists auto min max", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"callbacks": ["early_stopping", {"type": "early_stopping", "mode": "up"}]})");
  CHECK(path == "/fit/callbacks/1/mode");
  CHECK(message == "unknown mode 'up'; expected one of: auto, min, max");
}

TEST_CASE("FitSpec: negative patience", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"callbacks": [{"type": "early_stopping", "patience": -1}]})");
  CHECK(path == "/fit/callbacks/0/patience");
  CHECK(message == "expected a non-negative integer, got -1");
}

TEST_CASE("FitSpec: negative min_delta", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"callbacks": [{"type": "reduce_lr_on_plateau", "min_delta": -0.1}]})");
  CHECK(path == "/fit/callbacks/0/min_delta");
  CHECK(message == "expected a number >= 0.0, got -0.1");
}

TEST_CASE("FitSpec: reduce factor lies strictly between 0 and 1", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"callbacks": [{"type": "reduce_lr_on_plateau", "factor": 1}]})");
  CHECK(path == "/fit/callbacks/0/factor");
  CHECK(message == "expected a number in (0, 1), got 1");
}

TEST_CASE("FitSpec: empty monitor", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"callbacks": [{"type": "early_stopping", "monitor": ""}]})");
  CHECK(path == "/fit/callbacks/0/monitor");
  CHECK(message == "expected a log key such as \"val_loss\", got \"\"");
}

TEST_CASE("FitSpec: a Keras callback option nnplay lacks is refused", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"callbacks": [{"type": "early_stopping", "baseline": 0.5}]})");
  CHECK(path == "/fit/callbacks/0/baseline");
  CHECK(message ==
        "unknown field 'baseline'; expected one of: type, monitor, min_delta, "
        "patience, mode, restore_best_weights");
}

TEST_CASE("FitSpec: compile data and callbacks drive a Trainer", "[bridge]") {
  auto model = nn::bridge::test::mlp(2, 1, "sigmoid");
  nn::bridge::compile_model(
      *model,
      nn::bridge::parse_compile(
          json::parse(R"({"optimizer": {"type": "adam", "learning_rate": 0.08},
                          "loss": "binary_crossentropy", "metrics": ["accuracy"]})"),
          "/compile"),
      "/compile");
  const auto data = nn::bridge::make_data(
      nn::bridge::parse_data(json::parse(R"({"name": "gate_xor"})"), "/data"), *model, "/data");
  // min_delta 10 makes every epoch after the first a plateau: the rate halves twice.
  const FitSpec s = parse(R"({"epochs": 3, "batch_size": 4, "callbacks": [{"type":
      "reduce_lr_on_plateau", "monitor": "loss", "factor": 0.5, "patience": 0,
      "min_delta": 10}]})");
  auto callbacks = nn::bridge::make_callbacks(s, "/fit");
  std::vector<nn::Callback*> raw;
  for (auto& c : callbacks) raw.push_back(c.get());
  nn::Trainer trainer(*model, data.train, s.options, raw);
  while (!trainer.finished()) trainer.run(100);
  CHECK(trainer.epoch() == 3);
  CHECK(model->optimizer().learning_rate() == Approx(0.02));
}
