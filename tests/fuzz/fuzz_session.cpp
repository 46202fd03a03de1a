/// libFuzzer target on the Session's JSON entry point (docs/schema/session.md).
///
/// Each input is run against a fresh Session twice over:
///   1. the whole input as one request;
///   2. the input split on "\n---\n" into at most kMaxSteps pieces, run in order against one
///      session, so a build request can be followed by set_data / train / predict requests.
///      A piece "@name n" stores an array of n floats (n <= 4096) instead of a request, so the
///      fuzzer can shape the data that later requests name.
/// After every call the answer must parse as JSON, be an object with a boolean "ok", and, when
/// "ok" is false, carry "error" with string "path" and "message". Anything else aborts: that is
/// how a fuzzer reports a finding. A thrown exception, a sanitizer report or a hang is one too.
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "engine/bridge/session.hpp"

namespace {

using nlohmann::json;

constexpr std::size_t kMaxSteps = 8;
constexpr std::size_t kMaxFuzzArray = 4096;
const std::string kSeparator = "\n---\n";

/// Prints why the answer is invalid, with the request and the answer, then aborts.
[[noreturn]] void reject(const std::string& why, const std::string& request,
                         const std::string& answer) {
  std::fprintf(stderr, "fuzz_session: %s\nrequest: %.2000s\nanswer: %.2000s\n", why.c_str(),
               request.c_str(), answer.c_str());
  std::abort();
}

/// Checks the answer contract of Session::handle.
void check_answer(const std::string& request, const std::string& answer) {
  json parsed;
  try {
    parsed = json::parse(answer);
  } catch (const json::exception& e) {
    reject(std::string("answer is not valid JSON: ") + e.what(), request, answer);
  }
  if (!parsed.is_object()) reject("answer is not an object", request, answer);
  auto ok = parsed.find("ok");
  if (ok == parsed.end() || !ok->is_boolean()) reject("answer lacks a boolean ok", request, answer);
  if (ok->get<bool>()) return;
  auto error = parsed.find("error");
  if (error == parsed.end() || !error->is_object()) {
    reject("failed answer lacks an error object", request, answer);
  }
  auto path = error->find("path");
  auto message = error->find("message");
  if (path == error->end() || !path->is_string())
    reject("error lacks a string path", request, answer);
  if (message == error->end() || !message->is_string() ||
      message->get_ref<const std::string&>().empty()) {
    reject("error lacks a non-empty string message", request, answer);
  }
}

/// A few arrays every session starts with, named as the corpus requests name them.
void seed_arrays(nn::bridge::Session& session) {
  std::vector<float> x(64), y(32);
  for (std::size_t i = 0; i < x.size(); ++i) x[i] = static_cast<float>(i % 7) * 0.25f - 0.75f;
  for (std::size_t i = 0; i < y.size(); ++i) y[i] = static_cast<float>(i % 2);
  (void)session.set_array("x", x);
  (void)session.set_array("y", y);
}

/// "@name n": stores n floats under name; returns false when the piece is not of that form.
bool run_array_piece(nn::bridge::Session& session, const std::string& piece) {
  if (piece.size() < 2 || piece[0] != '@') return false;
  const std::size_t space = piece.find(' ');
  if (space == std::string::npos) return false;
  const std::string name = piece.substr(1, space - 1);
  const unsigned long n = std::strtoul(piece.c_str() + space + 1, nullptr, 10);
  std::vector<float> values(n > kMaxFuzzArray ? kMaxFuzzArray : n);
  for (std::size_t i = 0; i < values.size(); ++i) {
    values[i] = static_cast<float>(i % 11) * 0.1f - 0.5f;
  }
  (void)session.set_array(name, std::move(values));
  return true;
}

/// Runs one request and checks its answer.
void run_request(nn::bridge::Session& session, const std::string& request) {
  check_answer(request, session.handle(request));
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const std::string input(reinterpret_cast<const char*>(data), size);

  // 1. The whole input as one request.
  {
    nn::bridge::Session session;
    seed_arrays(session);
    run_request(session, input);
  }

  // 2. A short sequence of requests against one session.
  if (input.find(kSeparator) == std::string::npos) return 0;
  nn::bridge::Session session;
  seed_arrays(session);
  std::size_t start = 0;
  for (std::size_t step = 0; step < kMaxSteps && start <= input.size(); ++step) {
    std::size_t end = input.find(kSeparator, start);
    if (end == std::string::npos) end = input.size();
    const std::string piece = input.substr(start, end - start);
    if (!run_array_piece(session, piece)) run_request(session, piece);
    start = end + kSeparator.size();
  }
  return 0;
}
