#!/usr/bin/env bash
# The local stack's figures:
#   cold build   building collector-contrib, Prometheus and Jaeger from the Go module proxy into an empty cache
#                (only with --cold: it downloads about 4 GB of modules into a temporary cache)
#   ready        start of the stack to every component ready, binaries present (the run's "stack up" phase)
#   verdict      `./harness run` from command to verdict, binaries present, and the phases that bound it
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=3
cold=false
for arg in "$@"; do
  case "$arg" in
    --cold) cold=true ;;
    [0-9]*) runs="$arg" ;;
    *) echo "usage: bench/local-stack.sh [--cold] [RUNS]" >&2; exit 2 ;;
  esac
done

if $cold; then
  cache="$(mktemp -d)"
  trap 'rm -rf "$cache"' EXIT
  start=$(date +%s)
  HARNESS_CACHE="$cache" ./harness prepare >/dev/null
  echo "cold build (empty cache, all three components): $(( $(date +%s) - start )) s"
fi

./harness prepare >/dev/null   # binaries present from here on
ready=(); verdict=(); waits=()
for i in $(seq "$runs"); do
  report="$(mktemp -d)/report"
  start=$(date +%s%N)
  ./harness run --report "$report" >/dev/null || { echo "run $i failed; see $report/summary.md" >&2; exit 1; }
  end=$(date +%s%N)
  verdict+=("$(( (end - start) / 1000000 ))")
  ready+=("$(python3 -c 'import json,sys; print(next(int(p["seconds"]*1000) for p in json.load(open(sys.argv[1]))["phases"] if p["name"].startswith("stack up")))' "$report/summary.json")")
  waits+=("$(python3 -c 'import json,sys; print(", ".join("%s %.1f s" % (p["name"], p["seconds"]) for p in json.load(open(sys.argv[1]))["phases"] if p["seconds"] >= 1))' "$report/summary.json")")
done
median() { printf '%s\n' "$@" | sort -n | sed -n "$(( ($# + 1) / 2 ))p"; }
echo "start to all ready, $runs runs (ms): ${ready[*]}; median $(median "${ready[@]}") ms (target: under 15000 ms)"
echo "command to verdict, $runs runs (ms): ${verdict[*]}; median $(median "${verdict[@]}") ms (target: under 60000 ms)"
echo "what bounds it (phases of 1 s or more, last run): ${waits[-1]}"
echo "  'wait: primer counted' is the spanmetrics connector's flush interval (15 s at 0.94.0);"
echo "  'verify' waits for the next flush (the main wave) and for the tail sampler's decision_wait (10 s)."
