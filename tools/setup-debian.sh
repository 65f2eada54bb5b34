#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# Installs what Rapporteur needs to build, run and test on Debian 12.
# Run as root, or as a user who may use sudo. --bench adds what the
# benchmarks compare against (pandoc, LibreOffice, GNOME Text Editor).
set -euo pipefail

packages=(
  # build
  meson ninja-build pkg-config gcc gettext
  libglib2.0-dev libglib2.0-bin libxml2-dev libxml2-utils libxslt1-dev xsltproc
  libsqlite3-dev sqlite3 libzip-dev libjson-glib-dev libpango1.0-dev libcairo2-dev
  libgtk-4-dev libadwaita-1-dev desktop-file-utils appstream iso-codes
  # checks and tests
  clang-format python3 jing poppler-utils qpdf unzip
  xvfb xauth xdotool imagemagick dbus-x11 dbus-daemon at-spi2-core procps librsvg2-common
  fonts-liberation fonts-liberation2 fonts-noto-core fonts-noto-cjk fonts-noto-color-emoji
  fonts-dejavu-core fonts-symbola
)
if [ "${1:-}" = "--bench" ]; then
  packages+=(pandoc libreoffice-writer-nogui gnome-text-editor hyperfine)
fi

run=()
if [ "$(id -u)" -ne 0 ]; then
  run=(sudo)
fi
export DEBIAN_FRONTEND=noninteractive
"${run[@]}" apt-get update
"${run[@]}" apt-get install -y --no-install-recommends "${packages[@]}"
