#!/usr/bin/env bash
# The demo: installs what is missing, builds native + wasm, seeds var/encore.db with the demo season
# on first run and serves the API and the web client on http://127.0.0.1:8080.
# Override with ENCORE_PORT, ENCORE_DB, ENCORE_BIND, ENCORE_ADMIN (email:password of the demo's
# administrator), or pass extra encore-server flags.
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
bash scripts/setup.sh
bash scripts/build.sh
port=${ENCORE_PORT:-8080}
db=${ENCORE_DB:-var/encore.db}
bind=${ENCORE_BIND:-127.0.0.1}
admin=${ENCORE_ADMIN:-admin@encore.local:encore-demo-admin}
mkdir -p "$(dirname "$db")"
echo "[run] Encore demo: open http://$bind:$port/ (Ctrl-C to stop; database $db)"
exec build/native/server/encore-server --bind "$bind" --port "$port" --db "$db" \
  --web-root build/wasm/webroot --catalog assets/demo/catalog.json --demo-sales --admin "$admin" "$@"
