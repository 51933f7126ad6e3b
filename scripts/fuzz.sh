#!/usr/bin/env bash
# Coverage-guided fuzzing of every parser that takes outside input (tests/fuzz: libFuzzer from clang 14,
# with AddressSanitizer and UBSan). Builds the targets into build/fuzz, then runs each for SECONDS
# (default 300) starting from its corpus in tests/fuzz/corpus/<target>; new inputs are kept in
# build/fuzz/corpus/<target>, crashes in build/fuzz/crashes/<target>. Exits non-zero if a target fails.
# usage: scripts/fuzz.sh [SECONDS] [TARGET...]     (scripts/test.sh runs it with a few seconds each)
# ENCORE_FUZZ_MERGE=1 then merges the new inputs that add coverage into tests/fuzz/corpus.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
seconds=${1:-300}
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(catalog basket order_request hold_request account_request json_depth http_request subscriber_csv)
build=$repo/build/fuzz

CC=clang-14 CXX=clang++-14 cmake -S "$repo/tests/fuzz" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo >/dev/null || exit 1
cmake --build "$build" -j"${ENCORE_JOBS:-2}" --target $(printf 'fuzz_%s ' "${targets[@]}") >/dev/null || {
  cmake --build "$build" -j1 --target $(printf 'fuzz_%s ' "${targets[@]}") 2>&1 | grep -E "error" -A5 | head -40; exit 1; }

failed=0
for target in "${targets[@]}"; do
  found=$build/corpus/$target crashes=$build/crashes/$target
  mkdir -p "$found" "$crashes"
  log=$build/$target.log
  start=$SECONDS
  ASAN_OPTIONS=detect_leaks=1:allocator_may_return_null=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/fuzz_$target" -max_total_time="$seconds" -timeout=10 -rss_limit_mb=2048 -max_len=65536 \
    -artifact_prefix="$crashes/" -print_final_stats=1 "$found" "$repo/tests/fuzz/corpus/$target" >"$log" 2>&1
  rc=$?
  runs=$(grep -o 'stat::number_of_executed_units: *[0-9]*' "$log" | grep -o '[0-9]*$')
  cov=$(grep -o 'cov: [0-9]*' "$log" | tail -1)
  if [ $rc -eq 0 ]; then
    echo "fuzz $target: ${runs:-?} runs in $((SECONDS - start)) s, $cov, no crash"
  else
    failed=$((failed + 1))
    echo "fuzz $target: FAILED (exit $rc); see $log and $crashes"
    grep -E "ERROR|SUMMARY|property failed|Test unit written" "$log" | head -8
  fi
  if [ "${ENCORE_FUZZ_MERGE:-0}" = 1 ] && [ $rc -eq 0 ]; then
    "$build/fuzz_$target" -merge=1 "$repo/tests/fuzz/corpus/$target" "$found" >/dev/null 2>&1
  fi
done
[ $failed -eq 0 ]
