// ModelSpec: parsing, Keras automatic names, canonical round trip, and built models whose output
// shapes and parameter counts match Keras's.
#include <fstream>
#include <iterator>

#include <catch2/catch.hpp>

#include "engine/bridge/spec/model_spec.hpp"

using nn::bridge::json;
using nn::bridge::ModelSpec;

namespace {

ModelSpec parse(const std::string& text) {
  return nn::bridge::parse_model(json::parse(text), "/model");
}

/// parse(to_json(s)) == s and to_json is a fixed point.
void check_round_trip(const ModelSpec& spec) {
  const json canonical = nn::bridge::model_to_json(spec);
  const ModelSpec again = nn::bridge::parse_model(canonical, "/model");
  REQUIRE(again == spec);
  REQUIRE(nn::bridge::model_to_json(again) == canonical);
}

/// A sequential model of one layer on `input_shape`, built.
std::unique_ptr<nn::Model> one_layer(const std::string& input_shape, const std::string& layer) {
  return nn::bridge::build_model(parse(R"({"type": "sequential", "input_shape": )" + input_shape +
                                       R"(, "layers": [)" + layer + "]}"),
                                 "/model");
}

nn::Shape output_shape(nn::Model& model, std::size_t k = 0) {
  return model.graph().node_shape(model.graph().output_nodes()[k]);
}

const char* kTwoTowers = R"({"type": "functional", "name": "two_towers", "seed": 3,
  "inputs": [{"name": "a", "shape": [4]}, {"name": "b", "shape": [3]}],
  "layers": [{"type": "dense", "name": "da", "units": 8, "activation": "relu", "inputs": ["a"]},
             {"type": "dense", "name": "db", "units": 8, "activation": "relu", "inputs": ["b"]},
             {"type": "concatenate", "name": "cat", "inputs": ["da", "db"]},
             {"type": "dense", "name": "y1", "units": 1, "inputs": ["cat"]},
             {"type": "dense", "name": "y2", "units": 3, "activation": "softmax",
              "inputs": ["cat"]}],
  "outputs": ["y1", "y2"]})";

const char* kStateModel = R"({"type": "functional",
  "inputs": [{"shape": [5, 2]}],
  "layers": [{"type": "lstm", "units": 4, "return_state": true, "inputs": ["input_layer"]},
             {"type": "dense", "units": 1, "inputs": ["lstm/state_h"]}],
  "outputs": ["dense", "lstm/state_c"]})";

}  // namespace

TEST_CASE("ModelSpec: sequential defaults", "[bridge]") {
  const ModelSpec m = parse(R"({"type": "sequential", "input_shape": [2],
      "layers": [{"type": "dense", "units": 1}]})");
  CHECK(m.name == "sequential");
  CHECK(m.seed == 0);
  REQUIRE(m.inputs.size() == 1);
  CHECK(m.inputs[0].shape == std::vector<std::int64_t>{2});
  CHECK(m.outputs.empty());
  CHECK(m.layers[0].inputs.empty());
}

TEST_CASE("ModelSpec: automatic names follow Keras", "[bridge]") {
  const ModelSpec m = parse(R"({"type": "sequential", "input_shape": [3, 2], "layers": [
      {"type": "lstm", "units": 2, "return_sequences": true}, {"type": "simple_rnn", "units": 2},
      {"type": "dense", "units": 4}, {"type": "prelu"}, {"type": "batch_normalization"},
      {"type": "dense", "units": 4}, {"type": "dense", "units": 1, "name": "dense_1"}]})");
  const std::vector<std::string> expected = {
      "lstm", "simple_rnn", "dense", "p_re_lu", "batch_normalization", "dense_2", "dense_1"};
  for (std::size_t i = 0; i < expected.size(); ++i) CHECK(m.layers[i].name == expected[i]);
}

TEST_CASE("ModelSpec: functional inputs are named input_layer then input_layer_1", "[bridge]") {
  const ModelSpec m = parse(R"({"type": "functional",
      "inputs": [{"shape": [2]}, {"shape": [3]}],
      "layers": [{"type": "concatenate", "inputs": ["input_layer", "input_layer_1"]}],
      "outputs": ["concatenate"]})");
  CHECK(m.name == "functional");
  CHECK(m.inputs[0].name == "input_layer");
  CHECK(m.inputs[1].name == "input_layer_1");
}

TEST_CASE("ModelSpec: sequential canonical round trip", "[bridge]") {
  const ModelSpec m = parse(R"({"type": "sequential", "name": "mlp", "seed": 7,
      "input_shape": [2], "layers": [{"type": "dense", "units": 8, "activation": "tanh"},
      {"type": "dropout", "rate": 0.1}, {"type": "dense", "units": 1, "activation": "sigmoid"}]})");
  check_round_trip(m);
  const json j = nn::bridge::model_to_json(m);
  CHECK(j["input_shape"] == json::parse("[2]"));
  CHECK(j.count("inputs") == 0);
  CHECK(j.count("outputs") == 0);
  CHECK(j["layers"][0].count("inputs") == 0);
  CHECK(j["layers"][1]["name"] == "dropout");
}

TEST_CASE("ModelSpec: functional canonical round trip", "[bridge]") {
  check_round_trip(parse(kTwoTowers));
  check_round_trip(parse(kStateModel));
  const json j = nn::bridge::model_to_json(parse(kStateModel));
  CHECK(j["inputs"] == json::parse(R"([{"name": "input_layer", "shape": [5, 2]}])"));
  CHECK(j["outputs"] == json::parse(R"(["dense", "lstm/state_c"])"));
  CHECK(j["layers"][1]["inputs"] == json::parse(R"(["lstm/state_h"])"));
}

TEST_CASE("ModelSpec: dense 2 to 8 has 24 parameters", "[bridge]") {
  auto model = one_layer("[2]", R"({"type": "dense", "units": 8})");
  CHECK(model->count_params() == 24);
  CHECK(output_shape(*model) == nn::Shape{8});
  CHECK(model->name() == "sequential");
}

TEST_CASE("ModelSpec: parameter-free layers keep or reshape the shape", "[bridge]") {
  auto act = one_layer("[3]", R"({"type": "activation", "activation": "relu"})");
  CHECK(act->count_params() == 0);
  CHECK(output_shape(*act) == nn::Shape{3});
  auto flat = one_layer("[4, 3]", R"({"type": "flatten"})");
  CHECK(output_shape(*flat) == nn::Shape{12});
  auto drop = one_layer("[5]", R"({"type": "dropout", "rate": 0.5})");
  CHECK(drop->count_params() == 0);
  CHECK(output_shape(*drop) == nn::Shape{5});
}

TEST_CASE("ModelSpec: prelu has one alpha per input scalar", "[bridge]") {
  auto model = one_layer("[3]", R"({"type": "prelu", "initial_alpha": 0.25})");
  CHECK(model->count_params() == 3);
  CHECK(model->get_weights()[0](0, 0) == Approx(0.25));
}

TEST_CASE("ModelSpec: batch_normalization on 5 features has 20 parameters", "[bridge]") {
  auto model = one_layer("[5]", R"({"type": "batch_normalization"})");
  CHECK(model->count_params() == 20);
  CHECK(model->count_trainable_params() == 10);
  auto plain = one_layer("[5]", R"({"type": "batch_normalization", "center": false,
      "scale": false})");
  CHECK(plain->count_params() == 10);
}

TEST_CASE("ModelSpec: embedding 10 by 4 on 6 ids", "[bridge]") {
  auto model = one_layer("[6]", R"({"type": "embedding", "input_dim": 10, "output_dim": 4})");
  CHECK(model->count_params() == 40);
  CHECK(output_shape(*model) == nn::Shape{6, 4});
}

TEST_CASE("ModelSpec: recurrent parameter counts match Keras", "[bridge]") {
  // SimpleRNN(4) on 3 features: 4 * (3 + 4 + 1).
  CHECK(one_layer("[5, 3]", R"({"type": "simple_rnn", "units": 4})")->count_params() == 32);
  // LSTM(32) on 1 feature: 4 * 32 * (1 + 32 + 1).
  CHECK(one_layer("[20, 1]", R"({"type": "lstm", "units": 32})")->count_params() == 4352);
  // GRU(4) on 3 features, reset_after: 3 * 4 * (3 + 4 + 2); without: 3 * 4 * (3 + 4 + 1).
  CHECK(one_layer("[5, 3]", R"({"type": "gru", "units": 4})")->count_params() == 108);
  CHECK(
      one_layer("[5, 3]", R"({"type": "gru", "units": 4, "reset_after": false})")->count_params() ==
      96);
}

TEST_CASE("ModelSpec: recurrent output shapes follow return_sequences", "[bridge]") {
  auto last = one_layer("[5, 3]", R"({"type": "lstm", "units": 4})");
  CHECK(output_shape(*last) == nn::Shape{4});
  auto seq = one_layer("[5, 3]", R"({"type": "gru", "units": 4, "return_sequences": true})");
  CHECK(output_shape(*seq) == nn::Shape{5, 4});
}

TEST_CASE("ModelSpec: bidirectional doubles the parameters and concatenates", "[bridge]") {
  auto cat = one_layer("[5, 2]", R"({"type": "bidirectional",
      "layer": {"type": "lstm", "units": 4}})");
  CHECK(cat->count_params() == 2 * 4 * 4 * (2 + 4 + 1));
  CHECK(output_shape(*cat) == nn::Shape{8});
  auto sum = one_layer("[5, 2]", R"({"type": "bidirectional", "merge_mode": "sum",
      "layer": {"type": "simple_rnn", "units": 4, "return_sequences": true}})");
  CHECK(output_shape(*sum) == nn::Shape{5, 4});
  CHECK(sum->weight_names()[0] == "bidirectional/forward_simple_rnn/kernel");
}

TEST_CASE("ModelSpec: a functional model with two inputs and two outputs builds", "[bridge]") {
  auto model = nn::bridge::build_model(parse(kTwoTowers), "/model");
  CHECK(model->name() == "two_towers");
  CHECK(model->count_params() == (4 * 8 + 8) + (3 * 8 + 8) + (16 + 1) + (16 * 3 + 3));
  CHECK(output_shape(*model, 0) == nn::Shape{1});
  CHECK(output_shape(*model, 1) == nn::Shape{3});
  const auto y = model->predict({nn::Matrix::Ones(4, 2), nn::Matrix::Ones(3, 2)});
  REQUIRE(y.size() == 2);
  CHECK(y[1].rows() == 3);
  CHECK(y[1].col(0).sum() == Approx(1.0));
}

TEST_CASE("ModelSpec: an add of two dense branches builds", "[bridge]") {
  auto model = nn::bridge::build_model(parse(R"({"type": "functional",
      "inputs": [{"name": "x", "shape": [3]}],
      "layers": [{"type": "dense", "units": 2, "inputs": ["x"]},
                 {"type": "dense", "units": 2, "inputs": ["x"]},
                 {"type": "add", "inputs": ["dense", "dense_1"]}],
      "outputs": ["add"]})"),
                                       "/model");
  CHECK(model->count_params() == 16);
  CHECK(output_shape(*model) == nn::Shape{2});
}

TEST_CASE("ModelSpec: an lstm state output feeds a dense layer", "[bridge]") {
  auto model = nn::bridge::build_model(parse(kStateModel), "/model");
  CHECK(model->count_params() == 4 * 4 * (2 + 4 + 1) + 5);
  CHECK(output_shape(*model, 0) == nn::Shape{1});
  CHECK(output_shape(*model, 1) == nn::Shape{4});
  const auto y = model->predict({nn::Matrix::Ones(10, 3)});
  CHECK(y[0].cols() == 3);
  CHECK(y[1].rows() == 4);
}

TEST_CASE("ModelSpec: the seed fixes the initial weights", "[bridge]") {
  const std::string text = R"({"type": "sequential", "seed": 11, "input_shape": [2],
      "layers": [{"type": "dense", "units": 3}]})";
  auto a = nn::bridge::build_model(parse(text), "/model");
  auto b = nn::bridge::build_model(parse(text), "/model");
  CHECK(a->get_weights()[0] == b->get_weights()[0]);
}

TEST_CASE("ModelSpec: trainable false freezes the layer", "[bridge]") {
  auto model = one_layer("[2]", R"({"type": "dense", "units": 3, "trainable": false})");
  CHECK(model->count_trainable_params() == 0);
}

TEST_CASE("ModelSpec: the examples in docs/schema/model.md parse and build", "[bridge]") {
  std::ifstream file(std::string(NN_DOCS_DIR) + "/schema/model.md");
  REQUIRE(file.good());
  const std::string text((std::istreambuf_iterator<char>(file)), std::istreambuf_iterator<char>());
  int examples = 0;
  for (std::size_t at = text.find("```json\n{\"type\""); at != std::string::npos;
       at = text.find("```json\n{\"type\"", at + 1)) {
    const std::size_t begin = at + 8;
    const std::string block = text.substr(begin, text.find("```", begin) - begin);
    INFO(block);
    const ModelSpec spec = parse(block);
    check_round_trip(spec);
    CHECK(nn::bridge::build_model(spec, "/model")->count_params() > 0);
    ++examples;
  }
  CHECK(examples == 2);
}
