#!/usr/bin/env bash
# Negative control: the contention check must FAIL against encore-server-unsafe (built with the test-only
# ENCORE_UNSAFE_SEAT_CLAIMS, which drops seat_states' primary key) by finding a double sale; otherwise
# the check could not catch one. Turns the option on in BUILD_DIR and builds only the unsafe server.
# With --postgres ADMIN_URL the check runs two unsafe servers on a fresh PostgreSQL database instead.
# usage: tests/load/negative_control.sh [BUILD_DIR] [--postgres ADMIN_URL]   (default build/native)
set -uo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
build=$repo/build/native
backend=()
while [ $# -gt 0 ]; do
  case $1 in
    --postgres) [ $# -ge 2 ] || { echo "negative control: --postgres needs an admin URL"; exit 1; }
                backend=(--postgres "$2"); shift 2 ;;
    *) build=$1; shift ;;
  esac
done
jobs=${ENCORE_JOBS:-2}
cmake -S "$repo" -B "$build" -DENCORE_UNSAFE_SEAT_CLAIMS=ON >/dev/null || { echo "negative control: configure failed"; exit 1; }
cmake --build "$build" -j"$jobs" --target encore-server-unsafe contention_check >/dev/null \
  || { echo "negative control: building encore-server-unsafe failed"; exit 1; }

out=$("$build/tests/load/contention_check" --server "$build/tests/load/encore-server-unsafe" \
  --catalog "$repo/tests/server/fixtures/contention_catalog.json" --clients 200 "${backend[@]}" 2>&1)
code=$?
echo "$out"
if [ "$code" -eq 1 ] && grep -q "double sale" <<<"$out"; then
  echo "negative control: the contention check caught the unsafe server's double sales, as it must"
  exit 0
fi
echo "negative control: FAILED - the contention check exited $code against the unsafe server without reporting a double sale"
exit 1
