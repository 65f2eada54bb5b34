/* rpt-grammar.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-grammar"

#include <string.h>

#include "rpt-grammar.h"

#define NARROW_NBSP 0x202F
#define NBSP 0x00A0

/**
 * rpt_grammar_elides:
 * @language: "fr", "es" or "en"
 * @word: the word that follows an article or "de"
 *
 * Whether French drops the vowel of "de", "le" or "la" before @word
 * ("de l'Experte indépendante", "d'Haïti"): before a vowel or an h. An
 * h aspiré ("la Hongrie") never reaches this rule: names that keep their
 * article carry it in the data. Other languages never elide.
 *
 * Returns: %TRUE if the article or preposition elides before @word
 */
gboolean
rpt_grammar_elides (const char *language, const char *word)
{
  char buf[8] = { 0 };
  g_autofree char *base = NULL;
  gunichar c;

  if (g_strcmp0 (language, "fr") != 0 || word == NULL || word[0] == '\0')
    return FALSE;
  c = g_utf8_get_char_validated (word, -1);
  if (c == (gunichar) -1 || c == (gunichar) -2)
    return FALSE;
  /* "É" → "e": the letter without its accent */
  g_unichar_to_utf8 (g_unichar_tolower (c), buf);
  base = g_utf8_normalize (buf, -1, G_NORMALIZE_NFD);
  return base != NULL && base[0] != '\0' && strchr ("aeiouyh", base[0]) != NULL;
}

static const char *
skip_prefix (const char *phrase, const char *prefix)
{
  return g_str_has_prefix (phrase, prefix) ? phrase + strlen (prefix) : NULL;
}

/**
 * rpt_grammar_contract:
 * @language: "fr", "es" or "en"
 * @preposition: the preposition before @phrase
 * @phrase: a noun phrase with its article, as running text writes it
 *   ("le Tadjikistan", "el Afganistán", "la Rapporteuse spéciale")
 *
 * The preposition and the phrase as the language writes them together:
 * French contracts "de le" to "du", "à le" to "au", "de les" to "des",
 * "à les" to "aux" and elides "de" before a vowel ("d'Israël"); Spanish
 * contracts "de el" to "del" and "a el" to "al" (not "El" of a name:
 * "de El Salvador"). English gets "of" or "to".
 *
 * Returns: (transfer full): the contracted phrase
 */
char *
rpt_grammar_contract (const char *language, RptPreposition preposition, const char *phrase)
{
  gboolean de = preposition == RPT_PREPOSITION_DE;
  const char *rest;

  g_return_val_if_fail (phrase != NULL, NULL);

  if (g_strcmp0 (language, "fr") == 0)
    {
      if ((rest = skip_prefix (phrase, "le ")) != NULL)
        return g_strconcat (de ? "du " : "au ", rest, NULL);
      if ((rest = skip_prefix (phrase, "les ")) != NULL)
        return g_strconcat (de ? "des " : "aux ", rest, NULL);
      if (g_str_has_prefix (phrase, "la ") || g_str_has_prefix (phrase, "l'") ||
          g_str_has_prefix (phrase, "l’"))
        return g_strconcat (de ? "de " : "à ", phrase, NULL);
      if (de && rpt_grammar_elides (language, phrase))
        return g_strconcat ("d'", phrase, NULL);
      return g_strconcat (de ? "de " : "à ", phrase, NULL);
    }
  if (g_strcmp0 (language, "es") == 0)
    {
      if ((rest = skip_prefix (phrase, "el ")) != NULL)
        return g_strconcat (de ? "del " : "al ", rest, NULL);
      return g_strconcat (de ? "de " : "a ", phrase, NULL);
    }
  return g_strconcat (de ? "of " : "to ", phrase, NULL);
}

/* ------------------------------------------------------------------ */
/* French typography                                                   */

typedef struct
{
  gunichar *chars;
  glong len;
  gboolean changed;
} Run;

static gboolean
is_space (gunichar c)
{
  return c == ' ' || c == NBSP || c == NARROW_NBSP;
}

/* Symbols and units a number keeps on its line: "60 %", "5 km". */
static const char *const units[] = {
  "%", "‰", "€", "$", "£", "°C", "km", "m", "cm", "mm", "kg", "g", "h", "min", NULL,
};

static gboolean
unit_follows (const Run *run, glong at)
{
  for (guint u = 0; units[u] != NULL; u++)
    {
      g_autofree gunichar *unit = g_utf8_to_ucs4_fast (units[u], -1, NULL);
      glong n = 0;
      gboolean match = TRUE;

      while (unit[n] != 0)
        n++;
      if (at + n > run->len)
        continue;
      for (glong k = 0; k < n && match; k++)
        match = run->chars[at + k] == unit[k];
      /* a whole word: "5 km", not "5 kilomètres" */
      if (match && (at + n == run->len || !g_unichar_isalnum (run->chars[at + n])))
        return TRUE;
    }
  return FALSE;
}

/**
 * rpt_grammar_apply_typography:
 * @language: the letter language
 * @runs: (element-type utf8): the text of one paragraph in reading order,
 *   in pieces (the text nodes between formatting); changed in place
 *
 * French typography: the space before ; : ? ! » and after « becomes a
 * narrow no-break space, and the space between a number and a unit or
 * symbol ("60 %") a no-break space, so they never part at a line end.
 * Only spaces already there change: nothing is inserted, so text the
 * drafter typed without spaces ("10:30", a URL) is left as it is. Other
 * languages are left as they are.
 */
void
rpt_grammar_apply_typography (const char *language, GPtrArray *runs)
{
  g_autofree Run *r = NULL;

  g_return_if_fail (runs != NULL);
  if (g_strcmp0 (language, "fr") != 0 || runs->len == 0)
    return;

  r = g_new0 (Run, runs->len);
  for (guint i = 0; i < runs->len; i++)
    r[i].chars = g_utf8_to_ucs4_fast (runs->pdata[i], -1, &r[i].len);

  for (guint i = 0; i < runs->len; i++)
    for (glong k = 0; k < r[i].len; k++)
      {
        gunichar c = r[i].chars[k];
        gunichar prev = 0, next = 0;
        gunichar want = 0;

        if (c != ' ' && c != NBSP)
          continue;
        /* the neighbours, across the pieces of the paragraph */
        if (k > 0)
          prev = r[i].chars[k - 1];
        else
          for (guint j = i; j > 0 && prev == 0; j--)
            if (r[j - 1].len > 0)
              prev = r[j - 1].chars[r[j - 1].len - 1];
        if (k + 1 < r[i].len)
          next = r[i].chars[k + 1];
        else
          for (guint j = i + 1; j < runs->len && next == 0; j++)
            if (r[j].len > 0)
              next = r[j].chars[0];

        if (next == ';' || next == ':' || next == '?' || next == '!' || next == 0x00BB ||
            prev == 0x00AB)
          want = NARROW_NBSP;
        else if (c == ' ' && g_unichar_isdigit (prev) && unit_follows (&r[i], k + 1))
          want = NBSP;
        if (want != 0 && want != c && !(is_space (prev) || is_space (next)))
          {
            r[i].chars[k] = want;
            r[i].changed = TRUE;
          }
      }

  for (guint i = 0; i < runs->len; i++)
    {
      if (r[i].changed)
        {
          g_free (runs->pdata[i]);
          runs->pdata[i] = g_ucs4_to_utf8 (r[i].chars, r[i].len, NULL, NULL, NULL);
        }
      g_free (r[i].chars);
    }
}
