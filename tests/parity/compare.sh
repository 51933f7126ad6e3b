#!/usr/bin/env bash
# Differential parity test: prices the same random baskets with the native build and the wasm build
# (under node) and requires byte-identical output, with at least 20% of the baskets valid.
# usage: compare.sh <native pricing_parity> <wasm pricing_parity.js> <catalog.json> [count]
# env: PARITY_SEED (default 20270101); PARITY_PERTURB_WASM=N alters basket N in the wasm run only
#      (negative control: the comparison must then fail).
set -u
if [ $# -lt 3 ] || [ $# -gt 4 ]; then
  echo "usage: $0 <native pricing_parity> <wasm pricing_parity.js> <catalog.json> [count]" >&2
  exit 2
fi
native=$1 wasm=$2 catalog=$3 count=${4:-10000}
seed=${PARITY_SEED:-20270101}
for f in "$native" "$wasm" "$catalog"; do
  [ -f "$f" ] || { echo "parity: $f does not exist (build both trees first)" >&2; exit 2; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
perturb=()
[ -n "${PARITY_PERTURB_WASM:-}" ] && perturb=("--perturb=$PARITY_PERTURB_WASM")

native_summary=$("$native" "$catalog" "$count" "$seed" "$work/native.jsonl") \
  || { echo "parity: the native run failed" >&2; exit 1; }
wasm_summary=$(node --no-experimental-fetch "$wasm" "$catalog" "$count" "$seed" "$work/wasm.jsonl" "${perturb[@]}") \
  || { echo "parity: the wasm run failed" >&2; exit 1; }
echo "native: $native_summary"
echo "wasm:   $wasm_summary"

if ! difference=$(cmp "$work/native.jsonl" "$work/wasm.jsonl" 2>&1); then
  echo "parity: FAILED: $difference"
  line=$(sed -n 's/.*line \([0-9][0-9]*\).*/\1/p' <<<"$difference")
  if [ -n "$line" ]; then
    echo "first differing basket: $((line - 1)) (seed $seed)"
    echo "native: $(sed -n "${line}p" "$work/native.jsonl" | cut -c1-4000)"
    echo "wasm:   $(sed -n "${line}p" "$work/wasm.jsonl" | cut -c1-4000)"
  fi
  exit 1
fi

valid=$(sed -n 's/.*valid=\([0-9][0-9]*\).*/\1/p' <<<"$native_summary")
if [ -z "$valid" ] || [ $((valid * 5)) -lt "$count" ]; then
  echo "parity: FAILED: only ${valid:-?} of $count baskets were valid (at least 20% are needed for a meaningful comparison)"
  exit 1
fi
echo "parity: $count baskets identical"
