#!/bin/sh
# Makes sure what lede builds and tests with is installed: installs the
# missing Debian packages when it can (as root, or through sudo), and
# otherwise stops with the exact commands to run.
#
#   sh tools/deps.sh run     what `make run` needs: make, a C compiler, the
#                            sqlite3 shell, the SQLite, utf8proc and libxml2 headers
#   sh tools/deps.sh test    the same and cmocka, which only the unit tests use, and
#                            Dask's distributed, for the test of the cluster ingest
#   sh tools/deps.sh cluster Dask's distributed (python3-distributed), which
#                            tools/ingest.sh --scheduler needs
#   sh tools/deps.sh map     rsvg-convert and a font, which draw the map of places
#                            (make map, and the map of make run's report)
#
# A missing `make` or C compiler means Debian's build-essential. On a system
# without dpkg (macOS, other Linux distributions) it only checks that the
# tools, the headers and the sqlite3 shell can be found.
set -u
mode=${1:-test}
case $mode in
run) pkgs="sqlite3 libsqlite3-dev libutf8proc-dev libxml2-dev libarchive-dev pkg-config"; headers="sqlite3.h utf8proc.h libxml2/libxml/HTMLparser.h archive.h" ;;
test) pkgs="sqlite3 libsqlite3-dev libutf8proc-dev libxml2-dev libarchive-dev pkg-config libcmocka-dev python3-distributed"; headers="sqlite3.h utf8proc.h libxml2/libxml/HTMLparser.h archive.h cmocka.h" ;;
map) pkgs="librsvg2-bin fonts-dejavu-core"; headers="" ;;
cluster) pkgs="python3-distributed"; headers= ;;
*) echo "usage: sh tools/deps.sh run|test|map|cluster" >&2; exit 2 ;;
esac
cc=${CC:-cc}

# make and a C compiler come with build-essential on Debian
tools_missing=
command -v make >/dev/null 2>&1 || tools_missing="$tools_missing make"
command -v "$cc" >/dev/null 2>&1 || tools_missing="$tools_missing $cc"
[ "$mode" = cluster ] && tools_missing=

if ! command -v dpkg-query >/dev/null 2>&1; then
    if [ "$mode" = cluster ]; then
        python3 -c 'import distributed' >/dev/null 2>&1 && exit 0
        echo "tools/ingest.sh --scheduler needs Dask's distributed for python3 (pip install distributed)" >&2
        exit 1
    fi
    missing=$tools_missing
    command -v sqlite3 >/dev/null 2>&1 || missing="$missing sqlite3-shell"
    [ "$mode" = map ] && { command -v rsvg-convert >/dev/null 2>&1 || missing="$missing rsvg-convert"; }
    if command -v "$cc" >/dev/null 2>&1; then
        for h in $headers; do
            printf '#include <stddef.h>\n#include <stdint.h>\n#include <stdarg.h>\n#include <setjmp.h>\n#include <%s>\n' "$h" |
                "$cc" -E -x c - >/dev/null 2>&1 || missing="$missing $h"
        done
    fi
    if [ -n "$missing" ]; then
        echo "lede needs:$missing (install make, a C compiler, SQLite, utf8proc, libxml2, libarchive and cmocka with your package manager)" >&2
        exit 1
    fi
    exit 0
fi

missing=
[ -n "$tools_missing" ] && missing=" build-essential"
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
    echo "    sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
fi
echo "Installing$missing ..." >&2
$run env DEBIAN_FRONTEND=noninteractive apt-get install -y -q$missing >&2 ||
    { $run apt-get update -q >&2 && $run env DEBIAN_FRONTEND=noninteractive apt-get install -y -q$missing >&2; } || {
    echo "Could not install:$missing. Run: sudo apt-get update && sudo apt-get install -y$missing" >&2
    exit 1
}
