#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Runs each libFuzzer target for SECONDS on a copy of its corpus
# (tests/fuzz/corpus/TARGET and tests/fuzz/regressions/TARGET); a crash,
# a leak or a sanitizer report fails the run and leaves the input as
# crash-* in the current folder (see README.md).
#   tests/fuzz/run.sh BUILDDIR/fuzz [SECONDS] [TARGET…]
set -eu
bin=${1:?usage: run.sh FUZZ-BUILD-DIR [SECONDS] [TARGET...]}
seconds=${2:-15}
shift $(( $# > 1 ? 2 : 1 ))
src=$(cd "$(dirname "$0")" && pwd)
targets=${*:-fuzz-letter-xml fuzz-markup fuzz-document fuzz-export fuzz-zip}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# Full stacks at malloc, so that suppressions (tests/lsan.supp) match the
# frames of cairo and fontconfig.
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1:fast_unwind_on_malloc=0}
export LSAN_OPTIONS=${LSAN_OPTIONS:-print_suppressions=0:suppressions=$src/../lsan.supp}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
export GSETTINGS_BACKEND=memory LC_ALL=C.UTF-8
for target in $targets; do
  mkdir -p "$work/$target"
  cp "$src/corpus/$target"/* "$work/$target"/ 2>/dev/null || true
  cp "$src/regressions/$target"/* "$work/$target"/ 2>/dev/null || true
  dict=
  [ -f "$src/$target.dict" ] && dict=-dict=$src/$target.dict
  echo "== $target, $seconds s"
  # shellcheck disable=SC2086
  "$bin/$target" -max_total_time="$seconds" -timeout=20 -rss_limit_mb=3072 -max_len=65536 \
    -print_final_stats=1 $dict "$work/$target"
done
