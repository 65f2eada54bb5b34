#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what Rapporteur needs to build, run and test on Debian 12
# (tools/debian-packages.txt). Run as root, or as a user who may use sudo.
# --bench adds what the benchmarks compare against (pandoc, GNOME Text
# Editor, hyperfine); LibreOffice is in the base list, for the test that
# opens tracked changes in it.
set -euo pipefail

here=$(dirname "$0")
mapfile -t packages < <(sed -e 's/#.*//' "$here/debian-packages.txt" | tr -s ' \t' '\n' | sed '/^$/d')
if [ "${1:-}" = "--bench" ]; then
  packages+=(pandoc gnome-text-editor hyperfine)
fi

run=()
if [ "$(id -u)" -ne 0 ]; then
  run=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update
"${run[@]}" apt-get install -y --no-install-recommends "${packages[@]}"

# Locales to look at the interface in French, Spanish and Arabic with the
# dates and numbers of those regions (po/README.md). The tests need none of
# them: they run in C.UTF-8 with LANGUAGE, which glibc honours in every
# locale but "C".
for locale in fr_FR es_ES ar_EG; do
  "${run[@]}" localedef -i "$locale" -f UTF-8 "$locale.UTF-8"
done
