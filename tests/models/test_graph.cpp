#include <catch2/catch.hpp>

#include "engine/core/base/error.hpp"
#include "engine/core/layers/add.hpp"
#include "engine/core/layers/concatenate.hpp"
#include "engine/core/layers/dense.hpp"
#include "engine/core/models/model.hpp"
#include "support/builders.hpp"
#include "support/gradcheck.hpp"
#include "support/model_gradcheck.hpp"

using namespace nn;
using nn::test::dense;
using nn::test::random_matrix;

TEST_CASE("Graph: layers get Keras names in order", "[graph]") {
  Graph g(1);
  NodeRef x = g.input({2});
  NodeRef a = g.apply(dense(3), x);
  NodeRef b = g.apply(dense(3), a);
  NodeRef c = g.apply(std::make_unique<Add>(), {a, b});
  CHECK(g.node_name(x.index) == "input_layer");
  CHECK(g.node_name(a.index) == "dense");
  CHECK(g.node_name(b.index) == "dense_1");
  CHECK(g.node_name(c.index) == "add");
  CHECK(snake_case("BatchNormalization") == "batch_normalization");
  CHECK(snake_case("PReLU") == "p_re_lu");
  CHECK(snake_case("SimpleRNN") == "simple_rnn");
}

TEST_CASE("Graph: a duplicate layer name is rejected", "[graph][errors]") {
  Graph g(1);
  NodeRef x = g.input({2});
  g.apply(std::make_unique<Dense>(2, "linear", "h"), x);
  CHECK_THROWS_WITH(g.apply(std::make_unique<Dense>(2, "linear", "h"), x),
                    Catch::Contains("'h'") && Catch::Contains("twice"));
}

TEST_CASE("Graph: a failed apply leaves the graph unchanged", "[graph][errors]") {
  Graph g(1);
  NodeRef x = g.input({2});
  NodeRef y = g.input({3});
  const std::size_t before = g.node_count();
  CHECK_THROWS_WITH(g.apply(std::make_unique<Add>(), {x, y}), Catch::Contains("Add") &&
                                                                  Catch::Contains("(None, 2)") &&
                                                                  Catch::Contains("(None, 3)"));
  CHECK(g.node_count() == before);
  // The automatic name "add" is still free.
  NodeRef z = g.apply(std::make_unique<Add>(), {x, x});
  CHECK(g.node_name(z.index) == "add");
}

TEST_CASE("Graph: forward checks the number of inputs", "[graph][errors]") {
  Graph g(1);
  NodeRef x = g.input({2});
  g.set_outputs({g.apply(dense(1), x)});
  CHECK_THROWS_WITH(g.forward({}, false), Catch::Contains("expected 1 input"));
}

TEST_CASE("Graph: gradient check of fan-out into Add and Concatenate", "[graph][gradcheck]") {
  // x -> h (tanh) -> {a (relu), b (sigmoid)} -> Add(a, b) and Concatenate(h, a) -> out
  Graph g(4);
  NodeRef x = g.input({3});
  NodeRef h = g.apply(dense(4, "tanh"), x);
  NodeRef a = g.apply(dense(4, "elu"), h);
  NodeRef b = g.apply(dense(4, "sigmoid"), h);
  NodeRef sum = g.apply(std::make_unique<Add>(), {a, b});
  NodeRef cat = g.apply(std::make_unique<Concatenate>(), {h, sum});
  NodeRef out = g.apply(dense(2), cat);
  g.set_outputs({out});
  Model model(std::move(g));
  model.compile(test::optimizer("sgd", 0.1), "mse");
  Rng rng(8);
  ModelData data{{random_matrix(3, 7, rng)}, {random_matrix(2, 7, rng)}};
  const auto report = test::check_model(model, data);
  INFO(report.worst_entry);
  REQUIRE(report.checked > 50);
  REQUIRE(report.worst_error < 1e-6);
}

TEST_CASE("Graph: gradient check of two inputs and two weighted outputs", "[graph][gradcheck]") {
  Graph g(5);
  NodeRef a = g.input({2}, "left");
  NodeRef b = g.input({3}, "right");
  NodeRef ha = g.apply(dense(3, "relu"), a);
  NodeRef hb = g.apply(dense(3, "tanh"), b);
  NodeRef joined = g.apply(std::make_unique<Concatenate>(), {ha, hb});
  NodeRef class_out = g.apply(std::make_unique<Dense>(3, "softmax", "class"), joined);
  NodeRef value_out = g.apply(std::make_unique<Dense>(1, "linear", "value"), joined);
  g.set_outputs({class_out, value_out});
  Model model(std::move(g));
  std::vector<std::unique_ptr<Loss>> losses;
  losses.push_back(make_loss("sparse_categorical_crossentropy"));
  losses.push_back(make_loss("mse"));
  model.compile(test::optimizer("adam", 0.01), std::move(losses), {1.0, 0.5}, {"accuracy"});
  Rng rng(3);
  Matrix labels(1, 6);
  labels << 0, 2, 1, 1, 0, 2;
  ModelData data{{random_matrix(2, 6, rng), random_matrix(3, 6, rng)},
                 {labels, random_matrix(1, 6, rng)}};
  const auto report = test::check_model(model, data);
  INFO(report.worst_entry);
  REQUIRE(report.worst_error < 1e-6);
  const Logs logs = model.train_on_batch(data.x, data.y);
  CHECK(logs.count("class_loss") == 1);
  CHECK(logs.count("value_loss") == 1);
  CHECK(logs.count("class_accuracy") == 1);
  CHECK(logs.at("loss") == Approx(logs.at("class_loss") + 0.5 * logs.at("value_loss")));
}
