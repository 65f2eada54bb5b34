#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Runs review-odt.py: a reviewer edits the ODT made for review in
# LibreOffice, and it merges back. Needs LibreOffice Writer and Debian's Python UNO bridge
# (python3-uno); without them the test is skipped, except under CI=true,
# where their absence is a failure.
set -eu

cli=${RAPPORTEUR_CLI:?}
source=${RAPPORTEUR_SOURCE_DIR:?}
python=/usr/bin/python3

missing=
command -v soffice >/dev/null 2>&1 || missing="LibreOffice (soffice)"
[ -z "$missing" ] && ! "$python" -c 'import uno' >/dev/null 2>&1 && missing="python3-uno"
if [ -n "$missing" ]; then
  if [ "${CI:-}" = "true" ]; then
    echo "Bail out! $missing is missing, and CI=true requires it"
    exit 1
  fi
  echo "1..0 # SKIP $missing is missing"
  exit 0
fi

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
# LibreOffice writes its profile and caches under HOME.
status=0
HOME=$work "$python" "$(dirname "$0")/review-odt.py" "$cli" "$source" "$work" || status=$?
exit $status
