#include <catch2/catch.hpp>

#include <cmath>

#include "engine/bridge/spec/compile_spec.hpp"
#include "engine/core/models/graph.hpp"
#include "spec_test_util.hpp"

using nn::bridge::compile_to_json;
using nn::bridge::CompileSpec;
using nn::bridge::json;
using nn::bridge::parse_compile;
using nn::bridge::test::error_of;
using nn::bridge::test::mlp;

namespace {

CompileSpec parse(const std::string& text) { return parse_compile(json::parse(text), "/compile"); }

/// (path, message) of parsing `text` as "compile".
std::pair<std::string, std::string> parse_error(const std::string& text) {
  return error_of([&] { (void)parse(text); });
}

/// to_json(parse(text)), checked to be a fixed point.
json canonical(const std::string& text) {
  const json once = compile_to_json(parse(text));
  const json twice = compile_to_json(parse_compile(once, "/compile"));
  CHECK(once == twice);
  return once;
}

/// Two outputs: "dense" (1 unit) and "dense_1" (3 units, softmax), both from input (2).
std::unique_ptr<nn::Model> two_outputs() {
  nn::Graph g(0);
  const nn::NodeRef in = g.input({2});
  const nn::NodeRef a = g.apply(std::make_unique<nn::Dense>(1), in);
  const nn::NodeRef b = g.apply(std::make_unique<nn::Dense>(3, "softmax"), in);
  g.set_outputs({a, b});
  return std::make_unique<nn::Model>(std::move(g));
}

}  // namespace

TEST_CASE("CompileSpec: optimizer defaults to rmsprop as in Keras", "[bridge]") {
  const CompileSpec s = parse(R"({"loss": "mse"})");
  CHECK(s.optimizer.type == "rmsprop");
  CHECK(std::isnan(s.optimizer.common.learning_rate));
  CHECK_FALSE(s.optimizer.schedule);
  REQUIRE(s.losses.size() == 1);
  CHECK(s.losses[0].type == "mse");
  CHECK(s.loss_weights.empty());
  CHECK(s.metrics.empty());
}

TEST_CASE("CompileSpec: canonical JSON of the defaults writes every field", "[bridge]") {
  CHECK(canonical(R"({"loss": "mse"})") ==
        json::parse(R"({"optimizer": "rmsprop", "loss": "mse", "loss_weights": null,
                        "metrics": []})"));
}

TEST_CASE("CompileSpec: loss is required", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"optimizer": "adam"})");
  CHECK(path == "/compile/loss");
  CHECK(message == "missing required field 'loss'");
}

TEST_CASE("CompileSpec: an optimizer object at its defaults is written as its name", "[bridge]") {
  const json j = canonical(
      R"({"optimizer": {"type": "adam", "learning_rate": 0.001, "beta_1": 0.9, "amsgrad": false},
          "loss": "mse"})");
  CHECK(j["optimizer"] == "adam");
}

TEST_CASE("CompileSpec: a changed option writes every option of the optimizer", "[bridge]") {
  const json j = canonical(
      R"({"optimizer": {"type": "sgd", "learning_rate": 0.1, "momentum": 0.9}, "loss": "mse"})");
  CHECK(j["optimizer"] == json::parse(R"({"type": "sgd", "learning_rate": 0.1, "momentum": 0.9,
      "nesterov": false, "weight_decay": 0.0, "clipnorm": 0.0, "clipvalue": 0.0,
      "global_clipnorm": 0.0})"));
}

TEST_CASE("CompileSpec: adamw writes its Keras weight decay of 0.004", "[bridge]") {
  const json j = canonical(R"({"optimizer": {"type": "adamw", "epsilon": 1e-6}, "loss": "mse"})");
  CHECK(j["optimizer"]["weight_decay"] == 0.004);
  CHECK(j["optimizer"]["learning_rate"] == 0.001);
  CHECK(j["optimizer"]["beta_2"] == 0.999);
}

TEST_CASE("CompileSpec: every core optimizer takes a learning rate", "[bridge]") {
  for (const std::string& name : nn::optimizer_names()) {
    INFO(name);
    const CompileSpec s =
        parse(R"({"optimizer": {"type": ")" + name + R"(", "learning_rate": 0.5}, "loss": "mse"})");
    const nn::OptimizerPtr opt = nn::bridge::make_optimizer(s.optimizer, "/compile/optimizer");
    CHECK(opt->name() == name);
    CHECK(opt->learning_rate() == Approx(0.5));
  }
}

TEST_CASE("CompileSpec: unknown optimizer name lists the valid ones", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"optimizer": "adamx", "loss": "mse"})");
  CHECK(path == "/compile/optimizer");
  CHECK(message ==
        "unknown optimizer 'adamx'; expected one of: sgd, adagrad, rmsprop, adam, adamw");
}

TEST_CASE("CompileSpec: unknown optimizer type in an object", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"optimizer": {"type": "lion"}, "loss": "mse"})");
  CHECK(path == "/compile/optimizer/type");
  CHECK_THAT(message, Catch::StartsWith("unknown optimizer 'lion'"));
}

TEST_CASE("CompileSpec: a hyper-parameter the optimizer does not take", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"optimizer": {"type": "adam", "momentum": 0.9}, "loss": "mse"})");
  CHECK(path == "/compile/optimizer/momentum");
  CHECK(message ==
        "optimizer 'adam' does not take 'momentum'; it takes: learning_rate, beta_1, beta_2, "
        "epsilon, amsgrad, weight_decay, clipnorm, clipvalue, global_clipnorm");
}

TEST_CASE("CompileSpec: sgd does not take epsilon", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"optimizer": {"type": "sgd", "epsilon": 1e-7}, "loss": "mse"})");
  CHECK(path == "/compile/optimizer/epsilon");
  CHECK_THAT(message, Catch::StartsWith("optimizer 'sgd' does not take 'epsilon'"));
}

TEST_CASE("CompileSpec: beta_1 must lie in the half-open unit interval", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"optimizer": {"type": "adam", "beta_1": 1}, "loss": "mse"})");
  CHECK(path == "/compile/optimizer/beta_1");
  CHECK(message == "expected a number in [0, 1), got 1");
}

TEST_CASE("CompileSpec: epsilon must be positive", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"optimizer": {"type": "rmsprop", "epsilon": 0}, "loss": "mse"})");
  CHECK(path == "/compile/optimizer/epsilon");
  CHECK(message == "expected a positive number, got 0");
}

TEST_CASE("CompileSpec: nesterov must be a boolean", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"optimizer": {"type": "sgd", "nesterov": 1}, "loss": "mse"})");
  CHECK(path == "/compile/optimizer/nesterov");
  CHECK(message == "expected true or false, got 1");
}

TEST_CASE("CompileSpec: learning rate must be positive", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"optimizer": {"type": "adam", "learning_rate": 0}, "loss": "mse"})");
  CHECK(path == "/compile/optimizer/learning_rate");
  CHECK(message == "expected a positive number, got 0");
}

TEST_CASE("CompileSpec: learning rate must be a number or a schedule", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"optimizer": {"type": "adam", "learning_rate": "fast"}, "loss": "mse"})");
  CHECK(path == "/compile/optimizer/learning_rate");
  CHECK(message == "expected a positive number or a schedule object, got \"fast\"");
}

TEST_CASE("CompileSpec: only one clipping rule as in Keras", "[bridge][errors]") {
  const auto [path, message] = parse_error(
      R"({"optimizer": {"type": "adam", "clipnorm": 1, "clipvalue": 1}, "loss": "mse"})");
  CHECK(path == "/compile/optimizer");
  CHECK_THAT(message, Catch::Contains("only one of clipnorm, clipvalue and global_clipnorm"));
}

TEST_CASE("CompileSpec: negative clipnorm is refused", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"optimizer": {"type": "adam", "clipnorm": -1}, "loss": "mse"})");
  CHECK(path == "/compile/optimizer/clipnorm");
  CHECK(message == "expected a number >= 0.0, got -1");
}

TEST_CASE("CompileSpec: options beyond float32 are refused", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"optimizer": {"type": "sgd", "learning_rate": 1e39}, "loss": "mse"})");
  CHECK(path == "/compile/optimizer/learning_rate");
  CHECK(message == "expected a number float32 can hold (at most 3.4e38), got 1e+39");
  const auto clip =
      parse_error(R"({"optimizer": {"type": "sgd", "clipvalue": 1e39}, "loss": "mse"})");
  CHECK(clip.first == "/compile/optimizer/clipvalue");
}

TEST_CASE("CompileSpec: unknown optimizer field lists the known ones", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"optimizer": {"type": "sgd", "lr": 0.1}, "loss": "mse"})");
  CHECK(path == "/compile/optimizer/lr");
  CHECK(message ==
        "unknown field 'lr'; expected one of: type, learning_rate, momentum, nesterov, "
        "weight_decay, clipnorm, clipvalue, global_clipnorm");
}

TEST_CASE("CompileSpec: exponential decay schedule round trip and rate", "[bridge]") {
  const std::string text = R"({"optimizer": {"type": "sgd", "learning_rate":
      {"type": "exponential_decay", "initial_learning_rate": 0.1, "decay_steps": 10,
       "decay_rate": 0.5, "staircase": true}}, "loss": "mse"})";
  const json j = canonical(text);
  CHECK(j["optimizer"]["learning_rate"]["decay_steps"] == 10);
  const CompileSpec s = parse(text);
  REQUIRE(s.optimizer.schedule);
  CHECK(s.optimizer.schedule->staircase);
  const nn::OptimizerPtr opt = nn::bridge::make_optimizer(s.optimizer, "/compile/optimizer");
  CHECK(opt->learning_rate() == Approx(0.1));
}

TEST_CASE("CompileSpec: piecewise constant schedule round trip", "[bridge]") {
  const json j = canonical(R"({"optimizer": {"type": "adam", "learning_rate":
      {"type": "piecewise_constant_decay", "boundaries": [100, 200],
       "values": [0.01, 0.005, 0.001]}}, "loss": "mse"})");
  CHECK(j["optimizer"]["learning_rate"]["values"].size() == 3);
  CHECK(j["optimizer"]["beta_1"] == 0.9);
}

TEST_CASE("CompileSpec: exponential decay needs decay_steps", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"optimizer": {"type": "sgd", "learning_rate":
      {"type": "exponential_decay", "initial_learning_rate": 0.1, "decay_rate": 0.5}},
      "loss": "mse"})");
  CHECK(path == "/compile/optimizer/learning_rate/decay_steps");
  CHECK(message == "missing required field 'decay_steps'");
}

TEST_CASE("CompileSpec: unknown schedule type", "[bridge][errors]") {
  const auto [path, message] = parse_error(
      R"({"optimizer": {"type": "sgd", "learning_rate": {"type": "cosine_decay"}}, "loss": "mse"})");
  CHECK(path == "/compile/optimizer/learning_rate/type");
  CHECK(message ==
        "unknown learning rate schedule 'cosine_decay'; expected one of: exponential_decay, "
        "piecewise_constant_decay");
}

TEST_CASE("CompileSpec: piecewise values need one more entry than boundaries", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"optimizer": {"type": "sgd", "learning_rate":
      {"type": "piecewise_constant_decay", "boundaries": [10], "values": [0.1]}}, "loss": "mse"})");
  CHECK(path == "/compile/optimizer/learning_rate/values");
  CHECK(message == "expected 2 values (one more than boundaries), got 1");
}

TEST_CASE("CompileSpec: piecewise boundaries must increase", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"optimizer": {"type": "sgd", "learning_rate":
      {"type": "piecewise_constant_decay", "boundaries": [10, 5], "values": [1, 2, 3]}},
      "loss": "mse"})");
  CHECK(path == "/compile/optimizer/learning_rate/boundaries/1");
  CHECK(message == "expected boundaries in increasing order, got 5 after 10");
}

TEST_CASE("CompileSpec: loss objects at their defaults are written as names", "[bridge]") {
  CHECK(canonical(R"({"loss": {"type": "huber", "delta": 1}})")["loss"] == "huber");
  CHECK(canonical(R"({"loss": {"type": "huber", "delta": 2}})")["loss"] ==
        json::parse(R"({"type": "huber", "delta": 2.0})"));
  CHECK(canonical(R"({"loss": {"type": "binary_crossentropy", "from_logits": true}})")["loss"] ==
        json::parse(R"({"type": "binary_crossentropy", "from_logits": true,
                        "label_smoothing": 0.0})"));
}

TEST_CASE("CompileSpec: unknown loss lists the valid ones", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"loss": "msee"})");
  CHECK(path == "/compile/loss");
  CHECK_THAT(message, Catch::StartsWith("unknown loss 'msee'; expected one of: "));
  CHECK_THAT(message, Catch::Contains("sparse_categorical_crossentropy"));
}

TEST_CASE("CompileSpec: a loss option the loss does not take", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"loss": {"type": "mse", "delta": 2}})");
  CHECK(path == "/compile/loss/delta");
  CHECK(message == "loss 'mse' does not take 'delta'; it takes no options");
}

TEST_CASE("CompileSpec: label smoothing lies in the unit interval", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"loss": {"type": "categorical_crossentropy", "label_smoothing": 2}})");
  CHECK(path == "/compile/loss/label_smoothing");
  CHECK(message == "expected a number in [0.0, 1.0], got 2");
}

TEST_CASE("CompileSpec: huber delta must be positive", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"loss": {"type": "huber", "delta": 0}})");
  CHECK(path == "/compile/loss/delta");
  CHECK(message == "expected a positive number, got 0");
}

TEST_CASE("CompileSpec: loss of the wrong type", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"loss": 3})");
  CHECK(path == "/compile/loss");
  CHECK_THAT(message, Catch::EndsWith("got 3"));
}

TEST_CASE("CompileSpec: an empty loss list is refused", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"loss": []})");
  CHECK(path == "/compile/loss");
  CHECK(message == "expected at least one loss, got []");
}

TEST_CASE("CompileSpec: per-output losses round trip as a list and keyed", "[bridge]") {
  CHECK(canonical(R"({"loss": ["mse", "categorical_crossentropy"], "loss_weights": [1, 0.5]})") ==
        json::parse(R"({"optimizer": "rmsprop", "loss": ["mse", "categorical_crossentropy"],
                        "loss_weights": [1.0, 0.5], "metrics": []})"));
  const json keyed = canonical(R"({"loss": {"y2": "mae", "y1": {"type": "huber", "delta": 3}},
                                   "loss_weights": {"y1": 2, "y2": 1}})");
  CHECK(keyed["loss"]["y2"] == "mae");
  CHECK(keyed["loss_weights"]["y1"] == 2.0);
}

TEST_CASE("CompileSpec: negative loss weight", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"loss": "mse", "loss_weights": [1, -1]})");
  CHECK(path == "/compile/loss_weights/1");
  CHECK(message == "expected a number >= 0.0, got -1");
}

TEST_CASE("CompileSpec: unknown metric lists the valid ones", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"loss": "mse", "metrics": ["mae", "acc"]})");
  CHECK(path == "/compile/metrics/1");
  CHECK_THAT(message, Catch::StartsWith("unknown metric 'acc'; expected one of: "));
}

TEST_CASE("CompileSpec: unknown compile field", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"loss": "mse", "run_eagerly": true})");
  CHECK(path == "/compile/run_eagerly");
  CHECK(message ==
        "unknown field 'run_eagerly'; expected one of: optimizer, loss, loss_weights, "
        "metrics");
}

TEST_CASE("CompileSpec: compile_model sets optimizer loss and metrics", "[bridge]") {
  auto model = mlp(2, 3, "softmax");
  const CompileSpec s = parse(R"({"optimizer": {"type": "adam", "learning_rate": 0.01,
      "weight_decay": 0.1}, "loss": "categorical_crossentropy", "metrics": ["accuracy"]})");
  nn::bridge::compile_model(*model, s, "/compile");
  REQUIRE(model->compiled());
  CHECK(model->optimizer().name() == "adam");
  CHECK(model->optimizer().learning_rate() == Approx(0.01));
  CHECK(model->optimizer().options().weight_decay == Approx(0.1));
  CHECK(model->loss_name(0) == "categorical_crossentropy");
  CHECK(model->metric_names() == std::vector<std::string>{"accuracy"});
}

TEST_CASE("CompileSpec: compile_model with the default optimizer is rmsprop at 0.001", "[bridge]") {
  auto model = mlp(2, 1, "linear");
  nn::bridge::compile_model(*model, parse(R"({"loss": "mse"})"), "/compile");
  CHECK(model->optimizer().name() == "rmsprop");
  CHECK(model->optimizer().learning_rate() == Approx(0.001));
  CHECK(model->loss_name(0) == "mean_squared_error");
}

TEST_CASE("CompileSpec: the perceptron loss compiles by name and takes no options", "[bridge]") {
  auto model = mlp(2, 1, "linear");
  CHECK(canonical(R"({"optimizer": "sgd", "loss": "perceptron"})")["loss"] == "perceptron");
  nn::bridge::compile_model(*model, parse(R"({"optimizer": "sgd", "loss": "perceptron"})"),
                            "/compile");
  CHECK(model->loss_name(0) == "perceptron");
  const auto [path, message] = parse_error(R"({"loss": {"type": "perceptron", "delta": 1}})");
  CHECK(path == "/compile/loss/delta");
  CHECK(message == "loss 'perceptron' does not take 'delta'; it takes no options");
}

TEST_CASE("CompileSpec: a loss list longer than the outputs names them", "[bridge][errors]") {
  auto model = mlp(2, 1, "linear");
  const auto [path, message] = error_of(
      [&] { nn::bridge::compile_model(*model, parse(R"({"loss": ["mse", "mae"]})"), "/compile"); });
  CHECK(path == "/compile/loss");
  CHECK(message == "expected 1 losses, one per output (the model has 1 output(s): dense_1), got 2");
}

TEST_CASE("CompileSpec: losses keyed by output name go to their outputs", "[bridge]") {
  auto model = two_outputs();
  nn::bridge::compile_model(
      *model, parse(R"({"loss": {"dense_1": "categorical_crossentropy", "dense": "mae"}})"),
      "/compile");
  CHECK(model->loss_name(0) == "mean_absolute_error");
  CHECK(model->loss_name(1) == "categorical_crossentropy");
}

TEST_CASE("CompileSpec: a loss keyed by an unknown output lists the outputs", "[bridge][errors]") {
  auto model = two_outputs();
  const auto [path, message] = error_of([&] {
    nn::bridge::compile_model(*model, parse(R"({"loss": {"dense": "mse", "y9": "mse"}})"),
                              "/compile");
  });
  CHECK(path == "/compile/loss/y9");
  CHECK(message == "unknown output 'y9'; the model has 2 output(s): dense, dense_1");
}

TEST_CASE("CompileSpec: a keyed loss must cover every output", "[bridge][errors]") {
  auto model = two_outputs();
  const auto [path, message] = error_of([&] {
    nn::bridge::compile_model(*model, parse(R"({"loss": {"dense": "mse"}})"), "/compile");
  });
  CHECK(path == "/compile/loss");
  CHECK(message == "no losses for output 'dense_1'; the model has 2 output(s): dense, dense_1");
}

TEST_CASE("CompileSpec: loss weights must match the outputs", "[bridge][errors]") {
  auto model = two_outputs();
  const auto [path, message] = error_of([&] {
    nn::bridge::compile_model(*model, parse(R"({"loss": "mse", "loss_weights": [1]})"), "/compile");
  });
  CHECK(path == "/compile/loss_weights");
  CHECK_THAT(message, Catch::StartsWith("expected 2 loss weights, one per output"));
}

TEST_CASE("CompileSpec: one loss serves every output", "[bridge]") {
  auto model = two_outputs();
  nn::bridge::compile_model(*model, parse(R"({"loss": "mse", "loss_weights": {"dense": 1,
      "dense_1": 0.5}})"),
                            "/compile");
  CHECK(model->loss_name(1) == "mean_squared_error");
}
