#!/usr/bin/env bash
# Builds the libFuzzer target on the Session's JSON entry point (clang-14, ASan + UBSan) in
# build/fuzz and fuzzes it for a while, starting from the committed corpus tests/fuzz/corpus.
# The fuzzer works on a COPY of the corpus (build/fuzz/corpus-run), so the tree stays clean.
# Exits non-zero on any crash, sanitizer report, invalid answer, timeout, leak or OOM; the
# failing input is left in build/fuzz/artifacts/.
# Usage: scripts/fuzz.sh [seconds] [--merge]
#   seconds  fuzzing time (default 60)
#   --merge  afterwards, add the inputs that reach new code to tests/fuzz/corpus (libFuzzer
#            -merge=1); commit them to keep the corpus (e.g. scripts/fuzz.sh 600 --merge)
set -euo pipefail
cd "$(dirname "$0")/.."
source scripts/lib/packages.sh

seconds=60
merge=0
for arg in "$@"; do
  case "$arg" in
    --merge) merge=1 ;;
    *[!0-9]* | '') echo "usage: scripts/fuzz.sh [seconds] [--merge]" >&2; exit 2 ;;
    *) seconds=$arg ;;
  esac
done

ensure_packages cmake ninja-build clang-14 libclang-rt-14-dev libeigen3-dev nlohmann-json3-dev

jobs=$(nproc 2>/dev/null || echo 2)
dir=build/fuzz
CC=clang-14 CXX=clang++-14 cmake -S . -B "$dir" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DNN_FUZZ=ON -DNN_BUILD_TESTS=OFF -DNN_BUILD_BENCH=OFF >/dev/null
cmake --build "$dir" -j "$jobs" --target fuzz_session

run="$dir/corpus-run"
artifacts="$dir/artifacts"
rm -rf "$run"
mkdir -p "$run" "$artifacts"
find tests/fuzz/corpus -type f ! -name README.md -exec cp {} "$run"/ \;

echo "fuzzing the Session for ${seconds}s (corpus: $(ls "$run" | wc -l) inputs)"
# Leaks are findings too; halt_on_error makes UBSan reports fatal in every build.
export ASAN_OPTIONS=detect_leaks=1:abort_on_error=1:symbolize=1
export UBSAN_OPTIONS=halt_on_error=1:print_stacktrace=1
"$dir/tests/fuzz/fuzz_session" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 \
  -max_len=65536 -dict=tests/fuzz/session.dict -artifact_prefix="$artifacts/" \
  -print_final_stats=1 "$run"

if [[ $merge -eq 1 ]]; then
  before=$(find tests/fuzz/corpus -type f | wc -l)
  "$dir/tests/fuzz/fuzz_session" -merge=1 -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -artifact_prefix="$artifacts/" tests/fuzz/corpus "$run"
  echo "corpus: $before -> $(find tests/fuzz/corpus -type f | wc -l) inputs (review and commit tests/fuzz/corpus)"
fi
echo "fuzzing: no crash, hang, leak or invalid answer in ${seconds}s"
