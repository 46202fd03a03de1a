// Recurrent layers inside models: stacking, return_state outputs, initial states, Dense at every
// step of a sequence, and the summary's parameter counts.
#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/layers/lstm.hpp"
#include "engine/core/layers/simple_rnn.hpp"
#include "support/builders.hpp"
#include "support/model_gradcheck.hpp"
#include "support/recurrent_builders.hpp"

using namespace nn;
using nn::test::dense;
using nn::test::random_matrix;

TEST_CASE("Recurrent models: stacked LSTM LSTM Dense passes the gradient check",
          "[recurrent][model][gradcheck]") {
  const Index steps = 5, features = 2, n = 4;
  Sequential m(3);
  m.input({steps, features})
      .add(std::make_unique<LSTM>(4, test::recurrent_options(true)))
      .add(std::make_unique<LSTM>(3, test::recurrent_options(false)))
      .add(dense(1));
  m.compile(test::optimizer("sgd", 0.1), "mse");
  Rng rng(2);
  const ModelData data{{random_matrix(steps * features, n, rng)}, {random_matrix(1, n, rng)}};
  const auto report = test::check_model(m, data);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
  // Gradients flow back through time into every recurrent kernel.
  m.compute_gradients(data.x, data.y);
  for (const GradientNorm& g : m.gradient_norms()) {
    INFO(g.name);
    CHECK(g.norm > 1e-8);
  }
}

TEST_CASE("Recurrent models: Dense applies at every step of a sequence output",
          "[recurrent][model][gradcheck]") {
  const Index steps = 4, n = 3;
  Sequential m(5);
  m.input({steps, 1})
      .add(std::make_unique<SimpleRNN>(3, test::recurrent_options(true)))
      .add(dense(2));
  CHECK(m.graph().node_shape(m.graph().output_nodes()[0]) == Shape{steps, 2});
  m.compile(test::optimizer("sgd", 0.1), "mse");
  Rng rng(6);
  const ModelData data{{random_matrix(steps, n, rng)}, {random_matrix(steps * 2, n, rng)}};
  const auto report = test::check_model(m, data);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("Recurrent models: return_state outputs feed losses and other layers",
          "[recurrent][model][gradcheck]") {
  const Index steps = 4, features = 2, n = 3;
  Graph g(7);
  const NodeRef x = g.input({steps, features}, "x");
  const NodeRef lstm = g.apply(std::make_unique<LSTM>(3, test::recurrent_options(false, true)), x);
  const std::vector<NodeRef> outs = g.outputs_of(lstm);
  REQUIRE(outs.size() == 3);
  CHECK(g.node_name(outs[1].index) == "lstm/state_h");
  CHECK(g.node_name(outs[2].index) == "lstm/state_c");
  CHECK(g.node_shape(outs[2].index) == Shape{3});
  // A loss on the cell state directly, and a Dense head on state_h.
  const NodeRef head = g.apply(dense(1), outs[1]);
  g.set_outputs({outs[2], head});
  Model m(std::move(g));
  m.compile(test::optimizer("sgd", 0.1), "mse");
  Rng rng(8);
  const ModelData data{{random_matrix(steps * features, n, rng)},
                       {random_matrix(3, n, rng), random_matrix(1, n, rng)}};
  const auto report = test::check_model(m, data);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
  // state_h equals the layer's (last-step) output.
  m.predict(data.x);
  CHECK(m.graph().node_value(outs[1].index).isApprox(m.graph().node_value(lstm.index)));
}

TEST_CASE("Recurrent models: an encoder state initialises a decoder",
          "[recurrent][model][gradcheck]") {
  const Index steps = 3, n = 2;
  Graph g(9);
  const NodeRef enc_in = g.input({steps, 2}, "encoder_in");
  const NodeRef dec_in = g.input({steps, 1}, "decoder_in");
  const NodeRef enc =
      g.apply(std::make_unique<LSTM>(3, test::recurrent_options(false, true)), enc_in);
  const std::vector<NodeRef> states = g.outputs_of(enc);
  const NodeRef dec = g.apply(std::make_unique<LSTM>(3, test::recurrent_options(true)),
                              std::vector<NodeRef>{dec_in, states[1], states[2]});
  g.set_outputs({g.apply(dense(1), dec)});
  Model m(std::move(g));
  m.compile(test::optimizer("sgd", 0.1), "mse");
  Rng rng(10);
  const ModelData data{{random_matrix(steps * 2, n, rng), random_matrix(steps, n, rng)},
                       {random_matrix(steps, n, rng)}};
  const auto report = test::check_model(m, data);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("Recurrent models: summary counts LSTM and SimpleRNN parameters like Keras",
          "[recurrent][model]") {
  Sequential m(1);
  m.input({20, 1})
      .add(std::make_unique<LSTM>(32, test::recurrent_options(true)))
      .add(std::make_unique<SimpleRNN>(8))
      .add(dense(1));
  // LSTM: 4 * (32*1 + 32*32 + 32) = 4352; SimpleRNN: 8*32 + 8*8 + 8 = 328; Dense: 9.
  CHECK(m.count_params() == 4352 + 328 + 9);
  const std::string text = m.summary();
  CHECK(text.find("lstm (LSTM)") != std::string::npos);
  CHECK(text.find("(None, 20, 32)") != std::string::npos);
  CHECK(text.find("Total params: 4,689") != std::string::npos);
}

TEST_CASE("Recurrent models: sequence shape errors name the layer", "[recurrent][errors]") {
  Sequential m(1);
  m.input({4});
  try {
    m.add(std::make_unique<LSTM>(3));
    FAIL("expected an error");
  } catch (const Error& e) {
    INFO(e.what());
    CHECK(std::string(e.what()).find("LSTM 'lstm'") != std::string::npos);
    CHECK(std::string(e.what()).find("(steps, features)") != std::string::npos);
  }
  Graph g(1);
  CHECK_THROWS_AS(g.input({0, 3}), Error);  // zero-length sequence
  const NodeRef x = g.input({5, 2});
  const NodeRef wrong_state = g.input({4});
  CHECK_THROWS_WITH(g.apply(std::make_unique<LSTM>(3), std::vector<NodeRef>{x, wrong_state}),
                    Catch::Contains("initial state"));
  // A batch whose rows do not match the features is refused and the model still works.
  Sequential ok(2);
  ok.input({3, 2}).add(std::make_unique<SimpleRNN>(2));
  CHECK_THROWS_AS(ok.predict({Matrix::Ones(5, 2)}), Error);
  CHECK(ok.predict({Matrix::Ones(6, 2)})[0].cols() == 2);
}
