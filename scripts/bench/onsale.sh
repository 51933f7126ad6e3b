#!/usr/bin/env bash
# Builds (Release, -j2) and runs the on-sale benchmark against freshly started encore-servers: on SQLite
# (orders/s, p50/p99 latencies, the raw SQLite commit rate on the same disk and the ratio, the burst),
# then on a throwaway PostgreSQL cluster (durable settings) with one and with two servers, each compared
# with the SQLite figure of the same run. ENCORE_BENCH_SQLITE_ONLY=1 skips PostgreSQL.
# usage: scripts/bench/onsale.sh [BUILD_DIR] [bench_onsale flags...]   (default build/native)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$repo/build/native
if [ $# -gt 0 ] && [ "${1#--}" = "$1" ]; then build=$1; shift; fi
cmake -S "$repo" -B "$build" -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$build" -j"${ENCORE_JOBS:-2}" --target bench_onsale encore-server >/dev/null
echo "machine: $(nproc) cores, uptime: $(uptime)"
bench=("$build/scripts/bench/bench_onsale" --server "$build/server/encore-server")
out=$(mktemp)
"${bench[@]}" "$@" | tee "$out"
[ "${ENCORE_BENCH_SQLITE_ONLY:-0}" = 1 ] && { rm -f "$out"; exit 0; }

cluster=$(mktemp -d /tmp/encore-bench-postgres.XXXXXX)
trap 'bash "$repo/scripts/postgres.sh" stop "$cluster" >/dev/null 2>&1 || true; rm -rf "$cluster" "$out"' EXIT
admin_url=$(bash "$repo/scripts/postgres.sh" start "$cluster")
for servers in 1 2; do
  echo
  "${bench[@]}" --postgres "$admin_url" --servers "$servers" "$@" | tee -a "$out"
done
echo
# orders/s of each "result:" line against the SQLite one of this run
awk -F'; ' '/^result: / {
  split($1, head, ": "); name = head[2]; n = split(head[3], words, " "); rate = words[n] + 0
  if (name == "SQLite") sqlite = rate
  printf "%-26s %6.0f single-seat orders/s (%.2f of SQLite), %s, %s\n", name, rate, sqlite ? rate / sqlite : 0, $2, $3
}' "$out"
