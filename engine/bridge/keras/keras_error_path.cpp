#include "engine/bridge/keras/keras_error_path.hpp"

#include <cctype>
#include <vector>

namespace nn::bridge {
namespace {

/// The segments of a JSON Pointer, still escaped ("/a/b~1c" -> "a", "b~1c").
std::vector<std::string> segments(const std::string& path) {
  std::vector<std::string> out;
  std::size_t at = 0;
  while (at < path.size() && path[at] == '/') {
    const std::size_t next = path.find('/', at + 1);
    out.push_back(
        path.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1));
    if (next == std::string::npos) break;
    at = next;
  }
  return out;
}

bool pointer_exists(const json& root, const std::string& path) {
  try {
    return root.contains(json::json_pointer(path));
  } catch (const json::exception&) {
    return false;
  }
}

/// A decimal array index, or -1.
long index_of(const std::string& segment) {
  if (segment.empty() || segment.size() > 9) return -1;
  for (char c : segment) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return -1;
  }
  return std::stol(segment);
}

/// The Keras layer list of the model object at `keras_path` and its path ("" when none).
const json* keras_layers(const json& request, const std::string& keras_path, std::string& at) {
  const std::string config = keras_path + "/config";
  for (const std::string& p : {config + "/layers", config}) {
    if (!pointer_exists(request, p)) continue;
    const json& v = request.at(json::json_pointer(p));
    if (v.is_array()) {
      at = p;
      return &v;
    }
  }
  return nullptr;
}

/// The path of the Keras layer object that became nnplay layer (inputs: input) `index`: the
/// index-th layer (input) in order when it has the nnplay layer's name, else the first with
/// that name, else the index-th; "" when none.
std::string keras_layer_path(const json& request, const std::string& keras_path, const json& model,
                             bool input, std::size_t index) {
  std::string list_path;
  const json* list = keras_layers(request, keras_path, list_path);
  if (list == nullptr) return "";
  const json& entries = model.value(input ? "inputs" : "layers", json::array());
  const std::string name =
      index < entries.size() && entries[index].is_object() ? entries[index].value("name", "") : "";
  std::size_t seen = 0;
  std::string by_order;
  std::string by_name;  // the first of that name (a duplicate name is also the index-th)
  bool order_named = false;
  for (std::size_t j = 0; j < list->size(); ++j) {
    const json& l = (*list)[j];
    if (!l.is_object()) continue;
    const bool is_input = l.value("class_name", json()) == "InputLayer";
    if (is_input != input) continue;
    const json& cfg = l.value("config", json::object());
    const json own = l.contains("name") ? l["name"]
                     : cfg.is_object()  ? cfg.value("name", json())
                                        : json();
    const std::string here = list_path + "/" + std::to_string(j);
    if (!name.empty() && own == name && by_name.empty()) by_name = here;
    if (seen++ == index) {
      by_order = here;
      order_named = !name.empty() && own == name;
    }
  }
  return by_name.empty() || order_named ? by_order : by_name;
}

}  // namespace

std::string existing_pointer(const json& root, const std::string& path) {
  std::string out;
  for (const std::string& s : segments(path)) {
    if (!pointer_exists(root, out + "/" + s)) break;
    out += "/" + s;
  }
  return out;
}

std::string keras_source_path(const json& request, const std::string& keras_path, const json& model,
                              const std::string& model_prefix, const std::string& error_path) {
  const bool under = error_path == model_prefix ||
                     error_path.compare(0, model_prefix.size() + 1, model_prefix + "/") == 0;
  if (!under) return existing_pointer(request, error_path);
  const std::vector<std::string> seg = segments(error_path.substr(model_prefix.size()));
  std::string target = keras_path + "/config";
  if (seg.size() >= 2 && (seg[0] == "layers" || seg[0] == "inputs") && index_of(seg[1]) >= 0) {
    const std::string layer = keras_layer_path(request, keras_path, model, seg[0] == "inputs",
                                               static_cast<std::size_t>(index_of(seg[1])));
    if (!layer.empty()) {
      target = layer + "/config";
      const std::string field = seg.size() > 2 ? seg[2] : "";
      if (field == "type") target = layer + "/class_name";
      if (field == "inputs") target = layer + "/inbound_nodes";
      if (field == "shape") target += "/batch_input_shape";
      if (field != "type" && field != "inputs" && field != "shape") {
        // nnplay option names are Keras's; a Bidirectional's inner layer is one level deeper.
        for (std::size_t k = 2; k < seg.size(); ++k) {
          target += "/" + seg[k];
          if (seg[k] == "layer") target += "/config";
        }
      }
    }
  } else if (!seg.empty() && seg[0] == "input_shape") {
    const std::string first = keras_layer_path(request, keras_path, model, true, 0);
    target = (first.empty() ? keras_layer_path(request, keras_path, model, false, 0) : first) +
             "/config/batch_input_shape";
  } else if (!seg.empty() && seg[0] == "name") {
    target += "/name";
  }
  return existing_pointer(request, target);
}

}  // namespace nn::bridge
