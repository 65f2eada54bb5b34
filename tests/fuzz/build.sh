#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Builds the libFuzzer targets with clang (Debian: clang, libclang-rt-14-dev)
# from a configured meson build directory (for the generated resources).
#   tests/fuzz/build.sh _build && _build/fuzz/fuzz-markup -max_total_time=60
set -eu
build=${1:?usage: build.sh BUILDDIR}
src=$(cd "$(dirname "$0")/../.." && pwd)
out=$build/fuzz
mkdir -p "$out"
flags="-g -O1 -fsanitize=fuzzer,address,undefined -DGETTEXT_PACKAGE=\"rapporteur\" -DLOCALEDIR=\"/usr/share/locale\" -D_GNU_SOURCE -I$src/app/core -I$build/app/core"
libs=$(pkg-config --cflags --libs glib-2.0 gobject-2.0 gio-2.0 libxml-2.0 sqlite3)
for target in fuzz-letter-xml fuzz-markup; do
  # shellcheck disable=SC2086
  clang $flags -o "$out/$target" "$src/tests/fuzz/$target.c" "$src"/app/core/rpt-*.c \
    "$build/app/core/rpt-resources.c" $libs
done
echo "built in $out"
