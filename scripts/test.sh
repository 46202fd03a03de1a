#!/usr/bin/env bash
# Runs every nnplay test on a fresh Debian/Ubuntu machine, installing what is missing:
#   1. formatting check (clang-format, .clang-format at the root); fixtures regenerate exactly
#   2. release build with warnings as errors, then ctest
#   3. the core library built for WebAssembly with emcmake (Emscripten), warnings as errors
#   4. AddressSanitizer + UndefinedBehaviorSanitizer build, then ctest
#   5. libFuzzer on the Session's JSON entry point for 60 s (clang-14, ASan + UBSan; scripts/fuzz.sh)
# Usage: scripts/test.sh [--quick]   (--quick skips the wasm, sanitizer and fuzzing steps)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh

quick=0
[[ "${1:-}" == "--quick" ]] && quick=1

ensure_packages cmake ninja-build g++ libeigen3-dev nlohmann-json3-dev catch2 clang-format

jobs=$(nproc 2>/dev/null || echo 2)

step() { printf '\n== %s\n' "$*"; }

step "format check (clang-format)"
mapfile -t sources < <(git ls-files '*.cpp' '*.hpp' 2>/dev/null || find engine tests bench wasm -name '*.[ch]pp')
clang-format --dry-run --Werror "${sources[@]}"
echo "${#sources[@]} files formatted"

run_suite() {  # run_suite NAME CMAKE-ARGS...
  local name=$1; shift
  local dir="build/$name"
  step "$name: configure + build"
  cmake -S . -B "$dir" -G Ninja -DNN_WERROR=ON "$@" >/dev/null
  cmake --build "$dir" -j "$jobs"
  step "$name: ctest"
  (cd "$dir" && ctest --no-tests=error -j "$jobs" --output-on-failure)
}

# Reference fixtures: re-run every generator (TF.js Layers from the npm lock file) and require
# byte-identical output, so each fixture provably comes from the script beside it.
if command -v node >/dev/null && command -v npm >/dev/null; then
  step "fixtures: regenerate from their scripts (TF.js) and compare"
  npm ci --prefer-offline --no-audit --no-fund --loglevel=error
  npm run --silent fixtures
  if git rev-parse --git-dir >/dev/null 2>&1; then
    git diff --exit-code --stat -- tests/fixtures
  fi
  echo "fixtures reproduce exactly"
else
  step "fixtures: node/npm not found, regeneration check skipped (committed fixtures are used)"
fi

run_suite release -DCMAKE_BUILD_TYPE=Release
if [[ $quick -eq 0 ]]; then
  # The same core must build for WebAssembly (wasm32: 32-bit size_t catches narrowing).
  ensure_packages emscripten
  step "wasm32: emcmake build of the core library"
  emcmake cmake -S . -B build/wasm-core -G Ninja -DNN_WERROR=ON \
    -DCMAKE_CXX_FLAGS="-fexceptions -msimd128" >/dev/null
  cmake --build build/wasm-core -j "$jobs"
  run_suite asan -DCMAKE_BUILD_TYPE=Debug -DNN_SANITIZE=ON -DNN_BUILD_BENCH=OFF
  # No crash, hang, leak or invalid answer from any byte string (tests/fuzz, corpus kept).
  step "fuzz: Session::handle for 60 s (libFuzzer, ASan + UBSan)"
  scripts/fuzz.sh 60
fi
step "all tests passed"
