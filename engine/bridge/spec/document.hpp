#pragma once
/// Document: a whole schema-1 document (docs/schema.md): model, compile, fit and data, plus an
/// optional title and description (presets).
#include <optional>
#include <string>

#include "engine/bridge/spec/compile_spec.hpp"
#include "engine/bridge/spec/data_spec.hpp"
#include "engine/bridge/spec/fit_spec.hpp"
#include "engine/bridge/spec/model_spec.hpp"

namespace nn::bridge {

/// The schema version this engine reads and writes.
constexpr int kSchemaVersion = 1;

struct Document {
  std::string title;
  std::string description;
  ModelSpec model;
  std::optional<CompileSpec> compile;
  FitSpec fit;
  std::optional<DataSpec> data;
};

/// Reads a document found at `path` ("schema" must be 1).
Document parse_document(const json& value, const std::string& path);
/// Canonical JSON; parse_document(document_to_json(d)) == d.
json document_to_json(const Document& document);

}  // namespace nn::bridge
