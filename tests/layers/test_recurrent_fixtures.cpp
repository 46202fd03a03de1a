// Recurrent layers against reference outputs with fixed weights: TF.js Layers for SimpleRNN,
// LSTM and the reset_after=False GRU, Keras 3's formulas (computed in the script) for the
// reset_after=True GRU. See tests/fixtures/recurrent/make_recurrent.mjs.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <memory>
#include <sstream>
#include <string>

#include "engine/core/base/rng.hpp"
#include "engine/core/base/shape.hpp"
#include "engine/core/layers/gru.hpp"
#include "engine/core/layers/lstm.hpp"
#include "engine/core/layers/simple_rnn.hpp"
#include "support/fixtures.hpp"

using namespace nn;
using nlohmann::json;

namespace {

const json& cases() { return nn::test::fixture("recurrent/recurrent.json").at("cases"); }

/// The case's options with return_sequences and return_state on.
RecurrentOptions case_options(const json& c) {
  const json& o = c.at("options");
  RecurrentOptions r;
  r.activation = o.at("activation").get<std::string>();
  r.recurrent_activation = o.at("recurrent_activation").get<std::string>();
  r.use_bias = o.at("use_bias").get<bool>();
  r.go_backwards = o.at("go_backwards").get<bool>();
  r.reset_after = o.at("reset_after").get<bool>();
  r.return_sequences = true;
  r.return_state = true;
  return r;
}

/// Copies a flat Keras row-major weight into the engine Param, whose column-major storage holds
/// the same bytes (engine shape = Keras shape reversed).
void set_weight(Param& p, const json& w) {
  const json& v = w.at("values");
  REQUIRE(static_cast<std::size_t>(p.value.size()) == v.size());
  for (std::size_t i = 0; i < v.size(); ++i) p.value.data()[i] = v[i].get<double>();
}

/// The worst entry of actual vs expected by |a-b| / max(1, |b|), as text, and its error.
struct Worst {
  double error = 0.0;
  std::string where;
};

void compare(const std::string& what, const Matrix& actual, const Matrix& expected, Worst& worst) {
  REQUIRE(actual.rows() == expected.rows());
  REQUIRE(actual.cols() == expected.cols());
  for (Index j = 0; j < actual.cols(); ++j) {
    for (Index i = 0; i < actual.rows(); ++i) {
      const double a = actual(i, j);
      const double b = expected(i, j);
      const double e = std::abs(a - b) / std::max(1.0, std::abs(b));
      if (e > worst.error || worst.where.empty()) {
        std::ostringstream s;
        s << what << "[" << i << "," << j << "] engine " << a << " vs reference " << b;
        worst = {e, s.str()};
      }
    }
  }
}

/// Runs every case of `layer_type` through the layer made by `make`, comparing the output
/// sequence and the final states to the fixture to 1e-5 relative.
template <typename MakeLayer>
void check_cases(const std::string& layer_type, MakeLayer make) {
  int count = 0;
  for (const json& c : cases()) {
    if (c.at("layer").get<std::string>() != layer_type) continue;
    ++count;
    const Index steps = c.at("steps").get<Index>();
    const Index features = c.at("features").get<Index>();
    const Index units = c.at("options").at("units").get<Index>();
    std::unique_ptr<Recurrent> layer = make(units, case_options(c));
    Rng rng(1);
    layer->build({{steps, features}}, rng);

    const json& w = c.at("weights");
    const std::vector<Param*> params = layer->params();
    REQUIRE(params.size() == (w.contains("bias") ? 3u : 2u));
    set_weight(*params[0], w.at("kernel"));
    set_weight(*params[1], w.at("recurrent_kernel"));
    if (w.contains("bias")) set_weight(*params[2], w.at("bias"));

    const Matrix x = to_layout(nn::test::matrix_from_samples(c.at("x")), {steps, features});
    const Matrix y = layer->forward(x, false);
    Worst worst;
    compare("sequence", from_layout(y, {steps, units}),
            nn::test::matrix_from_samples(c.at("sequence")), worst);
    const json& states = c.at("states");
    REQUIRE(static_cast<Index>(states.size()) == layer->state_count());
    for (std::size_t k = 0; k < states.size(); ++k) {
      const Matrix expected = nn::test::matrix_from_samples(states[k]);
      compare("final_state " + std::to_string(k), layer->final_state(static_cast<Index>(k)),
              expected, worst);
      compare("extra_output " + std::to_string(k), layer->extra_output(static_cast<Index>(k)),
              expected, worst);
    }
    INFO(c.at("name").get<std::string>()
         << " (" << c.at("source").get<std::string>() << "): worst " << worst.where);
    CHECK(worst.error <= 1e-5);
  }
  REQUIRE(count > 0);
}

}  // namespace

TEST_CASE("Recurrent fixtures: SimpleRNN matches TF.js", "[rnn][golden]") {
  check_cases("SimpleRNN", [](Index units, RecurrentOptions o) -> std::unique_ptr<Recurrent> {
    return std::make_unique<SimpleRNN>(units, std::move(o), "rnn");
  });
}

TEST_CASE("Recurrent fixtures: LSTM matches TF.js", "[rnn][golden]") {
  check_cases("LSTM", [](Index units, RecurrentOptions o) -> std::unique_ptr<Recurrent> {
    return std::make_unique<LSTM>(units, std::move(o), "lstm");
  });
}

TEST_CASE("Recurrent fixtures: GRU matches TF.js and the Keras 3 reset_after formula",
          "[rnn][golden]") {
  check_cases("GRU", [](Index units, RecurrentOptions o) -> std::unique_ptr<Recurrent> {
    return std::make_unique<GRU>(units, std::move(o), "gru");
  });
}
