#include <catch2/catch.hpp>

#include "bridge/spec_test_util.hpp"

#include "engine/bridge/keras/keras_import.hpp"
#include "tests/support/fixtures.hpp"

using nn::bridge::BridgeError;
using nn::bridge::json;
using nn::bridge::keras_to_model_json;

using nn::bridge::test::error_of;

namespace {

/// The TF.js sample `id` (tests/fixtures/keras/make_keras_samples.mjs).
const json& sample(const std::string& id) {
  for (const auto& s : nn::test::fixture("keras/tfjs_samples.json").at("samples")) {
    if (s.at("id") == id) return s;
  }
  FAIL("no sample " << id);
  static const json none;
  return none;
}

json import_sample(const std::string& id) {
  return keras_to_model_json(sample(id).at("topology"), "/keras");
}

/// The MLP sample's topology with `patch` applied (a JSON Patch).
json mlp_with(const json& patch) { return sample("mlp").at("topology").patch(patch); }

std::pair<std::string, std::string> import_error(const json& keras) {
  return error_of([&] { (void)keras_to_model_json(keras, "/keras"); });
}

}  // namespace

TEST_CASE("KerasImport: TF.js MLP imports as a sequential model", "[bridge]") {
  const json m = import_sample("mlp");
  CHECK(m.at("type") == "sequential");
  CHECK(m.at("name") == "mlp");
  CHECK(m.at("seed") == 0);
  CHECK(m.at("input_shape") == json::array({2}));
  const json& hidden = m.at("layers").at(0);
  CHECK(hidden.at("type") == "dense");
  CHECK(hidden.at("name") == "hidden");
  CHECK(hidden.at("units") == 8);
  CHECK(hidden.at("activation") == "tanh");
  CHECK(hidden.at("kernel_regularizer") == json({{"l1", 0.0}, {"l2", 0.001}}));
  CHECK_FALSE(hidden.contains("kernel_initializer"));  // glorot_uniform is the default
  CHECK_FALSE(hidden.contains("use_bias"));
  CHECK(m.at("layers").at(1).at("kernel_initializer") == "he_normal");
}

TEST_CASE("KerasImport: TF.js two input functional model with Concatenate", "[bridge]") {
  const json m = import_sample("two_towers");
  CHECK(m.at("type") == "functional");
  CHECK(m.at("inputs") == json::parse(R"([{"name":"a","shape":[4]},{"name":"b","shape":[3]}])"));
  CHECK(m.at("layers").size() == 5);
  CHECK(m.at("layers").at(2).at("type") == "concatenate");
  CHECK(m.at("layers").at(2).at("inputs") == json::array({"da", "db"}));
  CHECK(m.at("outputs") == json::array({"y1", "y2"}));
}

TEST_CASE("KerasImport: TF.js LSTM with return_sequences and Flatten", "[bridge]") {
  const json m = import_sample("lstm");
  CHECK(m.at("input_shape") == json::array({10, 3}));
  const json& lstm = m.at("layers").at(0);
  CHECK(lstm.at("type") == "lstm");
  CHECK(lstm.at("units") == 6);
  CHECK(lstm.at("return_sequences") == true);
  CHECK_FALSE(lstm.contains("unit_forget_bias"));  // TF.js writes null
  CHECK(m.at("layers").at(1).at("type") == "flatten");
}

TEST_CASE("KerasImport: TF.js GRU default hard_sigmoid is refused", "[bridge][errors]") {
  auto [path, message] = import_error(sample("gru").at("topology"));
  CHECK(path == "/keras/config/layers/0/config/recurrent_activation");
  CHECK_THAT(message, Catch::Contains("clip(0.2 x + 0.5, 0, 1)"));
}

TEST_CASE("KerasImport: TF.js GRU with sigmoid keeps reset_after false", "[bridge]") {
  json t = sample("gru").at("topology");
  t["config"]["layers"][0]["config"]["recurrent_activation"] = "sigmoid";
  const json m = keras_to_model_json(t, "/keras");
  CHECK(m.at("layers").at(0).at("type") == "gru");
  CHECK(m.at("layers").at(0).at("reset_after") == false);
  CHECK(m.at("layers").at(1).at("activation") == "softmax");
}

TEST_CASE("KerasImport: TF.js SimpleRNN keeps relu and go_backwards", "[bridge]") {
  const json rnn = import_sample("simple_rnn").at("layers").at(0);
  CHECK(rnn.at("type") == "simple_rnn");
  CHECK(rnn.at("activation") == "relu");
  CHECK(rnn.at("go_backwards") == true);
  CHECK_FALSE(rnn.contains("recurrent_activation"));
}

TEST_CASE("KerasImport: TF.js Bidirectional LSTM nests its layer", "[bridge]") {
  const json bi = import_sample("bidirectional").at("layers").at(0);
  CHECK(bi.at("type") == "bidirectional");
  CHECK(bi.at("merge_mode") == "sum");
  CHECK(bi.at("layer").at("type") == "lstm");
  CHECK(bi.at("layer").at("name") == "inner");
  CHECK(bi.at("layer").at("units") == 6);
}

TEST_CASE("KerasImport: TF.js Embedding keeps the uniform default", "[bridge]") {
  const json m = import_sample("embedding_lstm");
  CHECK(m.at("input_shape") == json::array({6}));
  const json& emb = m.at("layers").at(0);
  CHECK(emb.at("input_dim") == 20);
  CHECK(emb.at("output_dim") == 4);
  CHECK_FALSE(emb.contains("embeddings_initializer"));
}

TEST_CASE("KerasImport: TF.js BatchNormalization Activation and Dropout", "[bridge]") {
  const json l = import_sample("batchnorm_dropout").at("layers");
  CHECK(l.at(1).at("type") == "batch_normalization");
  CHECK(l.at(1).at("momentum") == Approx(0.9));
  CHECK_FALSE(l.at(1).contains("epsilon"));
  CHECK(l.at(2) == json::parse(R"({"type":"activation","name":"act","activation":"relu"})"));
  CHECK(l.at(3) == json::parse(R"({"type":"dropout","name":"drop","rate":0.25,"seed":3})"));
}

TEST_CASE("KerasImport: TF.js PReLU constant alpha becomes initial_alpha", "[bridge]") {
  const json p = import_sample("prelu").at("layers").at(1);
  CHECK(p.at("type") == "prelu");
  CHECK(p.at("initial_alpha") == Approx(0.25));
}

TEST_CASE("KerasImport: TF.js LSTM state outputs are named state_h and state_c", "[bridge]") {
  const json m = import_sample("lstm_states");
  CHECK(m.at("layers").at(0).at("return_state") == true);
  CHECK(m.at("layers").at(1).at("inputs") == json::array({"encoder/state_h", "encoder/state_c"}));
  CHECK(m.at("layers").at(3).at("inputs") == json::array({"encoder", "from_states"}));
  CHECK(m.at("outputs") == json::array({"y"}));
}

TEST_CASE("KerasImport: Keras 3 Sequential with InputLayer", "[bridge]") {
  const json m = keras_to_model_json(nn::test::fixture("keras/keras3_sequential_dense.json"), "");
  CHECK(m.at("type") == "sequential");
  CHECK_FALSE(m.contains("name"));
  CHECK(m.at("input_shape") == json::array({4}));
  CHECK(m.at("layers").size() == 3);
  CHECK(m.at("layers").at(0).at("kernel_regularizer") == json({{"l1", 0.0}, {"l2", 0.001}}));
  CHECK(m.at("layers").at(1) == json::parse(R"({"type":"dropout","name":"dropout","rate":0.2})"));
}

TEST_CASE("KerasImport: Keras 3 Functional with Concatenate of two tensors", "[bridge]") {
  const json m = keras_to_model_json(nn::test::fixture("keras/keras3_functional_concat.json"), "");
  CHECK(m.at("name") == "two_towers");
  CHECK(m.at("inputs").size() == 2);
  CHECK(m.at("layers").at(2).at("inputs") == json::array({"da", "db"}));
  CHECK(m.at("outputs") == json::array({"y1", "y2"}));
}

TEST_CASE("KerasImport: Keras 3 initial_state kwargs become extra inputs", "[bridge]") {
  const json m = keras_to_model_json(nn::test::fixture("keras/keras3_lstm_states.json"), "");
  CHECK(m.at("inputs") == json::parse(R"([{"name":"seq","shape":[12,2]}])"));
  CHECK(m.at("layers").at(1).at("inputs") ==
        json::array({"encoder", "encoder/state_h", "encoder/state_c"}));
  CHECK(m.at("outputs") == json::array({"y"}));
}

TEST_CASE("KerasImport: Keras 2 Sequential with a bare layer list", "[bridge]") {
  const json k = json::parse(R"({"class_name": "Sequential", "config": [
    {"class_name": "Dense", "config": {"name": "d", "units": 3, "batch_input_shape": [null, 5],
     "activation": "relu", "kernel_initializer": {"class_name": "GlorotUniform", "config": {"seed": null}}}}]})");
  const json m = keras_to_model_json(k, "");
  CHECK(m.at("input_shape") == json::array({5}));
  CHECK(m.at("layers").at(0) ==
        json::parse(R"({"type":"dense","name":"d","units":3,"activation":"relu"})"));
}

TEST_CASE("KerasImport: is_keras_json tells Keras objects from nnplay ones", "[bridge]") {
  CHECK(nn::bridge::is_keras_json(sample("mlp").at("topology")));
  CHECK_FALSE(nn::bridge::is_keras_json(json::parse(R"({"type":"sequential"})")));
  CHECK_FALSE(nn::bridge::is_keras_json(json::array()));
}

TEST_CASE("KerasImport: recurrent_dropout is refused at its path", "[bridge][errors]") {
  json t = sample("lstm").at("topology");
  t["config"]["layers"][0]["config"]["recurrent_dropout"] = 0.2;
  auto [path, message] = import_error(t);
  CHECK(path == "/keras/config/layers/0/config/recurrent_dropout");
  CHECK(message == "nnplay does not support recurrent_dropout; expected 0, got 0.2");
}

TEST_CASE("KerasImport: stateful true is refused", "[bridge][errors]") {
  json t = sample("lstm").at("topology");
  t["config"]["layers"][0]["config"]["stateful"] = true;
  auto [path, message] = import_error(t);
  CHECK(path == "/keras/config/layers/0/config/stateful");
  CHECK(message == "nnplay does not support stateful; expected false, got true");
}

TEST_CASE("KerasImport: a kernel constraint is refused", "[bridge][errors]") {
  auto [path, message] = import_error(mlp_with(json::parse(
      R"([{"op":"replace","path":"/config/layers/1/config/kernel_constraint","value":{"class_name":"NonNeg","config":{}}}])")));
  CHECK(path == "/keras/config/layers/1/config/kernel_constraint");
  CHECK(message == "nnplay does not support kernel_constraint; expected null, got an object");
}

TEST_CASE("KerasImport: mask_zero true is refused", "[bridge][errors]") {
  json t = sample("embedding_lstm").at("topology");
  t["config"]["layers"][0]["config"]["mask_zero"] = true;
  auto [path, message] = import_error(t);
  CHECK(path == "/keras/config/layers/0/config/mask_zero");
  CHECK_THAT(message, Catch::Contains("expected false, got true"));
}

TEST_CASE("KerasImport: unknown layer class lists the supported ones", "[bridge][errors]") {
  auto [path, message] = import_error(mlp_with(
      json::parse(R"([{"op":"replace","path":"/config/layers/1/class_name","value":"Conv2D"}])")));
  CHECK(path == "/keras/config/layers/1/class_name");
  CHECK_THAT(message,
             Catch::StartsWith("unknown Keras layer class 'Conv2D'; expected one of: Dense"));
  // The list is cut (messages stay short) and says how many classes it left out.
  CHECK_THAT(message, Catch::Contains("Reshape"));
  CHECK_THAT(message, Catch::Contains("more)"));
}

TEST_CASE("KerasImport: unknown model class is refused", "[bridge][errors]") {
  auto [path, message] = import_error(
      mlp_with(json::parse(R"([{"op":"replace","path":"/class_name","value":"Graph"}])")));
  CHECK(path == "/keras/class_name");
  CHECK_THAT(message, Catch::Contains("expected one of: Sequential, Functional, Model"));
}

TEST_CASE("KerasImport: unknown config field is refused", "[bridge][errors]") {
  auto [path, message] = import_error(
      mlp_with(json::parse(R"([{"op":"add","path":"/config/layers/1/config/unitz","value":3}])")));
  CHECK(path == "/keras/config/layers/1/config/unitz");
  CHECK_THAT(message, Catch::StartsWith("unknown field 'unitz'"));
}

TEST_CASE("KerasImport: unknown activation lists the valid ones", "[bridge][errors]") {
  auto [path, message] = import_error(mlp_with(json::parse(
      R"([{"op":"replace","path":"/config/layers/0/config/activation","value":"relu6"}])")));
  CHECK(path == "/keras/config/layers/0/config/activation");
  CHECK_THAT(message, Catch::StartsWith("unknown activation 'relu6'; expected one of: linear"));
}

TEST_CASE("KerasImport: unsupported VarianceScaling is refused", "[bridge][errors]") {
  auto [path, message] = import_error(mlp_with(json::parse(
      R"([{"op":"replace","path":"/config/layers/0/config/kernel_initializer/config/scale","value":3}])")));
  CHECK(path == "/keras/config/layers/0/config/kernel_initializer/config");
  CHECK_THAT(message, Catch::Contains("no VarianceScaling initializer with scale 3"));
}

TEST_CASE("KerasImport: unknown initializer class is refused", "[bridge][errors]") {
  auto [path, message] = import_error(mlp_with(json::parse(
      R"([{"op":"replace","path":"/config/layers/0/config/kernel_initializer/class_name","value":"Identity"}])")));
  CHECK(path == "/keras/config/layers/0/config/kernel_initializer/class_name");
  CHECK_THAT(message, Catch::StartsWith("unknown Keras initializer 'Identity'"));
}

TEST_CASE("KerasImport: unknown regularizer class is refused", "[bridge][errors]") {
  auto [path, message] = import_error(mlp_with(json::parse(
      R"([{"op":"replace","path":"/config/layers/0/config/kernel_regularizer/class_name","value":"OrthogonalRegularizer"}])")));
  CHECK(path == "/keras/config/layers/0/config/kernel_regularizer/class_name");
  CHECK_THAT(message, Catch::Contains("expected one of: L1L2, L1, L2"));
}

TEST_CASE("KerasImport: a variable length input dimension is refused", "[bridge][errors]") {
  json t = sample("lstm").at("topology");
  t["config"]["layers"][0]["config"]["batch_input_shape"] = json::parse("[null, null, 3]");
  auto [path, message] = import_error(t);
  CHECK(path == "/keras/config/layers/0/config/batch_input_shape/1");
  CHECK_THAT(message, Catch::Contains("got null"));
}

TEST_CASE("KerasImport: a Sequential without input shape is refused", "[bridge][errors]") {
  auto [path, message] = import_error(mlp_with(
      json::parse(R"([{"op":"remove","path":"/config/layers/0/config/batch_input_shape"}])")));
  CHECK(path == "/keras/config/layers/0");
  CHECK_THAT(message, Catch::Contains("nnplay needs the input shape"));
}

TEST_CASE("KerasImport: a float64 dtype is refused", "[bridge][errors]") {
  auto [path, message] = import_error(mlp_with(json::parse(
      R"([{"op":"replace","path":"/config/layers/0/config/dtype","value":"float64"}])")));
  CHECK(path == "/keras/config/layers/0/config/dtype");
  CHECK_THAT(message, Catch::Contains("expected \"float32\", got \"float64\""));
}

TEST_CASE("KerasImport: a shared layer is refused", "[bridge][errors]") {
  json t = sample("two_towers").at("topology");
  t["config"]["layers"][2]["inbound_nodes"].push_back(json::parse(R"([["b", 0, 0, {}]])"));
  auto [path, message] = import_error(t);
  CHECK(path == "/keras/config/layers/2/inbound_nodes");
  CHECK_THAT(message, Catch::Contains("expected 1 inbound node, got 2"));
}

TEST_CASE("KerasImport: a node index above 0 is refused", "[bridge][errors]") {
  json t = sample("two_towers").at("topology");
  t["config"]["layers"][2]["inbound_nodes"][0][0][1] = 1;
  auto [path, message] = import_error(t);
  CHECK(path == "/keras/config/layers/2/inbound_nodes/0/0/1");
  CHECK_THAT(message, Catch::Contains("shared layers"));
}

TEST_CASE("KerasImport: an unknown inbound layer lists the known ones", "[bridge][errors]") {
  json t = sample("two_towers").at("topology");
  t["config"]["layers"][2]["inbound_nodes"][0][0][0] = "zz";
  auto [path, message] = import_error(t);
  CHECK(path == "/keras/config/layers/2/inbound_nodes/0/0/0");
  CHECK(message == "unknown inbound layer 'zz'; expected one of: a, b");
}

TEST_CASE("KerasImport: a tensor index past the outputs is refused", "[bridge][errors]") {
  json t = sample("lstm_states").at("topology");
  t["config"]["layers"][2]["inbound_nodes"][0][1][2] = 3;
  auto [path, message] = import_error(t);
  CHECK(path == "/keras/config/layers/2/inbound_nodes/0/1/2");
  CHECK(message == "layer 'encoder' has 3 output(s); expected a tensor index <= 2, got 3");
}

TEST_CASE("KerasImport: an unknown call argument is refused", "[bridge][errors]") {
  json t = sample("two_towers").at("topology");
  t["config"]["layers"][2]["inbound_nodes"][0][0][3] = json::parse(R"({"scale": 2})");
  auto [path, message] = import_error(t);
  CHECK(path == "/keras/config/layers/2/inbound_nodes/0/0/3/scale");
  CHECK_THAT(message, Catch::StartsWith("unknown field 'scale'"));
}

TEST_CASE("KerasImport: an input_layers entry that is not an InputLayer is refused",
          "[bridge][errors]") {
  json t = sample("two_towers").at("topology");
  t["config"]["input_layers"][1] = json::parse(R"(["da", 0, 0])");
  auto [path, message] = import_error(t);
  CHECK(path == "/keras/config/input_layers");
  CHECK(message == "expected the name of an InputLayer, got \"da\"");
}

TEST_CASE("KerasImport: a Keras 3 tensor of another class is refused", "[bridge][errors]") {
  json k = nn::test::fixture("keras/keras3_functional_concat.json");
  k["config"]["layers"][2]["inbound_nodes"][0]["args"][0]["class_name"] = "__tensor__";
  auto [path, message] = import_error(k);
  CHECK(path == "/keras/config/layers/2/inbound_nodes/0/args/0/class_name");
  CHECK_THAT(message, Catch::Contains("expected a \"__keras_tensor__\" argument"));
}

TEST_CASE("KerasImport: a Keras 3 Bidirectional backward_layer must mirror layer",
          "[bridge][errors]") {
  json t = sample("bidirectional").at("topology");
  json inner = t["config"]["layers"][0]["config"]["layer"];
  json back = inner;
  back["config"]["name"] = "backward_inner";
  back["config"]["go_backwards"] = true;
  t["config"]["layers"][0]["config"]["backward_layer"] = back;
  CHECK_NOTHROW(keras_to_model_json(t, "/keras"));
  t["config"]["layers"][0]["config"]["backward_layer"]["config"]["units"] = 7;
  auto [path, message] = import_error(t);
  CHECK(path == "/keras/config/layers/0/config/backward_layer");
  CHECK_THAT(message, Catch::Contains("expected backward_layer to be that copy"));
}

TEST_CASE("KerasImport: a PReLU random alpha initializer is refused", "[bridge][errors]") {
  json t = sample("prelu").at("topology");
  t["config"]["layers"][1]["config"]["alpha_initializer"] =
      json::parse(R"({"class_name": "RandomNormal", "config": {"seed": null}})");
  auto [path, message] = import_error(t);
  CHECK(path == "/keras/config/layers/1/config/alpha_initializer");
  CHECK_THAT(message, Catch::Contains("expected Zeros or Constant"));
}

TEST_CASE("KerasImport: a BatchNormalization non default initializer is refused",
          "[bridge][errors]") {
  json t = sample("batchnorm_dropout").at("topology");
  t["config"]["layers"][1]["config"]["gamma_initializer"] =
      json::parse(R"({"class_name": "Zeros", "config": {}})");
  auto [path, message] = import_error(t);
  CHECK(path == "/keras/config/layers/1/config/gamma_initializer");
  CHECK(message == "nnplay does not support gamma_initializer; expected \"ones\", got \"zeros\"");
}

TEST_CASE("KerasImport: Dropout rate 1 is refused", "[bridge][errors]") {
  json t = sample("batchnorm_dropout").at("topology");
  t["config"]["layers"][3]["config"]["rate"] = 1;
  auto [path, message] = import_error(t);
  CHECK(path == "/keras/config/layers/3/config/rate");
  CHECK(message == "expected a number in [0, 1), got 1");
}

TEST_CASE("KerasImport: Dense units 0 is refused", "[bridge][errors]") {
  auto [path, message] = import_error(mlp_with(
      json::parse(R"([{"op":"replace","path":"/config/layers/1/config/units","value":0}])")));
  CHECK(path == "/keras/config/layers/1/config/units");
  CHECK_THAT(message, Catch::StartsWith("expected a positive integer"));
}
