#!/usr/bin/env bash
# Builds the WebAssembly engine (scripts/build-wasm.sh) and the page's vendor bundle
# (scripts/build-web.sh), then serves the playground (web/) on http://127.0.0.1:$PORT/
# (default 8000), installing what is missing on a fresh Debian/Ubuntu machine.
# Usage: [PORT=8080] scripts/serve.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh

ensure_packages emscripten cmake ninja-build libeigen3-dev nlohmann-json3-dev python3
scripts/build-wasm.sh
scripts/build-web.sh

port=${PORT:-8000}
echo
echo "nnplay playground: http://127.0.0.1:${port}/   (Ctrl-C stops the server)"
exec python3 -m http.server --bind 127.0.0.1 --directory web "$port"
