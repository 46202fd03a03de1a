// Forward values against the TF.js / Keras 3 fixture, the step activation and name errors.
#include <catch2/catch.hpp>

#include <cmath>
#include <fstream>
#include <limits>
#include <nlohmann/json.hpp>
#include <string>

#include "engine/core/activations/activation.hpp"
#include "engine/core/base/error.hpp"
#include "support/fixtures.hpp"

using nn::ActivationOptions;
using nn::Matrix;

namespace {

const nlohmann::json& load_fixture() { return nn::test::fixture("activations/activations.json"); }

/// Float32 reference values: relative 1e-6 plus absolute 1e-7.
bool close(double got, double want) { return std::abs(got - want) <= 1e-6 * std::abs(want) + 1e-7; }

Matrix column_of(const std::vector<double>& values) {
  Matrix m(static_cast<nn::Index>(values.size()), 1);
  for (std::size_t i = 0; i < values.size(); ++i) m(static_cast<nn::Index>(i), 0) = values[i];
  return m;
}

/// The message of the nn::Error that f throws ("" if none).
template <typename F>
std::string error_of(F&& f) {
  try {
    f();
  } catch (const nn::Error& e) {
    return e.what();
  }
  return "";
}

}  // namespace

TEST_CASE("Activations: elementwise forward values match the fixture", "[activations][golden]") {
  const nlohmann::json fixture = load_fixture();
  const std::vector<double> inputs = fixture.at("inputs").get<std::vector<double>>();
  const Matrix z = column_of(inputs);
  REQUIRE(fixture.at("cases").size() == 16);
  for (const nlohmann::json& c : fixture.at("cases")) {
    const std::string name = c.at("name").get<std::string>();
    ActivationOptions options;
    if (c.contains("alpha")) options.alpha = c.at("alpha").get<double>();
    const std::vector<double> want = c.at("values").get<std::vector<double>>();
    Matrix a;
    nn::make_activation(name, options)->forward(z, a);
    REQUIRE(a.rows() == z.rows());
    REQUIRE(a.cols() == 1);
    for (std::size_t i = 0; i < inputs.size(); ++i) {
      INFO(name << " alpha " << options.alpha << " at z = " << inputs[i]);
      CHECK(close(a(static_cast<nn::Index>(i), 0), want[i]));
    }
  }
}

TEST_CASE("Activations: softmax forward values match TF.js per column", "[activations][golden]") {
  const nlohmann::json fixture = load_fixture().at("softmax");
  const auto columns = fixture.at("columns").get<std::vector<std::vector<double>>>();
  const auto want = fixture.at("values").get<std::vector<std::vector<double>>>();
  const auto k = static_cast<nn::Index>(columns[0].size());
  const auto n = static_cast<nn::Index>(columns.size());
  Matrix z(k, n);
  for (nn::Index j = 0; j < n; ++j) z.col(j) = column_of(columns[static_cast<std::size_t>(j)]);
  Matrix a;
  nn::make_activation("softmax")->forward(z, a);
  for (nn::Index j = 0; j < n; ++j) {
    CHECK(a.col(j).sum() == Approx(1.0).epsilon(1e-12));
    for (nn::Index i = 0; i < k; ++i) {
      INFO("column " << j << " row " << i);
      CHECK(close(a(i, j), want[static_cast<std::size_t>(j)][static_cast<std::size_t>(i)]));
    }
  }
}

TEST_CASE("Activations: sigmoid and softplus stay finite for huge inputs", "[activations]") {
  Matrix z(4, 1);
  z << -1000, -80, 80, 1000;
  Matrix s, p;
  nn::make_activation("sigmoid")->forward(z, s);
  nn::make_activation("softplus")->forward(z, p);
  CHECK(s(0, 0) >= 0.0);
  CHECK(s(0, 0) < 1e-300);  // Eigen's vectorised exp clamps at about exp(-708)
  CHECK(s(1, 0) == Approx(std::exp(-80.0)).epsilon(1e-12));
  CHECK(s(3, 0) == 1.0);
  CHECK(p(0, 0) >= 0.0);
  CHECK(p(0, 0) < 1e-300);
  CHECK(p(3, 0) == 1000.0);
  CHECK(p.allFinite());
}

TEST_CASE("Activations: step is 1 where z is at least 0 else 0", "[activations]") {
  Matrix z(5, 2);
  z << -3, 0, -1e-9, 1e-9, 0, 2, -0.5, 7, 1, -1;
  Matrix a;
  nn::make_activation("step")->forward(z, a);
  Matrix want(5, 2);
  want << 0, 1, 0, 1, 1, 1, 0, 1, 1, 0;
  CHECK(a == want);
}

TEST_CASE("Activations: step backward throws naming step and the hinge loss",
          "[activations][errors]") {
  const auto step = nn::make_activation("step");
  Matrix z = Matrix::Ones(2, 2), a, dz;
  step->forward(z, a);
  const std::string message = error_of([&] { step->backward(z, a, z, dz); });
  INFO(message);
  CHECK(message.find("step") != std::string::npos);
  CHECK(message.find("hinge") != std::string::npos);
}

TEST_CASE("Activations: unknown name error lists every valid name", "[activations][errors]") {
  const std::string message = error_of([] { nn::make_activation("relu7"); });
  INFO(message);
  CHECK(message.find("relu7") != std::string::npos);
  for (const std::string& name : nn::activation_names()) {
    CHECK(message.find(name) != std::string::npos);
  }
}

TEST_CASE("Activations: leaky_relu rejects a negative alpha", "[activations][errors]") {
  ActivationOptions options;
  options.alpha = -1.0;
  const std::string message = error_of([&] { nn::make_activation("leaky_relu", options); });
  INFO(message);
  CHECK(message.find("leaky_relu") != std::string::npos);
  CHECK(message.find("-1") != std::string::npos);
  options.alpha = 0.0;
  CHECK_NOTHROW(nn::make_activation("leaky_relu", options));
}

TEST_CASE("Activations: names are exactly the Keras set plus step", "[activations]") {
  const std::vector<std::string> want = {
      "elu",  "gelu",    "hard_sigmoid", "leaky_relu", "linear", "relu",  "selu", "sigmoid",
      "silu", "softmax", "softplus",     "softsign",   "step",   "swish", "tanh"};
  CHECK(nn::activation_names() == want);
  for (const std::string& name : want) {
    const auto activation = nn::make_activation(name);
    CHECK(activation->name() == name);
    CHECK(activation->clone()->name() == name);
  }
}

TEST_CASE("Activations: alpha only changes leaky_relu and elu", "[activations]") {
  Matrix z(3, 1);
  z << -2, 0.5, 1;
  ActivationOptions options;
  options.alpha = 0.7;
  Matrix with, without;
  nn::make_activation("leaky_relu", options)->forward(z, with);
  CHECK(with(0, 0) == Approx(-1.4));
  nn::make_activation("leaky_relu")->forward(z, without);
  CHECK(without(0, 0) == Approx(-0.4));
  nn::make_activation("elu", options)->forward(z, with);
  CHECK(with(0, 0) == Approx(0.7 * std::expm1(-2.0)));
  nn::make_activation("selu", options)->forward(z, with);
  nn::make_activation("selu")->forward(z, without);
  CHECK(with == without);
  // A clone keeps the option.
  nn::make_activation("leaky_relu", options)->clone()->forward(z, with);
  CHECK(with(0, 0) == Approx(-1.4));
}
