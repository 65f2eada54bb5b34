/* test-check.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "rpt-checker-private.h"
#include "rpt-template-private.h"
#include "rpt-test-util.h"

/*
 * The checks before sending (docs/checks.md): each kind of check found
 * where it should be and not where it should not; the fixes; the list
 * model the application shows; the export's notes as the same findings;
 * rapporteur-cli check on broken letters.
 */

#define TODAY "2025-05-01"
#define NO_SUCH_ID "00000000-0000-4000-8000-000000000000"

static GPtrArray *
checks_full (RptLetter *letter, RptReference *reference, RptTemplate *template)
{
  g_autoptr (RptChecker) checker = rpt_checker_new ();
  g_autoptr (GError) error = NULL;
  GPtrArray *checks = g_ptr_array_new_with_free_func (g_object_unref);

  rpt_checker_set_today (checker, TODAY);
  rpt_checker_set_reference (checker, reference);
  rpt_checker_set_template (checker, template);
  rpt_checker_set_letter (checker, letter);
  g_assert_true (rpt_checker_update (checker, &error));
  g_assert_no_error (error);
  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (checker)); i++)
    g_ptr_array_add (checks, g_list_model_get_item (G_LIST_MODEL (checker), i));
  return checks;
}

static GPtrArray *
checks_of (RptLetter *letter)
{
  return checks_full (letter, NULL, NULL);
}

static guint
count_id (GPtrArray *checks, const char *id)
{
  guint n = 0;

  for (guint i = 0; i < checks->len; i++)
    n += g_str_equal (rpt_check_get_id (checks->pdata[i]), id) ? 1 : 0;
  return n;
}

static void
dump (GPtrArray *checks)
{
  for (guint i = 0; i < checks->len; i++)
    g_printerr ("  [%s] %s\n", rpt_check_get_id (checks->pdata[i]),
                rpt_check_get_message (checks->pdata[i]));
}

/* The first finding of @id, which must be there; a new reference. */
static RptCheck *
expect_in (GPtrArray *checks, const char *id)
{
  for (guint i = 0; i < checks->len; i++)
    if (g_str_equal (rpt_check_get_id (checks->pdata[i]), id))
      return g_object_ref (checks->pdata[i]);
  dump (checks);
  g_error ("no check “%s” among %u", id, checks->len);
}

static RptCheck *
expect (RptLetter *letter, const char *id)
{
  g_autoptr (GPtrArray) checks = checks_of (letter);
  return expect_in (checks, id);
}

static void
expect_none_in (GPtrArray *checks, const char *id)
{
  if (count_id (checks, id) == 0)
    return;
  dump (checks);
  g_error ("unexpected check “%s”", id);
}

static void
expect_none (RptLetter *letter, const char *id)
{
  g_autoptr (GPtrArray) checks = checks_of (letter);
  expect_none_in (checks, id);
}

static void
assert_place (RptCheck *check, RptPart part, const char *item_id, const char *field)
{
  g_assert_cmpint (rpt_check_get_part (check), ==, part);
  g_assert_cmpstr (rpt_check_get_item_id (check), ==, item_id);
  g_assert_cmpstr (rpt_check_get_field (check), ==, field);
}

static void
assert_message_has (RptCheck *check, const char *part)
{
  if (strstr (rpt_check_get_message (check), part) == NULL)
    g_error ("“%s” does not say “%s”", rpt_check_get_message (check), part);
}

static const char *
item_id (RptLetter *letter, RptPart part, guint position)
{
  return rpt_letter_item_get_id (rpt_letter_get_item (letter, part, position));
}

static RptParagraph *
paragraph (RptLetter *letter, RptPart part, guint position)
{
  return rpt_letter_get_item (letter, part, position);
}

static void
clear_part (RptLetter *letter, RptPart part)
{
  while (rpt_letter_get_n_items (letter, part) > 0)
    rpt_letter_remove_item (letter, part, 0);
}

static RptParagraph *
append_paragraph (RptLetter *letter, RptPart part, const char *markup)
{
  g_autoptr (RptParagraph) p = rpt_paragraph_new (markup);

  rpt_letter_append_item (letter, part, p);
  return p;
}

static RptMandate *
append_mandate (RptLetter *letter, const char *key)
{
  g_autoptr (RptMandate) m = rpt_mandate_new ();

  rpt_mandate_set_key (m, key);
  rpt_letter_append_item (letter, RPT_PART_MANDATES, m);
  return m;
}

/* ------------------------------------------------------------------ */
/* Required parts                                                      */

static void
test_mandates_missing (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "mandates-missing");
  clear_part (letter, RPT_PART_MANDATES);
  check = expect (letter, "mandates-missing");
  assert_place (check, RPT_PART_MANDATES, NULL, NULL);
  g_assert_cmpint (rpt_check_get_severity (check), ==, RPT_CHECK_SEVERITY_ERROR);
}

static void
test_signatory_missing (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;
  g_autofree char *foe = g_strdup (item_id (letter, RPT_PART_MANDATES, 1));

  expect_none (letter, "signatory-missing");
  rpt_letter_remove_item (letter, RPT_PART_SIGNATORIES, 1);
  check = expect (letter, "signatory-missing");
  assert_place (check, RPT_PART_MANDATES, foe, NULL);
  assert_message_has (check, "freedom of opinion and expression");
}

static void
test_signatory_name_missing (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptSignatory *s = rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, 0);
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "signatory-name-missing");
  rpt_signatory_set_name (s, NULL);
  check = expect (letter, "signatory-name-missing");
  assert_place (check, RPT_PART_SIGNATORIES, rpt_signatory_get_id (s), "name");
}

static void
test_signatory_without_mandate (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptSignatory *s = rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, 1);
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "signatory-without-mandate");
  rpt_signatory_set_mandate (s, NO_SUCH_ID);
  check = expect (letter, "signatory-without-mandate");
  assert_place (check, RPT_PART_SIGNATORIES, rpt_signatory_get_id (s), "mandate");
  assert_message_has (check, "Irene Khan");
}

static void
test_date_missing (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "date-missing");
  rpt_letter_set_date (letter, NULL);
  check = expect (letter, "date-missing");
  assert_place (check, RPT_N_PARTS, NULL, "date");
  g_assert_cmpint (rpt_check_get_severity (check), ==, RPT_CHECK_SEVERITY_ERROR);
}

static void
test_summary_missing (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "summary-missing");
  rpt_letter_set_summary (letter, "");
  check = expect (letter, "summary-missing");
  assert_place (check, RPT_N_PARTS, NULL, "summary");
}

static void
test_facts_missing (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "facts-missing");
  clear_part (letter, RPT_PART_FACTS);
  check = expect (letter, "facts-missing");
  assert_place (check, RPT_PART_FACTS, NULL, NULL);
}

static void
test_questions_missing (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "questions-missing");
  clear_part (letter, RPT_PART_QUESTIONS);
  check = expect (letter, "questions-missing");
  assert_place (check, RPT_PART_QUESTIONS, NULL, NULL);
}

static void
test_addressee_missing (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "addressee-missing");
  rpt_letter_set_country (letter, NULL);
  check = expect (letter, "addressee-missing");
  assert_place (check, RPT_N_PARTS, NULL, "country");
}

static void
test_addressee_name_missing (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;

  rpt_letter_set_country (letter, "OTH");
  rpt_letter_set_addressee_name (letter, "Acme Mining Ltd");
  expect_none (letter, "addressee-name-missing");
  rpt_letter_set_addressee_name (letter, NULL);
  check = expect (letter, "addressee-name-missing");
  assert_place (check, RPT_N_PARTS, NULL, "addressee-name");
}

/* ------------------------------------------------------------------ */
/* Reference data                                                      */

static void
test_mandate_unknown (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptMandate *m;
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "mandate-unknown");
  m = append_mandate (letter, "sr-no-such-mandate");
  check = expect (letter, "mandate-unknown");
  assert_place (check, RPT_PART_MANDATES, rpt_mandate_get_id (m), "key");
  /* a title of the drafter's own is enough */
  rpt_mandate_set_title (m, "Special Rapporteur on something new");
  expect_none (letter, "mandate-unknown");
}

/* Issue 10: a four-mandate letter came out "pursuant to Human Rights
 * Council resolutions 52/9 and 52/4", the list the data could not
 * complete printed as if it were whole, with only a note on the command
 * line. The letter shows a gap, and the check says where. */
static void
test_resolutions_missing (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) several = NULL;
  g_autoptr (RptCheck) one = NULL;
  g_autoptr (RptCheck) dated = NULL;
  const char *const own[] = { "50/17", NULL };
  RptMandate *judges;

  expect_none (letter, "resolutions-missing");
  /* no resolution in the data at all */
  judges = append_mandate (letter, "sr-independence-judges-lawyers");
  several = expect (letter, "resolutions-missing");
  assert_place (several, RPT_PART_MANDATES, rpt_mandate_get_id (judges), "resolutions");
  g_assert_cmpint (rpt_check_get_severity (several), ==, RPT_CHECK_SEVERITY_ERROR);
  assert_message_has (several, "shows a gap");
  assert_message_has (several, "independence of judges and lawyers");

  /* one mandate: the opening sentence shows the gap too */
  rpt_letter_remove_item (letter, RPT_PART_MANDATES, 0);
  rpt_letter_remove_item (letter, RPT_PART_MANDATES, 0);
  one = expect (letter, "resolutions-missing");
  assert_message_has (one, "shows a gap");

  rpt_mandate_set_resolutions (judges, own);
  expect_none (letter, "resolutions-missing");

  /* a resolution the data knows, but whose term ran out before the
   * letter's date: the renewal is not in the data */
  clear_part (letter, RPT_PART_MANDATES);
  append_mandate (letter, "wg-arbitrary-detention");
  expect_none (letter, "resolutions-missing");
  rpt_letter_set_date (letter, "2026-05-01");
  dated = expect (letter, "resolutions-missing");
  assert_message_has (dated, "51/8");
}

static void
test_title_missing_in_language (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;
  RptMandate *haiti = append_mandate (letter, "ie-haiti");

  expect_none (letter, "title-missing-in-language");
  rpt_letter_set_language (letter, "fr");
  check = expect (letter, "title-missing-in-language");
  assert_place (check, RPT_PART_MANDATES, rpt_mandate_get_id (haiti), "title");
  assert_message_has (check, "French");
}

static void
test_title_unattested (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;
  g_autoptr (RptCheck) press = NULL;
  RptMandate *housing = append_mandate (letter, "sr-housing");

  expect_none (letter, "title-unattested");
  rpt_letter_set_language (letter, "fr");
  check = expect (letter, "title-unattested");
  assert_place (check, RPT_PART_MANDATES, rpt_mandate_get_id (housing), "title");
  assert_message_has (check, "not attested");

  rpt_mandate_set_key (housing, "sr-migrants");
  press = expect (letter, "title-unattested");
  assert_message_has (press, "press");
}

static void
test_title_form_missing (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptSignatory *lawlor = rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, 0);
  RptSignatory *khan = rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, 1);
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "title-form-missing");
  rpt_letter_set_language (letter, "fr");
  check = expect (letter, "title-form-missing");
  assert_place (check, RPT_PART_SIGNATORIES, rpt_signatory_get_id (lawlor), "title-form");
  rpt_signatory_set_title_form (lawlor, RPT_TITLE_FORM_FEMININE);
  rpt_signatory_set_title_form (khan, RPT_TITLE_FORM_FEMININE);
  expect_none (letter, "title-form-missing");
}

static RptTemplate *
fake_french (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *xsl = rpt_test_source_path ("data", "templates", "letter.xsl", NULL);
  RptTemplate *template =
    rpt_template_new_from_files (xsl, g_getenv ("RAPPORTEUR_FAKE_CATALOGUE"), &error);

  g_assert_no_error (error);
  return template;
}

static void
test_sentences_untranslated (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptTemplate) fake = fake_french ();
  g_autoptr (GPtrArray) english = NULL;
  g_autoptr (GPtrArray) french = NULL;
  g_autoptr (RptCheck) check = NULL;

  english = checks_full (letter, NULL, fake);
  expect_none_in (english, "sentences-untranslated");
  rpt_letter_set_language (letter, "fr");
  french = checks_full (letter, NULL, fake);
  check = expect_in (french, "sentences-untranslated");
  assert_place (check, RPT_N_PARTS, NULL, "language");
  g_assert_cmpint (rpt_check_get_severity (check), ==, RPT_CHECK_SEVERITY_ERROR);
  /* the real catalogue is complete */
  expect_none (letter, "sentences-untranslated");
}

static void
test_country_unknown (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "country-unknown");
  rpt_letter_set_country (letter, "QQQ");
  check = expect (letter, "country-unknown");
  assert_place (check, RPT_N_PARTS, NULL, "country");
}

static void
test_country_name_not_un (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "country-name-not-un");
  /* in iso-codes, not among the UN's Members and observers */
  rpt_letter_set_country (letter, "PRI");
  check = expect (letter, "country-name-not-un");
  assert_place (check, RPT_N_PARTS, NULL, "country");
}

static void
test_unverified_reference_data (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (GPtrArray) checks = checks_of (letter);
  RptSignatory *s = rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, 0);
  RptMandate *wgad;

  /* the two mandates' resolutions and the treaty snapshot */
  g_assert_cmpuint (count_id (checks, "unverified-reference-data"), ==, 3);
  for (guint i = 0; i < checks->len; i++)
    if (g_str_equal (rpt_check_get_id (checks->pdata[i]), "unverified-reference-data") &&
        rpt_check_get_part (checks->pdata[i]) == RPT_PART_ANNEX)
      assert_place (checks->pdata[i], RPT_PART_ANNEX, item_id (letter, RPT_PART_ANNEX, 0), "text");

  /* a verified mandate, no treaty status: nothing unverified */
  clear_part (letter, RPT_PART_MANDATES);
  rpt_letter_remove_item (letter, RPT_PART_SIGNATORIES, 1);
  wgad = append_mandate (letter, "wg-arbitrary-detention");
  rpt_signatory_set_mandate (s, rpt_mandate_get_id (wgad));
  clear_part (letter, RPT_PART_ANNEX);
  expect_none (letter, "unverified-reference-data");
}

static void
test_stale_reference_data (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;
  const char *const own[] = { "61/12", NULL };

  expect_none (letter, "stale-reference-data");
  /* the data has the renewals of April 2023 */
  rpt_letter_set_date (letter, "2026-06-01");
  check = expect (letter, "stale-reference-data");
  assert_place (check, RPT_PART_MANDATES, item_id (letter, RPT_PART_MANDATES, 0), "resolutions");
  assert_message_has (check, "2023-04");
  /* the drafter's own resolutions are the drafter's word */
  rpt_mandate_set_resolutions (rpt_letter_get_item (letter, RPT_PART_MANDATES, 0), own);
  rpt_mandate_set_resolutions (rpt_letter_get_item (letter, RPT_PART_MANDATES, 1), own);
  expect_none (letter, "stale-reference-data");
}

static RptReference *
reference_with (const char *dir, const char *overrides_csv)
{
  g_autofree char *path = g_build_filename (dir, "overrides.csv", NULL);

  g_assert_true (g_file_set_contents (path, overrides_csv, -1, NULL));
  return rpt_reference_new (dir);
}

static void
test_overridden_reference_data (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptReference) plain = rpt_reference_new (dir);
  g_autoptr (RptReference) corrected = NULL;
  g_autoptr (GPtrArray) before = NULL;
  g_autoptr (GPtrArray) after = NULL;
  g_autoptr (RptCheck) check = NULL;

  before = checks_full (letter, plain, NULL);
  expect_none_in (before, "overridden-reference-data");

  corrected = reference_with (
    dir, "table,key,field,value,original,date,author,note\n"
         "mandate,sr-human-rights-defenders,resolutions,61/12,52/4,2026-04-04,A. Drafter,"
         "A/HRC/RES/61/12\n");
  after = checks_full (letter, corrected, NULL);
  check = expect_in (after, "overridden-reference-data");
  g_assert_cmpint (rpt_check_get_severity (check), ==, RPT_CHECK_SEVERITY_INFO);
  assert_place (check, RPT_PART_MANDATES, item_id (letter, RPT_PART_MANDATES, 0), "key");
  assert_message_has (check, "A. Drafter");
  assert_message_has (check, "52/4");
  /* the resolution was the doubt: the row is verified now */
  g_assert_cmpuint (count_id (after, "unverified-reference-data"), ==, 2);
  rpt_test_rm_rf (dir);
}

static void
test_treaty_status_unknown (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;
  RptParagraph *p;

  expect_none (letter, "treaty-status-unknown");
  /* Tajikistan had not joined the CRPD when the snapshot was taken */
  p = append_paragraph (letter, RPT_PART_ANNEX,
                        "the Convention on the Rights of Persons with Disabilities, "
                        "<treaty-status instrument=\"CRPD\"/>.");
  check = expect (letter, "treaty-status-unknown");
  assert_place (check, RPT_PART_ANNEX, rpt_paragraph_get_id (p), "text");
}

static void
test_treaty_addressee_not_state (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "treaty-addressee-not-state");
  rpt_letter_set_country (letter, "OTH");
  rpt_letter_set_addressee_name (letter, "Acme Mining Ltd");
  check = expect (letter, "treaty-addressee-not-state");
  assert_place (check, RPT_PART_ANNEX, item_id (letter, RPT_PART_ANNEX, 0), "text");
}

static void
test_annex_not_party (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) none = NULL;
  g_autoptr (RptCheck) signed_only = NULL;

  expect_none (letter, "annex-not-party");
  /* neither signed nor joined, in the snapshot */
  rpt_letter_set_country (letter, "SAU");
  none = expect (letter, "annex-not-party");
  assert_place (none, RPT_PART_ANNEX, item_id (letter, RPT_PART_ANNEX, 0), "reference");
  assert_message_has (none, "International Covenant on Civil and Political Rights");
  assert_message_has (none, "Saudi Arabia");
  /* signed in 1998, never ratified */
  rpt_letter_set_country (letter, "CHN");
  signed_only = expect (letter, "annex-not-party");
  assert_message_has (signed_only, "1998-10-05");
}

/* ------------------------------------------------------------------ */
/* Consistency                                                         */

static void
test_reference_incomplete (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "reference-incomplete");
  rpt_letter_set_reference_number (letter, 0);
  check = expect (letter, "reference-incomplete");
  g_assert_cmpint (rpt_check_get_severity (check), ==, RPT_CHECK_SEVERITY_INFO);
  assert_place (check, RPT_N_PARTS, NULL, "reference-number");
}

static void
test_reference_year_mismatch (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "reference-year-mismatch");
  rpt_letter_set_reference_year (letter, 2024);
  check = expect (letter, "reference-year-mismatch");
  assert_place (check, RPT_N_PARTS, NULL, "reference-year");
  assert_message_has (check, "AL TJK 1/2024");
}

static void
test_communication_reference_mismatch (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptCommunication *c = rpt_letter_get_item (letter, RPT_PART_COMMUNICATIONS, 0);
  g_autoptr (GPtrArray) checks = NULL;
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "communication-reference-mismatch");
  /* another State, and a year that is not the year it was sent */
  rpt_communication_set_reference (c, "AL TKM 1/2022");
  checks = checks_of (letter);
  g_assert_cmpuint (count_id (checks, "communication-reference-mismatch"), ==, 2);
  check = expect_in (checks, "communication-reference-mismatch");
  assert_place (check, RPT_PART_COMMUNICATIONS, rpt_communication_get_id (c), "reference");
  /* not a reference at all */
  rpt_communication_set_reference (c, "our letter of May");
  g_clear_object (&check);
  check = expect (letter, "communication-reference-mismatch");
  assert_message_has (check, "does not read as a reference");
  /* the joint letters of before 2017 */
  rpt_communication_set_reference (c, "JAL TJK 1/2023");
  expect_none (letter, "communication-reference-mismatch");
}

static void
test_fact_dates_backwards (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "fact-dates-backwards");
  rpt_paragraph_set_date (paragraph (letter, RPT_PART_FACTS, 1), "2024-07-01");
  check = expect (letter, "fact-dates-backwards");
  assert_place (check, RPT_PART_FACTS, item_id (letter, RPT_PART_FACTS, 1), "date");
  assert_message_has (check, "Fact 2");
}

static void
test_fact_date_future (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) after_letter = NULL;
  g_autoptr (RptCheck) after_today = NULL;
  RptParagraph *last = paragraph (letter, RPT_PART_FACTS, 8);

  expect_none (letter, "fact-date-future");
  rpt_paragraph_set_date (last, "2025-04-24");
  after_letter = expect (letter, "fact-date-future");
  assert_place (after_letter, RPT_PART_FACTS, rpt_paragraph_get_id (last), "date");
  /* a draft without a date: against today (TODAY) */
  rpt_letter_set_date (letter, NULL);
  expect_none (letter, "fact-date-future");
  rpt_paragraph_set_date (last, "2025-06-01");
  after_today = expect (letter, "fact-date-future");
  assert_message_has (after_today, "future");
}

static void
test_person_name_inconsistent (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptParagraph *fact = paragraph (letter, RPT_PART_FACTS, 2);
  g_autoptr (RptCheck) spelling = NULL;
  g_autoptr (RptCheck) honorific = NULL;

  /* the sample writes "Ms. Khakimova's", "Ms. Rukhshona Khakimova" */
  expect_none (letter, "person-name-inconsistent");

  rpt_paragraph_set_text (fact, "Later in July, Ms. Khakimowa was detained again.");
  spelling = expect (letter, "person-name-inconsistent");
  assert_place (spelling, RPT_PART_FACTS, rpt_paragraph_get_id (fact), "text");
  assert_message_has (spelling, "“Khakimowa”");
  assert_message_has (spelling, "Ms. Rukhshona Khakimova");

  rpt_paragraph_set_text (fact, "Later in July, Mr. Khakimova was detained again.");
  honorific = expect (letter, "person-name-inconsistent");
  assert_message_has (honorific, "“Mr. Khakimova”");

  /* a name part swapped: "Khakiomva" */
  rpt_paragraph_set_text (fact, "Later in July, Ms. Khakiomva was detained again.");
  g_clear_object (&spelling);
  spelling = expect (letter, "person-name-inconsistent");
  assert_message_has (spelling, "“Khakiomva”");
}

static void
test_wgad_off_deprived (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (GError) error = NULL;
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "wgad-off-deprived");
  rpt_letter_set_wgad (letter, RPT_WGAD_NO);
  check = expect (letter, "wgad-off-deprived");
  assert_place (check, RPT_N_PARTS, NULL, "wgad");
  g_assert_true (rpt_check_has_fix (check));
  g_assert_true (rpt_check_apply_fix (check, letter, &error));
  g_assert_no_error (error);
  g_assert_cmpint (rpt_letter_get_wgad (letter), ==, RPT_WGAD_AUTO);
  expect_none (letter, "wgad-off-deprived");
  /* no one deprived of liberty: the paragraph may be off */
  rpt_letter_set_wgad (letter, RPT_WGAD_NO);
  rpt_person_set_deprived_of_liberty (rpt_letter_get_item (letter, RPT_PART_PERSONS, 0), FALSE);
  expect_none (letter, "wgad-off-deprived");
}

static void
test_wgad_not_for_other (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;

  rpt_letter_set_country (letter, "OTH");
  rpt_letter_set_addressee_name (letter, "Acme Mining Ltd");
  expect_none (letter, "wgad-not-for-other");
  rpt_letter_set_wgad (letter, RPT_WGAD_YES);
  check = expect (letter, "wgad-not-for-other");
  assert_place (check, RPT_N_PARTS, NULL, "wgad");
}

/* ------------------------------------------------------------------ */
/* The words                                                           */

static void
test_question_not_question (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptParagraph *q = paragraph (letter, RPT_PART_QUESTIONS, 1);
  g_autoptr (RptCheck) fixable = NULL;
  g_autoptr (RptCheck) statement = NULL;
  g_autoptr (GError) error = NULL;

  /* "Please provide…" is a request: no question mark needed */
  expect_none (letter, "question-not-question");

  rpt_paragraph_set_text (q, "What is the <b>legal basis</b> for her detention.");
  fixable = expect (letter, "question-not-question");
  assert_place (fixable, RPT_PART_QUESTIONS, rpt_paragraph_get_id (q), "text");
  g_assert_true (rpt_check_has_fix (fixable));
  g_assert_true (rpt_check_apply_fix (fixable, letter, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rpt_paragraph_get_text (q), ==,
                   "What is the <b>legal basis</b> for her detention?");
  expect_none (letter, "question-not-question");

  rpt_paragraph_set_text (q, "She was detained on 16 July.");
  statement = expect (letter, "question-not-question");
  g_assert_false (rpt_check_has_fix (statement));
  assert_message_has (statement, "neither a question nor a request");

  /* other requests and questions */
  rpt_paragraph_set_text (q, "Additionally, indicate the measures taken.");
  expect_none (letter, "question-not-question");
  rpt_paragraph_set_text (q, "To what extent has the Government acted?");
  expect_none (letter, "question-not-question");
  rpt_letter_set_language (letter, "fr");
  rpt_paragraph_set_text (q, "Veuillez fournir des informations.");
  expect_none (letter, "question-not-question");
  rpt_letter_set_language (letter, "es");
  rpt_paragraph_set_text (q, "¿Qué medidas se han adoptado.");
  g_clear_object (&fixable);
  fixable = expect (letter, "question-not-question");
  g_assert_true (rpt_check_has_fix (fixable));
  /* a Spanish question without its "¿": no fix to guess */
  rpt_paragraph_set_text (q, "Qué medidas se han adoptado.");
  g_clear_object (&statement);
  statement = expect (letter, "question-not-question");
  g_assert_false (rpt_check_has_fix (statement));
}

static void
test_question_mark_fix (void)
{
  static const struct
  {
    const char *markup;
    const char *fixed;
  } cases[] = {
    { "What happened.", "What happened?" },
    { "What happened", "What happened?" },
    { "What happened;", "What happened?" },
    { "What <i>happened</i>.", "What <i>happened</i>?" },
    { "What happened.<note>A footnote.</note>", "What happened?<note>A footnote.</note>" },
    { "What happened <b>then</b> ", "What happened <b>then?</b> " },
    /* not plain enough to guess */
    { "Was it “legal.”", NULL },
    { "Which treaty: <treaty-status instrument=\"ICCPR\"/>", NULL },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *fixed = _rpt_check_end_with_question_mark (cases[i].markup);
      g_assert_cmpstr (fixed, ==, cases[i].fixed);
    }
}

static void
test_paragraph_empty (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;
  g_autoptr (GError) error = NULL;
  guint n = rpt_letter_get_n_items (letter, RPT_PART_FACTS);
  RptParagraph *empty;

  expect_none (letter, "paragraph-empty");
  empty = append_paragraph (letter, RPT_PART_FACTS, "  ");
  check = expect (letter, "paragraph-empty");
  assert_place (check, RPT_PART_FACTS, rpt_paragraph_get_id (empty), "text");
  g_assert_true (rpt_check_has_fix (check));
  g_assert_true (rpt_check_apply_fix (check, letter, &error));
  g_assert_no_error (error);
  g_assert_cmpuint (rpt_letter_get_n_items (letter, RPT_PART_FACTS), ==, n);
  expect_none (letter, "paragraph-empty");

  /* a treaty status, a footnote: not empty */
  append_paragraph (letter, RPT_PART_ANNEX, "<treaty-status instrument=\"ICCPR\"/>");
  expect_none (letter, "paragraph-empty");
}

static void
test_double_space (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptParagraph *fact = paragraph (letter, RPT_PART_FACTS, 0);
  RptSignatory *s = rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, 0);
  g_autoptr (RptCheck) check = NULL;
  g_autoptr (RptCheck) name = NULL;
  g_autoptr (RptCheck) summary = NULL;
  g_autoptr (GPtrArray) checks = NULL;
  g_autoptr (GError) error = NULL;

  expect_none (letter, "double-space");
  rpt_paragraph_set_text (fact, "On 16 July 2024,  Ms. <b>Khakimova </b> was   apprehended.");
  check = expect (letter, "double-space");
  assert_place (check, RPT_PART_FACTS, rpt_paragraph_get_id (fact), "text");
  assert_message_has (check, "3 places");
  assert_message_has (check, "“2024,”");
  g_assert_true (rpt_check_apply_fix (check, letter, &error));
  g_assert_no_error (error);
  /* across formatting too, and nothing else changed */
  g_assert_cmpstr (rpt_paragraph_get_text (fact), ==,
                   "On 16 July 2024, Ms. <b>Khakimova </b>was apprehended.");
  expect_none (letter, "double-space");

  rpt_signatory_set_name (s, "Mary  Lawlor");
  rpt_letter_set_summary (letter, "alleged  sentencing");
  checks = checks_of (letter);
  g_assert_cmpuint (count_id (checks, "double-space"), ==, 2);
  name = expect_in (checks, "double-space");
  summary = g_object_ref (checks->pdata[checks->len - 1]);
  for (guint i = 0; i < checks->len; i++)
    if (g_str_equal (rpt_check_get_id (checks->pdata[i]), "double-space"))
      {
        g_autoptr (GError) fix_error = NULL;
        g_assert_true (rpt_check_apply_fix (checks->pdata[i], letter, &fix_error));
        g_assert_no_error (fix_error);
      }
  g_assert_cmpstr (rpt_signatory_get_name (s), ==, "Mary Lawlor");
  g_assert_cmpstr (rpt_letter_get_summary (letter), ==, "alleged sentencing");
}

static void
test_collapse_spaces (void)
{
  static const struct
  {
    const char *markup;
    const char *collapsed;
  } cases[] = {
    { "a  b", "a b" },
    { "a <b> b</b>", "a <b>b</b>" },
    { "a<note>x  y</note>  b", "a<note>x y</note> b" },
    { "a <treaty-status instrument=\"ICCPR\"/> b", "a <treaty-status instrument=\"ICCPR\"/> b" },
    { "a\n  b", "a\n b" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *collapsed = _rpt_check_collapse_spaces (cases[i].markup);
      g_assert_cmpstr (collapsed, ==, cases[i].collapsed);
    }
}

static void
test_unbalanced_quotes (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptParagraph *fact = paragraph (letter, RPT_PART_FACTS, 0);
  static const char *const bad[] = {
    "He said “stop.",
    "He said stop.” Then he left.",
    "He said \"stop. Then he left.",
    "Il a dit « stop.",
    "He said stop.<note>See “the report.</note>",
  };
  static const char *const good[] = {
    "He said “stop.”",
    "He said \"stop\", twice: \"stop\".",
    "Il a dit « stop ».",
    "Ms. Khakimova's children, the authorities' decision.",
  };

  expect_none (letter, "unbalanced-quotes");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (RptCheck) check = NULL;
      rpt_paragraph_set_text (fact, bad[i]);
      check = expect (letter, "unbalanced-quotes");
      assert_place (check, RPT_PART_FACTS, rpt_paragraph_get_id (fact), "text");
    }
  {
    g_autoptr (RptCheck) note = expect (letter, "unbalanced-quotes");
    assert_message_has (note, "footnote 1");
  }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      rpt_paragraph_set_text (fact, good[i]);
      expect_none (letter, "unbalanced-quotes");
    }
}

static void
test_unbalanced_brackets (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptParagraph *fact = paragraph (letter, RPT_PART_FACTS, 0);
  static const char *const bad[] = {
    "He was detained (in Dushanbe.",
    "He was detained in Dushanbe).",
    "Article 19 [of the Covenant.",
    "He was (detained [in Dushanbe)].",
  };
  static const char *const good[] = {
    "He was detained (in Dushanbe).",
    "Article 14(3)(b) of the ICCPR [emphasis added].",
    /* enumerations: a), 2), iv) */
    "It must a) be provided by law, b) be necessary; see 2) and iv) above.",
  };

  expect_none (letter, "unbalanced-brackets");
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr (RptCheck) check = NULL;
      rpt_paragraph_set_text (fact, bad[i]);
      check = expect (letter, "unbalanced-brackets");
      assert_place (check, RPT_PART_FACTS, rpt_paragraph_get_id (fact), "text");
    }
  for (guint i = 0; i < G_N_ELEMENTS (good); i++)
    {
      rpt_paragraph_set_text (fact, good[i]);
      expect_none (letter, "unbalanced-brackets");
    }
}

/* Only the template sees characters a letter XML brought that XML 1.0
 * text cannot hold: the model never stores them. */
static void
test_characters_removed (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptTemplate) template = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *xml = rpt_letter_to_xml (letter, NULL);
  g_autofree char *broken = NULL;
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) clean_notes = g_ptr_array_new_with_free_func (g_free);
  g_autofree char *out = NULL;
  g_autofree char *clean = NULL;
  gboolean found = FALSE;

  template = rpt_template_get_default (&error);
  g_assert_no_error (error);
  clean = rpt_template_render (template, xml, -1, rpt_reference_get_default (), clean_notes, NULL,
                               &error);
  g_assert_no_error (error);
  for (guint i = 0; i < clean_notes->len; i++)
    g_assert_null (strstr (clean_notes->pdata[i], "XML cannot hold"));

  {
    const char *at = strstr (xml, "apprehended outside");
    g_assert_nonnull (at);
    broken = g_strdup_printf ("%.*sapprehended&#13; outside%s", (int) (at - xml), xml,
                              at + strlen ("apprehended outside"));
  }
  out =
    rpt_template_render (template, broken, -1, rpt_reference_get_default (), notes, NULL, &error);
  g_assert_no_error (error);
  for (guint i = 0; i < notes->len; i++)
    found |= g_str_equal (notes->pdata[i], "1 character XML cannot hold was removed.");
  g_assert_true (found);
}

/* ------------------------------------------------------------------ */
/* Issue 10: what the letter's date and wording choices make possible   */

/* Two mandates merged in October 2025 had titles of their own before:
 * the letter shows a gap the drafter fills. */
static void
test_title_missing_on_date (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptMandate *m = rpt_letter_get_item (letter, RPT_PART_MANDATES, 1);
  g_autoptr (RptCheck) check = NULL;

  rpt_mandate_set_key (m, "sr-slavery-trafficking");
  rpt_letter_set_date (letter, "2026-01-15");
  rpt_letter_set_reference_year (letter, 2026);
  expect_none (letter, "title-missing-on-date");
  rpt_letter_set_date (letter, "2024-05-02");
  check = expect (letter, "title-missing-on-date");
  assert_place (check, RPT_PART_MANDATES, rpt_mandate_get_id (m), "title");
  g_assert_cmpint (rpt_check_get_severity (check), ==, RPT_CHECK_SEVERITY_ERROR);
  /* the drafter types the title of the time */
  rpt_mandate_set_title (m, "Special Rapporteur on contemporary forms of slavery, including its "
                            "causes and consequences");
  expect_none (letter, "title-missing-on-date");
}

/* The violence-against-women title changed in July 2022, a month the
 * history gives without a day. */
static void
test_title_date_uncertain (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptMandate *m = rpt_letter_get_item (letter, RPT_PART_MANDATES, 1);
  g_autoptr (RptCheck) check = NULL;

  rpt_mandate_set_key (m, "sr-violence-against-women");
  rpt_letter_set_date (letter, "2022-09-15");
  expect_none (letter, "title-date-uncertain");
  rpt_letter_set_date (letter, "2022-07-15");
  check = expect (letter, "title-date-uncertain");
  assert_place (check, RPT_PART_MANDATES, rpt_mandate_get_id (m), "title");
  assert_message_has (check, "2022-07");
}

static void
test_title_of_date (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptMandate *m = rpt_letter_get_item (letter, RPT_PART_MANDATES, 1);
  g_autoptr (RptCheck) check = NULL;

  rpt_mandate_set_key (m, "sr-violence-against-women");
  expect_none (letter, "title-of-date");
  rpt_letter_set_date (letter, "2019-05-02");
  check = expect (letter, "title-of-date");
  g_assert_cmpint (rpt_check_get_severity (check), ==, RPT_CHECK_SEVERITY_INFO);
  assert_place (check, RPT_PART_MANDATES, rpt_mandate_get_id (m), "title");
  assert_message_has (check, "violence against women, its causes and consequences");
}

static void
test_house_style_unknown (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;

  rpt_letter_set_house_style (letter, "2015");
  expect_none (letter, "house-style-unknown");
  rpt_letter_set_house_style (letter, "1999");
  check = expect (letter, "house-style-unknown");
  assert_place (check, RPT_N_PARTS, NULL, "house-style");
  assert_message_has (check, "“1999”");
}

/* A letter of 2019 written in the newest style: the edition of its
 * years, one click away. */
static void
test_house_style_of_date (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;
  g_autoptr (GError) error = NULL;

  expect_none (letter, "house-style-of-date");
  rpt_letter_set_date (letter, "2019-05-02");
  rpt_letter_set_reference_year (letter, 2019);
  check = expect (letter, "house-style-of-date");
  g_assert_cmpint (rpt_check_get_severity (check), ==, RPT_CHECK_SEVERITY_INFO);
  assert_place (check, RPT_N_PARTS, NULL, "house-style");
  g_assert_true (rpt_check_has_fix (check));
  g_assert_true (rpt_check_apply_fix (check, letter, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (rpt_letter_get_house_style (letter), ==, "2015");
  expect_none (letter, "house-style-of-date");
  /* a choice the drafter made is not second-guessed */
  rpt_letter_set_house_style (letter, "2024");
  expect_none (letter, "house-style-of-date");
}

static RptCommunication *
communication (RptLetter *letter, guint position)
{
  return rpt_letter_get_item (letter, RPT_PART_COMMUNICATIONS, position);
}

static void
test_communication_date_missing (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptCommunication *c = communication (letter, 2);
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "communication-date-missing");
  rpt_communication_set_date (c, NULL);
  check = expect (letter, "communication-date-missing");
  assert_place (check, RPT_PART_COMMUNICATIONS, rpt_communication_get_id (c), "date");
  assert_message_has (check, rpt_communication_get_reference (c));
  /* a letter of others the drafter speaks of in a sentence of their own
   * is not cited by its date */
  rpt_communication_set_sender (c, RPT_COMMUNICATION_SENDER_OTHERS);
  rpt_communication_set_sentence (c, "Communication AL TJK 2/2022 was sent by others.");
  expect_none (letter, "communication-date-missing");
}

static void
test_reply_date_missing (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptCommunication *c = communication (letter, 0);
  g_autoptr (RptCheck) check = NULL;

  rpt_communication_set_reply (c, RPT_REPLY_NOT_RECEIVED);
  expect_none (letter, "reply-date-missing");
  rpt_communication_set_reply (c, RPT_REPLY_RECEIVED);
  check = expect (letter, "reply-date-missing");
  assert_place (check, RPT_PART_COMMUNICATIONS, rpt_communication_get_id (c), "reply-date");
  g_assert_cmpint (rpt_check_get_severity (check), ==, RPT_CHECK_SEVERITY_ERROR);
  rpt_communication_set_reply_date (c, "2023-07-20");
  expect_none (letter, "reply-date-missing");
}

static void
test_reply_comment_missing (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptCommunication *c = communication (letter, 1); /* answered on 2023-05-15 */
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "reply-comment-missing");
  rpt_communication_set_reply (c, RPT_REPLY_PARTIAL);
  check = expect (letter, "reply-comment-missing");
  assert_place (check, RPT_PART_COMMUNICATIONS, rpt_communication_get_id (c), "reply-comment");
  rpt_communication_set_reply_comment (c, "about her detention");
  expect_none (letter, "reply-comment-missing");
  /* the drafter's own sentence says it all */
  rpt_communication_set_reply_comment (c, NULL);
  rpt_communication_set_sentence (c, "The reply did not address the allegations.");
  expect_none (letter, "reply-comment-missing");
}

static void
test_new_information_without_communication (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptCheck) check = NULL;

  rpt_letter_set_facts_lead (letter, RPT_FACTS_LEAD_NEW_INFORMATION);
  expect_none (letter, "new-information-without-communication");
  clear_part (letter, RPT_PART_COMMUNICATIONS);
  rpt_letter_set_communications_about (letter, "");
  check = expect (letter, "new-information-without-communication");
  assert_place (check, RPT_N_PARTS, NULL, "facts-lead");
  rpt_letter_set_facts_lead (letter, RPT_FACTS_LEAD_INFORMATION_RECEIVED);
  expect_none (letter, "new-information-without-communication");
}

/* Issue 10: co-senders outside the Special Procedures sign for no
 * mandate, and that is no mistake. */
static void
test_co_senders_unsigned (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptSignatory) s = rpt_signatory_new ();
  g_autoptr (RptCheck) check = NULL;

  expect_none (letter, "co-senders-unsigned");
  rpt_letter_set_co_senders (letter, "the Inter-American Commission on Human Rights");
  check = expect (letter, "co-senders-unsigned");
  assert_place (check, RPT_N_PARTS, NULL, "co-senders");
  assert_message_has (check, "Inter-American Commission");
  rpt_signatory_set_name (s, "Roberta Clarke");
  rpt_signatory_set_title (s, "President, Inter-American Commission on Human Rights");
  rpt_letter_append_item (letter, RPT_PART_SIGNATORIES, s);
  expect_none (letter, "co-senders-unsigned");
  expect_none (letter, "signatory-without-mandate");
  /* without co-senders, a signatory for no mandate is one */
  rpt_letter_set_co_senders (letter, "");
  expect (letter, "signatory-without-mandate");
}

/* ------------------------------------------------------------------ */
/* One source for the export's notes and the checks                    */

/* What the template says of a letter it renders in full is what the
 * checker finds on the copy it gives the template (letter_skeleton()),
 * at the same places: ids, messages, locations. */
static void
assert_template_agrees (RptLetter *letter)
{
  g_autoptr (RptTemplate) template = NULL;
  g_autoptr (GError) error = NULL;
  g_autoptr (GPtrArray) full = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr (GPtrArray) notes = g_ptr_array_new_with_free_func (g_free);
  g_autoptr (GPtrArray) checks = checks_of (letter);
  g_autofree char *xml = rpt_letter_to_xml (letter, NULL);
  g_autofree char *document = NULL;

  template = rpt_template_get_default (&error);
  g_assert_no_error (error);
  g_assert_true (_rpt_template_collect_checks (template, xml, strlen (xml),
                                               rpt_reference_get_default (), NULL, full, &error));
  g_assert_no_error (error);
  document =
    rpt_template_render (template, xml, -1, rpt_reference_get_default (), notes, NULL, &error);
  g_assert_no_error (error);

  /* the notes of an export are the template's findings, in order */
  g_assert_cmpuint (notes->len, ==, full->len);
  for (guint i = 0; i < full->len; i++)
    g_assert_cmpstr (notes->pdata[i], ==, rpt_check_get_message (full->pdata[i]));

  /* and the checker has each of them, at the same place */
  for (guint i = 0; i < full->len; i++)
    {
      gboolean found = FALSE;
      for (guint k = 0; k < checks->len && !found; k++)
        found = rpt_check_equal (full->pdata[i], checks->pdata[k]);
      if (!found)
        {
          dump (checks);
          g_error ("the checks lack the template's “%s”", rpt_check_get_message (full->pdata[i]));
        }
    }
}

static void
test_template_agrees (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptParagraph *clause;

  assert_template_agrees (letter);
  /* many findings at once: French, torture without a resolution, a
   * treaty the data does not know, twice, the second in a fact */
  rpt_letter_set_language (letter, "fr");
  append_mandate (letter, "sr-torture");
  append_mandate (letter, "ie-haiti");
  rpt_letter_set_reference_number (letter, 0);
  /* (an undated letter would be compared with today: the template's
   * today and the test's differ) */
  rpt_letter_set_date (letter, "2027-01-10");
  clause = append_paragraph (letter, RPT_PART_FACTS, "<treaty-status instrument=\"CRPD\"/>");
  append_paragraph (letter, RPT_PART_ANNEX, "again <treaty-status instrument=\"CRPD\"/>");
  rpt_paragraph_set_text (paragraph (letter, RPT_PART_ANNEX, 3),
                          "<treaty-status instrument=\"CAT\"/>, and the ICCPR: "
                          "<treaty-status instrument=\"ICCPR\"/>");
  assert_template_agrees (letter);
  g_assert_nonnull (clause);
  /* another addressee */
  rpt_letter_set_country (letter, "OTH");
  rpt_letter_set_wgad (letter, RPT_WGAD_YES);
  assert_template_agrees (letter);
  rpt_letter_set_country (letter, "PRI");
  assert_template_agrees (letter);

  /* issue 10: a dated letter's titles and house style, and the gaps of
   * the paragraph on earlier communications */
  {
    g_autoptr (RptLetter) dated = rpt_test_load_letter ("sample");
    RptMandate *m = rpt_letter_get_item (dated, RPT_PART_MANDATES, 1);

    rpt_mandate_set_key (m, "sr-violence-against-women");
    rpt_letter_set_date (dated, "2019-05-02");
    rpt_communication_set_reply (communication (dated, 0), RPT_REPLY_PARTIAL);
    rpt_communication_set_date (communication (dated, 2), NULL);
    assert_template_agrees (dated);
    rpt_letter_set_house_style (dated, "1999");
    append_mandate (dated, "sr-slavery-trafficking");
    assert_template_agrees (dated);
  }
}

/* ------------------------------------------------------------------ */
/* The list model                                                      */

typedef struct
{
  guint calls;
  guint position, removed, added;
} Changes;

static void
items_changed_cb (GListModel *model, guint position, guint removed, guint added, Changes *c)
{
  c->calls++;
  c->position = position;
  c->removed = removed;
  c->added = added;
}

static void
test_list_model (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptChecker) checker = rpt_checker_new ();
  g_autoptr (GError) error = NULL;
  g_autoptr (RptCheck) first = NULL;
  g_autoptr (RptCheck) kept = NULL;
  g_autoptr (RptCheck) added = NULL;
  Changes changes = { 0 };
  GListModel *model = G_LIST_MODEL (checker);

  g_assert_true (g_list_model_get_item_type (model) == RPT_TYPE_CHECK);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_false (rpt_checker_get_up_to_date (checker));
  rpt_checker_set_today (checker, TODAY);
  rpt_checker_set_letter (checker, letter);
  g_signal_connect (checker, "items-changed", G_CALLBACK (items_changed_cb), &changes);
  g_assert_true (rpt_checker_update (checker, &error));
  g_assert_true (rpt_checker_get_up_to_date (checker));
  g_assert_cmpuint (changes.calls, ==, 1);
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 3);
  g_assert_cmpuint (rpt_checker_get_n_errors (checker), ==, 0);
  g_assert_cmpuint (rpt_checker_get_n_warnings (checker), ==, 3);
  first = g_list_model_get_item (model, 0);

  /* nothing changed: no signal */
  g_assert_true (rpt_checker_update (checker, &error));
  g_assert_cmpuint (changes.calls, ==, 1);

  /* an error comes first, the findings that stay are the same objects */
  rpt_letter_set_date (letter, NULL);
  g_assert_false (rpt_checker_get_up_to_date (checker));
  g_assert_true (rpt_checker_update (checker, &error));
  g_assert_cmpuint (changes.calls, ==, 2);
  g_assert_cmpuint (changes.position, ==, 0);
  g_assert_cmpuint (changes.removed, ==, 0);
  g_assert_cmpuint (changes.added, ==, 1);
  added = g_list_model_get_item (model, 0);
  g_assert_cmpstr (rpt_check_get_id (added), ==, "date-missing");
  g_assert_cmpuint (rpt_checker_get_n_errors (checker), ==, 1);
  kept = g_list_model_get_item (model, 1);
  g_assert_true (kept == first);
  g_assert_null (g_list_model_get_item (model, 4));

  /* errors, then warnings, then information */
  rpt_letter_set_reference_number (letter, 0);
  g_assert_true (rpt_checker_update (checker, &error));
  for (guint i = 1; i < g_list_model_get_n_items (model); i++)
    {
      g_autoptr (RptCheck) a = g_list_model_get_item (model, i - 1);
      g_autoptr (RptCheck) b = g_list_model_get_item (model, i);
      g_assert_cmpint (rpt_check_get_severity (a), <=, rpt_check_get_severity (b));
    }
  g_assert_cmpuint (rpt_checker_get_n_infos (checker), ==, 1);

  /* no letter: an empty list */
  rpt_checker_set_letter (checker, NULL);
  g_assert_true (rpt_checker_update (checker, &error));
  g_assert_cmpuint (g_list_model_get_n_items (model), ==, 0);
  g_assert_cmpuint (rpt_checker_get_n_warnings (checker), ==, 0);
}

static void
notify_cb (GObject *object, GParamSpec *pspec, gboolean *seen)
{
  *seen = TRUE;
}

static void
test_auto_update (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptChecker) checker = rpt_checker_new ();
  gboolean errors_changed = FALSE;
  gboolean stale_seen = FALSE;

  rpt_checker_set_today (checker, TODAY);
  rpt_checker_set_letter (checker, letter);
  g_signal_connect (checker, "notify::n-errors", G_CALLBACK (notify_cb), &errors_changed);
  rpt_checker_set_auto_update (checker, TRUE);
  while (!rpt_checker_get_up_to_date (checker))
    g_main_context_iteration (NULL, TRUE);
  g_assert_cmpuint (rpt_checker_get_n_errors (checker), ==, 0);

  g_signal_connect (checker, "notify::up-to-date", G_CALLBACK (notify_cb), &stale_seen);
  rpt_letter_set_summary (letter, "");
  g_assert_true (stale_seen);
  g_assert_false (rpt_checker_get_up_to_date (checker));
  while (!errors_changed)
    g_main_context_iteration (NULL, TRUE);
  g_assert_true (rpt_checker_get_up_to_date (checker));
  g_assert_cmpuint (rpt_checker_get_n_errors (checker), ==, 1);

  rpt_checker_set_auto_update (checker, FALSE);
  rpt_letter_set_summary (letter, "the same");
  g_assert_false (g_main_context_iteration (NULL, FALSE) && rpt_checker_get_up_to_date (checker));
  g_assert_false (rpt_checker_get_up_to_date (checker));
}

/* A fix for words typed over since the check never lands. */
static void
test_fix_after_edit (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  RptParagraph *fact = paragraph (letter, RPT_PART_FACTS, 0);
  g_autoptr (RptCheck) check = NULL;
  g_autoptr (RptCheck) empty = NULL;
  g_autoptr (RptCheck) statement = NULL;
  g_autoptr (GError) error = NULL;
  RptParagraph *added;

  rpt_paragraph_set_text (fact, "a  b");
  check = expect (letter, "double-space");
  rpt_paragraph_set_text (fact, "a  b, and more words since");
  g_assert_false (rpt_check_apply_fix (check, letter, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND);
  g_assert_cmpstr (rpt_paragraph_get_text (fact), ==, "a  b, and more words since");
  g_clear_error (&error);

  /* the item is gone */
  rpt_letter_remove_item (letter, RPT_PART_FACTS, 0);
  {
    g_autoptr (RptParagraph) other = rpt_paragraph_new ("a  b");
    rpt_letter_insert_item (letter, RPT_PART_FACTS, 0, other);
  }
  g_assert_false (rpt_check_apply_fix (check, letter, &error));
  g_clear_error (&error);

  /* an empty paragraph that got words is not removed */
  added = append_paragraph (letter, RPT_PART_FACTS, "");
  empty = expect (letter, "paragraph-empty");
  rpt_paragraph_set_text (added, "Typed since.");
  g_assert_false (rpt_check_apply_fix (empty, letter, &error));
  g_clear_error (&error);
  g_assert_nonnull (rpt_letter_find_item (letter, rpt_paragraph_get_id (added), NULL, NULL));

  /* no fix to apply */
  rpt_paragraph_set_text (paragraph (letter, RPT_PART_QUESTIONS, 0), "She was detained.");
  statement = expect (letter, "question-not-question");
  g_assert_false (rpt_check_apply_fix (statement, letter, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT);
}

/* The findings kept from run to run are those a fresh checker finds. */
static void
test_cache (void)
{
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autoptr (RptChecker) checker = rpt_checker_new ();
  g_autoptr (GError) error = NULL;
  static const char *const texts[] = { "a  b", "What now.", "(x", "Ms. Khakimowa", "", "ok." };

  rpt_checker_set_today (checker, TODAY);
  rpt_checker_set_letter (checker, letter);
  for (guint round = 0; round < 12; round++)
    {
      RptPart part = round % 2 == 0 ? RPT_PART_FACTS : RPT_PART_QUESTIONS;
      g_autoptr (GPtrArray) fresh = NULL;
      guint n;

      switch (round % 4)
        {
        case 0:
          rpt_paragraph_set_text (paragraph (letter, part, round % 3), texts[round % 6]);
          break;
        case 1:
          rpt_letter_move_item (letter, part, 0, 2);
          break;
        case 2:
          rpt_person_set_name (rpt_letter_get_item (letter, RPT_PART_PERSONS, 0),
                               round % 8 == 2 ? "Rukhshona Khakimowa" : "Rukhshona Khakimova");
          break;
        default:
          rpt_letter_set_language (letter, round % 8 == 3 ? "fr" : "en");
          break;
        }
      g_assert_true (rpt_checker_update (checker, &error));
      fresh = checks_of (letter);
      n = g_list_model_get_n_items (G_LIST_MODEL (checker));
      g_assert_cmpuint (n, ==, fresh->len);
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (RptCheck) kept = g_list_model_get_item (G_LIST_MODEL (checker), i);
          g_assert_true (rpt_check_equal (kept, fresh->pdata[i]));
        }
    }
}

/* ------------------------------------------------------------------ */
/* The catalogue, the documentation, the tests                         */

typedef struct
{
  const char *id;
  GTestFunc func;
} CheckTest;

static const CheckTest check_tests[] = {
  { "mandates-missing", test_mandates_missing },
  { "signatory-missing", test_signatory_missing },
  { "signatory-name-missing", test_signatory_name_missing },
  { "signatory-without-mandate", test_signatory_without_mandate },
  { "date-missing", test_date_missing },
  { "summary-missing", test_summary_missing },
  { "facts-missing", test_facts_missing },
  { "questions-missing", test_questions_missing },
  { "addressee-missing", test_addressee_missing },
  { "addressee-name-missing", test_addressee_name_missing },
  { "mandate-unknown", test_mandate_unknown },
  { "resolutions-missing", test_resolutions_missing },
  { "title-missing-in-language", test_title_missing_in_language },
  { "title-missing-on-date", test_title_missing_on_date },
  { "title-date-uncertain", test_title_date_uncertain },
  { "title-of-date", test_title_of_date },
  { "title-unattested", test_title_unattested },
  { "title-form-missing", test_title_form_missing },
  { "sentences-untranslated", test_sentences_untranslated },
  { "country-unknown", test_country_unknown },
  { "country-name-not-un", test_country_name_not_un },
  { "unverified-reference-data", test_unverified_reference_data },
  { "stale-reference-data", test_stale_reference_data },
  { "overridden-reference-data", test_overridden_reference_data },
  { "treaty-status-unknown", test_treaty_status_unknown },
  { "treaty-addressee-not-state", test_treaty_addressee_not_state },
  { "annex-not-party", test_annex_not_party },
  { "house-style-unknown", test_house_style_unknown },
  { "house-style-of-date", test_house_style_of_date },
  { "reference-incomplete", test_reference_incomplete },
  { "reference-year-mismatch", test_reference_year_mismatch },
  { "communication-reference-mismatch", test_communication_reference_mismatch },
  { "communication-date-missing", test_communication_date_missing },
  { "reply-date-missing", test_reply_date_missing },
  { "reply-comment-missing", test_reply_comment_missing },
  { "new-information-without-communication", test_new_information_without_communication },
  { "co-senders-unsigned", test_co_senders_unsigned },
  { "fact-dates-backwards", test_fact_dates_backwards },
  { "fact-date-future", test_fact_date_future },
  { "person-name-inconsistent", test_person_name_inconsistent },
  { "wgad-off-deprived", test_wgad_off_deprived },
  { "wgad-not-for-other", test_wgad_not_for_other },
  { "question-not-question", test_question_not_question },
  { "paragraph-empty", test_paragraph_empty },
  { "double-space", test_double_space },
  { "unbalanced-quotes", test_unbalanced_quotes },
  { "unbalanced-brackets", test_unbalanced_brackets },
  { "characters-removed", test_characters_removed },
};

/* Every kind of check has a test here and a section in docs/checks.md. */
static void
test_catalogue (void)
{
  g_autofree char *path = rpt_test_source_path ("docs", "checks.md", NULL);
  g_autofree char *docs = NULL;
  const RptCheckInfo *infos;
  guint n = 0;

  g_assert_true (g_file_get_contents (path, &docs, NULL, NULL));
  infos = rpt_check_list_infos (&n);
  g_assert_cmpuint (n, ==, G_N_ELEMENTS (check_tests));
  for (guint i = 0; i < n; i++)
    {
      g_autofree char *heading = g_strdup_printf ("`%s`", infos[i].id);
      gboolean tested = FALSE;

      for (guint k = 0; k < G_N_ELEMENTS (check_tests); k++)
        tested |= g_str_equal (check_tests[k].id, infos[i].id);
      if (!tested)
        g_error ("no test for the check “%s”", infos[i].id);
      if (strstr (docs, heading) == NULL)
        g_error ("docs/checks.md does not describe “%s”", infos[i].id);
      g_assert_true (rpt_check_lookup_info (infos[i].id) == &infos[i]);
    }
  g_assert_null (rpt_check_lookup_info ("no-such-check"));
}

/* ------------------------------------------------------------------ */
/* rapporteur-cli check                                                */

static char *
write_letter (const char *dir, const char *name, RptLetter *letter)
{
  g_autofree char *xml = rpt_letter_to_xml (letter, NULL);
  char *path = g_build_filename (dir, name, NULL);

  g_assert_true (g_file_set_contents (path, xml, -1, NULL));
  return path;
}

static void
test_cli (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autoptr (RptLetter) letter = rpt_test_load_letter ("sample");
  g_autofree char *sample = rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  g_autofree char *broken = NULL;
  g_autofree char *doc = g_build_filename (dir, "broken.rapporteur", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  const char *clean_args[] = { "check", sample, NULL };

  /* a clean letter: warnings only, exit 0 */
  g_assert_cmpint (rpt_test_run_cli (clean_args, &out, &err), ==, 0);
  g_assert_nonnull (strstr (out, "Warnings (3)\n"));
  g_assert_null (strstr (out, "Errors"));
  g_assert_nonnull (strstr (out, "[unverified-reference-data]"));
  g_assert_nonnull (strstr (out, "0 errors, 3 warnings, 0 for information\n"));
  g_clear_pointer (&out, g_free);
  g_clear_pointer (&err, g_free);

  /* one error: the counts say it in the singular */
  rpt_letter_set_date (letter, NULL);
  broken = write_letter (dir, "undated.xml", letter);
  {
    const char *args[] = { "check", "--today", TODAY, broken, NULL };

    g_assert_cmpint (rpt_test_run_cli (args, &out, &err), ==, 1);
    g_assert_nonnull (strstr (out, "Errors (1)\n"));
    g_assert_nonnull (strstr (out, "\n1 error, "));
    g_assert_null (strstr (out, "1 errors"));
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
    g_clear_pointer (&broken, g_free);
  }

  /* a broken one: errors first, then warnings, exit 1 */
  rpt_letter_set_wgad (letter, RPT_WGAD_NO);
  rpt_letter_remove_item (letter, RPT_PART_SIGNATORIES, 1);
  rpt_paragraph_set_text (paragraph (letter, RPT_PART_FACTS, 0), "He  was (detained.");
  rpt_paragraph_set_text (paragraph (letter, RPT_PART_QUESTIONS, 0), "What happened.");
  broken = write_letter (dir, "broken.xml", letter);
  {
    const char *args[] = { "check", "--today", TODAY, broken, NULL };
    const char *e, *w;

    g_assert_cmpint (rpt_test_run_cli (args, &out, &err), ==, 1);
    e = strstr (out, "Errors (2)\n");
    w = strstr (out, "Warnings (");
    g_assert_nonnull (e);
    g_assert_nonnull (w);
    g_assert_true (e < w);
    g_assert_nonnull (strstr (out, "The letter has no date yet. [date-missing]\n"));
    g_assert_nonnull (strstr (out, "[signatory-missing]"));
    g_assert_nonnull (strstr (out, "Fact 1: two spaces in a row, after “He”. [double-space]\n"
                                   "    fix in the application: Make them one space\n"));
    g_assert_nonnull (strstr (out, "[unbalanced-brackets]"));
    g_assert_nonnull (strstr (out, "[question-not-question]"));
    g_assert_nonnull (strstr (out, "[wgad-off-deprived]"));
    g_assert_cmpstr (err, ==, "");
    g_clear_pointer (&out, g_free);
    g_clear_pointer (&err, g_free);
  }

  /* as XML, for scripts */
  {
    const char *args[] = { "check", "--format", "xml", "--today", TODAY, broken, NULL };
    g_autoptr (GError) error = NULL;
    xmlDoc *xml;
    xmlNode *root;
    guint n_errors = 0, n_checks = 0;

    g_assert_cmpint (rpt_test_run_cli (args, &out, NULL), ==, 1);
    xml = rpt_test_parse_xml (out, strlen (out));
    root = xmlDocGetRootElement (xml);
    g_assert_cmpstr ((const char *) root->name, ==, "checks");
    for (xmlNode *c = root->children; c != NULL; c = c->next)
      if (c->type == XML_ELEMENT_NODE)
        {
          g_autofree char *severity = (char *) xmlGetProp (c, BAD_CAST "severity");
          g_autofree char *id = (char *) xmlGetProp (c, BAD_CAST "id");
          g_autofree char *part = (char *) xmlGetProp (c, BAD_CAST "part");
          g_autofree char *item = (char *) xmlGetProp (c, BAD_CAST "item");
          g_autofree char *field = (char *) xmlGetProp (c, BAD_CAST "field");

          n_checks++;
          n_errors += g_str_equal (severity, "error") ? 1 : 0;
          g_assert_nonnull (rpt_check_lookup_info (id));
          if (g_str_equal (id, "double-space"))
            {
              g_autofree char *fix = (char *) xmlGetProp (c, BAD_CAST "fix");
              g_assert_cmpstr (part, ==, "facts");
              g_assert_cmpstr (item, ==, item_id (letter, RPT_PART_FACTS, 0));
              g_assert_cmpstr (field, ==, "text");
              g_assert_cmpstr (fix, ==, "Make them one space");
            }
          if (g_str_equal (id, "date-missing"))
            {
              g_assert_cmpstr (part, ==, "letter");
              g_assert_null (item);
            }
        }
    g_assert_cmpuint (n_errors, ==, 2);
    {
      g_autofree char *errors = (char *) xmlGetProp (root, BAD_CAST "errors");
      g_assert_cmpstr (errors, ==, "2");
    }
    g_assert_cmpuint (n_checks, >, 5);
    xmlFreeDoc (xml);
    g_clear_pointer (&out, g_free);
  }

  /* a document, and a version of it */
  {
    const char *import_args[] = { "import", broken, doc, NULL };
    const char *save_args[] = { "version", "save", doc, "-m", "broken", "--author", "t", NULL };
    const char *args[] = { "check", doc, NULL };
    const char *v1[] = { "check", "--version", "1", doc, NULL };
    const char *v2[] = { "check", "--version", "2", doc, NULL };

    g_assert_cmpint (rpt_test_run_cli (import_args, NULL, NULL), ==, 0);
    g_assert_cmpint (rpt_test_run_cli (save_args, NULL, NULL), ==, 0);
    g_assert_cmpint (rpt_test_run_cli (args, NULL, NULL), ==, 1);
    g_assert_cmpint (rpt_test_run_cli (v1, NULL, NULL), ==, 1);
    g_assert_cmpint (rpt_test_run_cli (v2, NULL, &err), ==, 2);
    g_assert_true (g_str_has_prefix (err, "rapporteur-cli: "));
    g_clear_pointer (&err, g_free);
  }

  /* trouble and usage: 2 */
  {
    const char *missing[] = { "check", "/nonexistent/letter.xml", NULL };
    const char *none[] = { "check", NULL };
    const char *two[] = { "check", sample, sample, NULL };
    const char *format[] = { "check", "--format", "pdf", sample, NULL };
    const char *version_xml[] = { "check", "--version", "1", sample, NULL };
    const char *today[] = { "check", "--today", "tomorrow", sample, NULL };
    g_autofree char *junk = g_build_filename (dir, "junk.xml", NULL);
    const char *junk_args[] = { "check", junk, NULL };

    g_assert_true (g_file_set_contents (junk, "<letter>not one</letter>", -1, NULL));
    g_assert_cmpint (rpt_test_run_cli (missing, NULL, NULL), ==, 2);
    g_assert_cmpint (rpt_test_run_cli (none, NULL, NULL), ==, 2);
    g_assert_cmpint (rpt_test_run_cli (two, NULL, NULL), ==, 2);
    g_assert_cmpint (rpt_test_run_cli (format, NULL, NULL), ==, 2);
    g_assert_cmpint (rpt_test_run_cli (version_xml, NULL, NULL), ==, 2);
    g_assert_cmpint (rpt_test_run_cli (today, NULL, NULL), ==, 2);
    g_assert_cmpint (rpt_test_run_cli (junk_args, NULL, &err), ==, 2);
    g_assert_nonnull (strstr (err, "junk.xml"));
  }
  rpt_test_rm_rf (dir);
}

/* A letter broken on purpose (tests/data/README.md says how): exactly
 * the findings its faults make. */
static void
test_cli_broken_file (void)
{
  g_autofree char *path =
    rpt_test_source_path ("tests", "data", "letters", "UA-TJK-broken-for-checks.xml", NULL);
  const char *args[] = { "check", "--format", "xml", path, NULL };
  static const struct
  {
    const char *id;
    guint n;
  } expected[] = {
    { "resolutions-missing", 1 },
    { "signatory-missing", 1 },
    { "treaty-status-unknown", 1 },
    { "reference-year-mismatch", 1 },
    { "title-form-missing", 2 },
    { "double-space", 2 },
    { "wgad-off-deprived", 1 },
    { "communication-reference-mismatch", 2 },
    { "person-name-inconsistent", 2 },
    { "unbalanced-brackets", 1 },
    { "unbalanced-quotes", 1 },
    { "fact-dates-backwards", 1 },
    { "fact-date-future", 1 },
    { "paragraph-empty", 1 },
    { "question-not-question", 2 },
    /* the HRD resolution, the ICCPR snapshot */
    { "unverified-reference-data", 2 },
  };
  g_autofree char *out = NULL;
  g_autoptr (GHashTable) found = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  guint total = 0, want = 0;
  xmlDoc *doc;

  g_assert_cmpint (rpt_test_run_cli (args, &out, NULL), ==, 1);
  doc = rpt_test_parse_xml (out, strlen (out));
  for (xmlNode *c = xmlDocGetRootElement (doc)->children; c != NULL; c = c->next)
    if (c->type == XML_ELEMENT_NODE)
      {
        char *id = (char *) xmlGetProp (c, BAD_CAST "id");
        g_autofree char *key = g_strdup (id);
        guint n = GPOINTER_TO_UINT (g_hash_table_lookup (found, key));

        xmlFree (id);
        g_hash_table_insert (found, g_steal_pointer (&key), GUINT_TO_POINTER (n + 1));
        total++;
      }
  xmlFreeDoc (doc);
  for (guint i = 0; i < G_N_ELEMENTS (expected); i++)
    {
      g_test_message ("%s", expected[i].id);
      g_assert_cmpuint (GPOINTER_TO_UINT (g_hash_table_lookup (found, expected[i].id)), ==,
                        expected[i].n);
      want += expected[i].n;
    }
  g_assert_cmpuint (total, ==, want);
}

int
main (int argc, char *argv[])
{
  rpt_test_init (&argc, &argv);

  for (guint i = 0; i < G_N_ELEMENTS (check_tests); i++)
    {
      g_autofree char *path = g_strdup_printf ("/check/%s", check_tests[i].id);
      g_test_add_func (path, check_tests[i].func);
    }
  g_test_add_func ("/check/fixes/question-mark", test_question_mark_fix);
  g_test_add_func ("/check/fixes/collapse-spaces", test_collapse_spaces);
  g_test_add_func ("/check/fixes/after-edit", test_fix_after_edit);
  g_test_add_func ("/check/template-agrees", test_template_agrees);
  g_test_add_func ("/check/list-model", test_list_model);
  g_test_add_func ("/check/auto-update", test_auto_update);
  g_test_add_func ("/check/cache", test_cache);
  g_test_add_func ("/check/catalogue", test_catalogue);
  g_test_add_func ("/check/cli", test_cli);
  g_test_add_func ("/check/cli-broken-file", test_cli_broken_file);
  return g_test_run ();
}
