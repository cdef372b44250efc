#!/usr/bin/env bash
# The version matrix's figures: per cell its time (lint, run as written, advice, advised run: "seconds" in matrix.json)
# and the build time of the programs the cells need, cold and cached.
#   bench/matrix.sh [--cold] [CELL...]     default cells: every built-in one (pinned, one per component bumped, current)
#   --cold   first builds today's releases into an empty temporary cache (about 20-40 minutes on 2 cores; downloads
#            several GB of modules), then the same again with the binaries cached
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
cold=false
cells=()
for arg in "$@"; do
  case "$arg" in
    --cold) cold=true ;;
    -*) echo "usage: bench/matrix.sh [--cold] [CELL...]" >&2; exit 2 ;;
    *) cells+=("$arg") ;;
  esac
done
[ ${#cells[@]} -gt 0 ] || cells=(pinned collector-0.161.0 jaeger-2.13.0 prometheus-3.16.0 current)

build() {  # prints "built ... in N s" per component the cache lacks, and the wall time of the whole step
  local label="$1"; shift
  local start; start=$(date +%s%N)
  "$@" ./harness prepare --current --no-kube | grep -E '^built ' || true
  echo "build, ${label}: $(( ($(date +%s%N) - start) / 1000000 )) ms wall (tutorial versions and today's releases)"
}

./harness --version >/dev/null   # builds the CLI if needed; not timed
if $cold; then
  cache="$(mktemp -d)"
  trap 'chmod -R u+w "$cache" 2>/dev/null; rm -rf "$cache"' EXIT
  build "cold (empty cache)" env HARNESS_CACHE="$cache"
fi
build "cached" env

report="$(mktemp -d)"
for cell in "${cells[@]}"; do
  start=$(date +%s)
  ./harness matrix --cell "$cell" --report "$report/$cell" >"$report/$cell.log" 2>&1 || true
  wall=$(( $(date +%s) - start ))
  line=$(sed -n 's/^\(.*lint .* run .* advised run .*\)$/\1/p' "$report/$cell.log" | tail -n 1)
  seconds=$(sed -n 's/.*"seconds" : \([0-9.]*\).*/\1/p' "$report/$cell/matrix.json" | tail -n 1)
  echo "cell $cell: ${seconds:-?} s in the cell, ${wall} s wall (JVM and CLI start included): ${line}"
done
./harness matrix --merge "${cells[@]/#/$report/}" --report "$report/merged" >/dev/null || true
echo "merged report: $report/merged/matrix.md"
