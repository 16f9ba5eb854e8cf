#!/bin/sh
# Makes sure the Debian packages lede builds and tests with are installed:
# installs the missing ones when it can (as root, or through sudo), and
# otherwise stops with the exact command to run.
#
# On a system without dpkg (macOS, other Linux distributions) it only checks
# that the headers and the sqlite3 shell can be found.
set -u
pkgs="sqlite3 libsqlite3-dev libutf8proc-dev libcmocka-dev"

if ! command -v dpkg-query >/dev/null 2>&1; then
    missing=
    command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3-shell"
    for h in sqlite3.h utf8proc.h cmocka.h; do
        printf '#include <stddef.h>\n#include <stdint.h>\n#include <stdarg.h>\n#include <setjmp.h>\n#include <%s>\n' "$h" |
            ${CC:-cc} -E -x c - >/dev/null 2>&1 || missing="$missing $h"
    done
    if [ -n "$missing" ]; then
        echo "lede needs:$missing (install SQLite, utf8proc and cmocka with your package manager)" >&2
        exit 1
    fi
    exit 0
fi

missing=
for p in $pkgs; do
    status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null)
    case $status in *"install ok installed"*) ;; *) missing="$missing $p" ;; esac
done
[ -z "$missing" ] && exit 0

if [ "$(id -u)" = 0 ]; then
    run=
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
    run=sudo
else
    echo "lede needs these Debian packages:$missing" >&2
    echo "Install them with:" >&2
    echo "    sudo apt-get install -y$missing" >&2
    exit 1
fi
echo "Installing$missing ..." >&2
$run env DEBIAN_FRONTEND=noninteractive apt-get install -y -q$missing >&2 ||
    { $run apt-get update -q >&2 && $run env DEBIAN_FRONTEND=noninteractive apt-get install -y -q$missing >&2; } || {
    echo "Could not install:$missing. Run: sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
}
