#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets with clang (Debian: clang, libclang-rt-14-dev)
# from a configured meson build directory (for the generated resources):
#   tests/fuzz/build.sh _build             # targets in _build/fuzz/
#   tests/fuzz/run.sh _build/fuzz 60       # each for 60 s (see README.md)
set -eu
build=${1:?usage: build.sh BUILDDIR}
src=$(cd "$(dirname "$0")/../.." && pwd)
out=$build/fuzz
mkdir -p "$out/obj"
cc=${CLANG:-clang}
flags="-g -O1 -fsanitize=fuzzer-no-link,address,undefined -fno-sanitize-recover=undefined \
 -DGETTEXT_PACKAGE=\"rapporteur\" -DLOCALEDIR=\"/usr/share/locale\" -DPKGDATADIR=\"/usr/share/rapporteur\" \
 -DPACKAGE_VERSION=\"fuzz\" -DAPP_ID=\"io.github.rapporteur.Rapporteur\" -DISO_CODES_PREFIX=\"/usr\" -D_GNU_SOURCE \
 -DGLIB_VERSION_MIN_REQUIRED=GLIB_VERSION_2_74 -DGLIB_VERSION_MAX_ALLOWED=GLIB_VERSION_2_74 \
 -I$src/app/core -I$build/app/core"
pkgs="glib-2.0 gobject-2.0 gio-2.0 gmodule-2.0 libxml-2.0 sqlite3 pango pangocairo cairo cairo-pdf libxslt libexslt zlib libzip json-glib-1.0"
cflags=$(pkg-config --cflags $pkgs)
libs=$(pkg-config --libs $pkgs)

# The core once, then each target linked against it.
objs=
for c in "$src"/app/core/rpt-*.c "$build/app/core/rpt-resources.c"; do
  o="$out/obj/$(basename "$c" .c).o"
  if [ ! -e "$o" ] || [ "$c" -nt "$o" ]; then
    # shellcheck disable=SC2086
    $cc $flags $cflags -c "$c" -o "$o"
  fi
  objs="$objs $o"
done
for target in fuzz-letter-xml fuzz-markup fuzz-document fuzz-export fuzz-zip; do
  # shellcheck disable=SC2086
  $cc $flags -fsanitize=fuzzer $cflags -o "$out/$target" "$src/tests/fuzz/$target.c" $objs $libs
done
echo "built in $out"
