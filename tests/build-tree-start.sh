#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The program started from the build tree without `meson devenv` (so
# without GSETTINGS_SCHEMA_DIR): it finds the settings schema compiled in
# the build tree and shows the sample letter. A copy of the program moved
# out of the build tree, with no schema installed, says in one line how to
# run it and exits 1, instead of aborting in GSettings (exit 133).
#
# Needs xvfb-run, xdotool and dbus-run-session; without them the test is
# skipped, except under CI=true, where a missing tool is a failure.
set -euo pipefail

app=${RAPPORTEUR_APP:?}

if [ "${1:-}" != "--inner" ]; then
  for tool in xvfb-run xdotool dbus-run-session pgrep; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      if [ "${CI:-}" = "true" ]; then
        echo "build-tree-start: $tool is missing" >&2
        exit 1
      fi
      echo "build-tree-start: skipped, $tool is missing"
      exit 77
    fi
  done
  exec xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" "$0" --inner
fi

tmp=$(mktemp -d)
session=
cleanup() {
  [ -n "$session" ] && kill "$session" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

fail() {
  echo "build-tree-start: FAIL: $*" >&2
  cat "$tmp/app.log" >&2 2>/dev/null || true
  exit 1
}

export HOME=$tmp/home XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config
export XDG_CACHE_HOME=$tmp/cache XDG_STATE_HOME=$tmp/state XDG_RUNTIME_DIR=$tmp/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
# As a developer's shell has it: no schema folder of the build tree.
unset GSETTINGS_SCHEMA_DIR G_DEBUG

# The schema must not be installed on this machine, or the test proves
# nothing.
if gsettings list-schemas 2>/dev/null | grep -qx 'io\.github\.rapporteur\.Rapporteur'; then
  fail "the settings schema is installed on this machine; the test needs it not to be"
fi

# 1. From the build tree: it works.
dbus-run-session -- "$app" --sample >"$tmp/app.log" 2>&1 &
session=$!
win=
for _ in $(seq 150); do
  win=$(xdotool search --onlyvisible --name "AL TJK|Rapporteur" 2>/dev/null | head -1 || true)
  [ -n "$win" ] && break
  kill -0 "$session" 2>/dev/null || fail "the program stopped before showing a window"
  sleep 0.1
done
[ -n "$win" ] || fail "no window"
pid=$(pgrep -P "$session" -x rapporteur || true)
[ -n "$pid" ] || fail "the program is not running"
kill -TERM "$pid"
wait "$session" || true
if grep -E "GLib-GIO-ERROR|CRITICAL|is not installed" "$tmp/app.log"; then
  fail "the program complained"
fi
session=

# 2. Moved out of the build tree, with no schema to find: one line, exit 1.
cp "$app" "$tmp/rapporteur"
status=0
env -u DISPLAY "$tmp/rapporteur" >"$tmp/out.log" 2>"$tmp/err.log" || status=$?
[ "$status" -eq 1 ] || fail "a copy out of the build tree exited with $status, not 1: $(cat "$tmp/err.log")"
[ "$(wc -l <"$tmp/err.log")" -eq 1 ] || fail "not one line: $(cat "$tmp/err.log")"
grep -q "meson devenv" "$tmp/err.log" || fail "the line does not say how to run it: $(cat "$tmp/err.log")"
echo "build-tree-start: ok"
