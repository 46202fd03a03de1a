#!/usr/bin/env bash
# Builds the WebAssembly module with Emscripten (installing it when missing) into build/wasm;
# the build copies nnplay.{mjs,wasm} into web/engine/ and docs/presets/*.json into web/presets/.
# Usage: scripts/build-wasm.sh [extra cmake configure arguments, e.g. -DNN_WERROR=ON]
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh

ensure_packages emscripten cmake ninja-build libeigen3-dev nlohmann-json3-dev
ensure_command node nodejs

emcmake cmake -S . -B build/wasm -G Ninja -DCMAKE_BUILD_TYPE=Release "$@" >/dev/null
cmake --build build/wasm -j "$(nproc 2>/dev/null || echo 2)"
echo "built web/engine/nnplay.mjs and web/engine/nnplay.wasm"
