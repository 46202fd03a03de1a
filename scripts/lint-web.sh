#!/usr/bin/env bash
# Checks the JavaScript side the way clang-format checks the C++ side:
#   1. Prettier (.prettierrc.json, .prettierignore): web/, tests/, bench/, scripts/ formatted
#   2. ESLint 9 (eslint.config.mjs): recommended rules, browser/worker/Node globals per folder
#   3. tsc --noEmit (tsconfig.json): the page's modules that start with `// @ts-check`
# Needs `npm ci` first (the tools come from package-lock.json). `npm run format` fixes 1 and
# most of 2.
# Usage: scripts/lint-web.sh
set -euo pipefail
cd "$(dirname "$0")/.."

bin=node_modules/.bin
for tool in prettier eslint tsc; do
  if [[ ! -x "$bin/$tool" ]]; then
    echo "error: $bin/$tool not found: run npm ci first" >&2
    exit 1
  fi
done

echo "prettier --check"
"$bin/prettier" --check --log-level warn web tests bench scripts eslint.config.mjs
echo "eslint"
"$bin/eslint" --max-warnings 0 web tests bench scripts eslint.config.mjs
echo "tsc --noEmit"
"$bin/tsc" --noEmit -p tsconfig.json
echo "web lint passed"
