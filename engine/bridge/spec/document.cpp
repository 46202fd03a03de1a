#include "engine/bridge/spec/document.hpp"

namespace nn::bridge {

Document parse_document(const json& value, const std::string& path) {
  ObjectReader reader(value, path);
  const std::int64_t schema = reader.required_integer("schema");
  if (schema != kSchemaVersion) {
    fail_at(reader.path_of("schema"), "expected schema version " + std::to_string(kSchemaVersion) +
                                          ", got " + std::to_string(schema));
  }
  Document doc;
  doc.title = reader.string("title", "");
  doc.description = reader.string("description", "");
  doc.model = parse_model(reader.require("model"), reader.path_of("model"));
  if (const json* compile = reader.find("compile")) {
    doc.compile = parse_compile(*compile, reader.path_of("compile"));
  }
  if (const json* fit = reader.find("fit")) doc.fit = parse_fit(*fit, reader.path_of("fit"));
  if (const json* data = reader.find("data")) {
    doc.data = parse_data(*data, reader.path_of("data"));
  }
  reader.finish({"schema", "title", "description", "model", "compile", "fit", "data"});
  return doc;
}

json document_to_json(const Document& document) {
  json out = json::object();
  out["schema"] = kSchemaVersion;
  out["title"] = document.title;
  out["description"] = document.description;
  out["model"] = model_to_json(document.model);
  out["compile"] = document.compile ? compile_to_json(*document.compile) : json(nullptr);
  out["fit"] = fit_to_json(document.fit);
  out["data"] = document.data ? data_to_json(*document.data) : json(nullptr);
  return out;
}

}  // namespace nn::bridge
