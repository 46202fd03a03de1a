/// nnplay_session_cli SCRIPT.json: runs a script of Session steps natively and prints one JSON
/// line per step, so tests/wasm/native-agreement.test.mjs can run the same script through the
/// wasm Session and compare. Test-only: arrays are printed as JSON number lists.
///
/// A script is a JSON array of steps:
///   {"request": {...}}                      -> the answer of Session::handle
///   {"set_array": "x", "values": [1, 2]}    -> {"set_array": "x", "error": ""}
///   {"get_array": "x"}                      -> {"get_array": "x", "values": [...]}
#include <fstream>
#include <iostream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "engine/bridge/session.hpp"

namespace {

using nlohmann::json;

std::string dump(const json& value) {
  return value.dump(-1, ' ', false, json::error_handler_t::replace);
}

/// Runs one step against `session` and returns its output line.
std::string run_step(nn::bridge::Session& session, const json& step) {
  if (step.contains("request")) return session.handle(dump(step.at("request")));
  if (step.contains("set_array")) {
    const std::string name = step.at("set_array").get<std::string>();
    std::vector<float> values = step.at("values").get<std::vector<float>>();
    return dump({{"set_array", name}, {"error", session.set_array(name, std::move(values))}});
  }
  if (step.contains("get_array")) {
    const std::string name = step.at("get_array").get<std::string>();
    return dump({{"get_array", name}, {"values", session.get_array(name)}});
  }
  throw std::runtime_error("unknown step " + dump(step));
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::cerr << "usage: nnplay_session_cli SCRIPT.json\n";
    return 2;
  }
  try {
    std::ifstream file(argv[1]);
    if (!file) throw std::runtime_error(std::string("cannot read ") + argv[1]);
    std::stringstream text;
    text << file.rdbuf();
    const json script = json::parse(text.str());
    nn::bridge::Session session;
    for (const json& step : script) std::cout << run_step(session, step) << '\n';
  } catch (const std::exception& e) {
    std::cerr << "nnplay_session_cli: " << e.what() << '\n';
    return 1;
  }
  return 0;
}
