// fit.augmentation (parse, canonical form, training in slices, tune, save/load) and the augment
// op (the page's preview grid).
#include <catch2/catch.hpp>

#include "bridge/session_helpers.hpp"

using nn::bridge::Session;
using nn::test::ask;
using nn::test::error;
using nn::test::ok;
using json = nlohmann::json;

namespace {

json augmentation() {
  return {{"image_shape", {4, 4}},      {"rotation_range", 10}, {"width_shift_range", 0.25},
          {"height_shift_range", 0.25}, {"zoom_range", 0.1},    {"horizontal_flip", true},
          {"noise_stddev", 0.05}};
}

/// 4 x 4 prototype images of 3 classes into a softmax regression.
json image_doc(const json& fit_extra) {
  json fit = {{"epochs", 3}, {"batch_size", 8}, {"seed", 5}};
  fit.update(fit_extra);
  return {{"schema", 1},
          {"model",
           {{"type", "sequential"},
            {"input_shape", {16}},
            {"layers", {{{"type", "dense"}, {"units", 3}, {"activation", "softmax"}}}}}},
          {"compile",
           {{"optimizer", {{"type", "adam"}, {"learning_rate", 0.01}}},
            {"loss", "categorical_crossentropy"},
            {"metrics", {"accuracy"}}}},
          {"fit", fit},
          {"data",
           {{"name", "prototypes"},
            {"n", 40},
            {"classes", 3},
            {"image_side", 4},
            {"noise", 0.1},
            {"seed", 2},
            {"validation_fraction", 0.25}}}};
}

std::vector<float> weights_of(Session& s) {
  return s.get_array(ok(s, {{"op", "get_weights"}}).at("array").get<std::string>());
}

/// Three 4 x 4 images with distinct values, as array "images".
void put_images(Session& s) {
  std::vector<float> v;
  for (int i = 0; i < 48; ++i) v.push_back(static_cast<float>(i % 16) / 16.0f + (i / 16));
  REQUIRE(s.set_array("images", v).empty());
}

json augment_request(const json& extra = json::object()) {
  json r = {{"op", "augment"}, {"x", "images"}, {"augmentation", augmentation()}, {"seed", 7}};
  r.update(extra);
  return r;
}

}  // namespace

TEST_CASE("SessionAugment: the augment op writes seeded augmented copies",
          "[bridge][session][augment]") {
  Session s;  // no model needed
  put_images(s);
  const std::vector<float> images = s.get_array("images");
  const json a = ok(s, augment_request());
  CHECK(a.at("samples") == 3);
  CHECK(a.at("arrays") == json::array({{{"name", "augmented"}, {"shape", {3, 4, 4}}}}));
  const std::vector<float> first = s.get_array("augmented");
  REQUIRE(first.size() == 48);
  CHECK(first != images);
  CHECK(s.get_array("images") == images);
  ok(s, augment_request({{"out", "again"}}));
  CHECK(s.get_array("again") == first);
  ok(s, augment_request({{"seed", 8}, {"out", "other"}}));
  CHECK(s.get_array("other") != first);
  // All ranges 0: the copies are the images themselves; channels shape the answer.
  const json identity = ok(s, {{"op", "augment"},
                               {"x", "images"},
                               {"augmentation", {{"image_shape", {2, 4, 2}}}},
                               {"out", "same"}});
  CHECK(identity.at("arrays")[0].at("shape") == json({3, 2, 4, 2}));
  CHECK(s.get_array("same") == images);
}

TEST_CASE("SessionAugment: augment op errors name the field and change nothing",
          "[bridge][session][augment][errors]") {
  Session s;
  put_images(s);
  const auto message = [](const json& e) { return e.at("message").get<std::string>(); };
  json e = error(s, augment_request({{"x", "nothing"}}));
  CHECK(e.at("path") == "/x");
  CHECK(message(e) == "no array named 'nothing'");
  json bad = augment_request();
  bad["augmentation"]["image_shape"] = {5, 5};
  e = error(s, bad);
  CHECK(e.at("path") == "/x");
  CHECK(message(e).find("holds 48 values, not a whole number of images of 25") !=
        std::string::npos);
  bad["augmentation"]["image_shape"] = {4};
  CHECK(error(s, bad).at("path") == "/augmentation/image_shape");
  bad["augmentation"]["image_shape"] = {4, 0};
  CHECK(error(s, bad).at("path") == "/augmentation/image_shape/1");
  bad = augment_request();
  bad["augmentation"]["rotation_range"] = 200;
  e = error(s, bad);
  CHECK(e.at("path") == "/augmentation/rotation_range");
  CHECK(message(e).find("expected a number in [0") != std::string::npos);
  bad["augmentation"]["rotation_range"] = 10;
  bad["augmentation"]["zoom_range"] = 1;
  CHECK(error(s, bad).at("path") == "/augmentation/zoom_range");
  bad["augmentation"]["zoom_range"] = 0.1;
  bad["augmentation"]["noise_stddev"] = -0.1;
  CHECK(error(s, bad).at("path") == "/augmentation/noise_stddev");
  bad["augmentation"]["noise_stddev"] = 0.1;
  bad["augmentation"]["fill_mode"] = "mirror";
  e = error(s, bad);
  CHECK(e.at("path") == "/augmentation/fill_mode");
  CHECK(message(e).find("nearest, constant, reflect, wrap") != std::string::npos);
  bad["augmentation"].erase("fill_mode");
  bad["augmentation"]["shear_range"] = 0.2;
  e = error(s, bad);
  CHECK(e.at("path") == "/augmentation/shear_range");
  CHECK(message(e).find("unknown field 'shear_range'") != std::string::npos);
  CHECK(error(s, augment_request({{"seed", -1}})).at("path") == "/seed");
  CHECK(error(s, augment_request({{"out", std::string(65, 'a')}})).at("path") == "/out");
  CHECK(error(s, {{"op", "augment"}, {"x", "images"}}).at("path") == "/augmentation");
  CHECK_FALSE(s.has_array("augmented"));
}

TEST_CASE("SessionAugment: fit.augmentation is canonical only when given and must fit the input",
          "[bridge][session][augment]") {
  Session s;
  ok(s, {{"op", "build"}, {"spec", image_doc(json::object())}});
  CHECK_FALSE(ok(s, {{"op", "tune"}}).at("fit").contains("augmentation"));
  ok(s, {{"op", "build"}, {"spec", image_doc({{"augmentation", augmentation()}})}});
  const json written = ok(s, {{"op", "tune"}}).at("fit").at("augmentation");
  CHECK(written == json({{"image_shape", {4, 4}},
                         {"rotation_range", 10},
                         {"width_shift_range", 0.25},
                         {"height_shift_range", 0.25},
                         {"zoom_range", 0.1},
                         {"horizontal_flip", true},
                         {"vertical_flip", false},
                         {"noise_stddev", 0.05},
                         {"fill_mode", "nearest"},
                         {"cval", 0}}));
  json wrong = augmentation();
  wrong["image_shape"] = {28, 28};
  const json e = error(s, {{"op", "build"}, {"spec", image_doc({{"augmentation", wrong}})}});
  CHECK(e.at("path") == "/spec/fit/augmentation/image_shape");
  CHECK(e.at("message") ==
        "an image of [28, 28] holds 784 values, the model's input 'input_layer' takes 16");
  // The session kept the model built before the error.
  CHECK(ok(s, {{"op", "tune"}}).at("fit").at("augmentation") == written);
}

TEST_CASE("SessionAugment: training in slices equals training in one go",
          "[bridge][session][augment]") {
  const json spec = image_doc({{"augmentation", augmentation()}});
  Session one, sliced, plain;
  ok(one, {{"op", "build"}, {"spec", spec}});
  ok(sliced, {{"op", "build"}, {"spec", spec}});
  ok(plain, {{"op", "build"}, {"spec", image_doc(json::object())}});
  const json whole = ok(one, {{"op", "train"}, {"batches", 10}});
  json last;
  for (int i = 0; i < 10; ++i) last = ok(sliced, {{"op", "train"}, {"batches", 1}});
  ok(plain, {{"op", "train"}, {"batches", 10}});
  CHECK(weights_of(one) == weights_of(sliced));
  CHECK(last.at("logs") == whole.at("logs"));
  CHECK(weights_of(one) != weights_of(plain));
  // Validation data is never augmented: evaluate on it gives the epoch's val_loss.
  const json epochs = ok(one, {{"op", "train"}, {"batches", 2}}).at("epoch_logs");
  REQUIRE(epochs.size() == 1);
  const json val = ok(one, {{"op", "evaluate"}, {"data", "validation"}});
  CHECK(epochs[0].at("logs").at("val_loss").get<double>() ==
        Approx(val.at("logs").at("loss").get<double>()));
}

TEST_CASE("SessionAugment: tune changes the augmentation live, save and load keep it",
          "[bridge][session][augment][tune]") {
  Session s, plain;
  ok(s, {{"op", "build"}, {"spec", image_doc(json::object())}});
  ok(plain, {{"op", "build"}, {"spec", image_doc(json::object())}});
  ok(s, {{"op", "train"}, {"batches", 2}});
  ok(plain, {{"op", "train"}, {"batches", 2}});
  const json tuned = ok(s, {{"op", "tune"}, {"fit", {{"augmentation", augmentation()}}}});
  CHECK(tuned.at("fit").at("augmentation").at("rotation_range") == 10);
  CHECK(tuned.at("training").at("batch") == 2);

  json bad = augmentation();
  bad["zoom_range"] = 2;
  json e = error(s, {{"op", "tune"}, {"fit", {{"augmentation", bad}}}});
  CHECK(e.at("path") == "/fit/augmentation/zoom_range");
  bad = augmentation();
  bad["image_shape"] = {3, 3};
  e = error(s, {{"op", "tune"}, {"fit", {{"augmentation", bad}}}});
  CHECK(e.at("path") == "/fit/augmentation/image_shape");
  CHECK(ok(s, {{"op", "tune"}}).at("fit").at("augmentation") == tuned.at("fit").at("augmentation"));

  ok(s, {{"op", "train"}, {"batches", 2}});
  ok(plain, {{"op", "train"}, {"batches", 2}});
  CHECK(weights_of(s) != weights_of(plain));

  const json file = ok(s, {{"op", "save"}}).at("file");
  CHECK(file.at("spec").at("fit").at("augmentation") == tuned.at("fit").at("augmentation"));
  Session t;
  ok(t, {{"op", "load"}, {"file", json::parse(file.dump())}});
  ok(s, {{"op", "train"}, {"batches", 5}});
  ok(t, {{"op", "train"}, {"batches", 5}});
  CHECK(weights_of(t) == weights_of(s));

  // All ranges 0 turns it off (the object stays, as written).
  const json off = ok(s, {{"op", "tune"}, {"fit", {{"augmentation", {{"image_shape", {4, 4}}}}}}});
  CHECK(off.at("fit").at("augmentation").at("rotation_range") == 0);
}
