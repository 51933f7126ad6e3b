#!/usr/bin/env bash
# Runs the pricing benchmark natively and in wasm under node (builds nothing) and prints both
# figures and the ratio wasm/native. Targets: under 1000 us per basket in wasm, wasm/native under 2.
# usage: scripts/bench/pricing.sh [native bench_pricing] [wasm bench_pricing.js]
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
native=${1:-$repo/build/native/scripts/bench/bench_pricing}
wasm=${2:-$repo/build/wasm/scripts/bench/bench_pricing.js}
for f in "$native" "$wasm"; do
  [ -f "$f" ] || { echo "pricing.sh: $f does not exist (run scripts/build.sh first)" >&2; exit 2; }
done

us_of() { sed -n 's/^pricing: .*, \([0-9.]*\) us per basket.*/\1/p' <<<"$1"; }
echo "== native: $native"
native_out=$("$native"); echo "$native_out"
echo "== wasm: $wasm"
wasm_out=$(node --no-experimental-fetch "$wasm"); echo "$wasm_out"
native_us=$(us_of "$native_out") wasm_us=$(us_of "$wasm_out")
[ -n "$native_us" ] && [ -n "$wasm_us" ] || { echo "pricing.sh: no figure in the output" >&2; exit 1; }
awk -v n="$native_us" -v w="$wasm_us" 'BEGIN {
  r = w / n
  printf "native: %.1f us per basket\nwasm:   %.1f us per basket\nratio wasm/native: %.2f\n", n, w, r
  printf "targets: wasm < 1000 us %s, ratio < 2 %s\n", (w < 1000 ? "met" : "MISSED"), (r < 2 ? "met" : "MISSED")
}'
