// The Keras layer key table. Keras keys and defaults: keras/src/layers/ (core/dense.py,
// rnn/lstm.py, rnn/gru.py, rnn/simple_rnn.py, rnn/bidirectional.py, reshaping/reshape.py,
// normalization/batch_normalization.py, ...); what TF.js writes: tfjs-layers/src/layers/*.ts.
#include "engine/bridge/keras/keras_layer_table.hpp"

namespace nn::bridge::keras {
namespace {

std::vector<Field> rnn_fields(const std::string& type) {
  std::vector<Field> f = {{"units", "units", Kind::kPositive, nullptr},
                          {"activation", "activation", Kind::kActivation, nullptr}};
  if (type != "simple_rnn")
    f.push_back({"recurrent_activation", "recurrent_activation", Kind::kActivation, nullptr});
  const std::vector<Field> rest = {
      {"use_bias", "use_bias", Kind::kBool, nullptr},
      {"kernel_initializer", "kernel_initializer", Kind::kInitializer, nullptr},
      {"recurrent_initializer", "recurrent_initializer", Kind::kInitializer, nullptr},
      {"bias_initializer", "bias_initializer", Kind::kInitializer, nullptr},
      {"kernel_regularizer", "kernel_regularizer", Kind::kRegularizer, nullptr},
      {"recurrent_regularizer", "recurrent_regularizer", Kind::kRegularizer, nullptr},
      {"bias_regularizer", "bias_regularizer", Kind::kRegularizer, nullptr},
      {"activity_regularizer", "", Kind::kNeutral, nullptr, true},
      {"kernel_constraint", "", Kind::kNeutral, nullptr, true},
      {"recurrent_constraint", "", Kind::kNeutral, nullptr, true},
      {"bias_constraint", "", Kind::kNeutral, nullptr, true},
      {"dropout", "", Kind::kNeutral, 0, true},
      {"recurrent_dropout", "", Kind::kNeutral, 0, true},
      {"return_sequences", "return_sequences", Kind::kBool, nullptr},
      {"return_state", "return_state", Kind::kBool, nullptr},
      {"go_backwards", "go_backwards", Kind::kBool, nullptr},
      {"stateful", "", Kind::kNeutral, false, true},
      {"unroll", "", Kind::kNeutral, false, true},
      {"time_major", "", Kind::kNeutral, false},
      {"implementation", "", Kind::kAny, nullptr},
      {"seed", "", Kind::kAny, nullptr},
      {"use_cudnn", "", Kind::kAny, nullptr},
      {"zero_output_for_mask", "", Kind::kAny, nullptr}};
  f.insert(f.end(), rest.begin(), rest.end());
  if (type == "lstm") f.push_back({"unit_forget_bias", "unit_forget_bias", Kind::kBool, nullptr});
  if (type == "gru") f.push_back({"reset_after", "reset_after", Kind::kBool, nullptr});
  return f;
}

json rnn_defaults(const std::string& type) {
  json d = {{"activation", "tanh"},
            {"use_bias", true},
            {"kernel_initializer", "glorot_uniform"},
            {"recurrent_initializer", "orthogonal"},
            {"bias_initializer", "zeros"},
            {"kernel_regularizer", nullptr},
            {"recurrent_regularizer", nullptr},
            {"bias_regularizer", nullptr},
            {"return_sequences", false},
            {"return_state", false},
            {"go_backwards", false},
            {"truncate_bptt", 0}};
  if (type != "simple_rnn") d["recurrent_activation"] = "sigmoid";
  if (type == "lstm") d["unit_forget_bias"] = true;
  if (type == "gru") d["reset_after"] = true;
  return d;
}

}  // namespace

const std::vector<LayerClass>& classes() {
  static const std::vector<LayerClass> table = [] {
    const Field activity{"activity_regularizer", "", Kind::kNeutral, nullptr, true};
    std::vector<LayerClass> t;
    t.push_back({"Dense",
                 "dense",
                 {{"units", "units", Kind::kPositive, nullptr},
                  {"activation", "activation", Kind::kActivation, nullptr},
                  {"use_bias", "use_bias", Kind::kBool, nullptr},
                  {"kernel_initializer", "kernel_initializer", Kind::kInitializer, nullptr},
                  {"bias_initializer", "bias_initializer", Kind::kInitializer, nullptr},
                  {"kernel_regularizer", "kernel_regularizer", Kind::kRegularizer, nullptr},
                  {"bias_regularizer", "bias_regularizer", Kind::kRegularizer, nullptr},
                  activity,
                  {"kernel_constraint", "", Kind::kNeutral, nullptr, true},
                  {"bias_constraint", "", Kind::kNeutral, nullptr, true},
                  {"lora_rank", "", Kind::kNeutral, nullptr},
                  {"lora_alpha", "", Kind::kAny, nullptr},
                  {"quantization_config", "", Kind::kNeutral, nullptr}},
                 {{"activation", "linear"},
                  {"use_bias", true},
                  {"kernel_initializer", "glorot_uniform"},
                  {"bias_initializer", "zeros"},
                  {"kernel_regularizer", nullptr},
                  {"bias_regularizer", nullptr}}});
    t.push_back({"Activation",
                 "activation",
                 {{"activation", "activation", Kind::kActivation, nullptr}},
                 json::object()});
    t.push_back({"PReLU",
                 "prelu",
                 {{"alpha_initializer", "initial_alpha", Kind::kAlpha, nullptr},
                  {"alpha_regularizer", "", Kind::kNeutral, nullptr, true},
                  {"alpha_constraint", "", Kind::kNeutral, nullptr, true},
                  {"shared_axes", "", Kind::kNeutral, nullptr, true}},
                 {{"initial_alpha", 0.0}}});
    t.push_back({"Flatten",
                 "flatten",
                 {{"data_format", "", Kind::kNeutral, "channels_last"}},
                 json::object()});
    t.push_back({"Reshape",
                 "reshape",
                 {{"target_shape", "target_shape", Kind::kShape, nullptr}},
                 json::object()});
    t.push_back({"Dropout",
                 "dropout",
                 {{"rate", "rate", Kind::kRate, nullptr},
                  {"seed", "seed", Kind::kSeed, nullptr},
                  {"noise_shape", "", Kind::kNeutral, nullptr, true}},
                 {{"seed", 0}}});
    t.push_back({"BatchNormalization",
                 "batch_normalization",
                 {{"axis", "", Kind::kAxisLast, -1, true},
                  {"momentum", "momentum", Kind::kNumber, nullptr},
                  {"epsilon", "epsilon", Kind::kNumber, nullptr},
                  {"center", "center", Kind::kBool, nullptr},
                  {"scale", "scale", Kind::kBool, nullptr},
                  {"beta_initializer", "", Kind::kNeutralInit, "zeros", true},
                  {"gamma_initializer", "", Kind::kNeutralInit, "ones", true},
                  {"moving_mean_initializer", "", Kind::kNeutralInit, "zeros", true},
                  {"moving_variance_initializer", "", Kind::kNeutralInit, "ones", true},
                  {"beta_regularizer", "", Kind::kNeutral, nullptr, true},
                  {"gamma_regularizer", "", Kind::kNeutral, nullptr, true},
                  {"beta_constraint", "", Kind::kNeutral, nullptr, true},
                  {"gamma_constraint", "", Kind::kNeutral, nullptr, true},
                  {"synchronized", "", Kind::kNeutral, false},
                  {"renorm", "", Kind::kNeutral, false},
                  {"renorm_clipping", "", Kind::kNeutral, nullptr},
                  {"renorm_momentum", "", Kind::kAny, nullptr},
                  {"fused", "", Kind::kAny, nullptr},
                  {"virtual_batch_size", "", Kind::kNeutral, nullptr},
                  {"adjustment", "", Kind::kNeutral, nullptr}},
                 {{"momentum", 0.99}, {"epsilon", 0.001}, {"center", true}, {"scale", true}}});
    t.push_back({"Concatenate",
                 "concatenate",
                 {{"axis", "axis", Kind::kInteger, nullptr}},
                 {{"axis", -1}}});
    t.push_back({"Add", "add", {}, json::object()});
    t.push_back({"Embedding",
                 "embedding",
                 {{"input_dim", "input_dim", Kind::kPositive, nullptr},
                  {"output_dim", "output_dim", Kind::kPositive, nullptr},
                  {"embeddings_initializer", "embeddings_initializer", Kind::kInitializer, nullptr},
                  {"embeddings_regularizer", "embeddings_regularizer", Kind::kRegularizer, nullptr},
                  activity,
                  {"embeddings_constraint", "", Kind::kNeutral, nullptr, true},
                  {"mask_zero", "", Kind::kNeutral, false, true},
                  {"input_length", "", Kind::kAny, nullptr},
                  {"sparse", "", Kind::kNeutral, false},
                  {"lora_rank", "", Kind::kNeutral, nullptr},
                  {"lora_alpha", "", Kind::kAny, nullptr},
                  {"quantization_config", "", Kind::kNeutral, nullptr}},
                 {{"embeddings_initializer", "uniform"}, {"embeddings_regularizer", nullptr}}});
    t.push_back({"SimpleRNN", "simple_rnn", rnn_fields("simple_rnn"), rnn_defaults("simple_rnn")});
    t.push_back({"LSTM", "lstm", rnn_fields("lstm"), rnn_defaults("lstm")});
    t.push_back({"GRU", "gru", rnn_fields("gru"), rnn_defaults("gru")});
    t.push_back({"Bidirectional",
                 "bidirectional",
                 {{"merge_mode", "merge_mode", Kind::kMergeMode, nullptr}},
                 {{"merge_mode", "concat"}}});
    return t;
  }();
  return table;
}

const LayerClass* by_keras(const std::string& keras_class) {
  for (const auto& c : classes()) {
    if (c.keras_class == keras_class) return &c;
  }
  return nullptr;
}

const LayerClass& by_type(const std::string& type, const std::string& path) {
  for (const auto& c : classes()) {
    if (c.type == type) return c;
  }
  std::vector<std::string> valid;
  for (const auto& c : classes()) valid.push_back(c.type);
  fail_unknown_name(path, "layer type", type, valid);
}

}  // namespace nn::bridge::keras
