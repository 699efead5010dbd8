#!/usr/bin/env bash
# Redis for the distributed-mode tests and for `vnnews crawl --redis`.
#   scripts/redis.sh install       install redis-server with apt-get when it is missing
#   scripts/redis.sh start [PORT]  start redis-server on 127.0.0.1 (a free port by default),
#                                  in the background; prints redis://127.0.0.1:PORT
#   scripts/redis.sh stop PORT     stop the server started on PORT
set -euo pipefail

find_server() {
    command -v redis-server 2>/dev/null || { test -x /usr/bin/redis-server && echo /usr/bin/redis-server; } || true
}

install() {
    if [ -n "$(find_server)" ]; then
        return 0
    fi
    echo "redis-server is missing: installing it with apt-get" >&2
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    elif command -v sudo >/dev/null 2>&1; then
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq redis-server >/dev/null
    else
        echo "cannot install redis-server: run 'apt-get install redis-server' as root" >&2
        exit 1
    fi
    # Debian starts a system-wide server on 6379 after installing; the tests use their own.
    test -n "$(find_server)" || { echo "redis-server still missing after apt-get" >&2; exit 1; }
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

start() {
    install
    local port="${1:-$(free_port)}"
    local dir="${TMPDIR:-/tmp}/vnnews-redis-$port"
    mkdir -p "$dir"
    "$(find_server)" --bind 127.0.0.1 --port "$port" --save '' --appendonly no \
        --dir "$dir" --daemonize yes --pidfile "$dir/redis.pid" --logfile "$dir/redis.log"
    for _ in $(seq 50); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
            echo "redis://127.0.0.1:$port"
            return 0
        fi
        sleep 0.1
    done
    echo "redis-server did not start on 127.0.0.1:$port (see $dir/redis.log)" >&2
    exit 1
}

stop() {
    local pidfile="${TMPDIR:-/tmp}/vnnews-redis-$1/redis.pid"
    test -f "$pidfile" && kill "$(cat "$pidfile")"
}

case "${1:-}" in
    install) install ;;
    start) start "${2:-}" ;;
    stop) stop "$2" ;;
    *) echo "usage: $0 install | start [PORT] | stop PORT" >&2; exit 2 ;;
esac
