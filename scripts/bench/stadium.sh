#!/usr/bin/env bash
# The seat map benchmark: generates the synthetic 100,000-seat stadium (gen_stadium_catalog.py), builds
# encore-server and the web client if needed, and runs stadium.js on the stadium and on the 1,857-seat demo:
# first frame with seats after navigation (and where the time went), bytes on the wire, wasm CPU time per
# frame while panning and zooming at several zooms, hit-test times. A benchmark, not a test: it prints figures.
# usage: scripts/bench/stadium.sh [--no-build]   (ENCORE_BENCH_RUNS=5 cold loads per catalog)
set -euo pipefail
repo=$(cd "$(dirname "$0")/../.." && pwd)
cd "$repo"
if [ "${1:-}" != "--no-build" ]; then
  export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}
  cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
  cmake --build build/native -j"${ENCORE_JOBS:-2}" --target encore-server >/dev/null
  emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O3 -DNDEBUG" \
    "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" >/dev/null
  cmake --build build/wasm -j"${ENCORE_JOBS:-2}" --target encore_web >/dev/null
fi
[ -d tests/e2e/node_modules/playwright-core ] || (cd tests/e2e && npm install --no-audit --no-fund >/dev/null)
stadium=$(mktemp --suffix=.json)
trap 'rm -f "$stadium"' EXIT
python3 scripts/bench/gen_stadium_catalog.py --out "$stadium"
echo "machine: $(nproc) cores, $(uptime | sed 's/.*load/load/')"
ls -l build/wasm/webroot/encore.wasm build/wasm/webroot/encore.js | awk '{print "  " $9 ": " $5 " bytes"}'
node scripts/bench/stadium.js build/native/server/encore-server build/wasm/webroot \
  "stadium=$stadium" "demo=assets/demo/catalog.json"
