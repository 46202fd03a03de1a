#include <algorithm>
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

/// "line L, column C (byte B)" of the 1-based byte offset nlohmann reports (0 = unknown).
std::string position_of(const std::string& text, std::size_t byte) {
  if (byte == 0) return "the start";
  const std::size_t end = std::min(byte - 1, text.size());
  std::size_t line = 1;
  std::size_t column = 1;
  for (std::size_t i = 0; i < end; ++i) {
    if (text[i] == '\n') {
      ++line;
      column = 1;
    } else {
      ++column;
    }
  }
  return "line " + std::to_string(line) + ", column " + std::to_string(column) + " (byte " +
         std::to_string(byte) + ")";
}

/// What nlohmann's parse_error says went wrong, without its "[json.exception...]" tag, its own
/// position and the echo of the text ("last read: '...'"): e.g. "unexpected end of input;
/// expected '[', '{', or a literal".
std::string parse_reason(const std::string& what) {
  std::string reason = what;
  const std::size_t colon = reason.find(": ");  // after "... parse error at line 1, column 2"
  if (colon != std::string::npos) reason = reason.substr(colon + 2);
  const std::size_t dash = reason.find(" - ");  // after "syntax error while parsing value"
  if (dash != std::string::npos) reason = reason.substr(dash + 3);
  const std::size_t echo = reason.find("; last read:");
  if (echo != std::string::npos) reason = reason.substr(0, echo);
  return excerpt(reason, 100);
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
  } catch (const json::parse_error& e) {
    fail_at("", "malformed JSON at " + position_of(text, e.byte) + ": " + parse_reason(e.what()));
  } catch (const json::out_of_range&) {
    fail_at("", "malformed JSON: a number is too large to represent (beyond about 1.8e308)");
  } catch (const json::exception&) {
    fail_at("", "malformed JSON: the text cannot be read as JSON");
  }
}

}  // namespace nn::bridge
