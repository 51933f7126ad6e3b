#!/usr/bin/env bash
# Builds (Release, -j2) and runs the on-sale benchmark against a freshly started encore-server; prints
# orders/s, p50/p99 latencies, the raw SQLite commit rate on the same disk and the ratio.
# usage: scripts/bench/onsale.sh [BUILD_DIR] [bench_onsale flags...]   (default build/native)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$repo/build/native
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then build=$1; shift; fi
cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"${ENCORE_JOBS:-2}" --target bench_onsale encore-server >/dev/null
echo "machine: $(nproc) cores, uptime: $(uptime)"
"$build/scripts/bench/bench_onsale" --server "$build/server/encore-server" "$@"
