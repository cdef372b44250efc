#!/usr/bin/env bash
# Wall time of `./harness lint`, JVM start included: median of N runs (default 7) on the bundled manifests, and of
# `./harness lint --tutorial DIR` on a tutorial checkout (default: the project's small fixture repository).
# Usage: bench/lint.sh [RUNS] [TUTORIAL_DIR]
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-7}"
tutorial="${2:-harness-core/src/test/resources/tutorial-repo}"

median() {
  local label="$1"
  shift
  "$@" >/dev/null 2>&1 || true   # builds the CLI and its class-data-sharing archive if needed; not timed
  local times=()
  for _ in $(seq "$runs"); do
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1 || true   # lint exits 1 on error findings; the time is what counts here
    end=$(date +%s%N)
    times+=("$(( (end - start) / 1000000 ))")
  done
  local sorted
  sorted=($(printf '%s\n' "${times[@]}" | sort -n))
  echo "$label, $runs runs (ms): ${times[*]}"
  echo "  median: ${sorted[$(( runs / 2 ))]} ms (target: under 1000 ms)"
}

median "harness lint, bundled manifests" ./harness lint
median "harness lint --tutorial $tutorial" ./harness lint --tutorial "$tutorial"
