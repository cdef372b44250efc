#!/usr/bin/env bash
# The kube stack's figures (root on Linux):
#   cold build   Kubernetes v1.29.15 and CoreDNS from the Go module proxy into an empty cache (only with --cold: it
#                downloads about 2 GB of modules and takes 11+ minutes on 2 cores)
#   node ready   cluster start to Node Ready, binaries built (from the run's notes: "kube: start ... Node Ready +N s")
#   verdict      `./harness run --stack kube` from command to verdict
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs=3
cold=false
for arg in "$@"; do
  case "$arg" in
    --cold) cold=true ;;
    [0-9]*) runs="$arg" ;;
    *) echo "usage: bench/kube-stack.sh [--cold] [RUNS]" >&2; exit 2 ;;
  esac
done

if $cold; then
  cache="$(mktemp -d)"
  trap 'rm -rf "$cache"' EXIT
  start=$(date +%s)
  HARNESS_CACHE="$cache" ./harness prepare >/dev/null
  echo "cold build (local components, Kubernetes, CoreDNS): $(( $(date +%s) - start )) s"
fi

./harness prepare >/dev/null   # builds what is missing; not timed
for i in $(seq "$runs"); do
  report="$(mktemp -d)"
  start=$(date +%s%N)
  set +e
  ./harness run --stack kube --report "$report" >"$report/console.log" 2>&1
  code=$?
  set -e
  end=$(date +%s%N)
  ready="$(grep -o 'Node Ready +[0-9.]* s' "$report/summary.json" | head -1 | grep -o '[0-9.]*' || echo '?')"
  echo "run $i: exit $code, start to Node Ready ${ready} s (target under 15 s), command to verdict $(( (end - start) / 1000000 )) ms (target under 90 s); report $report"
done
