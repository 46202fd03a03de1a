/// The WebAssembly interface of nnplay: an embind binding of nn::bridge::Session and nothing
/// else (docs/schema/session.md). Every decision about requests, arrays and limits lives in
/// engine/bridge, where the native tests reach it; this file only converts JavaScript values.
///
/// JavaScript:
///   const nnplay = await createNnplay();
///   const session = new nnplay.Session();
///   session.handle('{"op": "summary"}');          // -> JSON answer text
///   session.setArray('x', new Float32Array(8));   // -> "" or an error message
///   session.getArray('x');                        // -> a fresh Float32Array copy
///   session.hasArray('x'); session.deleteArray('x');
///   session.delete();                             // frees the C++ object
#include <emscripten/bind.h>
#include <emscripten/val.h>

#include <string>
#include <vector>

#include "engine/bridge/session.hpp"

namespace {

using emscripten::val;
using nn::bridge::Session;

/// setArray(name, Float32Array): copies the typed array into a std::vector<float> with one
/// TypedArray.prototype.set call on a view of the vector's storage (no per-element calls).
/// Returns "" or an error message; the array is refused before any copy when too large.
std::string set_array(Session& session, const std::string& name, const val& array) {
  if (!array.instanceof (val::global("Float32Array"))) {
    return "setArray: '" + name + "' must be a Float32Array, got " +
           array.typeOf().as<std::string>();
  }
  const double length = array["length"].as<double>();
  if (length > static_cast<double>(nn::bridge::kMaxArrayFloats)) {
    return "array '" + name + "' has " + std::to_string(static_cast<long long>(length)) +
           " values, beyond the limit of " + std::to_string(nn::bridge::kMaxArrayFloats);
  }
  std::vector<float> values(static_cast<std::size_t>(length));
  // The view is made after the allocation, so it sees the current (possibly grown) memory.
  val(emscripten::typed_memory_view(values.size(), values.data())).call<void>("set", array);
  return session.set_array(name, std::move(values));
}

/// getArray(name): a fresh Float32Array holding a copy of the array (empty when absent), so
/// it stays valid when wasm memory grows and can be transferred to another thread.
val get_array(const Session& session, const std::string& name) {
  const std::vector<float>& values = session.get_array(name);
  val copy = val::global("Float32Array").new_(values.size());
  copy.call<void>("set", val(emscripten::typed_memory_view(values.size(), values.data())));
  return copy;
}

}  // namespace

EMSCRIPTEN_BINDINGS(nnplay) {
  emscripten::class_<Session>("Session")
      .constructor<>()
      .function("handle", &Session::handle)
      .function("setArray", &set_array)
      .function("getArray", &get_array)
      .function("hasArray", &Session::has_array)
      .function("deleteArray", &Session::delete_array);
}
