#!/usr/bin/env bash
# Two encore-server processes on one throwaway PostgreSQL cluster: the demo season served on
# http://127.0.0.1:8080 and http://127.0.0.1:8081, both selling the same seats (put a proxy in front for
# one address: README, "Two servers behind one address"). Ctrl-C stops both servers and the cluster.
# Override with ENCORE_PORT (first port; the second is the next one), ENCORE_BIND, ENCORE_ADMIN, or pass
# extra encore-server flags (given to both).
set -euo pipefail
repo=$(cd "$(dirname "$0")/.." && pwd)
cd "$repo"
bash scripts/setup.sh
bash scripts/build.sh
port=${ENCORE_PORT:-8080}
bind=${ENCORE_BIND:-127.0.0.1}
admin=${ENCORE_ADMIN:-admin@encore.local:encore-demo-admin}
cluster=$(mktemp -d /tmp/encore-postgres.XXXXXX)
pids=()
cleanup() {
  for pid in "${pids[@]}"; do kill "$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
  bash scripts/postgres.sh stop "$cluster" >/dev/null 2>&1 || true
  rm -rf "$cluster"
}
trap cleanup EXIT INT TERM
admin_url=$(bash scripts/postgres.sh start "$cluster")
db=$(bash scripts/postgres.sh createdb "$admin_url" encore)
echo "[run-two-servers] PostgreSQL: $db (cluster in $cluster, removed on exit)"
server=build/native/server/encore-server
common=(--bind "$bind" --db "$db" --web-root build/wasm/webroot --admin "$admin")
# The first server imports the catalog and seeds the demo; the second starts once it listens.
"$server" "${common[@]}" --port "$port" --catalog assets/demo/catalog.json --demo-sales "$@" &
pids+=($!)
for _ in $(seq 1 300); do
  (exec 3<>"/dev/tcp/$bind/$port") 2>/dev/null && break  # it listens once the catalog and the demo are in
  sleep 0.2
done
"$server" "${common[@]}" --port "$((port + 1))" "$@" &
pids+=($!)
echo "[run-two-servers] Encore demo on two servers: http://$bind:$port/ and http://$bind:$((port + 1))/ (Ctrl-C to stop)"
wait -n "${pids[@]}"
