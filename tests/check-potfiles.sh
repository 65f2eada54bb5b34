#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
# Every file with a translatable string is listed in po/POTFILES.in, and
# every listed file exists: a string missing from the catalogue would stay
# English in every language without anyone noticing.
set -u
cd "${RAPPORTEUR_SOURCE_DIR:?}" || exit 1
status=0
listed=$(grep -v '^#' po/POTFILES.in | sed '/^$/d')
for f in $listed; do
  [ -f "$f" ] || { echo "not ok: po/POTFILES.in lists $f, which does not exist"; status=1; }
done
for f in $(git ls-files 'app/*.c' 'resources/*.ui' 'data/*.in' 'data/templates/*' 2>/dev/null || find app resources data -type f); do
  if grep -qE '(^|[^A-Za-z0-9_])(N?_|C_|NC_|g_dngettext|ngettext) ?\(|translatable="yes"' "$f"; then
    echo "$listed" | grep -qx "$f" || { echo "not ok: $f has translatable strings but is not in po/POTFILES.in"; status=1; }
  fi
done
[ $status -eq 0 ] && echo "ok: po/POTFILES.in is complete"
exit $status
