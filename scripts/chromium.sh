#!/usr/bin/env bash
# Headless Chromium for the browser tests (tests/test_site_browser.py).
#   scripts/chromium.sh install   install Debian's chromium with apt-get when it is missing
#   scripts/chromium.sh path      print the browser's path (exit 1 when missing)
# Only Debian's package is used: no browser is downloaded by a Python or npm package.
set -euo pipefail

find_browser() {
    for name in chromium chromium-browser; do
        command -v "$name" 2>/dev/null && return 0
    done
    test -x /usr/bin/chromium && echo /usr/bin/chromium
    return 0
}

install() {
    if [ -n "$(find_browser)" ]; then
        return 0
    fi
    echo "chromium is missing: installing it with apt-get" >&2
    if [ "$(id -u)" -eq 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
    elif command -v sudo >/dev/null 2>&1; then
        sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends chromium fonts-dejavu-core >/dev/null
    else
        echo "cannot install chromium: run 'apt-get install chromium' as root" >&2
        exit 1
    fi
    test -n "$(find_browser)" || { echo "chromium still missing after apt-get" >&2; exit 1; }
}

case "${1:-}" in
    install) install ;;
    path) b="$(find_browser)"; test -n "$b" && echo "$b" ;;
    *) echo "usage: $0 install | path" >&2; exit 2 ;;
esac
