#include <string>
#include <vector>

#include "engine/bridge/json/reader.hpp"

namespace nn::bridge {

namespace {

/// One open container while parsing: for arrays the index of the element being read, for
/// objects the key of the member being read.
struct Frame {
  bool array = false;
  std::size_t index = 0;
  std::string key;
};

/// The JSON Pointer of the value being read inside the open containers.
std::string pointer_of(const std::vector<Frame>& frames) {
  std::string path;
  for (const Frame& f : frames)
    path = f.array ? child_path(path, f.index) : child_path(path, f.key);
  return path;
}

/// A container or a scalar finished inside the innermost container: arrays move to the next index.
void advance(std::vector<Frame>& frames) {
  if (!frames.empty() && frames.back().array) ++frames.back().index;
}

}  // namespace

json parse_json(const std::string& text, std::size_t max_depth) {
  std::vector<Frame> frames;
  // Tracks the position through nlohmann's parser events and stops past max_depth, before the
  // deep value exists (nlohmann parses iteratively, but copies and dumps recurse).
  json::parser_callback_t track = [&](int /*depth*/, json::parse_event_t event, json& parsed) {
    switch (event) {
      case json::parse_event_t::object_start:
      case json::parse_event_t::array_start:
        if (frames.size() >= max_depth) {
          fail_at(pointer_of(frames), "nesting deeper than " + std::to_string(max_depth) +
                                          " arrays and objects is beyond the limit");
        }
        frames.push_back(Frame{event == json::parse_event_t::array_start, 0, {}});
        break;
      case json::parse_event_t::key:
        frames.back().key = parsed.get<std::string>();
        break;
      case json::parse_event_t::object_end:
      case json::parse_event_t::array_end:
        frames.pop_back();
        advance(frames);
        break;
      case json::parse_event_t::value:
        advance(frames);
        break;
    }
    return true;
  };
  try {
    return json::parse(text, track);
  } catch (const json::exception& e) {
    fail_at("", std::string("malformed JSON: ") + e.what());
  }
}

}  // namespace nn::bridge
