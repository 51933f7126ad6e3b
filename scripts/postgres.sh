#!/usr/bin/env bash
# A throwaway PostgreSQL cluster for tests, benchmarks and demos: initdb into a fresh folder, serve on
# 127.0.0.1 (and a unix socket in the folder) with trust authentication, a superuser role `encore`.
#
#   scripts/postgres.sh start <dir>          prints postgresql://encore@127.0.0.1:<port>/postgres
#   scripts/postgres.sh stop <dir>           pg_ctl stop -m fast; the folder stays (remove it yourself)
#   scripts/postgres.sh createdb <url> <db>  prints the new database's URL
#
# ENCORE_PG_FAST=1 turns fsync, synchronous_commit and full_page_writes off (tests only: benchmarks
# keep the default, durable settings). ENCORE_PG_BIN overrides the folder of initdb, pg_ctl and psql.
# initdb and postgres refuse to run as root: as root the cluster runs as the `postgres` system user.
set -euo pipefail

die() { printf 'postgres.sh: %s\n' "$*" >&2; exit 1; }
usage() { die "usage: $0 start <dir> | stop <dir> | createdb <url> <name>"; }

pg_bin() {
    if [ -n "${ENCORE_PG_BIN:-}" ]; then
        [ -x "$ENCORE_PG_BIN/initdb" ] || die "ENCORE_PG_BIN=$ENCORE_PG_BIN has no initdb"
        echo "$ENCORE_PG_BIN"
        return
    fi
    local found
    found=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
    [ -n "$found" ] && [ -x "$found/initdb" ] ||
        die "no PostgreSQL server under /usr/lib/postgresql/*/bin: scripts/setup.sh installs it (apt package postgresql)"
    echo "$found"
}

# Runs a command as the cluster's owner: the postgres system user when we are root, else ourselves.
as_owner() {
    if [ "$(id -u)" = 0 ]; then
        runuser -u postgres -- "$@"
    else
        "$@"
    fi
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()'
}

start() {
    local dir=$1 bin port attempt
    bin=$(pg_bin)
    mkdir -p "$dir"
    dir=$(cd "$dir" && pwd)
    [ -z "$(ls -A "$dir")" ] || die "$dir is not empty: start needs a fresh folder (e.g. mktemp -d)"
    if [ "$(id -u)" = 0 ]; then
        getent passwd postgres >/dev/null || die "as root, the cluster runs as the postgres system user: there is none"
        chown postgres: "$dir"
        runuser -u postgres -- test -w "$dir" ||
            die "the postgres user cannot reach $dir (a parent folder is closed to it): use a folder under /tmp"
    fi
    local log="$dir/postgres.log" init_output
    init_output=$(as_owner "$bin/initdb" -D "$dir" --username=encore --auth=trust --encoding=UTF8 --locale=C 2>&1) ||
        { printf '%s\n' "$init_output" >&2; die "initdb failed in $dir"; }
    printf '%s\n' "$init_output" | as_owner tee "$dir/initdb.log" >/dev/null

    # Settings in a file of their own, included by postgresql.conf; the port is chosen per attempt.
    as_owner sh -c "echo \"include_if_exists = 'encore.conf'\" >> '$dir/postgresql.conf'"
    local socket_dir=$dir
    if [ ${#dir} -gt 90 ]; then  # a unix socket path must fit in 107 bytes
        echo "postgres.sh: $dir is too long for a unix socket path; TCP only" >&2
        socket_dir=
    fi
    for attempt in 1 2 3 4 5; do
        port=$(free_port)
        {
            echo "port = $port"
            echo "listen_addresses = '127.0.0.1'"
            echo "unix_socket_directories = '$socket_dir'"
            # Two or three encore-servers with their pools (--db-connections, 32 each) and the tests' own;
            # serializable transactions of many seats each need room for their predicate locks.
            echo "max_connections = 400"
            echo "max_pred_locks_per_transaction = 256"
            if [ "${ENCORE_PG_FAST:-0}" = 1 ]; then
                echo "fsync = off"
                echo "synchronous_commit = off"
                echo "full_page_writes = off"
            fi
        } | as_owner tee "$dir/encore.conf" >/dev/null
        if as_owner "$bin/pg_ctl" start -D "$dir" -l "$log" -w -t 60 -s >/dev/null 2>&1; then
            echo "postgresql://encore@127.0.0.1:$port/postgres"
            return
        fi
        grep -q 'could not bind\|Address already in use' "$log" 2>/dev/null || break
        echo "postgres.sh: port $port was taken, trying another" >&2
    done
    tail -n 20 "$log" >&2 2>/dev/null || true
    die "the server did not start; its log is $log"
}

stop() {
    local dir=$1 bin
    bin=$(pg_bin)
    [ -f "$dir/PG_VERSION" ] || die "$dir is not a PostgreSQL data folder"
    as_owner "$bin/pg_ctl" stop -D "$dir" -m fast -w -s
}

createdb() {
    local url=$1 name=$2 bin
    bin=$(pg_bin)
    [[ $name =~ ^[a-z_][a-z0-9_]{0,62}$ ]] || die "database name \"$name\" must be lower-case letters, digits and _"
    [[ $url =~ ^(postgresql://[^/?]+)/[^/?]*(\?.*)?$ ]] || die "\"$url\" is not a postgresql://host:port/database URL"
    "$bin/psql" "$url" -X -q -v ON_ERROR_STOP=1 \
        -c "CREATE DATABASE $name TEMPLATE template0 ENCODING 'UTF8' LOCALE 'C'" >/dev/null
    echo "${BASH_REMATCH[1]}/$name${BASH_REMATCH[2]}"
}

case "${1:-}" in
    start) [ $# = 2 ] || usage; start "$2" ;;
    stop) [ $# = 2 ] || usage; stop "$2" ;;
    createdb) [ $# = 3 ] || usage; createdb "$2" "$3" ;;
    *) usage ;;
esac
