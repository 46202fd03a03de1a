#include <catch2/catch.hpp>

#include <cmath>

#include "engine/bridge/spec/compile_spec.hpp"
#include "engine/bridge/spec/data_spec.hpp"
#include "engine/core/layers/lstm.hpp"
#include "engine/core/models/graph.hpp"
#include "engine/core/optimizers/registry.hpp"
#include "spec_test_util.hpp"

using nn::bridge::data_to_json;
using nn::bridge::DataSpec;
using nn::bridge::json;
using nn::bridge::parse_data;
using nn::bridge::test::error_of;
using nn::bridge::test::mlp;

namespace {

DataSpec parse(const std::string& text) { return parse_data(json::parse(text), "/data"); }

std::pair<std::string, std::string> parse_error(const std::string& text) {
  return error_of([&] { (void)parse(text); });
}

/// Compiles `model` with adam and `loss`, returns it.
template <typename M>
M& compiled(M& model, const std::string& loss) {
  model.compile(nn::make_optimizer("adam"), loss);
  return model;
}

nn::bridge::GeneratedData make(const std::string& text, nn::Model& model) {
  return nn::bridge::make_data(parse(text), model, "/data");
}

std::pair<std::string, std::string> make_error(const std::string& text, nn::Model& model) {
  return error_of([&] { (void)make(text, model); });
}

}  // namespace

TEST_CASE("DataSpec: defaults", "[bridge]") {
  const DataSpec s = parse(R"({"name": "spiral"})");
  CHECK(s.n == 500);
  CHECK(s.noise == 0.0);
  CHECK(s.seed == 0);
  CHECK(s.classes == 3);
  CHECK(s.image_side == 28);
  CHECK(s.sequence.length == 20);
  CHECK(s.sequence.period == 20.0);
  CHECK(s.sequence.amplitude == 1.0);
  CHECK(s.sequence.copy_length == 10);
  CHECK(s.sequence.symbols == 8);
  CHECK(s.sequence.stride == 1);
  CHECK(s.inputs.empty());
  CHECK(s.targets.empty());
  CHECK(s.validation_fraction == 0.0);
}

TEST_CASE("DataSpec: canonical JSON writes every field and is a fixed point", "[bridge]") {
  const json once = data_to_json(parse(R"({"name": "moons", "n": 200, "noise": 0.1, "seed": 4,
      "inputs": [["x1", "x2", "x1*x2"]], "targets": ["label"], "validation_fraction": 0.5})"));
  CHECK(once == json::parse(R"({"name": "moons", "n": 200, "noise": 0.1, "seed": 4, "classes": 3,
      "image_side": 28, "length": 20, "period": 20.0, "amplitude": 1.0, "copy_length": 10,
      "symbols": 8, "stride": 1, "inputs": [["x1", "x2", "x1*x2"]], "targets": ["label"],
      "validation_fraction": 0.5})"));
  CHECK(data_to_json(parse_data(once, "/data")) == once);
}

TEST_CASE("DataSpec: every dataset family is named", "[bridge]") {
  for (const char* name : {"circle", "xor", "gate_xor", "gate_and", "sine", "copy_memory",
                           "char_corpus", "prototypes", "blobs", "regress_plane"}) {
    INFO(name);
    CHECK(parse(std::string(R"({"name": ")") + name + "\"}").name == name);
  }
}

TEST_CASE("DataSpec: name is required", "[bridge][errors]") {
  const auto [path, message] = parse_error("{}");
  CHECK(path == "/data/name");
  CHECK(message == "missing required field 'name'");
}

TEST_CASE("DataSpec: unknown dataset lists the valid ones", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"name": "mnist"})");
  CHECK(path == "/data/name");
  CHECK_THAT(message, Catch::StartsWith("unknown dataset 'mnist'; expected one of: adding, blobs"));
  CHECK_THAT(message, Catch::Contains("gate_nand"));
  // 23 names pass the 200-character message limit: the rest are counted.
  CHECK_THAT(message, Catch::EndsWith("... (8 more)"));
  CHECK(message.size() <= 200);
}

TEST_CASE("DataSpec: n is limited to a million", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"name": "circle", "n": 0})");
  CHECK(path == "/data/n");
  CHECK(message == "expected a positive integer, got 0");
}

TEST_CASE("DataSpec: image side is at most 64", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"name": "prototypes", "image_side": 65})");
  CHECK(path == "/data/image_side");
  CHECK(message == "expected a positive integer <= 64, got 65");
}

TEST_CASE("DataSpec: classes lie in 2 to 100", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"name": "blobs", "classes": 1})");
  CHECK(path == "/data/classes");
  CHECK(message == "expected an integer in [2, 100], got 1");
}

TEST_CASE("DataSpec: negative noise", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"name": "spiral", "noise": -0.5})");
  CHECK(path == "/data/noise");
  CHECK(message == "expected a number >= 0.0, got -0.5");
}

TEST_CASE("DataSpec: validation fraction lies in the half-open unit interval", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"name": "spiral", "validation_fraction": 1})");
  CHECK(path == "/data/validation_fraction");
  CHECK(message == "expected a number in [0, 1), got 1");
}

TEST_CASE("DataSpec: period must be positive", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"name": "sine", "period": 0})");
  CHECK(path == "/data/period");
  CHECK(message == "expected a positive number, got 0");
}

TEST_CASE("DataSpec: unknown feature lists the valid ones", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"name": "circle", "inputs": [["x1", "x3"]]})");
  CHECK(path == "/data/inputs/0/1");
  CHECK(message ==
        "unknown feature 'x3'; expected one of: x1, x2, x1^2, x2^2, x1*x2, sin(x1), sin(x2)");
}

TEST_CASE("DataSpec: an empty feature list", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"name": "circle", "inputs": [[]]})");
  CHECK(path == "/data/inputs/0");
  CHECK(message == "expected at least one feature, got []");
}

TEST_CASE("DataSpec: unknown target encoding", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"name": "blobs", "targets": ["onehot"]})");
  CHECK(path == "/data/targets/0");
  CHECK(message == "unknown target encoding 'onehot'; expected one of: auto, label, one_hot");
}

TEST_CASE("DataSpec: data larger than one array is refused", "[bridge][errors]") {
  const auto [path, message] =
      parse_error(R"({"name": "prototypes", "n": 1000000, "image_side": 64})");
  CHECK(path == "/data/n");
  CHECK(message ==
        "the data would hold 4096000000 input values; at most 67108864 (2^26) fit in one array");
}

TEST_CASE("DataSpec: unknown data field", "[bridge][errors]") {
  const auto [path, message] = parse_error(R"({"name": "spiral", "points": 3})");
  CHECK(path == "/data/points");
  CHECK_THAT(message, Catch::StartsWith("unknown field 'points'; expected one of: name, n,"));
}

TEST_CASE("DataSpec: features of a point in TF Playground order", "[bridge]") {
  nn::Matrix x(2, 1);
  x << 1, 2;
  const nn::Matrix f = nn::bridge::compute_features(x, nn::bridge::feature_names(), "/f");
  REQUIRE(f.rows() == 7);
  CHECK(f(0, 0) == Approx(1));
  CHECK(f(1, 0) == Approx(2));
  CHECK(f(2, 0) == Approx(1));
  CHECK(f(3, 0) == Approx(4));
  CHECK(f(4, 0) == Approx(2));
  CHECK(f(5, 0) == Approx(std::sin(1.0)));
  CHECK(f(6, 0) == Approx(std::sin(2.0)));
}

TEST_CASE("DataSpec: compute_features names an unknown feature by index", "[bridge][errors]") {
  const nn::Matrix x = nn::Matrix::Zero(2, 3);
  const auto [path, message] = error_of([&] {
    (void)nn::bridge::compute_features(x, {"x1", "cos(x1)"}, "/grid/features");
  });
  CHECK(path == "/grid/features/1");
  CHECK_THAT(message, Catch::StartsWith("unknown feature 'cos(x1)'"));
}

TEST_CASE("DataSpec: a 2-D set with features and a validation part", "[bridge]") {
  auto model = mlp(7, 1, "sigmoid");
  compiled(*model, "binary_crossentropy");
  const auto data = make(R"J({"name": "spiral", "n": 200, "noise": 0.1, "validation_fraction": 0.25,
      "inputs": [["x1", "x2", "x1^2", "x2^2", "x1*x2", "sin(x1)", "sin(x2)"]]})J",
                         *model);
  REQUIRE(data.train.x.size() == 1);
  CHECK(data.train.x[0].rows() == 7);
  CHECK(data.train.x[0].cols() == 150);
  CHECK(data.train.y[0].rows() == 1);
  REQUIRE(data.validation);
  CHECK(data.validation->size() == 50);
  // Row 4 is x1 * x2 of rows 0 and 1.
  CHECK(data.train.x[0](4, 3) == Approx(data.train.x[0](0, 3) * data.train.x[0](1, 3)));
}

TEST_CASE("DataSpec: raw features by default and no validation part", "[bridge]") {
  auto model = mlp(2, 1, "sigmoid");
  compiled(*model, "binary_crossentropy");
  const auto data = make(R"({"name": "circle", "n": 40})", *model);
  CHECK(data.train.x[0].rows() == 2);
  CHECK(data.train.size() == 40);
  CHECK_FALSE(data.validation);
}

TEST_CASE("DataSpec: the input size must match the model", "[bridge][errors]") {
  auto model = mlp(3, 1, "sigmoid");
  compiled(*model, "binary_crossentropy");
  const auto [path, message] = make_error(R"({"name": "xor", "n": 10})", *model);
  CHECK(path == "/data/inputs/0");
  CHECK(message == "the model's input 'input_layer' takes 3 features, the data gives 2");
}

TEST_CASE("DataSpec: one-hot targets for softmax with categorical cross-entropy", "[bridge]") {
  auto model = mlp(2, 3, "softmax");
  compiled(*model, "categorical_crossentropy");
  const auto data = make(R"({"name": "blobs", "n": 30, "classes": 3})", *model);
  const nn::Matrix& y = data.train.y[0];
  REQUIRE(y.rows() == 3);
  REQUIRE(y.cols() == 30);
  for (nn::Index j = 0; j < y.cols(); ++j) CHECK(y.col(j).sum() == Approx(1));
  CHECK(y.rowwise().sum().minCoeff() == Approx(10));
}

TEST_CASE("DataSpec: class ids for sparse categorical cross-entropy", "[bridge]") {
  auto model = mlp(2, 4, "softmax");
  compiled(*model, "sparse_categorical_crossentropy");
  const auto data = make(R"({"name": "blobs", "n": 20, "classes": 4})", *model);
  REQUIRE(data.train.y[0].rows() == 1);
  CHECK(data.train.y[0].maxCoeff() == Approx(3));
}

TEST_CASE("DataSpec: label targets for a categorical output are refused", "[bridge][errors]") {
  auto model = mlp(2, 3, "softmax");
  compiled(*model, "categorical_crossentropy");
  const auto [path, message] =
      make_error(R"({"name": "blobs", "n": 30, "targets": ["label"]})", *model);
  CHECK(path == "/data/targets/0");
  CHECK(message ==
        "the model's output 'dense_1' (shape (None, 3), loss categorical_crossentropy) needs 3 "
        "target values per sample, the data gives 1 (class ids: use \"one_hot\" targets or "
        "sparse_categorical_crossentropy)");
}

TEST_CASE("DataSpec: one-hot ids beyond the output units", "[bridge][errors]") {
  auto model = mlp(2, 3, "softmax");
  compiled(*model, "categorical_crossentropy");
  const auto [path, message] = make_error(R"({"name": "blobs", "n": 40, "classes": 5})", *model);
  CHECK(path == "/data/targets/0");
  CHECK_THAT(message, Catch::StartsWith("one-hot targets need class ids 0..2 for the output "
                                        "'dense_1' of 3 units, the data has "));
}

TEST_CASE("DataSpec: explicit one-hot on a mean squared error output", "[bridge]") {
  auto model = mlp(2, 2, "linear");
  compiled(*model, "mse");
  const auto data = make(R"({"name": "gate_xor", "targets": ["one_hot"]})", *model);
  CHECK(data.train.x[0].cols() == 4);
  CHECK(data.train.y[0].rows() == 2);
}

TEST_CASE("DataSpec: a sine set for an LSTM over 20 steps", "[bridge]") {
  nn::Sequential model(0);
  model.input({20, 1});
  model.add(std::make_unique<nn::LSTM>(4));
  model.add(std::make_unique<nn::Dense>(1));
  compiled(model, "mse");
  const auto data = make(R"({"name": "sine", "n": 64, "length": 20, "noise": 0.05,
      "validation_fraction": 0.25})",
                         model);
  CHECK(data.train.x[0].rows() == 20);
  CHECK(data.train.x[0].cols() == 48);
  CHECK(data.train.y[0].rows() == 1);
  REQUIRE(data.validation);
  CHECK(data.validation->size() == 16);
  CHECK_NOTHROW(model.train_on_batch(data.train.x, data.train.y));
}

TEST_CASE("DataSpec: a sequence length that does not fit the LSTM input", "[bridge][errors]") {
  nn::Sequential model(0);
  model.input({20, 1});
  model.add(std::make_unique<nn::LSTM>(4));
  model.add(std::make_unique<nn::Dense>(1));
  compiled(model, "mse");
  const auto [path, message] = make_error(R"({"name": "sine", "n": 8, "length": 30})", model);
  CHECK(path == "/data/inputs/0");
  CHECK(message ==
        "the model's input 'input_layer' takes 20 values per sample (shape (None, 20, "
        "1)), the data gives 30");
}

TEST_CASE("DataSpec: features apply to the 2-D sets only", "[bridge][errors]") {
  auto model = mlp(2, 1, "linear");
  compiled(*model, "mse");
  const auto [path, message] = make_error(R"({"name": "sine", "inputs": [["x1"]]})", *model);
  CHECK(path == "/data/inputs");
  CHECK_THAT(message, Catch::StartsWith("features apply to the 2-D sets only"));
}

TEST_CASE("DataSpec: prototypes for a 784-input MLP with ten classes", "[bridge]") {
  auto model = mlp(784, 10, "softmax");
  compiled(*model, "categorical_crossentropy");
  const auto data =
      make(R"({"name": "prototypes", "n": 100, "classes": 10, "noise": 0.2})", *model);
  CHECK(data.train.x[0].rows() == 784);
  CHECK(data.train.x[0].cols() == 100);
  CHECK(data.train.y[0].rows() == 10);
  CHECK(data.train.x[0].minCoeff() >= 0);
  CHECK(data.train.x[0].maxCoeff() <= 1);
}

TEST_CASE("DataSpec: feature lists per input of a two-input model", "[bridge]") {
  nn::Graph g(0);
  const nn::NodeRef a = g.input({2}, "a");
  const nn::NodeRef b = g.input({1}, "b");
  const nn::NodeRef da = g.apply(std::make_unique<nn::Dense>(1), a);
  const nn::NodeRef db = g.apply(std::make_unique<nn::Dense>(1), b);
  g.set_outputs({da, db});
  nn::Model model(std::move(g));
  compiled(model, "mse");
  const auto data =
      make(R"({"name": "regress_plane", "n": 10, "inputs": [["x1", "x2"], ["x1*x2"]]})", model);
  REQUIRE(data.train.x.size() == 2);
  CHECK(data.train.x[1].rows() == 1);
  REQUIRE(data.train.y.size() == 2);
  const auto [path, message] = make_error(R"({"name": "regress_plane", "n": 10})", model);
  CHECK(path == "/data/inputs");
  CHECK(message ==
        "the model has 2 inputs (a, b); 'regress_plane' feeds one unless \"inputs\" "
        "lists features per input");
}

TEST_CASE("DataSpec: one target encoding per output", "[bridge][errors]") {
  auto model = mlp(2, 1, "sigmoid");
  compiled(*model, "binary_crossentropy");
  const auto [path, message] =
      make_error(R"({"name": "xor", "n": 8, "targets": ["label", "label"]})", *model);
  CHECK(path == "/data/targets");
  CHECK(message == "expected 1 target encodings, one per output (dense_1), got 2");
}

TEST_CASE("DataSpec: the model must be compiled first", "[bridge][errors]") {
  auto model = mlp(2, 1, "sigmoid");
  const auto [path, message] = make_error(R"({"name": "xor"})", *model);
  CHECK(path == "/data");
  CHECK_THAT(message, Catch::StartsWith("the model must be compiled first"));
}

TEST_CASE("DataSpec: core generator errors carry the data path", "[bridge][errors]") {
  auto model = mlp(2, 5, "softmax");
  compiled(*model, "categorical_crossentropy");
  const auto [path, message] = make_error(R"({"name": "blobs", "n": 3, "classes": 5})", *model);
  CHECK(path == "/data");
  CHECK_THAT(message, Catch::Contains("classes"));
}

TEST_CASE("DataSpec: the same spec gives the same data", "[bridge]") {
  auto model = mlp(2, 1, "sigmoid");
  compiled(*model, "binary_crossentropy");
  const std::string text = R"({"name": "gauss", "n": 50, "noise": 0.3, "seed": 11,
      "validation_fraction": 0.2})";
  const auto a = make(text, *model);
  const auto b = make(text, *model);
  CHECK(a.train.x[0] == b.train.x[0]);
  CHECK(a.validation->y[0] == b.validation->y[0]);
}
