#!/bin/sh
# SPDX-License-Identifier: GPL-3.0-or-later
#
# The translations, checked the way a translator's tools see them:
#
# - every .po of po/LINGUAS passes `msgfmt --check` (formats, plurals,
#   headers);
# - a language listed under "complete:" in po/LINGUAS has every message of
#   the *current* sources translated, none fuzzy: the catalogue is
#   extracted afresh here (as `meson compile rapporteur-pot` does) and
#   merged into a copy of the .po (as `rapporteur-update-po` does), so a
#   string added to the code without a translation fails this test;
# - every standard sentence of the letters tells the translator where in
#   the letter it stands (its "where" attribute becomes the comment);
# - in French standard sentences, ; : ? ! follow a space and « » hold
#   one, which the letters turn into narrow no-break spaces.
#
# Nothing is written to the source tree.
set -u
src="${RAPPORTEUR_SOURCE_DIR:?}"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
status=0
fail() { echo "not ok - $*"; status=1; }

for tool in xgettext msgmerge msgfmt msgattrib; do
  command -v "$tool" >/dev/null 2>&1 || { echo "Bail out! $tool is missing (apt-get install gettext)"; exit 1; }
done

# The glib preset of meson's i18n.gettext(), which po/meson.build uses.
GETTEXTDATADIRS="$src/data" xgettext --package-name=rapporteur -p "$tmp" \
  -f "$src/po/POTFILES.in" -D "$src" -o rapporteur.pot \
  --from-code=UTF-8 --add-comments -k_ --keyword=_ --keyword=N_ \
  --keyword=C_:1c,2 --keyword=NC_:1c,2 --keyword=g_dcgettext:2 \
  --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 --keyword=PHRASE:1,2 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=PHRASE:1:c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  --flag=g_markup_printf_escaped:1:c-format --flag=g_log:3:c-format \
  --flag=g_print:1:c-format --flag=g_printerr:1:c-format --flag=g_printf:1:c-format \
  --flag=g_fprintf:2:c-format --flag=g_sprintf:2:c-format --flag=g_snprintf:3:c-format \
  || { echo "Bail out! xgettext failed"; exit 1; }
pot="$tmp/rapporteur.pot"
total=$(msgattrib --no-obsolete "$pot" | grep -c '^msgid ')
echo "# $((total - 1)) messages in the sources"

section=""
while IFS= read -r line; do
  case "$line" in
    "# complete:"*) section=complete; continue ;;
    "# partial:"*) section=partial; continue ;;
    "#"* | "") continue ;;
  esac
  for lang in $line; do
    po="$src/po/$lang.po"
    [ -f "$po" ] || { fail "po/LINGUAS lists $lang, but po/$lang.po does not exist"; continue; }
    if ! msgfmt --check -o /dev/null "$po" 2>"$tmp/err"; then
      fail "msgfmt --check po/$lang.po: $(cat "$tmp/err")"
      continue
    fi
    echo "ok - msgfmt --check po/$lang.po"
    [ "$section" = complete ] || continue
    msgmerge -q -o "$tmp/$lang.po" "$po" "$pot" 2>/dev/null || { fail "msgmerge po/$lang.po"; continue; }
    untranslated=$(msgattrib --untranslated --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ')
    fuzzy=$(msgattrib --only-fuzzy --no-obsolete "$tmp/$lang.po" | grep -c '^msgid ')
    # the header is an "untranslated" entry of its own
    untranslated=$((untranslated > 0 ? untranslated - 1 : 0))
    fuzzy=$((fuzzy > 0 ? fuzzy - 1 : 0))
    if [ "$untranslated" -ne 0 ] || [ "$fuzzy" -ne 0 ]; then
      fail "po/$lang.po is listed as complete but has $untranslated untranslated and $fuzzy fuzzy messages against the current sources: run \`meson compile -C _build rapporteur-pot rapporteur-update-po\`, translate them (po/README.md), or move $lang under \"partial:\" in po/LINGUAS"
      { msgattrib --no-wrap --untranslated --no-obsolete "$tmp/$lang.po"; msgattrib --no-wrap --only-fuzzy --no-obsolete "$tmp/$lang.po"; } 2>/dev/null \
        | grep '^msgid "..*"' | head -20 | sed 's/^/#   /'
    else
      echo "ok - po/$lang.po translates all $((total - 1)) messages"
    fi
  done
done <"$src/po/LINGUAS"

# Where each sentence stands in the letter, for the translator.
n=$(grep -c '<s id=' "$src/data/templates/boilerplate.xml.in")
with=$(grep -c '<s id="[^"]*" where="[^"]' "$src/data/templates/boilerplate.xml.in")
if [ "$n" -ne "$with" ]; then
  fail "$((n - with)) standard sentences in data/templates/boilerplate.xml.in have no where=\"…\" for the translator"
else
  echo "ok - all $n standard sentences say where they stand in the letter"
fi
if ! grep -q '^#\. ' "$pot"; then
  fail "the extracted catalogue has no translator comments: data/its/rapporteur.its lost its locNoteRule"
fi

# French spacing in the letter sentences: a space (which the letters make
# narrow and no-break) before ; : ? ! and inside « ».
if [ -f "$src/po/fr.po" ]; then
  msgattrib --no-obsolete --no-wrap "$src/po/fr.po" 2>/dev/null \
    | awk '/^#: data\/templates\/boilerplate/ { b = 1 } /^$/ { b = 0 } b && /^msgstr / { print }' \
    | sed -e 's/<[^>]*>//g' -e 's/^msgstr "//' -e 's/"$//' >"$tmp/fr-letter.txt"
  sp=$(printf ' \302\240\342\200\257') # space, no-break space, narrow no-break space
  if grep -nE "[^$sp][;:?!]|«[^$sp]|[^$sp]»" "$tmp/fr-letter.txt" >"$tmp/bad"; then
    fail "French letter sentences without a space before ; : ? ! or inside « »: $(head -3 "$tmp/bad")"
  else
    echo "ok - French letter sentences are spaced for French typography"
  fi
fi
exit $status
