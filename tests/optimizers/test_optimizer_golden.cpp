// Golden tests: weights after 3 updates against tests/fixtures/optimizers/optimizers.json
// (Keras 3 formulas in double, cross-checked with TF.js where it has the same formula).
#include <catch2/catch.hpp>

#include <fstream>
#include <memory>
#include <nlohmann/json.hpp>
#include <string>
#include <vector>

#include "engine/core/optimizers/registry.hpp"
#include "support/fixtures.hpp"

namespace {

using nlohmann::json;

const json& fixture() { return nn::test::fixture("optimizers/optimizers.json"); }

const json& find_config(const std::string& name) {
  for (const json& c : fixture().at("configs")) {
    if (c.at("name") == name) return c;
  }
  FAIL("no fixture config named " << name);
  static const json none;
  return none;
}

/// Row-major nested array -> Matrix.
nn::Matrix to_matrix(const json& rows) {
  const auto r = static_cast<nn::Index>(rows.size());
  const auto c = static_cast<nn::Index>(rows.at(0).size());
  nn::Matrix m(r, c);
  for (nn::Index i = 0; i < r; ++i) {
    for (nn::Index j = 0; j < c; ++j) {
      m(i, j) = rows.at(static_cast<std::size_t>(i)).at(static_cast<std::size_t>(j)).get<double>();
    }
  }
  return m;
}

std::shared_ptr<const nn::LearningRateSchedule> make_schedule(const json& s) {
  if (s.at("name") == "exponential_decay") {
    return std::make_shared<nn::ExponentialDecay>(
        s.at("initial_learning_rate").get<double>(), s.at("decay_steps").get<std::int64_t>(),
        s.at("decay_rate").get<double>(), s.at("staircase").get<bool>());
  }
  return std::make_shared<nn::PiecewiseConstantDecay>(
      s.at("boundaries").get<std::vector<std::int64_t>>(),
      s.at("values").get<std::vector<double>>());
}

nn::OptimizerOptions common_options(const json& o) {
  nn::OptimizerOptions common;
  if (o.contains("learning_rate")) common.learning_rate = o["learning_rate"].get<double>();
  if (o.contains("weight_decay")) common.weight_decay = o["weight_decay"].get<double>();
  if (o.contains("clipnorm")) common.clipnorm = o["clipnorm"].get<double>();
  if (o.contains("clipvalue")) common.clipvalue = o["clipvalue"].get<double>();
  if (o.contains("global_clipnorm")) common.global_clipnorm = o["global_clipnorm"].get<double>();
  if (o.contains("schedule")) common.schedule = make_schedule(o["schedule"]);
  return common;
}

nn::OptimizerHyperparams hyper_params(const json& h) {
  nn::OptimizerHyperparams p;
  if (h.contains("momentum")) p.momentum = h["momentum"].get<double>();
  if (h.contains("nesterov")) p.nesterov = h["nesterov"].get<bool>();
  if (h.contains("rho")) p.rho = h["rho"].get<double>();
  if (h.contains("centered")) p.centered = h["centered"].get<bool>();
  if (h.contains("beta_1")) p.beta_1 = h["beta_1"].get<double>();
  if (h.contains("beta_2")) p.beta_2 = h["beta_2"].get<double>();
  if (h.contains("amsgrad")) p.amsgrad = h["amsgrad"].get<bool>();
  if (h.contains("epsilon")) p.epsilon = h["epsilon"].get<double>();
  if (h.contains("initial_accumulator_value")) {
    p.initial_accumulator_value = h["initial_accumulator_value"].get<double>();
  }
  return p;
}

/// Builds the config's optimizer through make_optimizer, applies the 3 recorded gradients and
/// compares the weights after every update to 1e-6 relative.
void check_golden(const std::string& name) {
  const json& config = find_config(name);
  nn::OptimizerPtr opt =
      nn::make_optimizer(config.at("optimizer").get<std::string>(),
                         common_options(config.at("options")), hyper_params(config.at("hyper")));
  const json& vars = config.at("variables");
  std::vector<nn::Param> storage;
  for (const json& v : vars) {
    const nn::Matrix init = to_matrix(v.at("init"));
    storage.emplace_back(v.at("name").get<std::string>(), init.rows(), init.cols());
    storage.back().value = init;
  }
  std::vector<nn::Param*> params;
  for (nn::Param& p : storage) params.push_back(&p);
  const std::vector<bool> trainable(params.size(), true);
  opt->attach(params);
  const int steps = fixture().at("steps").get<int>();
  for (int s = 0; s < steps; ++s) {
    for (std::size_t k = 0; k < params.size(); ++k) {
      params[k]->grad = to_matrix(vars[k].at("grads").at(static_cast<std::size_t>(s)));
    }
    opt->apply(params, trainable);
    for (std::size_t k = 0; k < params.size(); ++k) {
      const nn::Matrix expected = to_matrix(vars[k].at("expected").at(static_cast<std::size_t>(s)));
      for (nn::Index i = 0; i < expected.size(); ++i) {
        INFO(name << " step " << s + 1 << " " << params[k]->name << "[" << i << "]");
        CHECK(params[k]->value(i) == Approx(expected(i)).epsilon(1e-6).margin(1e-12));
      }
    }
  }
  CHECK(opt->iterations() == steps);
}

const std::vector<std::string> kConfigs = {"sgd_default",
                                           "sgd_lr",
                                           "sgd_momentum",
                                           "sgd_nesterov",
                                           "adagrad_default",
                                           "adagrad_custom",
                                           "rmsprop_default",
                                           "rmsprop_custom",
                                           "rmsprop_momentum",
                                           "rmsprop_centered",
                                           "rmsprop_centered_momentum",
                                           "adam_default",
                                           "adam_custom",
                                           "adam_amsgrad",
                                           "adamw_default",
                                           "adamw_custom",
                                           "sgd_clipnorm",
                                           "sgd_clipvalue",
                                           "sgd_global_clipnorm",
                                           "sgd_weight_decay",
                                           "adam_exponential_decay",
                                           "adam_exponential_decay_staircase",
                                           "sgd_piecewise_constant_decay"};

}  // namespace

TEST_CASE("Optimizer golden: every fixture config has a test case", "[optimizers][golden]") {
  std::vector<std::string> names;
  for (const json& c : fixture().at("configs")) names.push_back(c.at("name").get<std::string>());
  CHECK(names == kConfigs);
}

TEST_CASE("SGD golden: default learning rate", "[optimizers][golden]") {
  check_golden("sgd_default");
}
TEST_CASE("SGD golden: learning rate 0.1", "[optimizers][golden]") { check_golden("sgd_lr"); }
TEST_CASE("SGD golden: momentum 0.9", "[optimizers][golden]") { check_golden("sgd_momentum"); }
TEST_CASE("SGD golden: nesterov momentum", "[optimizers][golden]") { check_golden("sgd_nesterov"); }
TEST_CASE("Adagrad golden: defaults", "[optimizers][golden]") { check_golden("adagrad_default"); }
TEST_CASE("Adagrad golden: initial accumulator 0.5", "[optimizers][golden]") {
  check_golden("adagrad_custom");
}
TEST_CASE("RMSprop golden: defaults", "[optimizers][golden]") { check_golden("rmsprop_default"); }
TEST_CASE("RMSprop golden: rho and epsilon", "[optimizers][golden]") {
  check_golden("rmsprop_custom");
}
TEST_CASE("RMSprop golden: momentum 0.5", "[optimizers][golden]") {
  check_golden("rmsprop_momentum");
}
TEST_CASE("RMSprop golden: centered", "[optimizers][golden]") { check_golden("rmsprop_centered"); }
TEST_CASE("RMSprop golden: centered with momentum", "[optimizers][golden]") {
  check_golden("rmsprop_centered_momentum");
}
TEST_CASE("Adam golden: defaults", "[optimizers][golden]") { check_golden("adam_default"); }
TEST_CASE("Adam golden: betas and large epsilon", "[optimizers][golden]") {
  check_golden("adam_custom");
}
TEST_CASE("Adam golden: amsgrad", "[optimizers][golden]") { check_golden("adam_amsgrad"); }
TEST_CASE("AdamW golden: default weight decay", "[optimizers][golden]") {
  check_golden("adamw_default");
}
TEST_CASE("AdamW golden: weight decay 0.1", "[optimizers][golden]") {
  check_golden("adamw_custom");
}
TEST_CASE("SGD golden: clipnorm", "[optimizers][golden]") { check_golden("sgd_clipnorm"); }
TEST_CASE("SGD golden: clipvalue", "[optimizers][golden]") { check_golden("sgd_clipvalue"); }
TEST_CASE("SGD golden: global_clipnorm over two variables", "[optimizers][golden]") {
  check_golden("sgd_global_clipnorm");
}
TEST_CASE("SGD golden: weight decay with momentum", "[optimizers][golden]") {
  check_golden("sgd_weight_decay");
}
TEST_CASE("Adam golden: exponential decay schedule", "[optimizers][golden]") {
  check_golden("adam_exponential_decay");
}
TEST_CASE("Adam golden: staircase exponential decay schedule", "[optimizers][golden]") {
  check_golden("adam_exponential_decay_staircase");
}
TEST_CASE("SGD golden: piecewise constant decay schedule", "[optimizers][golden]") {
  check_golden("sgd_piecewise_constant_decay");
}
