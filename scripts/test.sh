#!/usr/bin/env bash
# Every test Encore has: installs what is missing, builds native + wasm, then runs the core's tests
# natively and in wasm under node, the web client's logic natively (behind a fake HTTP client),
# the native-vs-wasm pricing parity check, the encore-price CLI tests,
# the server tests over loopback, the contention, negative-control and crash checks of the server
# (tests/load), the server tests and those checks again on a throwaway PostgreSQL cluster (two servers
# on one database), a short run of every fuzz target (scripts/fuzz.sh), and the browser tests in
# headless Chromium. Exits non-zero if any suite fails; the last line is the summary.
set -uo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
bash scripts/setup.sh || { echo "summary: 0 passed, 1 failed (setup)"; exit 1; }
bash scripts/build.sh || { echo "summary: 0 passed, 1 failed (build)"; exit 1; }

passed=0; failed=0; failures=()
suite() {
  local name=$1; shift
  echo; echo "=== $name ==="
  local start=$SECONDS
  if "$@"; then
    passed=$((passed + 1)); echo "=== $name: passed ($((SECONDS - start)) s)"
  else
    failed=$((failed + 1)); failures+=("$name"); echo "=== $name: FAILED ($((SECONDS - start)) s)"
  fi
}

suite "core (native)" build/native/tests/core/core_tests
suite "core (wasm under node)" node --no-experimental-fetch build/wasm/tests/core/core_tests.js
suite "web logic (native)" build/native/tests/web/web_logic_tests
suite "pricing parity (native vs wasm)" bash tests/parity/compare.sh build/native/tests/parity/pricing_parity \
  build/wasm/tests/parity/pricing_parity.js assets/demo/catalog.json 10000
suite "encore-price CLI" bash tests/cli/encore_price_test.sh build/native/tools/encore-price/encore-price "$repo"
suite "server (loopback)" build/native/tests/server/server_tests "~[postgres]"
suite "contention (200 clients, 50 seats)" build/native/tests/load/contention_check \
  --server build/native/server/encore-server --catalog tests/server/fixtures/contention_catalog.json
suite "negative control (unsafe build is caught)" bash tests/load/negative_control.sh build/native
suite "crash (kill -9 under load)" build/native/tests/load/crash_test --server build/native/server/encore-server
# PostgreSQL: one throwaway cluster (fsync off) for every suite below, stopped on exit.
pg_dir=$(mktemp -d /tmp/encore-test-pg-XXXXXX)
pg_url=$(ENCORE_PG_FAST=1 bash scripts/postgres.sh start "$pg_dir") || pg_url=
stop_cluster() {
  [ -f "$pg_dir/postmaster.pid" ] && bash scripts/postgres.sh stop "$pg_dir" >/dev/null 2>&1
  rm -rf "$pg_dir"
}
trap stop_cluster EXIT
need_cluster() { [ -n "$pg_url" ] || { echo "the throwaway PostgreSQL cluster did not start"; return 1; }; }
export -f need_cluster
export pg_url
suite "server (loopback, PostgreSQL)" bash -c 'need_cluster &&
  ENCORE_TEST_POSTGRES=$pg_url build/native/tests/server/server_tests "~[sqlite]"'
suite "contention (PostgreSQL, two servers)" bash -c 'need_cluster &&
  build/native/tests/load/contention_check --server build/native/server/encore-server \
    --catalog tests/server/fixtures/contention_catalog.json --postgres "$pg_url"'
suite "negative control (PostgreSQL)" bash -c 'need_cluster && bash tests/load/negative_control.sh build/native --postgres "$pg_url"'
suite "crash (PostgreSQL)" bash -c 'need_cluster &&
  build/native/tests/load/crash_test --server build/native/server/encore-server --postgres "$pg_url"'

suite "fuzz (8 parsers, libFuzzer + ASan/UBSan, 8 s each)" bash scripts/fuzz.sh 8
suite "browser (headless Chromium)" env ENCORE_SERVER="$repo/build/native/server/encore-server" \
  ENCORE_WEBROOT="$repo/build/wasm/webroot" ENCORE_CATALOG="$repo/assets/demo/catalog.json" \
  node --test tests/e2e/

echo
[ "$failed" -eq 0 ] || echo "failed suites: ${failures[*]}"
echo "summary: $passed passed, $failed failed"
[ "$failed" -eq 0 ]
