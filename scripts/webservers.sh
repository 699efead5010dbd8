#!/usr/bin/env bash
# Real web servers for the static-host tests (issue 15): nginx, Apache httpd and GNU wget from
# Debian, and Python's http.server, each serving a directory in its default configuration.
#   scripts/webservers.sh install                  install nginx, apache2 and wget with apt-get
#                                                  when missing (no system service is started)
#   scripts/webservers.sh start SERVER DIR [PORT] [gzip]
#                                                  serve DIR on 127.0.0.1 (a free port by default)
#                                                  in the background; SERVER is nginx, apache or
#                                                  python; "gzip" adds `gzip on` (nginx only);
#                                                  prints http://127.0.0.1:PORT
#   scripts/webservers.sh stop SERVER PORT         stop the server started on PORT
# Only what a site needs to be reachable is configured (port, document root, pid and log
# files); directory redirects, index files, ETag, Last-Modified and 304s are the servers' own.
set -euo pipefail

find_nginx() { command -v nginx 2>/dev/null || { test -x /usr/sbin/nginx && echo /usr/sbin/nginx; } || true; }
find_apache() { command -v apache2 2>/dev/null || { test -x /usr/sbin/apache2 && echo /usr/sbin/apache2; } || true; }
find_wget() { command -v wget 2>/dev/null || true; }

as_root() {
    if [ "$(id -u)" -eq 0 ]; then "$@"; elif command -v sudo >/dev/null 2>&1; then sudo "$@"; else
        echo "cannot install $PACKAGES: run 'apt-get install $PACKAGES' as root" >&2; exit 1; fi
}

install() {
    PACKAGES=""
    [ -n "$(find_nginx)" ] || PACKAGES="$PACKAGES nginx"
    [ -n "$(find_apache)" ] || PACKAGES="$PACKAGES apache2"
    [ -n "$(find_wget)" ] || PACKAGES="$PACKAGES wget"
    [ -n "$PACKAGES" ] || return 0
    echo "missing:$PACKAGES: installing with apt-get" >&2
    # Debian starts nginx and apache2 as system services on port 80 after installing; the
    # tests start their own, so a policy-rc.d (Debian's documented switch) keeps them off.
    local policy=/usr/sbin/policy-rc.d created=""
    if [ ! -e "$policy" ]; then
        as_root sh -c "printf '#!/bin/sh\nexit 101\n' > $policy && chmod 755 $policy"
        created=1
    fi
    as_root apt-get update -qq
    as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $PACKAGES >/dev/null || {
        [ -z "$created" ] || as_root rm -f "$policy"; echo "apt-get install$PACKAGES failed" >&2; exit 1; }
    [ -z "$created" ] || as_root rm -f "$policy"
    [ -n "$(find_nginx)" ] && [ -n "$(find_apache)" ] && [ -n "$(find_wget)" ] || {
        echo "nginx, apache2 or wget still missing after apt-get" >&2; exit 1; }
}

free_port() {
    python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'
}

state_dir() { echo "${TMPDIR:-/tmp}/vnnews-$1-$2"; }

wait_for() {  # port, log file
    for _ in $(seq 100); do
        if (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; then
            echo "http://127.0.0.1:$1"
            return 0
        fi
        sleep 0.1
    done
    echo "server did not start on 127.0.0.1:$1 (see $2)" >&2
    exit 1
}

start_nginx() {  # dir port gzip
    local state; state="$(state_dir nginx "$2")"
    mkdir -p "$state"
    # Debian's own mime.types; everything else is nginx's compiled-in default (index
    # index.html, etag on, if_modified_since exact, directory redirects with a slash).
    cat > "$state/nginx.conf" <<EOF
worker_processes 1;
pid $state/nginx.pid;
error_log $state/error.log;
events { worker_connections 256; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log $state/access.log;
    client_body_temp_path $state/body;
    proxy_temp_path $state/proxy;
    fastcgi_temp_path $state/fastcgi;
    uwsgi_temp_path $state/uwsgi;
    scgi_temp_path $state/scgi;
    $( [ "$3" = gzip ] && echo "gzip on;" )
    server {
        listen 127.0.0.1:$2;
        root $1;
    }
}
EOF
    "$(find_nginx)" -c "$state/nginx.conf" -p "$state" -g 'user www-data;' 2>"$state/start.log" || {
        cat "$state/start.log" >&2; exit 1; }
    wait_for "$2" "$state/error.log"
}

start_apache() {  # dir port
    local state; state="$(state_dir apache "$2")"
    mkdir -p "$state"
    # Debian's enabled modules and their settings (mod_dir's DirectorySlash, mod_mime, ...);
    # only the listening port, the document root and where pid and logs go are ours.
    cat > "$state/apache2.conf" <<EOF
ServerRoot /etc/apache2
ServerName 127.0.0.1
DefaultRuntimeDir $state
PidFile $state/apache2.pid
Mutex file:$state default
User www-data
Group www-data
ErrorLog $state/error.log
LogLevel warn
IncludeOptional mods-enabled/*.load
IncludeOptional mods-enabled/*.conf
Listen 127.0.0.1:$2
DocumentRoot $1
<Directory />
    AllowOverride None
    Require all denied
</Directory>
<Directory $1>
    Options Indexes FollowSymLinks
    AllowOverride None
    Require all granted
</Directory>
AccessFileName .htaccess
CustomLog $state/access.log combined
EOF
    APACHE_RUN_DIR="$state" APACHE_LOCK_DIR="$state" APACHE_LOG_DIR="$state" \
        "$(find_apache)" -f "$state/apache2.conf" -k start 2>"$state/start.log" || {
        cat "$state/start.log" >&2; exit 1; }
    wait_for "$2" "$state/error.log"
}

start_python() {  # dir port
    local state; state="$(state_dir python "$2")"
    mkdir -p "$state"
    nohup python3 -m http.server --bind 127.0.0.1 --directory "$1" "$2" \
        >"$state/access.log" 2>&1 &
    echo $! > "$state/server.pid"
    wait_for "$2" "$state/access.log"
}

start() {  # server dir [port] [gzip]
    local server="$1" dir port
    dir="$(cd "$2" && pwd)"
    port="${3:-}"
    [ -n "$port" ] || port="$(free_port)"
    case "$server" in
        nginx) install; start_nginx "$dir" "$port" "${4:-}" ;;
        apache) install; start_apache "$dir" "$port" ;;
        python) start_python "$dir" "$port" ;;
        *) echo "unknown server '$server': nginx, apache or python" >&2; exit 2 ;;
    esac
}

stop() {  # server port
    local state; state="$(state_dir "$1" "$2")"
    case "$1" in
        nginx) test -f "$state/nginx.pid" && kill "$(cat "$state/nginx.pid")" ;;
        apache) test -f "$state/apache2.pid" && kill "$(cat "$state/apache2.pid")" ;;
        python) test -f "$state/server.pid" && kill "$(cat "$state/server.pid")" ;;
        *) echo "unknown server '$1'" >&2; exit 2 ;;
    esac
}

case "${1:-}" in
    install) install ;;
    start) start "${2:?server}" "${3:?directory}" "${4:-}" "${5:-}" ;;
    stop) stop "${2:?server}" "${3:?port}" ;;
    *) echo "usage: $0 install | start SERVER DIR [PORT] [gzip] | stop SERVER PORT" >&2; exit 2 ;;
esac
