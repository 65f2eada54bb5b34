/* test-overrides.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <fcntl.h>
#include <glib/gstdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rpt-test-util.h"

/*
 * The user's corrections of the reference data (docs/reference-data.md):
 * the file, read whole or not at all; the data they change and the
 * provenance they keep; import with conflicts; rapporteur-cli reference.
 */

#define HEADER "table,key,field,value,original,date,author,note\n"

static void
write_file (const char *dir, const char *name, const char *contents)
{
  g_autofree char *path = g_build_filename (dir, name, NULL);
  g_assert_true (g_file_set_contents (path, contents, -1, NULL));
}

static RptOverrides *
parse (const char *data, GError **error)
{
  return rpt_overrides_new_from_data (data, strlen (data), "test.csv", error);
}

/* ------------------------------------------------------------------ */
/* The file                                                            */

static void
test_parse (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptOverrides) o =
    parse (HEADER "mandate,sr-human-rights-defenders,resolutions,\"61/12, 52/9\",52/4,2026-04-04,"
                  "A. Drafter,\"checked in A/HRC/RES/61/12, operative paragraph 1\"\n"
                  "treaty,iccpr fji,consent,Accession 2018-08-16,none,2026-01-10,,UNTC\n"
                  "country,tur,name_fr,la Türkiye,,2026-01-10,,\n",
           &error);
  const RptOverride *res, *fji, *tur;

  g_assert_no_error (error);
  g_assert_cmpuint (rpt_overrides_get_n_overrides (o), ==, 3);
  res = rpt_overrides_lookup (o, RPT_OVERRIDE_TABLE_MANDATES, "sr-human-rights-defenders",
                              "resolutions");
  g_assert_cmpstr (res->value, ==, "61/12 52/9");
  g_assert_cmpstr (res->original, ==, "52/4");
  g_assert_cmpstr (res->date, ==, "2026-04-04");
  g_assert_cmpstr (res->author, ==, "A. Drafter");
  g_assert_cmpstr (res->note, ==, "checked in A/HRC/RES/61/12, operative paragraph 1");
  /* keys and values in their kept form */
  fji = rpt_overrides_lookup (o, RPT_OVERRIDE_TABLE_TREATIES, "ICCPR/FJI", "consent");
  g_assert_nonnull (fji);
  g_assert_cmpstr (fji->value, ==, "accession 2018-08-16");
  g_assert_null (fji->author);
  tur = rpt_overrides_lookup (o, RPT_OVERRIDE_TABLE_COUNTRIES, "TUR", "name_fr");
  g_assert_cmpstr (tur->value, ==, "la Türkiye");
  g_assert_null (tur->original);
  g_assert_null (rpt_overrides_lookup (o, RPT_OVERRIDE_TABLE_COUNTRIES, "TUR", "name_es"));

  /* a file written by hand: no date is the day it is read; columns in
   * any order; a byte order mark */
  {
    g_autoptr (RptOverrides) hand =
      parse ("\xEF\xBB\xBFvalue,field,key,table\n61/12,resolutions,sr-torture,mandates\n", &error);
    const RptOverride *t;
    g_autoptr (GDateTime) now = g_date_time_new_now_local ();
    g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");

    g_assert_no_error (error);
    t = rpt_overrides_get_override (hand, 0);
    g_assert_cmpstr (t->key, ==, "sr-torture");
    g_assert_cmpstr (t->date, ==, today);
  }
}

static void
test_bad_files (void)
{
  static const struct
  {
    const char *data;
    const char *expect;
  } cases[] = {
    { HEADER "mandate,sr-torture,resolutions,\"61/7\n", "a quoted field is not closed" },
    { "table,key,field\nmandate,sr-torture,title\n", "“value” is missing" },
    { "table,key,field,value,colour\nmandate,sr-torture,title,X,red\n", "unknown column “colour”" },
    { "table,key,field,value,value\nmandate,sr-torture,title,X,Y\n", "comes twice" },
    { HEADER "planet,sr-torture,title,X,,2026-01-01,,\n", "test.csv:2: “planet” is not a table" },
    { HEADER "mandate,Not A Key,title,X,,2026-01-01,,\n", "is not a mandate key" },
    { HEADER "mandate,sr-torture,colour,red,,2026-01-01,,\n", "“colour” is not a field" },
    { HEADER "mandate,sr-torture,resolutions,sixty-one,,2026-01-01,,\n",
      "not a resolution number" },
    { HEADER "mandate,sr-torture,resolutions,\" \",,2026-01-01,,\n", "needs a value" },
    { HEADER "treaty,ICCPR/FJI,consent,signed 2018,,2026-01-01,,\n",
      "not how a State became party" },
    { HEADER "treaty,ICCPR/FJI,signature,2018,,2026-01-01,,\n",
      "not a date (YYYY-MM-DD) or “none”" },
    { HEADER "treaty,ICCPR,consent,none,,2026-01-01,,\n", "not an instrument and a State" },
    { HEADER "country,OTH,name_en,Acme,,2026-01-01,,\n", "not an ISO 3166-1 alpha-3 code" },
    { HEADER "mandate,sr-torture,title,X,,2026-02-30,,\n", "“2026-02-30” is not a date" },
    { HEADER "mandate,sr-torture,title,\"two\nlines\",,2026-01-01,,\n", "one line of text" },
    { HEADER "mandate,sr-torture,title,\"=HYPERLINK(\"\"x\"\")\",,2026-01-01,,\n",
      "a spreadsheet would run it" },
    { HEADER "mandate,sr-torture,title,X,,2026-01-01,@evil,\n", "a spreadsheet would run it" },
    { HEADER "mandate,sr-torture,title,X,,2026-01-01,,\nmandate,sr-torture,title,Y,,2026-01-01,,\n",
      "test.csv:3: mandate sr-torture title is corrected twice (line 2 and here)" },
    { HEADER "mandate,sr-torture,title,\xff\xfe,,2026-01-01,,\n", "not UTF-8" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr (GError) error = NULL;
      g_autoptr (RptOverrides) o = parse (cases[i].data, &error);

      g_test_message ("case %u: %s", i, error != NULL ? error->message : "(none)");
      g_assert_null (o);
      g_assert_nonnull (error);
      if (strstr (error->message, cases[i].expect) == NULL)
        g_error ("case %u: “%s” does not say “%s”", i, error->message, cases[i].expect);
    }

  /* one bad row among good ones: none of them is used, all problems named */
  {
    g_autoptr (GError) error = NULL;
    g_autoptr (RptOverrides) o =
      parse (HEADER "mandate,sr-torture,resolutions,61/7,,2026-01-01,,\n"
                    "mandate,sr-torture,title,,,2026-01-01,,\n"
                    "treaty,ICCPR/FJI,consent,accession 2018-08-16,,2026-01-01,,\n"
                    "mandate,sr-housing,resolutions,x,,2026-01-01,,\n",
             &error);
    g_assert_null (o);
    g_assert_nonnull (strstr (error->message, "none of them"));
    g_assert_nonnull (strstr (error->message, "test.csv:3:"));
    g_assert_nonnull (strstr (error->message, "test.csv:5:"));
  }
}

static void
test_round_trip (void)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptOverrides) o = rpt_overrides_new ();
  g_autoptr (RptOverrides) again = NULL;
  g_autofree char *data = NULL;
  g_autofree char *data2 = NULL;
  RptOverride a = { RPT_OVERRIDE_TABLE_MANDATES,
                    "sr-torture",
                    "title",
                    "Special Rapporteur on torture, \"and\" more",
                    NULL,
                    "2026-01-02",
                    "B. Office",
                    " a note, with a comma " };
  RptOverride b = { RPT_OVERRIDE_TABLE_TREATIES,
                    "CAT/TJK",
                    "signature",
                    "none",
                    "1995-01-11",
                    "2026-01-03",
                    NULL,
                    NULL };

  g_assert_true (rpt_overrides_add (o, &a, &error));
  g_assert_true (rpt_overrides_add (o, &b, &error));
  g_assert_no_error (error);
  data = rpt_overrides_to_data (o, NULL);
  again = parse (data, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rpt_overrides_get_n_overrides (again), ==, 2);
  g_assert_cmpstr (rpt_overrides_get_override (again, 0)->value, ==, a.value);
  g_assert_cmpstr (rpt_overrides_get_override (again, 0)->note, ==, a.note);
  g_assert_null (rpt_overrides_get_override (again, 1)->note);
  data2 = rpt_overrides_to_data (again, NULL);
  g_assert_cmpstr (data2, ==, data);

  /* the same field again replaces; removing */
  a.value = "Special Rapporteur on torture";
  g_assert_true (rpt_overrides_add (o, &a, &error));
  g_assert_cmpuint (rpt_overrides_get_n_overrides (o), ==, 2);
  g_assert_true (rpt_overrides_remove (o, RPT_OVERRIDE_TABLE_MANDATES, "sr-torture", "title"));
  g_assert_false (rpt_overrides_remove (o, RPT_OVERRIDE_TABLE_MANDATES, "sr-torture", "title"));
  g_assert_cmpuint (rpt_overrides_get_n_overrides (o), ==, 1);
}

static void
test_load_save (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "sub", "folder", "overrides.csv", NULL);
  g_autofree char *big = g_build_filename (dir, "big.csv", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RptOverrides) none = rpt_overrides_load (path, &error);
  g_autoptr (RptOverrides) loaded = NULL;
  RptOverride a = {
    RPT_OVERRIDE_TABLE_MANDATES, "sr-torture", "resolutions", "61/7", NULL, "2026-01-02", NULL, NULL
  };
  GStatBuf st;
  int fd;

  /* no file yet: no corrections */
  g_assert_no_error (error);
  g_assert_cmpuint (rpt_overrides_get_n_overrides (none), ==, 0);

  g_assert_true (rpt_overrides_add (none, &a, &error));
  g_assert_true (rpt_overrides_save (none, path, &error));
  g_assert_no_error (error);
  g_assert_cmpint (g_stat (path, &st), ==, 0);
  g_assert_cmpint (st.st_mode & 0777, ==, 0600);
  loaded = rpt_overrides_load (path, &error);
  g_assert_no_error (error);
  g_assert_cmpstr (rpt_overrides_get_override (loaded, 0)->value, ==, "61/7");

  /* bounded: a file larger than any reference data is not read */
  fd = g_open (big, O_WRONLY | O_CREAT, 0600);
  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, RPT_REFERENCE_FILE_MAX_SIZE + 1), ==, 0);
  close (fd);
  g_clear_object (&loaded);
  loaded = rpt_overrides_load (big, &error);
  g_assert_null (loaded);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_UNSAFE);
  g_assert_nonnull (strstr (error->message, "reference data never is"));
  g_clear_error (&error);

  /* a folder is not a file */
  loaded = rpt_overrides_load (dir, &error);
  g_assert_null (loaded);
  g_assert_nonnull (error);
  rpt_test_rm_rf (dir);
}

/* ------------------------------------------------------------------ */
/* The data they change                                                */

static void
test_apply (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr (RptReference) ref = NULL;
  const RptMandateInfo *hrd, *foe;
  const RptTreatyStatus *fji, *cat;
  const RptCountryInfo *tur;
  const RptOverride *o;
  g_autofree char *data = NULL;
  g_autofree char *now = NULL;
  g_autofree char *fr_de = NULL;
  g_autofree char *path = g_build_filename (dir, "overrides.csv", NULL);

  write_file (dir, "overrides.csv",
              HEADER "mandate,sr-human-rights-defenders,resolutions,61/12,52/4,2026-04-04,"
                     "A. Drafter,A/HRC/RES/61/12\n"
                     "mandate,sr-freedom-of-expression,title_fr,Rapporteuse X,,2026-04-05,,\n"
                     "treaty,ICCPR/FJI,consent,accession 2018-08-16,none,2026-01-10,,UNTC\n"
                     "treaty,CAT/TJK,consent,none,,2026-01-11,,withdrawn (a test)\n"
                     "country,TUR,name_fr,la République de Türkiye,,2026-01-12,,\n");
  ref = rpt_reference_new (dir);
  g_assert_cmpstrv (rpt_reference_get_problems (ref), ((const char *[]){ NULL }));
  g_assert_cmpstr (rpt_reference_get_overrides_path (ref), ==, path);

  /* the value, and how far it can be trusted now */
  hrd = rpt_reference_lookup_mandate (ref, "sr-human-rights-defenders");
  g_assert_cmpstr (hrd->resolutions[0], ==, "61/12");
  g_assert_null (hrd->resolutions[1]);
  g_assert_true (hrd->verified); /* the resolution was the doubt */
  g_assert_cmpstr (hrd->as_of, ==, "2026-04-04");
  g_assert_cmpstr (hrd->source, ==, path);
  g_assert_nonnull (strstr (hrd->verification, "Corrected by A. Drafter on 2026-04-04"));
  g_assert_nonnull (strstr (hrd->verification, "(the data says “52/4”)"));
  /* the original stays visible */
  data = rpt_reference_dup_data_value (ref, RPT_OVERRIDE_TABLE_MANDATES,
                                       "sr-human-rights-defenders", "resolutions");
  now = rpt_reference_dup_value (ref, RPT_OVERRIDE_TABLE_MANDATES, "sr-human-rights-defenders",
                                 "resolutions");
  g_assert_cmpstr (data, ==, "52/4");
  g_assert_cmpstr (now, ==, "61/12");
  o = rpt_reference_lookup_override (ref, RPT_OVERRIDE_TABLE_MANDATES, "sr-human-rights-defenders",
                                     "resolutions");
  g_assert_cmpstr (o->note, ==, "A/HRC/RES/61/12");
  g_assert_null (rpt_reference_lookup_override (ref, RPT_OVERRIDE_TABLE_MANDATES,
                                                "sr-human-rights-defenders", "title"));
  /* what letters cite: the correction takes the place of the latest
   * renewal the data dates (52/4, 3 April 2023), from its date on; older
   * letters keep the resolution of their time */
  {
    g_autoptr (GPtrArray) now_in_force =
      rpt_reference_find_resolutions_at (ref, "sr-human-rights-defenders", "2025-04-23", NULL);
    g_autoptr (GPtrArray) then_in_force =
      rpt_reference_find_resolutions_at (ref, "sr-human-rights-defenders", "2021-05-01", NULL);

    g_assert_cmpuint (now_in_force->len, ==, 1);
    g_assert_cmpstr (((RptResolutionInfo *) now_in_force->pdata[0])->number, ==, "61/12");
    g_assert_cmpstr (((RptResolutionInfo *) now_in_force->pdata[0])->source, ==, path);
    g_assert_cmpuint (then_in_force->len, ==, 1);
    g_assert_cmpstr (((RptResolutionInfo *) then_in_force->pdata[0])->number, ==, "43/16");
  }

  /* a French title corrected: attested by the user; the unverified
   * resolution stays unverified */
  foe = rpt_reference_lookup_mandate (ref, "sr-freedom-of-expression");
  g_assert_cmpstr (foe->title_fr, ==, "Rapporteuse X");
  g_assert_cmpstr (foe->title_fr_attested, ==, "yes");
  g_assert_false (foe->verified);
  /* the latest renewal's date (special_procedures_mandates_multilingual.csv) */
  g_assert_cmpstr (foe->as_of, ==, "2023-04-03");
  g_assert_nonnull (strstr (foe->verification, "Still unverified: Resolution number not verified"));

  /* a participation the snapshot lacks, and one taken away */
  fji = rpt_reference_lookup_treaty_status (ref, "ICCPR", "FJI");
  g_assert_nonnull (fji);
  g_assert_cmpstr (fji->consent_date, ==, "2018-08-16");
  g_assert_cmpint (fji->action, ==, RPT_TREATY_ACTION_ACCESSION);
  g_assert_true (fji->verified);
  g_assert_cmpstr (fji->as_of, ==, "2026-01-10");
  cat = rpt_reference_lookup_treaty_status (ref, "CAT", "TJK");
  g_assert_null (cat->consent_date);
  g_assert_cmpint (cat->action, ==, RPT_TREATY_ACTION_NONE);
  {
    g_autofree char *was =
      rpt_reference_dup_data_value (ref, RPT_OVERRIDE_TABLE_TREATIES, "CAT/TJK", "consent");
    g_assert_cmpstr (was, ==, "accession 1995-01-11");
  }

  /* a name, with its forms after "de" and "à" */
  tur = rpt_reference_lookup_country (ref, "TUR");
  g_assert_cmpstr (tur->name_fr, ==, "la République de Türkiye");
  fr_de = rpt_reference_dup_country_form (ref, "TUR", "fr", RPT_COUNTRY_FORM_AFTER_DE, NULL);
  g_assert_cmpstr (fr_de, ==, "de la République de Türkiye");
  rpt_test_rm_rf (dir);
}

/* The corrections, with the user's countries.csv naming the State the
 * corrections rename too. */
static const char corrections[] =
  HEADER "mandate,sr-human-rights-defenders,resolutions,61/12,52/4,2026-04-04,A. Drafter,\n"
         "treaty,ICCPR/FJI,consent,accession 2018-08-16,none,2026-01-10,,UNTC\n"
         "treaty,CAT/TJK,consent,none,,2026-01-11,,withdrawn (a test)\n"
         "country,TUR,name_fr,la République de Türkiye,,2026-01-12,,\n";

static gboolean
has_status (GPtrArray *list, const RptTreatyStatus *status)
{
  return g_ptr_array_find (list, status, NULL);
}

/* Everything the corrections change, and what the data said, seen through
 * every function that reads a corrected table. */
static void
assert_corrected (RptReference *ref)
{
  const RptMandateInfo *hrd = rpt_reference_lookup_mandate (ref, "sr-human-rights-defenders");
  const RptTreatyStatus *fji = rpt_reference_lookup_treaty_status (ref, "ICCPR", "FJI");
  const RptTreatyStatus *cat = rpt_reference_lookup_treaty_status (ref, "CAT", "TJK");
  g_autoptr (GPtrArray) of_fji = rpt_reference_list_treaty_statuses (ref, "FJI");
  g_autoptr (GPtrArray) all = rpt_reference_list_treaty_statuses (ref, NULL);
  g_autoptr (GPtrArray) countries = rpt_reference_list_countries (ref);
  g_autofree char *res_was = rpt_reference_dup_data_value (
    ref, RPT_OVERRIDE_TABLE_MANDATES, "sr-human-rights-defenders", "resolutions");
  g_autofree char *cat_was =
    rpt_reference_dup_data_value (ref, RPT_OVERRIDE_TABLE_TREATIES, "CAT/TJK", "consent");
  g_autofree char *cat_now =
    rpt_reference_dup_value (ref, RPT_OVERRIDE_TABLE_TREATIES, "CAT/TJK", "consent");
  g_autofree char *tur_was =
    rpt_reference_dup_data_value (ref, RPT_OVERRIDE_TABLE_COUNTRIES, "TUR", "name_fr");
  g_autofree char *tur = rpt_reference_dup_country_name (ref, "TUR", "fr");
  g_autofree char *tur_de =
    rpt_reference_dup_country_form (ref, "TUR", "fr", RPT_COUNTRY_FORM_AFTER_DE, NULL);

  g_assert_cmpstrv (rpt_reference_get_problems (ref), ((const char *[]){ NULL }));
  g_assert_cmpuint (rpt_overrides_get_n_overrides (rpt_reference_get_overrides (ref)), ==, 4);

  g_assert_cmpstr (hrd->resolutions[0], ==, "61/12");
  g_assert_true (hrd->verified);
  g_assert_cmpstr (res_was, ==, "52/4");
  g_assert_nonnull (rpt_reference_lookup_override (ref, RPT_OVERRIDE_TABLE_MANDATES,
                                                   "sr-human-rights-defenders", "resolutions"));

  /* made on demand or read whole, listed or looked up: corrected */
  g_assert_nonnull (fji);
  g_assert_cmpstr (fji->consent_date, ==, "2018-08-16");
  g_assert_cmpint (fji->action, ==, RPT_TREATY_ACTION_ACCESSION);
  g_assert_true (has_status (of_fji, fji));
  g_assert_true (has_status (all, fji));
  g_assert_null (cat->consent_date);
  g_assert_true (has_status (all, cat));
  g_assert_cmpstr (cat_was, ==, "accession 1995-01-11");
  g_assert_cmpstr (cat_now, ==, "none");
  g_assert_nonnull (
    rpt_reference_lookup_override (ref, RPT_OVERRIDE_TABLE_TREATIES, "CAT/TJK", "consent"));
  for (guint i = 0; i < all->len; i++)
    {
      const RptTreatyStatus *t = all->pdata[i];
      g_assert_true (rpt_reference_lookup_treaty_status (ref, t->instrument, t->country) == t);
    }

  /* the correction is newer than the user's countries.csv */
  g_assert_cmpstr (rpt_reference_lookup_country (ref, "TUR")->name_fr, ==,
                   "la République de Türkiye");
  g_assert_cmpstr (tur, ==, "la République de Türkiye");
  g_assert_cmpstr (tur_de, ==, "de la République de Türkiye");
  g_assert_cmpstr (tur_was, ==, "la Turquie du fichier");
  g_assert_nonnull (
    rpt_reference_lookup_override (ref, RPT_OVERRIDE_TABLE_COUNTRIES, "TUR", "name_fr"));
  g_assert_true (g_ptr_array_find_with_equal_func (countries, "TUR", g_str_equal, NULL));
}

static gboolean
lists_status (GPtrArray *list, const char *instrument, const char *country, const char *consent)
{
  for (guint i = 0; i < list->len; i++)
    {
      const RptTreatyStatus *t = list->pdata[i];
      if (g_str_equal (t->instrument, instrument) && g_str_equal (t->country, country))
        return g_strcmp0 (t->consent_date, consent) == 0;
    }
  return FALSE;
}

/* The first thing asked for, on fresh reference data, and its answer. */
static void
ask_first (RptReference *ref, guint which)
{
  g_autofree char *value = NULL;
  g_autoptr (GPtrArray) list = NULL;

  switch (which)
    {
    case 0:
      g_assert_cmpstr (rpt_reference_lookup_treaty_status (ref, "ICCPR", "FJI")->consent_date, ==,
                       "2018-08-16");
      break;
    case 1:
      value = rpt_reference_dup_data_value (ref, RPT_OVERRIDE_TABLE_TREATIES, "CAT/TJK", "consent");
      g_assert_cmpstr (value, ==, "accession 1995-01-11");
      break;
    case 2:
      g_assert_nonnull (
        rpt_reference_lookup_override (ref, RPT_OVERRIDE_TABLE_COUNTRIES, "TUR", "name_fr"));
      break;
    case 3:
      list = rpt_reference_list_treaty_statuses (ref, "FJI");
      g_assert_true (lists_status (list, "ICCPR", "FJI", "2018-08-16"));
      break;
    case 4:
      g_assert_true (rpt_reference_has_country (ref, "TUR"));
      break;
    case 5:
      list = rpt_reference_list_countries (ref);
      g_assert_true (g_ptr_array_find_with_equal_func (list, "TUR", g_str_equal, NULL));
      break;
    case 6:
      value = rpt_reference_dup_country_form (ref, "TUR", "fr", RPT_COUNTRY_FORM_AFTER_A, NULL);
      g_assert_cmpstr (value, ==, "à la République de Türkiye");
      break;
    case 7:
      g_assert_cmpstrv (rpt_reference_get_problems (ref), ((const char *[]){ NULL }));
      break;
    case 8:
      g_assert_cmpstr (
        rpt_reference_lookup_mandate (ref, "sr-human-rights-defenders")->resolutions[0], ==,
        "61/12");
      break;
    case 9:
      g_assert_cmpuint (rpt_overrides_get_n_overrides (rpt_reference_get_overrides (ref)), ==, 4);
      break;
    case 10:
      g_assert_true (rpt_reference_has_row (ref, RPT_OVERRIDE_TABLE_TREATIES, "ICCPR/FJI", NULL));
      break;
    case 11:
      value = rpt_reference_dup_value (ref, RPT_OVERRIDE_TABLE_MANDATES,
                                       "sr-human-rights-defenders", "resolutions");
      g_assert_cmpstr (value, ==, "61/12");
      break;
    case 12:
      list = rpt_reference_list_treaty_statuses (ref, NULL);
      g_assert_true (lists_status (list, "CAT", "TJK", NULL));
      break;
    default:
      g_assert_cmpstr (rpt_reference_lookup_country (ref, "TUR")->name_fr, ==,
                       "la République de Türkiye");
    }
}

#define N_FIRST_ASKS 14

/* Tables are read when first asked for, with their corrections: whatever
 * is asked first, every function gives the corrected data and what the
 * data said before. */
static void
test_apply_in_any_order (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();

  write_file (dir, "overrides.csv", corrections);
  write_file (dir, "countries.csv", "alpha_3,name_fr\nTUR,la Turquie du fichier\n");
  for (guint which = 0; which < N_FIRST_ASKS; which++)
    {
      g_autoptr (RptReference) ref = rpt_reference_new (dir);

      g_test_message ("asked first: %u", which);
      ask_first (ref, which);
      assert_corrected (ref);
    }
  rpt_test_rm_rf (dir);
}

typedef struct
{
  RptReference *ref;
  guint which;
} AskThread;

static gpointer
ask_thread (gpointer data)
{
  AskThread *t = data;

  ask_first (t->ref, t->which);
  assert_corrected (t->ref);
  return NULL;
}

/* Threads that first ask for different corrected tables at once (the
 * preview, the checks and an export may start together). */
static void
test_apply_threads (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();

  write_file (dir, "overrides.csv", corrections);
  write_file (dir, "countries.csv", "alpha_3,name_fr\nTUR,la Turquie du fichier\n");
  for (guint round = 0; round < 10; round++)
    {
      g_autoptr (RptReference) ref = rpt_reference_new (dir);
      AskThread t[4];
      GThread *threads[4];

      for (guint i = 0; i < 4; i++)
        {
          t[i] = (AskThread){ ref, (round * 4 + i) % N_FIRST_ASKS };
          threads[i] = g_thread_new ("ask", ask_thread, &t[i]);
        }
      for (guint i = 0; i < 4; i++)
        g_thread_join (threads[i]);
    }
  rpt_test_rm_rf (dir);
}

/* Corrections the data cannot take are said and left out; a broken file
 * of corrections takes nothing with it. */
static void
test_apply_problems (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr (RptReference) ref = NULL;
  g_autoptr (RptReference) broken = NULL;
  const char *const *problems;

  write_file (dir, "overrides.csv",
              HEADER "mandate,sr-no-longer-there,title,X,,2026-01-01,,\n"
                     "treaty,ICCPR/QQQ,consent,none,,2026-01-01,,\n"
                     "mandate,sr-torture,resolutions,61/7,,2026-01-01,,\n");
  ref = rpt_reference_new (dir);
  problems = rpt_reference_get_problems (ref);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 2);
  g_assert_nonnull (strstr (problems[0], "no mandate “sr-no-longer-there”"));
  g_assert_nonnull (strstr (problems[1], "no State “QQQ”"));
  g_assert_cmpstr (rpt_reference_lookup_mandate (ref, "sr-torture")->resolutions[0], ==, "61/7");
  {
    g_autoptr (GPtrArray) found =
      rpt_reference_find_resolutions_at (ref, "sr-torture", "2026-06-01", NULL);
    g_assert_cmpuint (found->len, ==, 1);
    g_assert_cmpstr (((RptResolutionInfo *) found->pdata[0])->number, ==, "61/7");
  }
  g_assert_null (rpt_reference_lookup_override (ref, RPT_OVERRIDE_TABLE_MANDATES,
                                                "sr-no-longer-there", "title"));

  write_file (dir, "overrides.csv",
              HEADER "mandate,sr-torture,resolutions,61/7,,2026-01-01,,\n"
                     "mandate,sr-torture,title,\"unclosed\n");
  broken = rpt_reference_new (dir);
  problems = rpt_reference_get_problems (broken);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 1);
  g_assert_nonnull (strstr (problems[0], "not closed"));
  /* the data's resolution stands */
  g_assert_cmpstr (rpt_reference_lookup_mandate (broken, "sr-torture")->resolutions[0], ==, "52/7");
  rpt_test_rm_rf (dir);
}

/* The user's table files are read within the same bound. */
static void
test_tables_bounded (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *path = g_build_filename (dir, "special_procedures_mandates.csv", NULL);
  g_autoptr (RptReference) ref = NULL;
  const char *const *problems;
  int fd = g_open (path, O_WRONLY | O_CREAT, 0600);

  g_assert_cmpint (fd, >=, 0);
  g_assert_cmpint (ftruncate (fd, RPT_REFERENCE_FILE_MAX_SIZE + 1), ==, 0);
  close (fd);
  ref = rpt_reference_new (dir);
  problems = rpt_reference_get_problems (ref);
  g_assert_cmpuint (g_strv_length ((char **) problems), ==, 1);
  g_assert_nonnull (strstr (problems[0], "larger than 16 MB"));
  g_assert_nonnull (rpt_reference_lookup_mandate (ref, "sr-human-rights-defenders"));
  rpt_test_rm_rf (dir);
}

/* The letter says what the user said. */
static void
test_letter_uses_corrections (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr (RptReference) ref = NULL;
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptTemplate) template = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *xml = rpt_letter_to_xml (letter, NULL);
  g_autofree char *document = NULL;
  gboolean noted = FALSE;

  write_file (dir, "overrides.csv",
              HEADER "mandate,sr-human-rights-defenders,resolutions,61/12,52/4,2026-04-04,,\n"
                     "treaty,ICCPR/TJK,consent,accession 1999-01-05,,2026-04-04,,\n");
  ref = rpt_reference_new (dir);
  template = rpt_template_get_default (&error);
  g_assert_no_error (error);
  document = rpt_template_render (template, xml, -1, ref, notes, NULL, &error);
  g_assert_no_error (error);
  g_assert_nonnull (strstr (document, "resolutions 61/12 and 52/9"));
  g_assert_nonnull (strstr (document, "5 January 1999"));
  for (guint i = 0; i < notes->len; i++)
    noted |=
      strstr (notes->pdata[i], "The letter uses corrected reference data for the Special "
                               "Rapporteur on the situation of human rights defenders") != NULL;
  g_assert_true (noted);
  rpt_test_rm_rf (dir);
}

/* ------------------------------------------------------------------ */
/* Setting, importing                                                  */

static void
test_set (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr (RptReference) ref = NULL;
  g_autoptr (RptOverrides) o = rpt_overrides_new ();
  g_autoptr (GError) error = NULL;
  const RptOverride *set;

  write_file (dir, "overrides.csv",
              HEADER "mandate,sr-human-rights-defenders,resolutions,61/12,52/4,2026-04-04,,\n");
  ref = rpt_reference_new (dir);

  /* the original is what the data says, not an earlier correction */
  g_assert_true (rpt_overrides_set (o, ref, RPT_OVERRIDE_TABLE_MANDATES,
                                    "sr-human-rights-defenders", "resolutions", "61/13",
                                    "C. Checker", "", &error));
  g_assert_no_error (error);
  set = rpt_overrides_get_override (o, 0);
  g_assert_cmpstr (set->original, ==, "52/4");
  g_assert_cmpstr (set->author, ==, "C. Checker");
  g_assert_null (set->note);

  /* a treaty row the data lacks may be set; an unknown one may not */
  g_assert_true (rpt_overrides_set (o, ref, RPT_OVERRIDE_TABLE_TREATIES, "icCPR fji", "consent",
                                    "accession 2018-08-16", NULL, NULL, &error));
  g_assert_cmpstr (rpt_overrides_get_override (o, 1)->original, ==, "none");
  g_assert_false (rpt_overrides_set (o, ref, RPT_OVERRIDE_TABLE_TREATIES, "XYZ/FJI", "consent",
                                     "none", NULL, NULL, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rpt_overrides_set (o, ref, RPT_OVERRIDE_TABLE_MANDATES, "sr-nope", "title", "X",
                                     NULL, NULL, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND);
  g_clear_error (&error);
  g_assert_false (rpt_overrides_set (o, ref, RPT_OVERRIDE_TABLE_MANDATES, "sr-torture",
                                     "resolutions", "61", NULL, NULL, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT);
  g_assert_cmpuint (rpt_overrides_get_n_overrides (o), ==, 2);
  rpt_test_rm_rf (dir);
}

static void
test_merge (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr (RptReference) ref = rpt_reference_new (dir);
  g_autoptr (GError) error = NULL;
  g_autoptr (RptOverrides) ours =
    parse (HEADER "mandate,sr-human-rights-defenders,resolutions,61/12,52/4,2026-04-04,A,\n"
                  "mandate,sr-torture,resolutions,61/7,,2026-04-04,A,\n",
           &error);
  g_autoptr (RptOverrides) theirs =
    parse (HEADER "mandate,sr-human-rights-defenders,resolutions,61/15,52/4,2026-05-01,B,\n"
                  "mandate,sr-torture,resolutions,61/7,,2026-05-01,B,\n"
                  "mandate,sr-housing,resolutions,61/9,,2026-05-01,B,\n",
           &error);
  g_autoptr (RptOverrides) unknown =
    parse (HEADER "mandate,sr-gone,resolutions,61/9,,2026-05-01,B,\n", &error);
  g_autoptr (GPtrArray) conflicts = NULL;
  g_autoptr (RptOverrides) merged = NULL;
  g_autofree char *before = rpt_overrides_to_data (ours, NULL);

  g_assert_no_error (error);

  /* conflicts and no policy: nothing, and what conflicts */
  merged =
    rpt_overrides_merge (ours, theirs, ref, RPT_OVERRIDES_CONFLICTS_FAIL, &conflicts, &error);
  g_assert_null (merged);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_EXISTS);
  g_assert_cmpuint (conflicts->len, ==, 1);
  {
    RptOverrideConflict *c = conflicts->pdata[0];
    g_assert_cmpstr (c->ours->value, ==, "61/12");
    g_assert_cmpstr (c->theirs->value, ==, "61/15");
  }
  g_clear_error (&error);
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* keep ours */
  merged =
    rpt_overrides_merge (ours, theirs, ref, RPT_OVERRIDES_CONFLICTS_KEEP_OURS, &conflicts, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (conflicts->len, ==, 1);
  g_assert_cmpuint (rpt_overrides_get_n_overrides (merged), ==, 3);
  g_assert_cmpstr (rpt_overrides_lookup (merged, RPT_OVERRIDE_TABLE_MANDATES,
                                         "sr-human-rights-defenders", "resolutions")
                     ->value,
                   ==, "61/12");
  /* the same correction keeps our history */
  g_assert_cmpstr (
    rpt_overrides_lookup (merged, RPT_OVERRIDE_TABLE_MANDATES, "sr-torture", "resolutions")->author,
    ==, "A");
  g_clear_object (&merged);
  g_clear_pointer (&conflicts, g_ptr_array_unref);

  /* take theirs */
  merged =
    rpt_overrides_merge (ours, theirs, ref, RPT_OVERRIDES_CONFLICTS_TAKE_THEIRS, NULL, &error);
  g_assert_cmpstr (rpt_overrides_lookup (merged, RPT_OVERRIDE_TABLE_MANDATES,
                                         "sr-human-rights-defenders", "resolutions")
                     ->value,
                   ==, "61/15");
  g_clear_object (&merged);

  /* corrections of rows the data lacks: nothing */
  merged =
    rpt_overrides_merge (ours, unknown, ref, RPT_OVERRIDES_CONFLICTS_TAKE_THEIRS, NULL, &error);
  g_assert_null (merged);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND);
  g_assert_nonnull (strstr (error->message, "sr-gone"));

  /* ours never changed */
  {
    g_autofree char *after = rpt_overrides_to_data (ours, NULL);
    g_assert_cmpstr (after, ==, before);
  }
  rpt_test_rm_rf (dir);
}

/* The default data is read again after the user's change; what callers
 * got before stays valid. */
static void
test_reload_default (void)
{
  RptReference *old = rpt_reference_get_default ();
  const RptMandateInfo *old_hrd = rpt_reference_lookup_mandate (old, "sr-human-rights-defenders");
  g_autofree char *path = rpt_reference_dup_default_overrides_path ();
  g_autoptr (RptOverrides) o = rpt_overrides_new ();
  g_autoptr (GError) error = NULL;
  RptReference *fresh;

  g_assert_true (g_str_has_suffix (path, "/rapporteur/reference/overrides.csv"));
  g_assert_true (rpt_overrides_set (o, old, RPT_OVERRIDE_TABLE_MANDATES,
                                    "sr-human-rights-defenders", "resolutions", "61/12", NULL, NULL,
                                    &error));
  g_assert_true (rpt_overrides_save (o, path, &error));
  g_assert_no_error (error);
  fresh = rpt_reference_reload_default ();
  g_assert_true (fresh == rpt_reference_get_default ());
  g_assert_true (fresh != old);
  g_assert_cmpstr (
    rpt_reference_lookup_mandate (fresh, "sr-human-rights-defenders")->resolutions[0], ==, "61/12");
  g_assert_cmpstr (old_hrd->resolutions[0], ==, "52/4");
}

static void
test_lists (void)
{
  RptReference *ref = rpt_reference_get_default ();
  g_autoptr (GPtrArray) countries = rpt_reference_list_countries (ref);
  g_autoptr (GPtrArray) tjk = rpt_reference_list_treaty_statuses (ref, "TJK");
  g_autoptr (GPtrArray) all = rpt_reference_list_treaty_statuses (ref, NULL);
  gboolean has_iccpr = FALSE;

  g_assert_cmpuint (countries->len, >=, 195);
  for (guint i = 1; i < countries->len; i++)
    g_assert_cmpstr (countries->pdata[i - 1], <, countries->pdata[i]);
  g_assert_cmpuint (tjk->len, >, 5);
  for (guint i = 0; i < tjk->len; i++)
    {
      const RptTreatyStatus *t = tjk->pdata[i];
      g_assert_cmpstr (t->country, ==, "TJK");
      has_iccpr |= g_str_equal (t->instrument, "ICCPR");
    }
  g_assert_true (has_iccpr);
  g_assert_cmpuint (all->len, >, 2000);
}

/* ------------------------------------------------------------------ */
/* rapporteur-cli reference                                            */

static int
run (const char *const *args, char **out, char **err)
{
  g_autofree char *o = NULL;
  g_autofree char *e = NULL;
  int status = rpt_test_run_cli (args, &o, &e);

  g_test_message ("%s %s → %d\n%s%s", args[0], args[1] != NULL ? args[1] : "", status, o, e);
  if (out != NULL)
    *out = g_steal_pointer (&o);
  if (err != NULL)
    *err = g_steal_pointer (&e);
  return status;
}

static void
test_cli (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *own = rpt_reference_dup_default_overrides_path ();
  g_autofree char *shared = g_build_filename (dir, "office.csv", NULL);
  g_autofree char *theirs = g_build_filename (dir, "theirs.csv", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.csv", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  /* The isolated folders of this test, for the command line too (GLib
   * leaves the variables at /dev/null for child processes). */
  g_setenv ("XDG_DATA_HOME", g_get_user_data_dir (), TRUE);
  g_unlink (own);
  {
    const char *list[] = { "reference", "list", "mandates", NULL };
    g_assert_cmpint (run (list, &out, NULL), ==, 0);
    g_assert_true (g_str_has_prefix (out, "KEY\tTITLE\tRESOLUTIONS\tAS OF\tSTATUS\n"));
    g_assert_nonnull (strstr (out, "sr-human-rights-defenders\tSpecial Rapporteur on the "
                                   "situation of human rights defenders\t52/4\t2023-04-03\t"
                                   "unverified\n"));
    g_clear_pointer (&out, g_free);
  }
  {
    const char *list[] = { "reference", "list", "treaties", "--country", "tjk", NULL };
    g_assert_cmpint (run (list, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "ICCPR/TJK\taccession 1999-01-04\t-\t2014-07-10\tunverified\n"));
    g_assert_null (strstr (out, "/FJI"));
    g_clear_pointer (&out, g_free);
  }
  {
    const char *list[] = { "reference", "list", "countries", NULL };
    g_assert_cmpint (run (list, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "IRN\tthe Islamic Republic of Iran\t2022-06\tverified\n"));
    g_clear_pointer (&out, g_free);
  }

  /* set, then show: the value, who, why, what the data says */
  {
    const char *set[] = { "reference",   "set",        "mandate", "sr-human-rights-defenders",
                          "resolutions", "61/12",      "--note",  "A/HRC/RES/61/12",
                          "--author",    "A. Drafter", NULL };
    const char *show[] = { "reference", "show", "mandate", "sr-human-rights-defenders", NULL };
    GStatBuf st;

    g_assert_cmpint (run (set, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "“61/12” (the data says “52/4”)"));
    g_clear_pointer (&out, g_free);
    g_assert_cmpint (g_stat (own, &st), ==, 0);
    g_assert_cmpint (st.st_mode & 0777, ==, 0600);
    g_assert_cmpint (run (show, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "  resolutions (Human Rights Council resolutions): 61/12\n"
                                   "    corrected by A. Drafter on "));
    g_assert_nonnull (strstr (out, "; the data says: 52/4\n    why: A/HRC/RES/61/12\n"));
    g_assert_nonnull (strstr (out, "Verified: yes\n"));
    g_clear_pointer (&out, g_free);
  }
  {
    const char *set[] = { "reference", "set",     "treaty",
                          "iccpr/fji", "consent", "accession 2018-08-16",
                          NULL };
    const char *list[] = { "reference", "list", "treaties", "--corrected", NULL };
    g_assert_cmpint (run (set, NULL, NULL), ==, 0);
    g_assert_cmpint (run (list, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "ICCPR/FJI\taccession 2018-08-16\t-\t"));
    g_assert_nonnull (strstr (out, "\tcorrected\n"));
    g_clear_pointer (&out, g_free);
  }

  /* bad values and rows: exit 1, one line, nothing changed */
  before = rpt_test_file_digest (own);
  {
    const char *cases[][8] = {
      { "reference", "set", "mandate", "sr-nope", "title", "X", NULL },
      { "reference", "set", "mandate", "sr-torture", "resolutions", "sixty", NULL },
      { "reference", "set", "treaty", "ICCPR/FJI", "consent", "signed", NULL },
      { "reference", "set", "country", "TUR", "colour", "red", NULL },
      { "reference", "unset", "mandate", "sr-torture", "title", NULL },
      { "reference", "show", "mandate", "sr-nope", NULL },
    };
    for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
      {
        g_assert_cmpint (run (cases[i], NULL, &err), ==, 1);
        g_assert_true (g_str_has_prefix (err, "rapporteur-cli: "));
        g_assert_true (strchr (err, '\n') == err + strlen (err) - 1);
        g_clear_pointer (&err, g_free);
      }
  }
  {
    const char *usage[][6] = {
      { "reference", NULL },
      { "reference", "list", "planets", NULL },
      { "reference", "set", "mandate", "sr-torture", NULL },
      { "reference", "import", NULL },
      { "reference", "frobnicate", NULL },
    };
    for (guint i = 0; i < G_N_ELEMENTS (usage); i++)
      g_assert_cmpint (run (usage[i], NULL, NULL), ==, 2);
  }
  after = rpt_test_file_digest (own);
  g_assert_cmpstr (after, ==, before);

  /* export for the office, import elsewhere */
  {
    const char *export[] = { "reference", "export", "-o", shared, NULL };
    g_autofree char *data = NULL;
    g_autoptr (GError) error = NULL;
    g_autoptr (RptOverrides) o = NULL;

    g_assert_cmpint (run (export, NULL, NULL), ==, 0);
    g_assert_true (g_file_get_contents (shared, &data, NULL, NULL));
    o = parse (data, &error);
    g_assert_no_error (error);
    g_assert_cmpuint (rpt_overrides_get_n_overrides (o), ==, 2);
  }
  g_assert_true (g_file_set_contents (
    theirs,
    HEADER "mandate,sr-human-rights-defenders,resolutions,61/15,52/4,2026-05-01,B. Office,\n"
           "mandate,sr-torture,resolutions,61/7,,2026-05-02,B. Office,A/HRC/RES/61/7\n",
    -1, NULL));
  {
    const char *import[] = { "reference", "import", theirs, NULL };
    const char *dry[] = {
      "reference", "import", "--dry-run", "--conflicts", "theirs", theirs, NULL
    };
    const char *ours[] = { "reference", "import", "--conflicts", "ours", theirs, NULL };
    g_autofree char *digest = rpt_test_file_digest (own);
    g_autofree char *digest2 = NULL;
    g_autofree char *digest3 = NULL;

    /* a conflict: nothing imported, both sides shown */
    g_assert_cmpint (run (import, &out, &err), ==, 1);
    g_assert_nonnull (strstr (out, "Conflict: mandate sr-human-rights-defenders resolutions\n"
                                   "    yours: “61/12” ("));
    g_assert_nonnull (strstr (out, "    the file’s: “61/15” (2026-05-01, B. Office)\n"));
    g_assert_nonnull (strstr (err, "nothing was imported"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    digest2 = rpt_test_file_digest (own);
    g_assert_cmpstr (digest2, ==, digest);

    g_assert_cmpint (run (dry, &out, NULL), ==, 0);
    g_assert_nonnull (
      strstr (out, "Would import: 1 new, 1 replacing yours, 0 the same as yours\n"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&digest2, g_free);
    digest2 = rpt_test_file_digest (own);
    g_assert_cmpstr (digest2, ==, digest);

    g_assert_cmpint (run (ours, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "Imported: 1 new, 0 replacing yours, 0 the same as yours\n"));
    g_clear_pointer (&out, g_free);
    digest3 = rpt_test_file_digest (own);
    g_assert_cmpstr (digest3, !=, digest);
  }

  /* a bad file: nothing, whatever the policy */
  g_assert_true (g_file_set_contents (bad,
                                      HEADER "mandate,sr-housing,resolutions,61/9,,2026-05-01,,\n"
                                             "mandate,sr-gone,title,X,,2026-05-01,,\n",
                                      -1, NULL));
  {
    const char *import[] = { "reference", "import", "--conflicts", "theirs", bad, NULL };
    const char *missing[] = { "reference", "import", "/nonexistent/office.csv", NULL };
    g_autofree char *digest = rpt_test_file_digest (own);
    g_autofree char *digest2 = NULL;

    g_assert_cmpint (run (import, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "sr-gone"));
    g_clear_pointer (&err, g_free);
    g_assert_cmpint (run (missing, NULL, &err), ==, 1);
    g_assert_nonnull (strstr (err, "/nonexistent/office.csv"));
    digest2 = rpt_test_file_digest (own);
    g_assert_cmpstr (digest2, ==, digest);
  }

  /* unset: the data's value again */
  {
    const char *unset[] = { "reference",   "unset", "mandate", "sr-human-rights-defenders",
                            "resolutions", NULL };
    const char *show[] = { "reference", "show", "mandate", "sr-human-rights-defenders", NULL };
    g_assert_cmpint (run (unset, NULL, NULL), ==, 0);
    g_assert_cmpint (run (show, &out, NULL), ==, 0);
    g_assert_nonnull (strstr (out, "resolutions (Human Rights Council resolutions): 52/4\n"));
    g_assert_null (strstr (out, "corrected"));
  }
  rpt_test_rm_rf (dir);
}

int
main (int argc, char *argv[])
{
  rpt_test_init (&argc, &argv);

  g_test_add_func ("/overrides/parse", test_parse);
  g_test_add_func ("/overrides/bad-files", test_bad_files);
  g_test_add_func ("/overrides/round-trip", test_round_trip);
  g_test_add_func ("/overrides/load-save", test_load_save);
  g_test_add_func ("/overrides/apply", test_apply);
  g_test_add_func ("/overrides/apply-in-any-order", test_apply_in_any_order);
  g_test_add_func ("/overrides/apply-threads", test_apply_threads);
  g_test_add_func ("/overrides/apply-problems", test_apply_problems);
  g_test_add_func ("/overrides/tables-bounded", test_tables_bounded);
  g_test_add_func ("/overrides/letter", test_letter_uses_corrections);
  g_test_add_func ("/overrides/set", test_set);
  g_test_add_func ("/overrides/merge", test_merge);
  g_test_add_func ("/overrides/reload-default", test_reload_default);
  g_test_add_func ("/overrides/lists", test_lists);
  g_test_add_func ("/overrides/cli", test_cli);
  return g_test_run ();
}
