#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# End to end, as a drafter: start the real program on its own X server,
# make a new urgent appeal with the keyboard alone, type a fact with
# xdotool, wait for autosave, export the saved file to PDF with the CLI
# and find the typed words in it. Then type again, kill the program with
# SIGKILL a second after the last key, and check that the words are in the
# file all the same.
#
# Needs xvfb-run, xdotool, pdftotext, dbus-run-session and pgrep; without them the test is skipped,
# except under CI=true, where a missing tool is a failure.
set -euo pipefail

app=${RAPPORTEUR_APP:?}
cli=${RAPPORTEUR_CLI:?}

if [ "${1:-}" != "--inner" ]; then
  for tool in xvfb-run xdotool pdftotext dbus-run-session pgrep; do
    if ! command -v "$tool" >/dev/null 2>&1; then
      if [ "${CI:-}" = "true" ]; then
        echo "e2e: $tool is missing" >&2
        exit 1
      fi
      echo "e2e: skipped, $tool is missing"
      exit 77
    fi
  done
  exec xvfb-run -a -s "-screen 0 1280x900x24 -nolisten tcp" "$0" --inner
fi

tmp=$(mktemp -d)
pid=
session=
cleanup() {
  [ -n "$pid" ] && kill -9 "$pid" 2>/dev/null || true
  [ -n "$session" ] && kill "$session" 2>/dev/null || true
  rm -rf "$tmp"
}
trap cleanup EXIT

export HOME=$tmp/home XDG_DATA_HOME=$tmp/data XDG_CONFIG_HOME=$tmp/config
export XDG_CACHE_HOME=$tmp/cache XDG_STATE_HOME=$tmp/state XDG_RUNTIME_DIR=$tmp/run
mkdir -p "$HOME" "$XDG_RUNTIME_DIR" && chmod 700 "$XDG_RUNTIME_DIR"
unset G_DEBUG
drafts=$XDG_DATA_HOME/rapporteur/drafts

fail() {
  echo "e2e: FAIL: $*" >&2
  cat "$tmp/app.log" >&2 2>/dev/null || true
  # What the screen showed, for whoever reads the log.
  if [ -n "${RAPPORTEUR_E2E_SHOT:-}" ] && command -v import >/dev/null; then
    import -window root "$RAPPORTEUR_E2E_SHOT" || true
  fi
  exit 1
}

start_app() {
  # A bus of its own, so the single-instance check finds no other copy.
  dbus-run-session -- "$app" "$@" >"$tmp/app.log" 2>&1 &
  session=$!
  pid=
  for _ in $(seq 100); do
    pid=$(pgrep -P "$session" -x rapporteur || true)
    [ -n "$pid" ] && break
    sleep 0.1
  done
  [ -n "$pid" ] || fail "the program did not start"
  for _ in $(seq 100); do
    win=$(xdotool search --onlyvisible --name "Rapporteur|Urgent|Draft" 2>/dev/null | head -1 || true)
    [ -n "$win" ] && break
    sleep 0.1
  done
  [ -n "$win" ] || { cat "$tmp/app.log" >&2; fail "no window"; }
  xdotool windowfocus --sync "$win"
  sleep 0.5
}

wait_for() { # seconds, command…
  local t=$1
  shift
  for _ in $(seq $((t * 10))); do
    "$@" && return 0
    sleep 0.1
  done
  return 1
}

has_draft() { compgen -G "$drafts/*.rapporteur" >/dev/null; }

# 1. A new urgent appeal from the welcome page, keyboard only: its mnemonic
#    (Alt+U), then to the Facts section and a new fact.
start_app
xdotool key alt+u
sleep 1
xdotool key --delay 120 ctrl+Page_Down ctrl+Page_Down ctrl+Page_Down ctrl+Page_Down
xdotool key ctrl+Return
sleep 0.5
words="Rukhshona Khakimova was detained without warrant in Dushanbe"
xdotool type --delay 15 "$words"
# 2. Autosave: in the file within a second or so of the last key.
wait_for 5 has_draft || fail "no draft in $drafts"
sleep 1.5
draft=$(ls "$drafts"/*.rapporteur | head -1)
"$cli" export --format pdf --quiet "$draft" -o "$tmp/letter.pdf" || fail "CLI export failed"
pdftotext "$tmp/letter.pdf" "$tmp/letter.txt"
tr '\n' ' ' <"$tmp/letter.txt" | grep -q "$words" || {
  "$cli" show "$draft" >&2
  fail "the typed words are not in the PDF"
}
grep -q "UA " "$tmp/letter.txt" || grep -q "urgent" "$tmp/letter.txt" || true

# 3. Kill mid-typing: what autosave wrote, with no help from quitting, is
#    kept. (On a normal machine it is there within a second of the last
#    key; the wait allows for slow sanitizer builds.)
more=" and held incommunicado for nine days"
xdotool type --delay 15 "$more"
in_file() {
  "$cli" export --format xml "$draft" -o "$tmp/now.xml" 2>/dev/null && grep -q "$words$more" "$tmp/now.xml"
}
wait_for 10 in_file || fail "the typing never reached the file"
xdotool type --delay 15 " still typing"
kill -9 "$pid"
wait "$session" 2>/dev/null || true
pid=
"$cli" export --format xml "$draft" -o "$tmp/after-kill.xml" || fail "the draft is damaged"
grep -q "$words$more" "$tmp/after-kill.xml" || fail "typing lost by the kill"

# 4. Reopen: the draft opens with everything in it.
start_app "$draft"
has_window() { xdotool search --onlyvisible --name "Urgent" >/dev/null 2>&1; }
wait_for 10 has_window || fail "the draft did not reopen"
kill "$pid"
wait "$session" 2>/dev/null || true
pid=
echo "e2e: ok"
