#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/layers/bidirectional.hpp"
#include "engine/core/layers/lstm.hpp"
#include "engine/core/layers/simple_rnn.hpp"
#include "engine/core/models/sequential.hpp"
#include "support/builders.hpp"
#include "support/fixtures.hpp"
#include "support/gradcheck.hpp"
#include "support/model_gradcheck.hpp"
#include "support/recurrent_builders.hpp"

using namespace nn;
using nn::test::check_layer;
using nn::test::random_matrix;

namespace {

/// A SimpleRNN ("simple_rnn") or an LSTM ("lstm") of `units`.
std::unique_ptr<Recurrent> recurrent(const std::string& kind, Index units,
                                     RecurrentOptions options) {
  if (kind == "lstm") return std::make_unique<LSTM>(units, std::move(options));
  return std::make_unique<SimpleRNN>(units, std::move(options));
}

std::unique_ptr<Bidirectional> bidir(Index units, RecurrentOptions options,
                                     const std::string& merge = "concat",
                                     const std::string& kind = "simple_rnn") {
  return std::make_unique<Bidirectional>(recurrent(kind, units, std::move(options)), merge, "bi");
}

std::unique_ptr<Bidirectional> built_bidir(Index units, RecurrentOptions options,
                                           const std::vector<Shape>& shapes,
                                           const std::string& merge = "concat",
                                           std::uint64_t seed = 5,
                                           const std::string& kind = "simple_rnn") {
  auto layer = bidir(units, std::move(options), merge, kind);
  Rng rng(seed);
  layer->build(shapes, rng);
  return layer;
}

/// Gradient check of a Bidirectional SimpleRNN or LSTM (5 steps, 3 features, batch 4).
void check_mode(const std::string& merge, bool sequences, const std::string& kind = "simple_rnn") {
  auto layer = built_bidir(3, test::recurrent_options(sequences), {{5, 3}}, merge, 5, kind);
  Rng rng(8);
  const auto report = check_layer(*layer, {random_matrix(3, 5 * 4, rng)}, true);
  INFO(kind << " " << merge << " return_sequences " << sequences << ": " << report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

}  // namespace

TEST_CASE("Bidirectional: concat output is twice the units", "[bidirectional][rnn]") {
  CHECK(built_bidir(4, test::recurrent_options(true), {{6, 3}})->output_shape() == Shape{6, 8});
  CHECK(built_bidir(4, test::recurrent_options(false), {{6, 3}})->output_shape() == Shape{8});
}

TEST_CASE("Bidirectional: sum ave and mul outputs have the units", "[bidirectional][rnn]") {
  for (const char* merge : {"sum", "ave", "mul"}) {
    INFO(merge);
    CHECK(built_bidir(4, test::recurrent_options(true), {{6, 3}}, merge)->output_shape() ==
          Shape{6, 4});
    CHECK(built_bidir(4, test::recurrent_options(false), {{6, 3}}, merge)->output_shape() ==
          Shape{4});
  }
}

TEST_CASE("Bidirectional: halves are named forward_ and backward_ of the inner layer",
          "[bidirectional][rnn]") {
  auto unnamed = bidir(2, test::recurrent_options(false));
  CHECK(unnamed->forward_layer().name() == "forward_simple_rnn");
  CHECK(unnamed->backward_layer().name() == "backward_simple_rnn");
  CHECK_FALSE(unnamed->forward_layer().options().go_backwards);
  CHECK(unnamed->backward_layer().options().go_backwards);
  RecurrentOptions backwards = test::recurrent_options(false);
  backwards.go_backwards = true;
  Bidirectional named(std::make_unique<SimpleRNN>(2, backwards, "enc"));
  CHECK(named.type() == "Bidirectional");
  CHECK(named.forward_layer().name() == "forward_enc");
  CHECK(named.backward_layer().name() == "backward_enc");
  CHECK_FALSE(named.backward_layer().options().go_backwards);
}

TEST_CASE("Bidirectional: forward equals a forward and a go_backwards SimpleRNN merged",
          "[bidirectional][rnn]") {
  const Index steps = 4, batch = 3, units = 2;
  for (bool seq : {true, false}) {
    auto layer = built_bidir(units, test::recurrent_options(seq), {{steps, 3}}, "concat", 11);
    SimpleRNN fw(units, test::recurrent_options(seq));
    RecurrentOptions back = test::recurrent_options(seq);
    back.go_backwards = true;
    SimpleRNN bw(units, back);
    Rng rng(3);
    fw.build({{steps, 3}}, rng);
    bw.build({{steps, 3}}, rng);
    const std::vector<Param*> ps = layer->params();
    REQUIRE(ps.size() == 6);
    for (std::size_t i = 0; i < 3; ++i) {
      fw.params()[i]->value = ps[i]->value;
      bw.params()[i]->value = ps[3 + i]->value;
    }
    const Matrix x = random_matrix(3, steps * batch, rng);
    const Matrix y = layer->forward(x, false);
    const Matrix yf = fw.forward(x, false);
    Matrix yb = bw.forward(x, false);
    if (seq) yb = reverse_steps(yb, steps);  // step t of both halves is input step t
    INFO("return_sequences " << seq);
    REQUIRE(y.rows() == 2 * units);
    REQUIRE(y.cols() == yf.cols());
    CHECK((y.topRows(units) - yf).cwiseAbs().maxCoeff() < 1e-12);
    CHECK((y.bottomRows(units) - yb).cwiseAbs().maxCoeff() < 1e-12);
  }
}

TEST_CASE("Bidirectional: sum ave and mul merge the two halves elementwise",
          "[bidirectional][rnn]") {
  const Index steps = 4, batch = 3;
  Rng rng(2);
  const Matrix x = random_matrix(3, steps * batch, rng);
  // The same seed gives the same weights whatever the merge mode.
  const Matrix cat = built_bidir(2, test::recurrent_options(true), {{steps, 3}})->forward(x, false);
  const Matrix f = cat.topRows(2), b = cat.bottomRows(2);
  const Matrix sum =
      built_bidir(2, test::recurrent_options(true), {{steps, 3}}, "sum")->forward(x, false);
  const Matrix ave =
      built_bidir(2, test::recurrent_options(true), {{steps, 3}}, "ave")->forward(x, false);
  const Matrix mul =
      built_bidir(2, test::recurrent_options(true), {{steps, 3}}, "mul")->forward(x, false);
  CHECK((sum - (f + b)).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((ave - 0.5 * (f + b)).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((mul - f.cwiseProduct(b)).cwiseAbs().maxCoeff() < 1e-12);
}

TEST_CASE("Bidirectional: gradient check concat", "[bidirectional][rnn][gradcheck]") {
  check_mode("concat", true);
  check_mode("concat", false);
}

TEST_CASE("Bidirectional: gradient check sum", "[bidirectional][rnn][gradcheck]") {
  check_mode("sum", true);
  check_mode("sum", false);
}

TEST_CASE("Bidirectional: gradient check ave", "[bidirectional][rnn][gradcheck]") {
  check_mode("ave", true);
  check_mode("ave", false);
}

TEST_CASE("Bidirectional: gradient check mul", "[bidirectional][rnn][gradcheck]") {
  check_mode("mul", true);
  check_mode("mul", false);
}

TEST_CASE("Bidirectional: gradient check with initial states for both halves",
          "[bidirectional][rnn][gradcheck]") {
  auto layer = built_bidir(3, test::recurrent_options(true), {{4, 2}, {3}, {3}}, "concat");
  Rng rng(4);
  const Matrix x = random_matrix(2, 4 * 3, rng);
  const Matrix h_forward = random_matrix(3, 3, rng), h_backward = random_matrix(3, 3, rng);
  const auto report = check_layer(*layer, {x, h_forward, h_backward}, true);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
  // The states go to the right half: the backward half's starts from h_backward.
  layer->forward(std::vector<const Matrix*>{&x, &h_forward, &h_backward}, false);
  SimpleRNN bw(3, [] {
    RecurrentOptions o = test::recurrent_options(true);
    o.go_backwards = true;
    return o;
  }());
  bw.build({{4, 2}, {3}}, rng);
  for (std::size_t i = 0; i < 3; ++i) bw.params()[i]->value = layer->params()[3 + i]->value;
  bw.forward(std::vector<const Matrix*>{&x, &h_backward}, false);
  CHECK((bw.final_state(0) - layer->backward_layer().final_state(0)).cwiseAbs().maxCoeff() < 1e-12);
}

TEST_CASE("Bidirectional: weight names and count in a Sequential model", "[bidirectional][rnn]") {
  Sequential model(3);
  model.input({5, 2}).add(std::make_unique<Bidirectional>(std::make_unique<SimpleRNN>(3)));
  const std::vector<std::string> names = model.weight_names();
  const std::vector<std::string> expected = {"bidirectional/forward_simple_rnn/kernel",
                                             "bidirectional/forward_simple_rnn/recurrent_kernel",
                                             "bidirectional/forward_simple_rnn/bias",
                                             "bidirectional/backward_simple_rnn/kernel",
                                             "bidirectional/backward_simple_rnn/recurrent_kernel",
                                             "bidirectional/backward_simple_rnn/bias"};
  CHECK(names == expected);
  Sequential single(3);
  single.input({5, 2}).add(std::make_unique<SimpleRNN>(3));
  CHECK(single.count_params() == 3 * 2 + 3 * 3 + 3);
  CHECK(model.count_params() == 2 * single.count_params());
  CHECK_THAT(model.summary(), Catch::Contains("Total params: 36"));
}

TEST_CASE("Bidirectional: probes are the halves' probes prefixed", "[bidirectional][rnn]") {
  auto layer = built_bidir(2, test::recurrent_options(false), {{3, 2}});
  Rng rng(1);
  layer->forward(random_matrix(2, 3 * 2, rng), false);
  const std::vector<Probe> probes = layer->probes();
  REQUIRE(probes.size() == 4);
  CHECK(probes[0].name == "forward/h");
  CHECK(probes[1].name == "forward/dh_norm");
  CHECK(probes[2].name == "backward/h");
  CHECK(probes[3].name == "backward/dh_norm");
}

TEST_CASE("Bidirectional: set_trainable freezes both halves in the graph mask",
          "[bidirectional][rnn]") {
  Sequential model(3);
  model.input({4, 2}).add(bidir(2, test::recurrent_options(false)));
  CHECK(model.count_trainable_params() == model.count_params());
  model.graph().layer(model.graph().find("bi"))->set_trainable(false);
  CHECK(model.count_trainable_params() == 0);
  // A frozen inner layer gives a frozen wrapper (Keras rebuilds both halves from its config).
  auto inner = std::make_unique<SimpleRNN>(2);
  inner->set_trainable(false);
  CHECK_FALSE(Bidirectional(std::move(inner)).trainable());
}

TEST_CASE("Bidirectional: return_state gives forward then backward states in a Graph",
          "[bidirectional][rnn]") {
  Graph g(7);
  NodeRef x = g.input({4, 2});
  NodeRef bi = g.apply(bidir(3, test::recurrent_options(true, true)), x);
  const std::vector<NodeRef> outs = g.outputs_of(bi);
  REQUIRE(outs.size() == 3);
  CHECK(g.node_name(outs[1].index) == "bi/forward_state_h");
  CHECK(g.node_name(outs[2].index) == "bi/backward_state_h");
  CHECK(g.node_shape(outs[0].index) == Shape{4, 6});
  CHECK(g.node_shape(outs[1].index) == Shape{3});
  g.set_outputs(outs);
  Rng rng(2);
  const std::vector<Matrix> y = g.forward({random_matrix(2, 4 * 3, rng)}, false);
  // Forward state = the forward half's last step; backward state = its last processed step,
  // which (flipped back in time) is the backward features of input step 0.
  CHECK((y[1] - y[0].block(0, 3 * 3, 3, 3)).cwiseAbs().maxCoeff() < 1e-12);
  CHECK((y[2] - y[0].block(3, 0, 3, 3)).cwiseAbs().maxCoeff() < 1e-12);
}

TEST_CASE("Bidirectional: model gradient check with losses on the state outputs",
          "[bidirectional][rnn][gradcheck]") {
  Graph g(9);
  NodeRef x = g.input({5, 2});
  NodeRef bi = g.apply(bidir(3, test::recurrent_options(false, true), "sum"), x);
  const std::vector<NodeRef> outs = g.outputs_of(bi);
  g.set_outputs({outs[1], outs[2]});  // only the states feed the loss
  Model model(std::move(g));
  model.compile(test::optimizer("sgd", 0.1), "mse");
  Rng rng(6);
  ModelData data{{random_matrix(5 * 2, 4, rng)},
                 {random_matrix(3, 4, rng), random_matrix(3, 4, rng)}};
  const auto report = test::check_model(model, data);
  INFO(report.worst_entry);
  REQUIRE(report.checked > 30);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("Bidirectional: model gradient check with output and state losses",
          "[bidirectional][rnn][gradcheck]") {
  Graph g(10);
  NodeRef x = g.input({4, 3});
  NodeRef bi = g.apply(bidir(2, test::recurrent_options(true, true)), x);
  const std::vector<NodeRef> outs = g.outputs_of(bi);
  g.set_outputs({outs[0], outs[2]});
  Model model(std::move(g));
  model.compile(test::optimizer("sgd", 0.1), "mse");
  Rng rng(7);
  ModelData data{{random_matrix(4 * 3, 3, rng)},
                 {random_matrix(4 * 4, 3, rng), random_matrix(2, 3, rng)}};
  const auto report = test::check_model(model, data);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("Bidirectional: unknown merge mode lists the valid ones", "[bidirectional][errors]") {
  CHECK_THROWS_WITH(bidir(2, test::recurrent_options(false), "max"),
                    Catch::Contains("'max'") && Catch::Contains("concat") &&
                        Catch::Contains("ave") && Catch::Contains("None"));
  CHECK_THROWS_AS(Bidirectional(nullptr), Error);
}

TEST_CASE("Bidirectional: a non-sequence input is rejected", "[bidirectional][errors]") {
  auto layer = bidir(2, test::recurrent_options(false));
  Rng rng(1);
  CHECK_THROWS_WITH(layer->build({{3}}, rng),
                    Catch::Contains("Bidirectional 'bi'") && Catch::Contains("(steps, features)"));
}

TEST_CASE("Bidirectional: initial states must come for both halves", "[bidirectional][errors]") {
  auto layer = bidir(2, test::recurrent_options(false));
  Rng rng(1);
  CHECK_THROWS_WITH(layer->build({{3, 2}, {2}}, rng),
                    Catch::Contains("Bidirectional 'bi'") && Catch::Contains("2 initial states"));
}

TEST_CASE("Bidirectional: matches TF.js bidirectional simpleRNN and LSTM concat",
          "[bidirectional][golden]") {
  const auto& fx = test::fixture("layers/bidirectional.json");
  for (const auto& c : fx.at("cases")) {
    INFO(c.at("name").get<std::string>());
    const Index units = c.at("units"), steps = c.at("steps"), features = c.at("features");
    const bool seq = c.at("return_sequences");
    auto layer = built_bidir(units, test::recurrent_options(seq), {{steps, features}}, "concat", 5,
                             c.at("kind").get<std::string>());
    const std::vector<Param*> ps = layer->params();
    REQUIRE(ps.size() == c.at("weights").size());
    for (std::size_t i = 0; i < ps.size(); ++i) {
      // Keras (in, g*units) row-major holds the same numbers as engine (g*units, in) column-major.
      const std::vector<double> w = c.at("weights")[i];
      REQUIRE(static_cast<Index>(w.size()) == ps[i]->value.size());
      for (Index k = 0; k < ps[i]->value.size(); ++k)
        ps[i]->value.data()[k] = w[static_cast<std::size_t>(k)];
    }
    const Shape in{steps, features};
    const Matrix x = to_layout(test::matrix_from_samples(c.at("x")), in);
    const Matrix y = from_layout(layer->forward(x, false), layer->output_shape());
    const Matrix expected = test::matrix_from_samples(c.at("y"));
    REQUIRE(y.rows() == expected.rows());
    REQUIRE(y.cols() == expected.cols());
    for (Index j = 0; j < y.cols(); ++j)
      for (Index i = 0; i < y.rows(); ++i)
        CHECK(y(i, j) == Approx(expected(i, j)).epsilon(1e-5).margin(1e-6));
  }
}

TEST_CASE("Bidirectional: gradient check over LSTM in every merge mode",
          "[bidirectional][lstm][gradcheck]") {
  for (const char* merge : {"concat", "sum", "ave", "mul"}) {
    check_mode(merge, true, "lstm");
    check_mode(merge, false, "lstm");
  }
}

TEST_CASE("Bidirectional: gradient check over LSTM with four initial states",
          "[bidirectional][lstm][gradcheck]") {
  auto layer = built_bidir(2, test::recurrent_options(true), {{4, 3}, {2}, {2}, {2}, {2}}, "concat",
                           5, "lstm");
  Rng rng(12);
  std::vector<Matrix> inputs = {random_matrix(3, 4 * 3, rng)};
  for (int k = 0; k < 4; ++k) inputs.push_back(random_matrix(2, 3, rng));
  const auto report = check_layer(*layer, inputs, true);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("Bidirectional: LSTM weight names in a Sequential model", "[bidirectional][lstm]") {
  Sequential model(3);
  model.input({5, 2}).add(std::make_unique<Bidirectional>(std::make_unique<LSTM>(3)));
  const std::vector<std::string> names = model.weight_names();
  REQUIRE(names.size() == 6);
  CHECK(names[0] == "bidirectional/forward_lstm/kernel");
  CHECK(names[5] == "bidirectional/backward_lstm/bias");
  CHECK(model.count_params() == 2 * 4 * (3 * 2 + 3 * 3 + 3));
}

TEST_CASE("Bidirectional: LSTM return_state gives h and c of each half",
          "[bidirectional][lstm][gradcheck]") {
  Graph g(13);
  NodeRef x = g.input({4, 2});
  NodeRef bi = g.apply(bidir(2, test::recurrent_options(false, true), "ave", "lstm"), x);
  const std::vector<NodeRef> outs = g.outputs_of(bi);
  REQUIRE(outs.size() == 5);
  CHECK(g.node_name(outs[1].index) == "bi/forward_state_h");
  CHECK(g.node_name(outs[2].index) == "bi/forward_state_c");
  CHECK(g.node_name(outs[3].index) == "bi/backward_state_h");
  CHECK(g.node_name(outs[4].index) == "bi/backward_state_c");
  g.set_outputs({outs[0], outs[2], outs[4]});
  Model model(std::move(g));
  model.compile(test::optimizer("sgd", 0.1), "mse");
  Rng rng(14);
  ModelData data{{random_matrix(4 * 2, 3, rng)},
                 {random_matrix(2, 3, rng), random_matrix(2, 3, rng), random_matrix(2, 3, rng)}};
  const auto report = test::check_model(model, data);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}
