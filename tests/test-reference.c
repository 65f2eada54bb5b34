/* test-reference.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <locale.h>
#include <string.h>

#include "rpt-data-private.h"
#include "rpt-test-util.h"

/*
 * Reference data: the built-in tables with their "as of" dates and
 * verification flags, the user's corrections, mandate titles and UN
 * country names in the letter language (with the feminine titles and the
 * forms after "de" and "à"), the clause library.
 */

static void
test_mandates (void)
{
  g_autoptr (RptReference) ref = rpt_reference_new (NULL);
  const RptMandateInfo *hrd = rpt_reference_lookup_mandate (ref, "sr-human-rights-defenders");
  const RptMandateInfo *foe = rpt_reference_lookup_mandate (ref, "sr-freedom-of-expression");
  const RptMandateInfo *wgad = rpt_reference_lookup_mandate (ref, "wg-arbitrary-detention");
  const RptMandateInfo *health = rpt_reference_lookup_mandate (ref, "sr-health");
  g_autoptr (GPtrArray) all = rpt_reference_list_mandates (ref);

  g_assert_cmpstrv (rpt_reference_get_problems (ref), ((const char *[]){ NULL }));
  g_assert_cmpuint (all->len, ==, 59);
  g_assert_true (all->pdata[0] == wgad);

  g_assert_nonnull (hrd);
  g_assert_cmpstr (hrd->title, ==, "Special Rapporteur on the situation of human rights defenders");
  g_assert_cmpstr (hrd->form, ==, "SR");
  g_assert_cmpstrv (hrd->resolutions, ((const char *[]){ "52/4", NULL }));
  g_assert_cmpstrv (foe->resolutions, ((const char *[]){ "52/9", NULL }));
  /* 52/4 and 52/9 come from the sample letter, not from a source. */
  g_assert_false (hrd->verified);
  g_assert_nonnull (strstr (hrd->verification, "not verified"));
  g_assert_cmpstr (hrd->as_of, ==, "2023-04-03");
  g_assert_cmpstr (hrd->source, ==, "built-in");

  g_assert_cmpstr (wgad->form, ==, "WG");
  g_assert_cmpstrv (wgad->resolutions, ((const char *[]){ "51/8", NULL }));
  g_assert_true (wgad->verified);
  g_assert_cmpstr (wgad->as_of, ==, "2022-10-06");

  /* no resolution found; title not attested word for word */
  g_assert_cmpstrv (health->resolutions, ((const char *[]){ NULL }));
  g_assert_false (health->verified);
  g_assert_nonnull (strstr (health->verification, "not attested"));

  g_assert_null (rpt_reference_lookup_mandate (ref, "no-such-mandate"));

  /* The English titles and resolutions are those of the later,
   * multilingual compilation: the first table lacked "its causes and
   * consequences", the 2024 renaming, and seven renewal numbers. */
  {
    const RptMandateInfo *vaw = rpt_reference_lookup_mandate (ref, "sr-violence-against-women");
    const RptMandateInfo *env = rpt_reference_lookup_mandate (ref, "sr-environment");
    const RptMandateInfo *torture = rpt_reference_lookup_mandate (ref, "sr-torture");
    guint n_resolutions = 0;

    g_assert_cmpstr (vaw->title, ==,
                     "Special Rapporteur on violence against women and girls, its causes and "
                     "consequences");
    /* with where it comes from */
    g_assert_nonnull (strstr (vaw->source_urls, "https://"));
    g_assert_nonnull (vaw->notes);
    g_assert_cmpstr (env->title, ==,
                     "Special Rapporteur on the human right to a clean, healthy and sustainable "
                     "environment");
    g_assert_cmpstrv (torture->resolutions, ((const char *[]){ "52/7", NULL }));
    g_assert_true (torture->verified);
    for (guint i = 0; i < all->len; i++)
      n_resolutions += ((const RptMandateInfo *) all->pdata[i])->resolutions[0] != NULL;
    /* PROVENANCE-names-and-titles.md: latest_renewal_resolution, 10 rows */
    g_assert_cmpuint (n_resolutions, ==, 10);
  }
}

static const char *
title_at (RptReference *ref,
          const char *key,
          const char *language,
          RptTitleForm form,
          const char *date,
          RptDating expected)
{
  RptDating dating = -1;
  const char *title = rpt_reference_lookup_title_at (ref, key, language, form, date, &dating, NULL);

  g_assert_cmpint (dating, ==, expected);
  return title;
}

/* mandate_title_history.csv: a letter dated in a year has the title of
 * that year, and says where the data cannot tell. */
static void
test_title_history (void)
{
  g_autoptr (RptReference) ref = rpt_reference_new (NULL);
  g_autoptr (GPtrArray) vaw = rpt_reference_list_title_history (ref, "sr-violence-against-women");
  g_autoptr (GPtrArray) none = rpt_reference_list_title_history (ref, "sr-torture");
  const RptTitleHistoryInfo *row = NULL;
  guint n = 0;

  g_assert_cmpstrv (rpt_reference_get_problems (ref), ((const char *[]){ NULL }));
  g_assert_cmpuint (vaw->len, ==, 4);
  g_assert_cmpuint (none->len, ==, 0);
  {
    g_autoptr (GPtrArray) all = rpt_reference_list_mandates (ref);
    for (guint i = 0; i < all->len; i++)
      {
        g_autoptr (GPtrArray) rows =
          rpt_reference_list_title_history (ref, ((const RptMandateInfo *) all->pdata[i])->key);
        n += rows->len;
      }
    /* every row of the file, each with its source */
    g_assert_cmpuint (n, ==, 23);
  }

  /* violence against women: "and girls" from July 2022 */
  g_assert_cmpstr (title_at (ref, "sr-violence-against-women", "en", RPT_TITLE_FORM_FEMININE,
                             "2019-05-01", RPT_DATING_KNOWN),
                   ==, "Special Rapporteur on violence against women, its causes and consequences");
  g_assert_cmpstr (title_at (ref, "sr-violence-against-women", "en", RPT_TITLE_FORM_FEMININE,
                             "2023-01-10", RPT_DATING_CURRENT),
                   ==,
                   "Special Rapporteur on violence against women and girls, its causes and "
                   "consequences");
  /* the change is dated by its month only */
  g_assert_cmpstr (title_at (ref, "sr-violence-against-women", "en", RPT_TITLE_FORM_FEMININE,
                             "2022-07-15", RPT_DATING_UNCERTAIN),
                   ==,
                   "Special Rapporteur on violence against women and girls, its causes and "
                   "consequences");
  /* ...and only that month: September is after it (the year of "2022-07"
   * made the whole of 2022 uncertain) */
  g_assert_cmpstr (title_at (ref, "sr-violence-against-women", "en", RPT_TITLE_FORM_FEMININE,
                             "2022-09-15", RPT_DATING_CURRENT),
                   ==,
                   "Special Rapporteur on violence against women and girls, its causes and "
                   "consequences");
  /* Spanish, in the form the holder uses */
  g_assert_cmpstr (title_at (ref, "sr-violence-against-women", "es", RPT_TITLE_FORM_FEMININE,
                             "2019-05-01", RPT_DATING_KNOWN),
                   ==,
                   "Relatora Especial sobre la violencia contra la mujer, sus causas y "
                   "consecuencias");
  g_assert_cmpstr (title_at (ref, "sr-violence-against-women", "es", RPT_TITLE_FORM_MASCULINE,
                             "2019-05-01", RPT_DATING_KNOWN),
                   ==,
                   "Relator Especial sobre la violencia contra la mujer, sus causas y "
                   "consecuencias");
  /* French has no earlier title in the data, English has: the current
   * French title, to be checked */
  g_assert_cmpstr (title_at (ref, "sr-violence-against-women", "fr", RPT_TITLE_FORM_FEMININE,
                             "2019-05-01", RPT_DATING_UNCERTAIN),
                   ==,
                   "Rapporteuse spéciale sur la violence contre les femmes et les filles, ses "
                   "causes et ses conséquences");
  g_assert_cmpstr (title_at (ref, "sr-violence-against-women", "fr", RPT_TITLE_FORM_FEMININE,
                             "2024-05-01", RPT_DATING_CURRENT),
                   ==,
                   "Rapporteuse spéciale sur la violence contre les femmes et les filles, ses "
                   "causes et ses conséquences");
  /* renamed twice */
  g_assert_cmpstr (title_at (ref, "sr-sale-of-children", "en", RPT_TITLE_FORM_UNSPECIFIED,
                             "2015-02-01", RPT_DATING_KNOWN),
                   ==,
                   "Special Rapporteur on the sale of children, child prostitution and child "
                   "pornography");
  g_assert_cmpstr (title_at (ref, "sr-sale-of-children", "en", RPT_TITLE_FORM_UNSPECIFIED,
                             "2019-02-01", RPT_DATING_KNOWN),
                   ==,
                   "Special Rapporteur on the sale and sexual exploitation of children, including "
                   "child prostitution, child pornography and other child sexual abuse material");
  /* "2016 (by 2019 at the latest)" */
  g_assert_cmpstr (title_at (ref, "sr-water-sanitation", "en", RPT_TITLE_FORM_UNSPECIFIED,
                             "2017-06-01", RPT_DATING_UNCERTAIN),
                   ==,
                   "Special Rapporteur on the human rights to safe drinking water and sanitation");
  g_assert_cmpstr (title_at (ref, "sr-water-sanitation", "en", RPT_TITLE_FORM_UNSPECIFIED,
                             "2013-06-01", RPT_DATING_KNOWN),
                   ==,
                   "Special Rapporteur on the human right to safe drinking water and sanitation");
  /* before the first title the history knows: the likeliest, to check */
  g_assert_cmpstr (title_at (ref, "sr-environment", "en", RPT_TITLE_FORM_UNSPECIFIED, "2016-01-01",
                             RPT_DATING_UNCERTAIN),
                   ==,
                   "Special Rapporteur on the issue of human rights obligations relating to the "
                   "enjoyment of a safe, clean, healthy and sustainable environment");
  /* two mandates before the merger of October 2025: no title can be
   * chosen */
  g_assert_null (title_at (ref, "sr-slavery-trafficking", "en", RPT_TITLE_FORM_UNSPECIFIED,
                           "2024-03-01", RPT_DATING_AMBIGUOUS));
  /* the French web variant of 2008 on is not dated: the current title */
  g_assert_cmpstr (title_at (ref, "sr-human-rights-defenders", "fr", RPT_TITLE_FORM_FEMININE,
                             "2020-03-01", RPT_DATING_CURRENT),
                   ==,
                   "Rapporteuse spéciale sur la situation des défenseurs des droits de l'homme");
  /* no date: the current title */
  g_assert_cmpstr (title_at (ref, "sr-violence-against-women", "en", RPT_TITLE_FORM_FEMININE, NULL,
                             RPT_DATING_CURRENT),
                   ==,
                   "Special Rapporteur on violence against women and girls, its causes and "
                   "consequences");

  /* provenance of every row */
  g_assert_nonnull (rpt_reference_lookup_title_at (
    ref, "sr-sale-of-children", "en", RPT_TITLE_FORM_UNSPECIFIED, "2015-02-01", NULL, &row));
  g_assert_nonnull (row);
  g_assert_cmpstr (row->used_from, ==, "1990");
  g_assert_cmpstr (row->used_until, ==, "2017-03");
  g_assert_cmpstr (row->changed_by, ==, "CHR res 1990/68");
  g_assert_true (row->verified);
  g_assert_true (g_str_has_prefix (row->verification, "yes: "));
  g_assert_true (g_str_has_prefix (row->source_url, "https://www.ohchr.org/"));
  g_assert_cmpstr (row->source, ==, "built-in");
}

static const char *
resolution_at (RptReference *ref, const char *key, const char *date)
{
  g_autoptr (GPtrArray) found = rpt_reference_find_resolutions_at (ref, key, date, NULL);

  g_assert_cmpuint (found->len, <=, 1);
  return found->len > 0 ? ((const RptResolutionInfo *) found->pdata[0])->number : NULL;
}

/* The resolution in force on a letter's date, or nothing where the data
 * cannot tell: a list that reads as complete must be complete. */
static void
test_resolutions_at (void)
{
  g_autoptr (RptReference) ref = rpt_reference_new (NULL);
  g_autoptr (GPtrArray) foe = rpt_reference_list_resolutions (ref, "sr-freedom-of-expression");
  g_autoptr (GPtrArray) found = NULL;
  g_autofree char *why = NULL;
  const RptResolutionInfo *first, *last;

  /* the sample letter, AL TJK 1/2025 */
  g_assert_cmpstr (resolution_at (ref, "sr-human-rights-defenders", "2025-04-23"), ==, "52/4");
  g_assert_cmpstr (resolution_at (ref, "sr-freedom-of-expression", "2025-04-23"), ==, "52/9");
  /* earlier renewals the data dates */
  g_assert_cmpstr (resolution_at (ref, "sr-human-rights-defenders", "2021-06-01"), ==, "43/16");
  g_assert_cmpstr (resolution_at (ref, "sr-freedom-of-expression", "2019-06-01"), ==, "34/18");
  g_assert_cmpstr (resolution_at (ref, "sr-freedom-of-expression", "2012-06-01"), ==, "16/4");
  g_assert_cmpstr (resolution_at (ref, "sr-torture", "2021-02-01"), ==, "43/20");
  g_assert_cmpstr (resolution_at (ref, "sr-torture", "2024-02-01"), ==, "52/7");
  /* 34/18 is dated by its year only: in 2017 the data cannot tell */
  g_assert_null (resolution_at (ref, "sr-freedom-of-expression", "2017-06-01"));
  /* the 2017 renewal of the defenders' mandate is not in the data */
  g_assert_null (resolution_at (ref, "sr-human-rights-defenders", "2019-06-01"));
  /* no resolution at all */
  g_assert_null (resolution_at (ref, "sr-freedom-assembly-association", "2025-04-23"));
  g_assert_null (resolution_at (ref, "no-such-mandate", "2025-04-23"));

  /* three years after the latest renewal the data knows, its renewal is
   * missing: said, not passed over */
  found = rpt_reference_find_resolutions_at (ref, "wg-arbitrary-detention", "2025-11-01", &why);
  g_assert_cmpuint (found->len, ==, 0);
  g_assert_nonnull (strstr (why, "51/8 (2022-10-06), ran for 3 years, to about 2025-10-06"));
  g_clear_pointer (&found, g_ptr_array_unref);
  g_clear_pointer (&why, g_free);
  found =
    rpt_reference_find_resolutions_at (ref, "sr-freedom-assembly-association", "2025-04-23", &why);
  g_assert_nonnull (strstr (why, "knows no dated Human Rights Council resolution"));

  /* every resolution, with its provenance; the Commission's are kept but
   * not cited as the Council's */
  first = foe->pdata[0];
  last = foe->pdata[foe->len - 1];
  g_assert_cmpstr (first->number, ==, "1993/45");
  g_assert_false (first->council);
  g_assert_cmpstr (last->number, ==, "52/9");
  g_assert_cmpstr (last->date, ==, "2023-04-03");
  g_assert_true (last->council);
  g_assert_false (last->verified);
  g_assert_nonnull (strstr (last->verification, "partial"));
  g_assert_cmpuint (foe->len, ==, 7);

  g_assert_cmpuint (rpt_reference_get_renewal_period (ref, "sr-iran"), ==, 1);
  g_assert_cmpuint (rpt_reference_get_renewal_period (ref, "sr-torture"), ==, 3);
  g_assert_cmpuint (rpt_reference_get_renewal_period (ref, "sr-opt"), ==, 0);
}

/* French and Spanish titles from special_procedures_mandates_multilingual.csv,
 * with the feminine form a holder uses and how far each is attested. */
static void
test_mandate_titles (void)
{
  g_autoptr (RptReference) ref = rpt_reference_new (NULL);
  const RptMandateInfo *hrd = rpt_reference_lookup_mandate (ref, "sr-human-rights-defenders");
  const RptMandateInfo *wgad = rpt_reference_lookup_mandate (ref, "wg-arbitrary-detention");
  const RptMandateInfo *debt = rpt_reference_lookup_mandate (ref, "ie-foreign-debt");
  const RptMandateInfo *haiti = rpt_reference_lookup_mandate (ref, "ie-haiti");
  g_autoptr (GPtrArray) all = rpt_reference_list_mandates (ref);
  guint n_fr = 0, n_es = 0;

  g_assert_cmpstr (rpt_mandate_info_get_title (hrd, "fr"), ==,
                   "Rapporteur spécial sur la situation des défenseurs des droits de l'homme");
  g_assert_cmpstr (rpt_mandate_info_lookup_title (hrd, "fr", RPT_TITLE_FORM_UNSPECIFIED), ==,
                   "Rapporteur spécial sur la situation des défenseurs des droits de l'homme");
  g_assert_cmpstr (rpt_mandate_info_lookup_title (hrd, "fr", RPT_TITLE_FORM_FEMININE), ==,
                   "Rapporteuse spéciale sur la situation des défenseurs des droits de l'homme");
  g_assert_cmpstr (rpt_mandate_info_lookup_title (hrd, "es", RPT_TITLE_FORM_FEMININE), ==,
                   "Relatora Especial sobre la situación de los defensores de los derechos "
                   "humanos");
  g_assert_cmpstr (rpt_mandate_info_lookup_title (hrd, "es", RPT_TITLE_FORM_MASCULINE), ==,
                   "Relator Especial sobre la situación de los defensores de los derechos humanos");
  /* English titles have one form */
  g_assert_cmpstr (rpt_mandate_info_lookup_title (hrd, "en", RPT_TITLE_FORM_FEMININE), ==,
                   hrd->title);
  g_assert_cmpstr (rpt_mandate_info_get_title_attested (hrd, "fr"), ==, "yes");
  g_assert_cmpstr (rpt_mandate_info_get_title_attested (wgad, "es"), ==, "no");

  /* Working Groups are unaffected by the holder's form of title */
  g_assert_null (wgad->title_fr_feminine);
  g_assert_cmpstr (rpt_mandate_info_lookup_title (wgad, "fr", RPT_TITLE_FORM_FEMININE), ==,
                   "Groupe de travail sur la détention arbitraire");
  g_assert_cmpstr (rpt_mandate_info_lookup_title (wgad, "es", RPT_TITLE_FORM_FEMININE), ==,
                   "Grupo de Trabajo sobre la Detención Arbitraria");

  /* "Experte indépendante chargée", "Experta Independiente" */
  g_assert_true (
    g_str_has_prefix (rpt_mandate_info_lookup_title (debt, "fr", RPT_TITLE_FORM_FEMININE),
                      "Experte indépendante chargée d'examiner"));
  g_assert_true (
    g_str_has_prefix (rpt_mandate_info_lookup_title (debt, "es", RPT_TITLE_FORM_FEMININE),
                      "Experta Independiente sobre"));

  /* The data has no French or Spanish title for the Haiti expert: no
   * fallback here, the letter shows a gap (test-template). */
  g_assert_null (rpt_mandate_info_lookup_title (haiti, "fr", RPT_TITLE_FORM_MASCULINE));
  g_assert_null (rpt_mandate_info_lookup_title (haiti, "es", RPT_TITLE_FORM_FEMININE));
  g_assert_cmpstr (rpt_mandate_info_get_title (haiti, "fr"), ==, haiti->title);

  for (guint i = 0; i < all->len; i++)
    {
      const RptMandateInfo *m = all->pdata[i];
      n_fr += m->title_fr != NULL;
      n_es += m->title_es != NULL;
    }
  /* PROVENANCE-names-and-titles.md: 58 of 59 in each language */
  g_assert_cmpuint (n_fr, ==, 58);
  g_assert_cmpuint (n_es, ==, 58);
}

static void
test_treaties (void)
{
  g_autoptr (RptReference) ref = rpt_reference_new (NULL);
  const RptTreatyStatus *tjk = rpt_reference_lookup_treaty_status (ref, "ICCPR", "TJK");
  const RptTreatyStatus *op = rpt_reference_lookup_treaty_status (ref, "OP-CEDAW", "TJK");
  const RptTreatyStatus *bih = rpt_reference_lookup_treaty_status (ref, "ICCPR", "BIH");
  const RptInstrumentInfo *iccpr = rpt_reference_lookup_instrument (ref, "ICCPR");

  /* The accession date the sample letter cites. */
  g_assert_nonnull (tjk);
  g_assert_cmpstr (tjk->consent_date, ==, "1999-01-04");
  g_assert_cmpint (tjk->action, ==, RPT_TREATY_ACTION_ACCESSION);
  g_assert_null (tjk->signature_date);
  g_assert_false (tjk->verified);
  g_assert_cmpstr (tjk->as_of, ==, "2014-07-10");
  g_assert_nonnull (strstr (tjk->verification, "snapshot"));

  g_assert_cmpstr (op->signature_date, ==, "2000-09-07");
  g_assert_cmpint (op->action, ==, RPT_TREATY_ACTION_RATIFICATION);
  g_assert_cmpint (bih->action, ==, RPT_TREATY_ACTION_SUCCESSION);

  /* Tajikistan has not joined the CRPD (as of the snapshot): no row. */
  g_assert_null (rpt_reference_lookup_treaty_status (ref, "CRPD", "TJK"));

  g_assert_cmpstr (iccpr->title, ==, "International Covenant on Civil and Political Rights");
  g_assert_cmpstr (rpt_treaty_action_to_string (RPT_TREATY_ACTION_ACCESSION), ==, "accession");
}

static void
test_legal (void)
{
  g_autoptr (RptReference) ref = rpt_reference_new (NULL);
  const RptLegalReference *iccpr = rpt_reference_lookup_legal (ref, "iccpr");
  const RptLegalReference *art19 = rpt_reference_lookup_legal (ref, "iccpr-art19");
  const RptLegalReference *gc37 = rpt_reference_lookup_legal (ref, "hrc-gc37");
  g_autoptr (GPtrArray) all = rpt_reference_list_legal (ref);

  g_assert_cmpuint (all->len, ==, 18);
  g_assert_true (iccpr->verified);
  g_assert_cmpstr (iccpr->as_of, ==, "2026-11-28");
  g_assert_cmpstr (art19->parent, ==, "iccpr");
  g_assert_false (art19->verified); /* "label editorial" */
  g_assert_false (gc37->verified);  /* "yes (date conflict)" */
  g_assert_nonnull (strstr (gc37->verification, "date conflict"));
}

static void
test_countries (void)
{
  g_autoptr (RptReference) ref = rpt_reference_new (NULL);
  g_autofree char *en = rpt_reference_dup_country_name (ref, "TJK", "en");
  g_autofree char *fr = rpt_reference_dup_country_name (ref, "TJK", "fr");
  g_autofree char *es = rpt_reference_dup_country_name (ref, "TJK", "es");
  g_autofree char *bol = rpt_reference_dup_country_name (ref, "BOL", "en");
  g_autofree char *irn = rpt_reference_dup_country_name (ref, "IRN", "en");
  g_autofree char *unknown = rpt_reference_dup_country_name (ref, "ZZZ", "en");

  /* The UN's names, as running text writes them, with their article */
  g_assert_cmpstr (en, ==, "Tajikistan");
  g_assert_cmpstr (fr, ==, "le Tadjikistan");
  g_assert_cmpstr (es, ==, "Tayikistán");
  g_assert_cmpstr (setlocale (LC_ALL, NULL), ==, "C.UTF-8");
  /* Not the ISO forms "Bolivia, Plurinational State of", "Iran" */
  g_assert_cmpstr (bol, ==, "the Plurinational State of Bolivia");
  g_assert_cmpstr (irn, ==, "the Islamic Republic of Iran");
  g_assert_null (unknown);
  g_assert_true (rpt_reference_has_country (ref, "TJK"));
  g_assert_false (rpt_reference_has_country (ref, "OTH"));
}

static char *
form (RptReference *ref, const char *code, const char *language, RptCountryForm f)
{
  return rpt_reference_dup_country_form (ref, code, language, f, NULL);
}

/* The forms after "de" and "à", with their provenance. */
static void
test_country_forms (void)
{
  g_autoptr (RptReference) ref = rpt_reference_new (NULL);
  const RptCountryInfo *tur = rpt_reference_lookup_country (ref, "TUR");
  const RptCountryInfo *tjk = rpt_reference_lookup_country (ref, "TJK");
  struct
  {
    const char *code, *language;
    RptCountryForm form;
    const char *want;
  } cases[] = {
    { "TJK", "fr", RPT_COUNTRY_FORM_AFTER_DE, "du Tadjikistan" },
    { "TJK", "fr", RPT_COUNTRY_FORM_AFTER_A, "au Tadjikistan" },
    { "IRN", "fr", RPT_COUNTRY_FORM_IN_TEXT, "la République islamique d'Iran" },
    { "IRN", "fr", RPT_COUNTRY_FORM_AFTER_DE, "de la République islamique d'Iran" },
    { "PHL", "fr", RPT_COUNTRY_FORM_AFTER_A, "aux Philippines" },
    { "ISR", "fr", RPT_COUNTRY_FORM_AFTER_DE, "d'Israël" },
    { "HTI", "fr", RPT_COUNTRY_FORM_AFTER_DE, "d'Haïti" },
    { "AFG", "es", RPT_COUNTRY_FORM_AFTER_DE, "del Afganistán" },
    { "AFG", "es", RPT_COUNTRY_FORM_AFTER_A, "al Afganistán" },
    { "SLV", "es", RPT_COUNTRY_FORM_AFTER_DE, "de El Salvador" },
    { "IRN", "en", RPT_COUNTRY_FORM_LIST, "Iran (Islamic Republic of)" },
    { "PHL", "en", RPT_COUNTRY_FORM_IN_TEXT, "the Philippines" },
    { "SYR", "en", RPT_COUNTRY_FORM_IN_TEXT, "the Syrian Arab Republic" },
  };
  gboolean from_un = TRUE;
  g_autofree char *twn = NULL;
  g_autofree char *twn_de = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = form (ref, cases[i].code, cases[i].language, cases[i].form);
      g_assert_cmpstr (got, ==, cases[i].want);
    }

  /* Every row says how far it can be trusted */
  g_assert_true (tjk->verified);
  g_assert_cmpstr (tjk->un_member, ==, "yes");
  g_assert_cmpstr (tjk->source, ==, "built-in");
  g_assert_false (tur->verified);
  g_assert_nonnull (strstr (tur->verification, "set by hand"));
  g_assert_cmpstr (rpt_reference_lookup_country (ref, "VAT")->un_member, ==, "observer");

  /* A State the UN table lacks: the ISO name, translated, and the
   * contraction rules for its forms; the caller is told. */
  twn = rpt_reference_dup_country_form (ref, "TWN", "fr", RPT_COUNTRY_FORM_IN_TEXT, &from_un);
  twn_de = form (ref, "TWN", "fr", RPT_COUNTRY_FORM_AFTER_DE);
  g_assert_false (from_un);
  g_assert_nonnull (twn);
  g_assert_true (g_str_has_prefix (twn_de, "de ") || g_str_has_prefix (twn_de, "d'"));
  g_assert_null (rpt_reference_lookup_country (ref, "TWN"));
}

typedef struct
{
  const char *language, *in_text, *want;
  RptPreposition preposition;
} FormCase;

/* The contraction rules agree with every form the UN table gives: a
 * State the table lacks, or a name the user sets, gets the same grammar. */
static void
test_country_rules (void)
{
  g_autoptr (RptReference) ref = rpt_reference_new (NULL);
  g_autofree char *path = rpt_test_source_path ("data", "reference", "un_country_names.csv", NULL);
  g_autofree char *contents = NULL;
  g_auto (GStrv) lines = NULL;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 1; lines[i] != NULL; i++)
    {
      const RptCountryInfo *c;
      g_autofree char *code = g_strndup (lines[i], 3);

      if (strlen (lines[i]) < 3)
        continue;
      c = rpt_reference_lookup_country (ref, code);
      g_assert_nonnull (c);
      {
        const FormCase forms[] = {
          { "fr", c->name_fr, c->fr_de, RPT_PREPOSITION_DE },
          { "fr", c->name_fr, c->fr_a, RPT_PREPOSITION_A },
          { "es", c->name_es, c->es_de, RPT_PREPOSITION_DE },
          { "es", c->name_es, c->es_a, RPT_PREPOSITION_A },
        };
        for (guint k = 0; k < G_N_ELEMENTS (forms); k++)
          {
            g_autofree char *got =
              rpt_grammar_contract (forms[k].language, forms[k].preposition, forms[k].in_text);
            if (g_strcmp0 (got, forms[k].want) != 0)
              g_error ("%s: the rule gives “%s”, the data “%s”", code, got, forms[k].want);
          }
      }
      n++;
    }
  g_assert_cmpuint (n, ==, 195);
}

static gpointer
names_thread (gpointer data)
{
  RptReference *ref = data;
  const char *langs[] = { "fr", "es", "en" };

  for (guint i = 0; i < 300; i++)
    {
      g_autofree char *name = rpt_reference_dup_country_name (ref, "TJK", langs[i % 3]);
      g_assert_nonnull (name);
    }
  return NULL;
}

/* Names in several languages from several threads at once. */
static void
test_countries_threads (void)
{
  g_autoptr (RptReference) ref = rpt_reference_new (NULL);
  GThread *threads[4];

  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    threads[i] = g_thread_new ("names", names_thread, ref);
  for (guint i = 0; i < G_N_ELEMENTS (threads); i++)
    g_thread_join (threads[i]);
}

static void
write_file (const char *dir, const char *name, const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_autoptr (GError) error = NULL;

  g_file_set_contents (path, contents, -1, &error);
  g_assert_no_error (error);
}

/* A user corrects and extends the data without rebuilding. */
static void
test_override (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr (RptReference) ref = NULL;
  const RptMandateInfo *hrd, *foe;
  const RptTreatyStatus *fji, *tjk;
  g_autofree char *bol = NULL;
  g_autofree char *bol_fr = NULL;
  g_autofree char *tjk_fr = NULL;
  const char *const *problems;

  write_file (dir, "special_procedures_mandates.csv",
              "mandate_key,latest_renewal_resolution,as_of,verified,verification\r\n"
              "sr-human-rights-defenders,61/12,2026-04-04,yes,\"checked in A/HRC/RES/61/12, "
              "operative paragraph 1\"\r\n"
              "sr-new-mandate,52/1,,,\r\n"
              "sr-torture,61/2,,,\r\n");
  write_file (dir, "treaty_participation_untc_snapshot_2014-2015.csv",
              "instrument,iso3,consent_date,consent_action,as_of,verified\n"
              "ICCPR,FJI,2018-08-16,accession,2026-01-10,yes\n"
              "ICCPR,TJK,1999-13-04,accession,,\n");
  write_file (dir, "special_procedures_mandates_multilingual.csv",
              "mandate_key,title_en\n"
              "sr-torture,Special Rapporteur on torture (corrected)\n");
  write_file (dir, "countries.csv",
              "alpha_3,name,name_fr,name_es\n"
              "BOL,the Plurinational State of Bolivia,l'État plurinational de Bolivie (du "
              "fichier),\n");
  ref = rpt_reference_new (dir);
  g_assert_cmpstr (rpt_reference_get_override_dir (ref), ==, dir);

  /* a corrected row keeps the columns the user left out */
  hrd = rpt_reference_lookup_mandate (ref, "sr-human-rights-defenders");
  g_assert_cmpstrv (hrd->resolutions, ((const char *[]){ "61/12", NULL }));
  g_assert_cmpstr (hrd->title, ==, "Special Rapporteur on the situation of human rights defenders");
  g_assert_true (hrd->verified);
  g_assert_cmpstr (hrd->as_of, ==, "2026-04-04");
  g_assert_cmpstr (hrd->verification, ==, "checked in A/HRC/RES/61/12, operative paragraph 1");
  g_assert_true (g_str_has_prefix (hrd->source, dir));
  /* a new mandate without a title is refused, and said so */
  g_assert_null (rpt_reference_lookup_mandate (ref, "sr-new-mandate"));
  /* an undated renewal counts after the latest the data dates (52/7,
   * 3 April 2023) */
  g_assert_cmpstr (resolution_at (ref, "sr-torture", "2024-01-10"), ==, "61/2");
  g_assert_cmpstr (resolution_at (ref, "sr-torture", "2021-01-10"), ==, "43/20");
  /* an English title the user gives wins over the built-in one */
  g_assert_cmpstr (rpt_reference_lookup_mandate (ref, "sr-torture")->title, ==,
                   "Special Rapporteur on torture (corrected)");
  /* the user's renewal counts from its date on; before it, the data's */
  g_assert_cmpstr (resolution_at (ref, "sr-human-rights-defenders", "2026-05-01"), ==, "61/12");
  g_assert_cmpstr (resolution_at (ref, "sr-human-rights-defenders", "2025-04-23"), ==, "52/4");
  /* the others are untouched */
  foe = rpt_reference_lookup_mandate (ref, "sr-freedom-of-expression");
  g_assert_cmpstrv (foe->resolutions, ((const char *[]){ "52/9", NULL }));

  fji = rpt_reference_lookup_treaty_status (ref, "ICCPR", "FJI");
  g_assert_nonnull (fji);
  g_assert_cmpstr (fji->consent_date, ==, "2018-08-16");
  g_assert_true (fji->verified);
  /* a bad date is reported and the built-in row stays */
  tjk = rpt_reference_lookup_treaty_status (ref, "ICCPR", "TJK");
  g_assert_cmpstr (tjk->consent_date, ==, "1999-01-04");

  bol = rpt_reference_dup_country_name (ref, "BOL", "en");
  bol_fr = rpt_reference_dup_country_name (ref, "BOL", "fr");
  tjk_fr = rpt_reference_dup_country_name (ref, "TJK", "fr");
  g_assert_cmpstr (bol, ==, "the Plurinational State of Bolivia");
  g_assert_cmpstr (bol_fr, ==, "l'État plurinational de Bolivie (du fichier)");
  g_assert_cmpstr (tjk_fr, ==, "le Tadjikistan");
  /* the user's name takes the contraction rules */
  {
    g_autofree char *bol_de = form (ref, "BOL", "fr", RPT_COUNTRY_FORM_AFTER_DE);
    g_assert_cmpstr (bol_de, ==, "de l'État plurinational de Bolivie (du fichier)");
  }

  problems = rpt_reference_get_problems (ref);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 2);
  g_assert_nonnull (strstr (problems[0], "row 3: the mandate sr-new-mandate has no title"));
  g_assert_nonnull (strstr (problems[1], "row 3: a date is not YYYY-MM-DD"));

  rpt_test_rm_rf (dir);
}

/* A user corrects a French title, or the form a letter uses. */
static void
test_override_titles (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr (RptReference) ref = NULL;
  const RptMandateInfo *hrd, *foe;
  const char *const *problems;

  write_file (dir, "special_procedures_mandates_multilingual.csv",
              "mandate_key,title_fr,title_fr_feminine\n"
              "sr-human-rights-defenders,Rapporteur spécial sur la situation des défenseurs et "
              "défenseuses des droits humains,Rapporteuse spéciale sur la situation des défenseurs "
              "et défenseuses des droits humains\n"
              "sr-no-such-mandate,Rapporteur spécial,\n");
  ref = rpt_reference_new (dir);
  hrd = rpt_reference_lookup_mandate (ref, "sr-human-rights-defenders");
  foe = rpt_reference_lookup_mandate (ref, "sr-freedom-of-expression");
  g_assert_cmpstr (hrd->title_fr_feminine, ==,
                   "Rapporteuse spéciale sur la situation des défenseurs et défenseuses des "
                   "droits humains");
  /* the user vouches for it */
  g_assert_cmpstr (hrd->title_fr_attested, ==, "yes");
  /* columns left out keep the built-in value */
  g_assert_cmpstr (hrd->title_es, ==,
                   "Relator Especial sobre la situación de los defensores de los derechos humanos");
  g_assert_cmpstr (foe->title_fr, ==,
                   "Rapporteur spécial sur la promotion et la protection du droit à la liberté "
                   "d'opinion et d'expression");
  problems = rpt_reference_get_problems (ref);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 1);
  g_assert_nonnull (strstr (problems[0], "row 3: there is no mandate “sr-no-such-mandate”"));
  rpt_test_rm_rf (dir);
}

/* A broken file of the user's does not take the built-in data with it. */
static void
test_override_broken (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr (RptReference) ref = NULL;
  const char *const *problems;

  write_file (dir, "special_procedures_mandates.csv",
              "mandate_key,title_en\nsr-x,\"an unclosed quote\n");
  write_file (dir, "legal_references.csv", "no,key,column\n1,2,3\n");
  ref = rpt_reference_new (dir);
  problems = rpt_reference_get_problems (ref);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 2);
  g_assert_nonnull (strstr (problems[0], "special_procedures_mandates.csv:3: a quoted field is "
                                         "not closed"));
  g_assert_nonnull (strstr (problems[1], "“ref_key”"));
  g_assert_nonnull (rpt_reference_lookup_mandate (ref, "sr-human-rights-defenders"));
  g_assert_nonnull (rpt_reference_lookup_legal (ref, "iccpr"));
  rpt_test_rm_rf (dir);
}

/* The default reference data reads the user's folder in $XDG_DATA_HOME. */
static void
test_default (void)
{
  g_autofree char *dir = rpt_reference_dup_default_override_dir ();
  RptReference *ref = rpt_reference_get_default ();

  g_assert_true (g_str_has_prefix (dir, g_get_user_data_dir ()));
  g_assert_true (g_str_has_suffix (dir, "/rapporteur/reference"));
  g_assert_cmpstr (rpt_reference_get_override_dir (ref), ==, dir);
  g_assert_true (rpt_reference_get_default () == ref);
}

static void
test_clauses (void)
{
  g_autoptr (RptReference) ref = rpt_reference_new (NULL);
  g_autoptr (GPtrArray) questions = rpt_reference_list_clauses (ref, "en", RPT_PART_QUESTIONS);
  g_autoptr (GPtrArray) annex = rpt_reference_list_clauses (ref, "en", RPT_PART_ANNEX);
  g_autoptr (GPtrArray) all = rpt_reference_list_clauses (ref, "fr", RPT_N_PARTS);
  RptClause *first = questions->pdata[0];
  gboolean found_treaty = FALSE;

  g_assert_cmpstr (first->key, ==, "question-additional-information");
  g_assert_cmpstr (first->markup, ==,
                   "Please provide any additional information and/or comment(s) you may have on "
                   "the above-mentioned allegations.");
  g_assert_cmpint (first->part, ==, RPT_PART_QUESTIONS);
  g_assert_cmpuint (all->len, >=, questions->len + annex->len);

  for (guint i = 0; i < all->len; i++)
    {
      RptClause *c = all->pdata[i];
      g_autoptr (GError) error = NULL;

      /* Every clause is inline markup the model takes as it is. */
      g_assert_true (rpt_markup_validate (c->markup, &error));
      g_assert_no_error (error);
      g_assert_nonnull (c->title);
      if (c->reference != NULL)
        g_assert_nonnull (rpt_reference_lookup_legal (ref, c->reference));
    }
  for (guint i = 0; i < annex->len; i++)
    {
      RptClause *c = annex->pdata[i];
      if (strstr (c->markup, "<treaty-status instrument=\"ICCPR\"/>") != NULL)
        found_treaty = TRUE;
      if (g_str_equal (c->key, "annex-iccpr-art19"))
        g_assert_nonnull (strstr (c->markup, "<i>inter alia</i>"));
    }
  g_assert_true (found_treaty);
}

static void
test_csv (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptReference) ref = NULL;
  g_autofree char *dir = rpt_test_make_tmpdir ();
  const RptLegalReference *l;

  /* quotes, doubled quotes, commas and line breaks inside fields, a BOM */
  write_file (dir, "legal_references.csv",
              "\xEF\xBB\xBFref_key,title,notes\n"
              "x-one,\"a \"\"quoted\"\", title, with commas\nand a line break\",n\n"
              "\n"
              "x-two,plain,");
  ref = rpt_reference_new (dir);
  g_assert_cmpstrv (rpt_reference_get_problems (ref), ((const char *[]){ NULL }));
  l = rpt_reference_lookup_legal (ref, "x-one");
  g_assert_cmpstr (l->title, ==, "a \"quoted\", title, with commas\nand a line break");
  g_assert_false (l->verified);
  l = rpt_reference_lookup_legal (ref, "x-two");
  g_assert_cmpstr (l->title, ==, "plain");
  rpt_test_rm_rf (dir);
}

/* How old a row is at a letter's date: the rule the checks and the
 * Reference Data page share for "probably out of date". */
static void
test_stale (void)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *last_year = g_strdup_printf ("%04d-01", g_date_time_get_year (now) - 1);

  g_assert_cmpint (rpt_reference_months_since ("2023-04", "2026-04-23"), ==, 36);
  g_assert_false (rpt_reference_as_of_is_stale ("2023-04", "2026-04-23"));
  g_assert_cmpint (rpt_reference_months_since ("2023-04", "2026-05-01"), ==, 37);
  g_assert_true (rpt_reference_as_of_is_stale ("2023-04", "2026-05-01"));
  /* A year alone counts as its December; a full date as its month. */
  g_assert_cmpint (rpt_reference_months_since ("2014", "2015-12-31"), ==, 12);
  g_assert_cmpint (rpt_reference_months_since ("2014-03-17", "2014-05-01"), ==, 2);
  /* Unknown or unreadable: not said to be old. */
  g_assert_cmpint (rpt_reference_months_since (NULL, "2026-01-01"), ==, 0);
  g_assert_cmpint (rpt_reference_months_since ("n.d.", "2026-01-01"), ==, 0);
  g_assert_false (rpt_reference_as_of_is_stale (NULL, NULL));
  /* No date, or a bad one: today's. */
  g_assert_true (rpt_reference_as_of_is_stale ("2014-03", NULL));
  g_assert_true (rpt_reference_as_of_is_stale ("2014-03", "2026-13-45"));
  g_assert_false (rpt_reference_as_of_is_stale (last_year, NULL));
}

/* Tables are read when first asked for; whichever is read first, the
 * problems keep the order of the tables, and a table read later still
 * sees the user's file. */
static void
test_read_on_demand (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr (RptReference) ref = NULL;
  const RptTreatyStatus *tjk;
  const char *const *problems;

  write_file (dir, "treaty_participation_untc_snapshot_2014-2015.csv",
              "instrument,iso3,consent_date,consent_action\n"
              "ICCPR,TJK,1999-13-04,accession\n");
  ref = rpt_reference_new (dir);
  /* written after the reference was made, before the table is read */
  write_file (dir, "special_procedures_mandates.csv",
              "mandate_key,latest_renewal_resolution\n"
              "sr-new-mandate,52/1\n");

  tjk = rpt_reference_lookup_treaty_status (ref, "ICCPR", "TJK");
  g_assert_cmpstr (tjk->consent_date, ==, "1999-01-04");
  problems = rpt_reference_get_problems (ref);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 2);
  g_assert_nonnull (strstr (problems[0], "the mandate sr-new-mandate has no title"));
  g_assert_nonnull (strstr (problems[1], "a date is not YYYY-MM-DD"));
  /* asked again, the same list */
  g_assert_true (rpt_reference_get_problems (ref) == problems);
  rpt_test_rm_rf (dir);
}

typedef struct
{
  RptReference *ref;
  guint which;
} TableThread;

static gpointer
table_thread (gpointer data)
{
  TableThread *t = data;

  for (guint i = 0; i < 50; i++)
    switch ((t->which + i) % 4)
      {
      case 0:
        g_assert_nonnull (rpt_reference_lookup_mandate (t->ref, "sr-human-rights-defenders"));
        break;
      case 1:
        g_assert_nonnull (rpt_reference_lookup_treaty_status (t->ref, "ICCPR", "TJK"));
        break;
      case 2:
        g_assert_nonnull (rpt_reference_lookup_legal (t->ref, "iccpr-art19"));
        break;
      default:
        {
          g_autofree char *name = rpt_reference_dup_country_name (t->ref, "TJK", "fr");
          g_assert_cmpstr (name, ==, "le Tadjikistan");
        }
      }
  return NULL;
}

/* Threads that first ask for different tables at once each get a whole
 * table (the preview and an export may start together). */
static void
test_read_on_demand_threads (void)
{
  for (guint round = 0; round < 20; round++)
    {
      g_autoptr (RptReference) ref = rpt_reference_new (NULL);
      TableThread t[4];
      GThread *threads[4];

      for (guint i = 0; i < 4; i++)
        {
          t[i] = (TableThread){ ref, i };
          threads[i] = g_thread_new ("table", table_thread, &t[i]);
        }
      for (guint i = 0; i < 4; i++)
        g_thread_join (threads[i]);
      g_assert_cmpstrv (rpt_reference_get_problems (ref), ((const char *[]){ NULL }));
    }
}

/* The edges of the CSV reader: an empty last field after a comma, a
 * quoted empty field, CR LF and lone CR line ends, and the errors. */
static void
test_csv_edges (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  const RptLegalReference *l;

  {
    g_autoptr (RptReference) ref = NULL;

    write_file (dir, "legal_references.csv",
                "ref_key,title,notes\r\n"
                "x-one,\"\",n\r"
                "x-two,a \"b\" c,\r\n"
                "x-three,three,");
    ref = rpt_reference_new (dir);
    g_assert_cmpstrv (rpt_reference_get_problems (ref), ((const char *[]){ NULL }));
    l = rpt_reference_lookup_legal (ref, "x-one");
    g_assert_null (l->title); /* an empty value is no value */
    l = rpt_reference_lookup_legal (ref, "x-two");
    g_assert_cmpstr (l->title, ==, "a \"b\" c");
    l = rpt_reference_lookup_legal (ref, "x-three");
    g_assert_cmpstr (l->title, ==, "three");
  }
  {
    g_autoptr (RptReference) ref = NULL;
    const char *const *problems;

    write_file (dir, "legal_references.csv", "ref_key,title\nx-one,\"closed\" not\n");
    ref = rpt_reference_new (dir);
    problems = rpt_reference_get_problems (ref);
    g_assert_cmpuint (g_strv_length ((char **) problems), ==, 1);
    g_assert_nonnull (strstr (problems[0], "legal_references.csv:2: text after the closing quote"));
    /* the built-in rows stay */
    g_assert_nonnull (rpt_reference_lookup_legal (ref, "iccpr-art19"));
  }
  rpt_test_rm_rf (dir);
}

/* The built-in treaty rows are made when looked up: the same values as
 * when the whole table is read (a user's copy of it is read whole), the
 * same object every time, still there after the problems are listed. */
static void
test_treaties_on_demand (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *table = rpt_test_source_path (
    "data", "reference", "treaty_participation_untc_snapshot_2014-2015.csv", NULL);
  g_autofree char *data = NULL;
  g_autoptr (GPtrArray) rows = NULL;
  g_autoptr (RptReference) lazy = rpt_reference_new (NULL);
  g_autoptr (RptReference) whole = NULL;
  g_autoptr (GError) error = NULL;
  const RptTreatyStatus *tjk;
  gsize length;
  guint compared = 0;

  g_file_get_contents (table, &data, &length, &error);
  g_assert_no_error (error);
  write_file (dir, "treaty_participation_untc_snapshot_2014-2015.csv", data);
  whole = rpt_reference_new (dir);
  rows = _rpt_csv_parse (data, length, "treaties", &error);
  g_assert_no_error (error);

  tjk = rpt_reference_lookup_treaty_status (lazy, "ICCPR", "TJK");
  for (guint r = 1; r < rows->len; r++)
    {
      char **row = rows->pdata[r]; /* instrument, participant, iso3, … */
      const RptTreatyStatus *a = rpt_reference_lookup_treaty_status (lazy, row[0], row[2]);
      const RptTreatyStatus *b = rpt_reference_lookup_treaty_status (whole, row[0], row[2]);

      g_assert_true ((a == NULL) == (b == NULL));
      if (a == NULL)
        continue;
      g_assert_cmpstr (a->instrument, ==, b->instrument);
      g_assert_cmpstr (a->country, ==, b->country);
      g_assert_cmpstr (a->signature_date, ==, b->signature_date);
      g_assert_cmpstr (a->consent_date, ==, b->consent_date);
      g_assert_cmpint (a->action, ==, b->action);
      g_assert_cmpstr (a->as_of, ==, b->as_of);
      g_assert_cmpint (a->verified, ==, b->verified);
      g_assert_cmpstr (a->verification, ==, b->verification);
      g_assert_cmpstr (a->source, ==, "built-in");
      compared++;
    }
  g_assert_cmpuint (compared, >, 2000);
  g_assert_cmpstrv (rpt_reference_get_problems (lazy), ((const char *[]){ NULL }));
  g_assert_true (rpt_reference_lookup_treaty_status (lazy, "ICCPR", "TJK") == tjk);
  g_assert_cmpstr (tjk->consent_date, ==, "1999-01-04");
  rpt_test_rm_rf (dir);
}

static void
assert_same_statuses (GPtrArray *a, GPtrArray *b)
{
  g_assert_cmpuint (a->len, ==, b->len);
  for (guint i = 0; i < a->len; i++)
    {
      const RptTreatyStatus *x = a->pdata[i];
      const RptTreatyStatus *y = b->pdata[i];

      g_assert_cmpstr (x->instrument, ==, y->instrument);
      g_assert_cmpstr (x->country, ==, y->country);
      g_assert_cmpstr (x->signature_date, ==, y->signature_date);
      g_assert_cmpstr (x->consent_date, ==, y->consent_date);
      g_assert_cmpint (x->action, ==, y->action);
      g_assert_cmpstr (x->verification, ==, y->verification);
    }
}

/* Lists of the treaty rows made on demand: a State's, then all, the same
 * as when the whole table is read; a status looked up before is the one
 * listed, and the one looked up after. The countries listed include
 * those only iso-codes names. */
static void
test_lists_on_demand (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *table = rpt_test_source_path (
    "data", "reference", "treaty_participation_untc_snapshot_2014-2015.csv", NULL);
  g_autofree char *data = NULL;
  g_autoptr (RptReference) lazy = rpt_reference_new (NULL);
  g_autoptr (RptReference) whole = NULL;
  g_autoptr (GPtrArray) lazy_tjk = NULL;
  g_autoptr (GPtrArray) whole_tjk = NULL;
  g_autoptr (GPtrArray) lazy_all = NULL;
  g_autoptr (GPtrArray) whole_all = NULL;
  g_autoptr (GPtrArray) countries = NULL;
  g_autoptr (GError) error = NULL;
  const RptTreatyStatus *iccpr_tjk, *iccpr_fra;

  g_file_get_contents (table, &data, NULL, &error);
  g_assert_no_error (error);
  write_file (dir, "treaty_participation_untc_snapshot_2014-2015.csv", data);
  whole = rpt_reference_new (dir);

  {
    g_autoptr (RptReference) fresh = rpt_reference_new (NULL);
    countries = rpt_reference_list_countries (fresh);
    g_assert_true (g_ptr_array_find_with_equal_func (countries, "TJK", g_str_equal, NULL));
    g_assert_true (g_ptr_array_find_with_equal_func (countries, "HKG", g_str_equal, NULL));
  }

  iccpr_tjk = rpt_reference_lookup_treaty_status (lazy, "ICCPR", "TJK");
  lazy_tjk = rpt_reference_list_treaty_statuses (lazy, "TJK");
  whole_tjk = rpt_reference_list_treaty_statuses (whole, "TJK");
  g_assert_cmpuint (lazy_tjk->len, >, 5);
  assert_same_statuses (lazy_tjk, whole_tjk);
  g_assert_true (g_ptr_array_find (lazy_tjk, iccpr_tjk, NULL));

  iccpr_fra = rpt_reference_lookup_treaty_status (lazy, "ICCPR", "FRA");
  lazy_all = rpt_reference_list_treaty_statuses (lazy, NULL);
  whole_all = rpt_reference_list_treaty_statuses (whole, NULL);
  g_assert_cmpuint (lazy_all->len, >, 2000);
  assert_same_statuses (lazy_all, whole_all);
  g_assert_true (g_ptr_array_find (lazy_all, iccpr_tjk, NULL));
  g_assert_true (g_ptr_array_find (lazy_all, iccpr_fra, NULL));
  for (guint i = 0; i < lazy_all->len; i++)
    {
      const RptTreatyStatus *t = lazy_all->pdata[i];
      g_assert_true (rpt_reference_lookup_treaty_status (lazy, t->instrument, t->country) == t);
    }
  g_assert_cmpstrv (rpt_reference_get_problems (lazy), ((const char *[]){ NULL }));
  rpt_test_rm_rf (dir);
}

static gboolean
row_mentions (char **row, const char *needle)
{
  for (guint i = 0; row[i] != NULL; i++)
    if (strstr (row[i], needle) != NULL)
      return TRUE;
  return FALSE;
}

/* Reading only the rows that mention a State gives the rows the whole
 * table has that mention it, with their numbers, on random tables with
 * quotes, doubled quotes, line breaks in fields and blank lines; a table
 * one of whose rows is not well-formed is refused. */
static void
test_csv_rows_with (void)
{
  static const char *const pieces[] = { "a", "b", ",", "\"", "\r", "\n", " ", "TJK", "TJ" };
  guint compared = 0;

  for (guint round = 0; round < 20000; round++)
    {
      g_autoptr (GString) text = g_string_new ("k,v\n");
      g_autoptr (GPtrArray) all = NULL;
      g_autoptr (GPtrArray) some = NULL;
      g_autoptr (GArray) numbers = g_array_new (FALSE, FALSE, sizeof (guint));
      g_autoptr (GError) error = NULL;
      g_autoptr (GError) some_error = NULL;
      guint length = (guint) g_test_rand_int_range (0, 30);
      guint next = 1;

      for (guint i = 0; i < length; i++)
        g_string_append (text, pieces[g_test_rand_int_range (0, G_N_ELEMENTS (pieces))]);
      all = _rpt_csv_parse (text->str, text->len, "t", &error);
      some = _rpt_csv_parse_rows_with (text->str, text->len, "t", "TJK", numbers, &some_error);
      if (all == NULL)
        continue; /* the whole table says where it is broken */
      g_assert_no_error (some_error);
      g_assert_cmpuint (some->len, >=, 1);
      g_assert_cmpstrv (some->pdata[0], all->pdata[0]);
      for (guint r = 1; r < all->len; r++)
        if (row_mentions (all->pdata[r], "TJK"))
          {
            g_assert_cmpuint (next, <, some->len);
            g_assert_cmpuint (g_array_index (numbers, guint, next), ==, r + 1);
            g_assert_cmpstrv (some->pdata[next], all->pdata[r]);
            next++;
            compared++;
          }
      /* a row read for the needle in its raw text (inside quotes) may
       * also come, never one the table does not have */
      for (; next < some->len; next++)
        {
          guint number = g_array_index (numbers, guint, next);
          g_assert_cmpuint (number, <=, all->len);
          g_assert_cmpstrv (some->pdata[next], all->pdata[number - 1]);
        }
    }
  g_assert_cmpuint (compared, >, 1000);
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);

  g_test_add_func ("/reference/mandates", test_mandates);
  g_test_add_func ("/reference/treaties", test_treaties);
  g_test_add_func ("/reference/legal", test_legal);
  g_test_add_func ("/reference/mandate-titles", test_mandate_titles);
  g_test_add_func ("/reference/title-history", test_title_history);
  g_test_add_func ("/reference/resolutions-at", test_resolutions_at);
  g_test_add_func ("/reference/countries", test_countries);
  g_test_add_func ("/reference/country-forms", test_country_forms);
  g_test_add_func ("/reference/country-rules", test_country_rules);
  g_test_add_func ("/reference/override-titles", test_override_titles);
  g_test_add_func ("/reference/countries-threads", test_countries_threads);
  g_test_add_func ("/reference/override", test_override);
  g_test_add_func ("/reference/override-broken", test_override_broken);
  g_test_add_func ("/reference/default", test_default);
  g_test_add_func ("/reference/clauses", test_clauses);
  g_test_add_func ("/reference/csv", test_csv);
  g_test_add_func ("/reference/stale", test_stale);
  g_test_add_func ("/reference/csv-edges", test_csv_edges);
  g_test_add_func ("/reference/csv-rows-with", test_csv_rows_with);
  g_test_add_func ("/reference/read-on-demand", test_read_on_demand);
  g_test_add_func ("/reference/read-on-demand-threads", test_read_on_demand_threads);
  g_test_add_func ("/reference/treaties-on-demand", test_treaties_on_demand);
  g_test_add_func ("/reference/lists-on-demand", test_lists_on_demand);

  return g_test_run ();
}
