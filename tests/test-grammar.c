/* test-grammar.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "rpt-test-util.h"

/*
 * The grammar French and Spanish letters need: contracted articles,
 * elision, and French spacing before ; : ? ! and inside « ».
 */

#define NNBSP "\u202F"
#define NBSP "\u00A0"

static void
test_contract (void)
{
  const struct
  {
    const char *language;
    RptPreposition preposition;
    const char *phrase, *want;
  } cases[] = {
    { "fr", RPT_PREPOSITION_DE, "le Tadjikistan", "du Tadjikistan" },
    { "fr", RPT_PREPOSITION_A, "le Tadjikistan", "au Tadjikistan" },
    { "fr", RPT_PREPOSITION_DE, "la République islamique d'Iran",
      "de la République islamique d'Iran" },
    { "fr", RPT_PREPOSITION_A, "la Côte d'Ivoire", "à la Côte d'Ivoire" },
    { "fr", RPT_PREPOSITION_DE, "l'Afghanistan", "de l'Afghanistan" },
    { "fr", RPT_PREPOSITION_DE, "les Philippines", "des Philippines" },
    { "fr", RPT_PREPOSITION_A, "les Philippines", "aux Philippines" },
    { "fr", RPT_PREPOSITION_DE, "Israël", "d'Israël" },
    { "fr", RPT_PREPOSITION_DE, "Haïti", "d'Haïti" },
    { "fr", RPT_PREPOSITION_DE, "El Salvador", "d'El Salvador" },
    { "fr", RPT_PREPOSITION_A, "Israël", "à Israël" },
    { "fr", RPT_PREPOSITION_DE, "Cuba", "de Cuba" },
    { "es", RPT_PREPOSITION_DE, "el Afganistán", "del Afganistán" },
    { "es", RPT_PREPOSITION_A, "el Afganistán", "al Afganistán" },
    { "es", RPT_PREPOSITION_DE, "El Salvador", "de El Salvador" },
    { "es", RPT_PREPOSITION_DE, "los Emiratos Árabes Unidos", "de los Emiratos Árabes Unidos" },
    { "es", RPT_PREPOSITION_A, "la India", "a la India" },
    { "es", RPT_PREPOSITION_DE, "Tayikistán", "de Tayikistán" },
    { "en", RPT_PREPOSITION_DE, "the Philippines", "of the Philippines" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got =
        rpt_grammar_contract (cases[i].language, cases[i].preposition, cases[i].phrase);
      g_assert_cmpstr (got, ==, cases[i].want);
    }
}

static void
test_elides (void)
{
  g_assert_true (rpt_grammar_elides ("fr", "Expert indépendant"));
  g_assert_true (rpt_grammar_elides ("fr", "Experte indépendante"));
  g_assert_true (rpt_grammar_elides ("fr", "Équateur"));
  g_assert_true (rpt_grammar_elides ("fr", "Haïti"));
  g_assert_false (rpt_grammar_elides ("fr", "Rapporteuse spéciale"));
  g_assert_false (rpt_grammar_elides ("fr", "Groupe de travail"));
  g_assert_false (rpt_grammar_elides ("fr", ""));
  g_assert_false (rpt_grammar_elides ("fr", NULL));
  /* only French elides */
  g_assert_false (rpt_grammar_elides ("es", "Experta Independiente"));
  g_assert_false (rpt_grammar_elides ("en", "Independent Expert"));
}

static char *
typeset (const char *language, const char *const *pieces)
{
  g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GString) out = g_string_new (NULL);

  for (guint i = 0; pieces[i] != NULL; i++)
    g_ptr_array_add (runs, g_strdup (pieces[i]));
  rpt_grammar_apply_typography (language, runs);
  for (guint i = 0; i < runs->len; i++)
    {
      if (i > 0)
        g_string_append_c (out, '|');
      g_string_append (out, runs->pdata[i]);
    }
  return g_string_free (g_steal_pointer (&out), FALSE);
}

#define assert_typeset(language, want, ...)                                                \
  G_STMT_START                                                                             \
  {                                                                                        \
    g_autofree char *got = typeset (language, (const char *const[]){ __VA_ARGS__, NULL }); \
    g_assert_cmpstr (got, ==, want);                                                       \
  }                                                                                        \
  G_STMT_END

static void
test_typography (void)
{
  assert_typeset ("fr", "Selon les informations reçues" NNBSP ":",
                  "Selon les informations reçues :");
  assert_typeset ("fr", "a" NNBSP "; b" NNBSP "? c" NNBSP "!", "a ; b ? c !");
  assert_typeset ("fr", "«" NNBSP "PIDCP" NNBSP "»", "« PIDCP »");
  /* a no-break space becomes the narrow one */
  assert_typeset ("fr", "Réf." NNBSP ":", "Réf." NBSP ":");
  /* across the pieces of a paragraph: "<b>summary</b> :" */
  assert_typeset ("fr", "les faits" NNBSP "|:", "les faits ", ":");
  assert_typeset ("fr", "«|" NNBSP "cité", "«", " cité");
  /* nothing is inserted where the drafter put no space */
  assert_typeset ("fr", "https://example.org à 10:30", "https://example.org à 10:30");
  /* a double space is the drafter's: left alone */
  assert_typeset ("fr", "a  : b", "a  : b");
  /* a number keeps its unit */
  assert_typeset ("fr", "60" NBSP "% des 5" NBSP "km", "60 % des 5 km");
  assert_typeset ("fr", "60 kilomètres", "60 kilomètres");
  /* other languages are left as they are */
  assert_typeset ("es", "Según la información recibida :", "Según la información recibida :");
  assert_typeset ("en", "Note : 60 %", "Note : 60 %");
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);

  g_test_add_func ("/grammar/contract", test_contract);
  g_test_add_func ("/grammar/elides", test_elides);
  g_test_add_func ("/grammar/typography", test_typography);

  return g_test_run ();
}
