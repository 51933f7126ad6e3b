#!/usr/bin/env bash
# Builds both halves of Encore from the one CMake tree: native (core, server, tests, benchmarks)
# into build/native and wasm (core, web client, core tests) into build/wasm.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
jobs=${ENCORE_JOBS:-2}
export NODE_PATH=${NODE_PATH:-/usr/share/nodejs}   # em++ -O2 links need acorn from here

echo "[build] native -> build/native"
cmake -S . -B build/native -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build/native -j"$jobs"

echo "[build] wasm -> build/wasm"   # -O3 like the native Release build, so speed comparisons are fair
emcmake cmake -S . -B build/wasm -DCMAKE_BUILD_TYPE=Release "-DCMAKE_CXX_FLAGS_RELEASE=-O3 -DNDEBUG" \
  "-DCMAKE_CROSSCOMPILING_EMULATOR=/usr/bin/node;--no-experimental-fetch" >/dev/null
cmake --build build/wasm -j"$jobs"
