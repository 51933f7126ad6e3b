#!/usr/bin/env bash
# Installs everything Encore needs on a fresh Debian 12 machine (run as root). Idempotent and quick
# when everything is already there: apt packages (clang-14 and libclang-rt-14-dev bring libFuzzer for
# tests/fuzz; postgresql and libpq-dev the PostgreSQL backend, whose clusters scripts/postgres.sh makes),
# Dear ImGui's sources, the browser tests' npm packages.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
say() { printf '[setup] %s\n' "$*"; }

packages=(build-essential cmake pkg-config git python3 emscripten nodejs npm
  libcpp-httplib-dev nlohmann-json3-dev catch2 libsqlite3-dev sqlite3 libsodium-dev zlib1g-dev libbrotli-dev
  clang-14 libclang-rt-14-dev postgresql libpq-dev
  chromium fonts-liberation dpkg-dev xz-utils)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q 'install ok installed' || missing+=("$p")
done
# nodejs may come from another source on some machines; only insist on the commands.
if command -v node >/dev/null && command -v npm >/dev/null; then
  missing=("${missing[@]/nodejs}"); missing=("${missing[@]/npm}")
fi
missing=($(printf '%s\n' "${missing[@]}" | grep -v '^$' || true))
if [ ${#missing[@]} -gt 0 ]; then
  [ "$(id -u)" = 0 ] || { echo "setup: need root to install: ${missing[*]}" >&2; exit 1; }
  say "installing apt packages: ${missing[*]}"
  # Debian's postgresql would make and start a system cluster on port 5432; tests make their own.
  if [[ " ${missing[*]} " == *" postgresql "* ]] && [ ! -e /etc/postgresql ]; then
    mkdir -p /etc/postgresql-common/createcluster.d
    echo 'create_main_cluster = false' > /etc/postgresql-common/createcluster.d/encore.conf
  fi
  apt-get update -q
  DEBIAN_FRONTEND=noninteractive apt-get install -y -q "${missing[@]}"
else
  say "apt packages: all present"
fi

imgui_dir="$repo/.deps/imgui"
if [ ! -f "$imgui_dir/imgui.cpp" ] || [ ! -f "$imgui_dir/backends/imgui_impl_glfw.cpp" ]; then
  say "fetching Dear ImGui sources with apt-get source imgui"
  src_list=/etc/apt/sources.list.d/debian-src.sources
  if [ ! -f "$src_list" ] && ! grep -rqs '^Types:.*deb-src\|^deb-src' /etc/apt/sources.list /etc/apt/sources.list.d/; then
    [ "$(id -u)" = 0 ] || { echo "setup: need root to add a deb-src entry" >&2; exit 1; }
    if [ -f /etc/apt/sources.list.d/debian.sources ]; then
      sed 's/^Types: deb$/Types: deb-src/' /etc/apt/sources.list.d/debian.sources > "$src_list"
    else
      grep -h '^deb ' /etc/apt/sources.list | sed 's/^deb /deb-src /' > /etc/apt/sources.list.d/debian-src.list
    fi
    apt-get update -q
  fi
  tmp=$(mktemp -d)
  (cd "$tmp" && apt-get source -q imgui >/dev/null 2>&1) || { apt-get update -q && (cd "$tmp" && apt-get source -q imgui); }
  rm -rf "$imgui_dir" && mkdir -p "$repo/.deps"
  mv "$tmp"/imgui-*/ "$imgui_dir"
  rm -rf "$tmp"
else
  say "Dear ImGui sources: present in .deps/imgui"
fi

e2e="$repo/tests/e2e"
if [ ! -d "$e2e/node_modules/playwright-core" ] || [ "$e2e/package-lock.json" -nt "$e2e/node_modules/.package-lock.json" ]; then
  say "installing browser-test npm packages (npm ci)"
  (cd "$e2e" && npm ci --no-audit --no-fund --loglevel=error)
else
  say "npm packages: present"
fi
say "done"
