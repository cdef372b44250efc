#!/usr/bin/env bash
# Wall time of `./harness lint` on the bundled manifests, JVM start included: median of N runs (default 7).
set -euo pipefail
cd "$(dirname "${BASH_SOURCE[0]}")/.."
runs="${1:-7}"
./harness lint >/dev/null   # builds the CLI if needed; not timed
times=()
for _ in $(seq "$runs"); do
  start=$(date +%s%N)
  ./harness lint >/dev/null
  end=$(date +%s%N)
  times+=("$(( (end - start) / 1000000 ))")
done
sorted=($(printf '%s\n' "${times[@]}" | sort -n))
median="${sorted[$(( runs / 2 ))]}"
echo "harness lint, bundled manifests, $runs runs (ms): ${times[*]}"
echo "median: ${median} ms (target: under 2000 ms)"
