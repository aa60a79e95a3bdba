#!/bin/sh
# Check the system libraries Qt needs (and, with "test", the tools and the PostgreSQL server
# the tests call).
# Missing ones are installed with apt-get when running as root; otherwise we stop and print the
# exact command to run. Usage: tools/sysdeps.sh run|test
set -eu
mode="${1:-run}"

# library file (as ldconfig lists it) : Debian package
QT_LIBS="libEGL.so.1:libegl1 libGL.so.1:libgl1 libxkbcommon.so.0:libxkbcommon0
libfontconfig.so.1:libfontconfig1 libfreetype.so.6:libfreetype6 libglib-2.0.so.0:libglib2.0-0
libdbus-1.so.3:libdbus-1-3 libX11.so.6:libx11-6 libxcb.so.1:libxcb1
libxcb-cursor.so.0:libxcb-cursor0 libxcb-icccm.so.4:libxcb-icccm4
libxcb-keysyms.so.1:libxcb-keysyms1 libxcb-image.so.0:libxcb-image0
libxcb-render-util.so.0:libxcb-render-util0 libxcb-randr.so.0:libxcb-randr0
libxcb-shape.so.0:libxcb-shape0 libxcb-xkb.so.1:libxcb-xkb1
libxkbcommon-x11.so.0:libxkbcommon-x11-0 libX11-xcb.so.1:libx11-xcb1"
# command : Debian package
TEST_TOOLS="msgfmt:gettext xvfb-run:xvfb pdfsig:poppler-utils openssl:openssl sha256sum:coreutils"

missing=""
for pair in $QT_LIBS; do
    lib="${pair%%:*}"; pkg="${pair#*:}"
    if ! /sbin/ldconfig -p 2>/dev/null | grep -q "$lib"; then
        missing="$missing $pkg"
    fi
done
if [ "$mode" = "test" ]; then
    for pair in $TEST_TOOLS; do
        tool="${pair%%:*}"; pkg="${pair#*:}"
        command -v "$tool" >/dev/null 2>&1 || missing="$missing $pkg"
    done
    # The PostgreSQL server the tests start: Debian keeps initdb off PATH, in its versioned folder.
    if ! command -v initdb >/dev/null 2>&1 \
        && ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
        missing="$missing postgresql"
    fi
fi

[ -z "$missing" ] && exit 0
if ! command -v apt-get >/dev/null 2>&1; then
    echo "Missing system packages:$missing (install their equivalents for your system)" >&2
    exit 1
fi
if [ "$(id -u)" = "0" ]; then
    echo "Installing system packages:$missing"
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq $missing >/dev/null
else
    echo "Qt and the tests need system packages that are missing. Run:" >&2
    echo "  sudo apt-get install -y$missing" >&2
    exit 1
fi
