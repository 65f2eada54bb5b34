#!/bin/bash
# SPDX-License-Identifier: GPL-3.0-or-later
#
# install.sh BUILD_DIR PREFIX BINDIR DATADIR
#
# `meson install` into a temporary DESTDIR outside the source and build
# trees, then the installed rapporteur-cli on the installed sample letter:
# ODT and PDF the same, byte for byte, as the build tree's; the rendering
# module and the translations the installed ones, found from where the
# program is (rpt_core_dup_installed_path()); and nothing of the source or
# build tree opened (strace). TAP.
#
# strace is in tools/debian-packages.txt; without it that check is
# skipped, except under CI=true, where it fails.
set -uo pipefail

build=$(cd "${1:?build dir}" && pwd)
prefix=${2:?prefix}
bindir=${3:?bindir}
datadir=${4:?datadir}
src=$(cd "${RAPPORTEUR_SOURCE_DIR:?}" && pwd)
tmp=$(mktemp -d "${TMPDIR:-/tmp}/rapporteur-install.XXXXXX")
trap 'rm -rf "$tmp"' EXIT

n=0
status=0
ok() { n=$((n + 1)); echo "ok $n - $*"; }
not_ok() { n=$((n + 1)); echo "not ok $n - $*"; status=1; }
check() { # check DESCRIPTION COMMAND…
  local what=$1
  shift
  if "$@" >"$tmp/check.log" 2>&1; then ok "$what"; else not_ok "$what"; sed 's/^/# /' "$tmp/check.log"; fi
}

# The installed program runs as a user's would: none of the variables the
# test suite sets to point programs at the build tree.
unset RAPPORTEUR_LOCALEDIR RAPPORTEUR_BOILERPLATE RAPPORTEUR_FAKE_CATALOGUE GSETTINGS_SCHEMA_DIR
export SOURCE_DATE_EPOCH=1700000000 LC_ALL=C.UTF-8 LANGUAGE=en

check "meson install into a temporary DESTDIR" \
  meson install -C "$build" --destdir "$tmp/root" --no-rebuild --quiet

root=$tmp/root$prefix
cli=$root/$bindir/rapporteur-cli
# bindir may be absolute (--bindir=/usr/bin): then it is not under prefix
[[ "$bindir" = /* ]] && cli=$tmp/root$bindir/rapporteur-cli
data=$root/$datadir
[[ "$datadir" = /* ]] && data=$tmp/root$datadir
sample=$data/rapporteur/samples/AL-TJK-1-2025.xml
module=$(find "$tmp/root" -name librapporteur-render.so | head -1)

check "the program, the sample, the module and the catalogues are installed" \
  test -x "$cli" -a -f "$sample" -a -n "$module" -a -f "$data/locale/fr/LC_MESSAGES/rapporteur.mo"
check "the installed settings schemas compile" \
  glib-compile-schemas --strict --dry-run "$data/glib-2.0/schemas"

# The build tree's program, for the reference output.
built=$build/app/cli/rapporteur-cli
for f in odt pdf; do
  "$built" export -q -a "A. Drafter" --format $f "$src/data/samples/AL-TJK-1-2025.xml" \
    -o "$tmp/built.$f" 2>"$tmp/built.$f.err" || not_ok "the build tree's program exports $f"
done

cd "$tmp"
check "the installed program exports the installed sample to ODT" \
  "$cli" export -q -a "A. Drafter" --format odt "$sample" -o "$tmp/installed.odt"
check "the ODT is the build tree's, byte for byte" cmp "$tmp/built.odt" "$tmp/installed.odt"

LD_DEBUG=files "$cli" export -q -a "A. Drafter" --format pdf "$sample" -o "$tmp/installed.pdf" \
  2>"$tmp/pdf.log"
check "the installed program exports the installed sample to PDF" test -s "$tmp/installed.pdf"
check "the PDF is the build tree's, byte for byte" cmp "$tmp/built.pdf" "$tmp/installed.pdf"
check "it loaded the installed rendering module, not the build tree's" \
  grep -q "file=$module " "$tmp/pdf.log"

# The installed translations: a message in French, from the installed
# catalogue.
LANGUAGE=fr "$cli" export --format odt "$tmp/no-such-letter.xml" -o "$tmp/x.odt" 2>"$tmp/fr.log"
check "it speaks French from the installed catalogue" grep -q "^rapporteur-cli: Impossible de lire " "$tmp/fr.log"

# Nothing of the source or the build tree is opened: the installed program
# stands on its own.
if command -v strace >/dev/null 2>&1; then
  LANGUAGE=fr strace -f -qq -e trace=open,openat,openat2,execve,stat,newfstatat,access \
    -o "$tmp/trace.log" "$cli" export -q -a "A. Drafter" --format pdf "$sample" \
    -o "$tmp/traced.pdf" 2>/dev/null
  LANGUAGE=fr strace -f -qq -e trace=open,openat,openat2 -o "$tmp/trace-fr.log" \
    "$cli" export --format odt "$tmp/no-such-letter.xml" -o "$tmp/x.odt" 2>/dev/null
  check "the traced export worked" cmp "$tmp/built.pdf" "$tmp/traced.pdf"
  check "nothing of the source tree ($src) or the build tree ($build) is opened" \
    bash -c "! grep -F -e '\"$src/' -e '\"$build/' '$tmp/trace.log' '$tmp/trace-fr.log'"
  check "the French catalogue opened is the installed one" \
    grep -qF "\"$data/locale/fr/LC_MESSAGES/rapporteur.mo\"" "$tmp/trace-fr.log"
elif [ "${CI:-}" = "true" ]; then
  not_ok "strace is missing (tools/debian-packages.txt)"
else
  ok "# SKIP strace is missing: which files the program opens is not checked"
fi

echo "1..$n"
exit $status
