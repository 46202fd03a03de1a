#include "engine/core/training/model_data.hpp"

#include "engine/core/base/error.hpp"
#include "engine/core/training/data_checks.hpp"

namespace nn {
namespace {

Matrix gather(const Matrix& m, const std::vector<Index>& indices) {
  Matrix out(m.rows(), static_cast<Index>(indices.size()));
  for (std::size_t j = 0; j < indices.size(); ++j)
    out.col(static_cast<Index>(j)) = m.col(indices[j]);
  return out;
}

}  // namespace

ModelData ModelData::take(const std::vector<Index>& indices) const {
  ModelData out;
  for (const Matrix& m : x) out.x.push_back(gather(m, indices));
  for (const Matrix& m : y) out.y.push_back(gather(m, indices));
  return out;
}

ModelData ModelData::slice(Index begin, Index end) const {
  ModelData out;
  for (const Matrix& m : x) out.x.push_back(m.middleCols(begin, end - begin));
  for (const Matrix& m : y) out.y.push_back(m.middleCols(begin, end - begin));
  return out;
}

void ModelData::check(const char* who) const {
  if (x.empty()) fail(who, ": x is empty; expected one array per model input");
  if (size() == 0) fail(who, ": x has no samples");
  require_same_samples(x, y, size(), who);
}

}  // namespace nn
