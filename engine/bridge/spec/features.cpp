// TF Playground's input features of a 2-D point: x1, x2, their squares, product and sines.
#include <cmath>

#include "engine/bridge/spec/data_spec.hpp"

namespace nn::bridge {

const std::vector<std::string>& feature_names() {
  static const std::vector<std::string> names = {"x1",    "x2",      "x1^2",   "x2^2",
                                                 "x1*x2", "sin(x1)", "sin(x2)"};
  return names;
}

Matrix compute_features(const Matrix& x, const std::vector<std::string>& features,
                        const std::string& path) {
  if (x.rows() != 2) {
    fail_at(path, "features are computed from 2-D points, got " + std::to_string(x.rows()) +
                      " values per sample");
  }
  Matrix out(static_cast<Index>(features.size()), x.cols());
  for (std::size_t f = 0; f < features.size(); ++f) {
    const std::string& name = features[f];
    const auto row = static_cast<Index>(f);
    // Each feature is one row over all samples (columns).
    if (name == "x1") {
      out.row(row) = x.row(0);
    } else if (name == "x2") {
      out.row(row) = x.row(1);
    } else if (name == "x1^2") {
      out.row(row) = x.row(0).array().square().matrix();
    } else if (name == "x2^2") {
      out.row(row) = x.row(1).array().square().matrix();
    } else if (name == "x1*x2") {
      out.row(row) = (x.row(0).array() * x.row(1).array()).matrix();
    } else if (name == "sin(x1)") {
      out.row(row) = x.row(0).array().sin().matrix();
    } else if (name == "sin(x2)") {
      out.row(row) = x.row(1).array().sin().matrix();
    } else {
      fail_unknown_name(child_path(path, f), "feature", name, feature_names());
    }
  }
  return out;
}

}  // namespace nn::bridge
