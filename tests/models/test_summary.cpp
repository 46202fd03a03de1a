#include <catch2/catch.hpp>

#include "engine/core/layers/batch_normalization.hpp"
#include "engine/core/layers/concatenate.hpp"
#include "engine/core/layers/flatten.hpp"
#include "support/builders.hpp"

using namespace nn;
using nn::test::dense;

TEST_CASE("summary: the notes' Fashion-MNIST MLP has 266610 parameters", "[summary]") {
  Sequential m(1);
  m.input({28, 28})
      .add(std::make_unique<Flatten>())
      .add(dense(300, "relu"))
      .add(dense(100, "relu"))
      .add(dense(10, "softmax"));
  CHECK(m.count_params() == 266610);
  const std::string text = m.summary();
  INFO(text);
  CHECK_THAT(text, Catch::Contains("Model: \"sequential\""));
  CHECK_THAT(text, Catch::Contains("flatten (Flatten)"));
  CHECK_THAT(text, Catch::Contains("(None, 784)"));
  CHECK_THAT(text, Catch::Contains("dense (Dense)"));
  CHECK_THAT(text, Catch::Contains("235500"));
  CHECK_THAT(text, Catch::Contains("30100"));
  CHECK_THAT(text, Catch::Contains("1010"));
  CHECK_THAT(text, Catch::Contains("Total params: 266,610"));
  CHECK_THAT(text, Catch::Contains("Non-trainable params: 0"));
}

TEST_CASE("summary: BatchNormalization statistics count as non-trainable", "[summary]") {
  Sequential m(1);
  m.input({8}).add(dense(10)).add(std::make_unique<BatchNormalization>()).add(dense(1));
  CHECK(m.count_params() == 90 + 40 + 11);
  CHECK(m.count_trainable_params() == 90 + 20 + 11);
  CHECK_THAT(m.summary(), Catch::Contains("Non-trainable params: 20"));
}

TEST_CASE("summary: a functional model lists inputs and connections", "[summary]") {
  Graph g(1);
  NodeRef a = g.input({4}, "a");
  NodeRef b = g.input({2}, "b");
  NodeRef ha = g.apply(dense(3), a);
  NodeRef cat = g.apply(std::make_unique<Concatenate>(), {ha, b});
  g.set_outputs({g.apply(dense(1), cat)});
  Model m(std::move(g));
  const std::string text = m.summary();
  INFO(text);
  CHECK_THAT(text, Catch::Contains("Model: \"functional\""));
  CHECK_THAT(text, Catch::Contains("a (InputLayer)"));
  // As Keras 2 prints them: the input's shape as a list, a layer's bare.
  CHECK_THAT(text, Catch::Contains("[(None, 4)]"));
  CHECK_THAT(text, Catch::Contains(" dense (Dense)                  (None, 3) "));
  CHECK_THAT(text, !Catch::Contains("[(None, 3)]"));
  CHECK_THAT(text, Catch::Contains("Connected to"));
  CHECK_THAT(text, Catch::Contains("dense[0][0], b[0][0]"));
  CHECK_THAT(text, Catch::Contains("Total params: 21"));
}
