#!/usr/bin/env bash
# Builds (Release, -j2) and runs the renewal campaign benchmark: 100,000 subscribers imported from CSV into a
# fresh encore-server's database, then the clock moved through renewal start, renewal end and the lock date,
# each step timed until the scheduler has run it, /api/health watched throughout. Also prints the core's
# own figures (bench_renewals: reading the CSV and the date transitions in memory).
# usage: scripts/bench/renewals.sh [BUILD_DIR] [--subscribers N]   (default build/native)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$repo/build/native
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then build=$1; shift; fi
cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"${ENCORE_JOBS:-2}" --target bench_campaign bench_renewals encore-server >/dev/null
echo "machine: $(nproc) cores, uptime: $(uptime)"
"$build/scripts/bench/bench_renewals"
"$build/scripts/bench/bench_campaign" --server "$build/server/encore-server" "$@"
