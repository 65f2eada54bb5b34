/* test-cli-wording.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "rpt-test-util.h"

/*
 * The command line and the wording of issue 10: the house style editions
 * a letter can follow (`editions`, `new --house-style`), and what `show`
 * says of the State, the titles and resolutions of the letter's date and
 * the wording choices.
 */

static void
test_editions (void)
{
  g_autofree char *out = NULL;
  const char *args[] = { "editions", NULL };

  g_assert_cmpint (rpt_test_run_cli (args, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "2024\t2024 on (the newest)\n"));
  g_assert_nonnull (strstr (out, "\n2015\t2015–2021\n"));
  g_assert_nonnull (strstr (out, "\n2012\t2012–2014\n"));
  g_assert_nonnull (strstr (out, "\n2024-semicolon\t"));
}

static void
test_new_house_style (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *doc = g_build_filename (dir, "letter.rapporteur", NULL);
  g_autofree char *bad = g_build_filename (dir, "bad.rapporteur", NULL);
  g_autofree char *out = NULL;
  g_autofree char *err = NULL;
  g_autofree char *document = NULL;
  const char *create[] = { "new",           "--kind", "AL", "--country", "irn",
                           "--house-style", "2015",   doc,  NULL };
  const char *show[] = { "show", doc, NULL };
  const char *export[] = { "export", "-q", "-f", "document-xml", doc, "-o", "-", NULL };
  const char *unknown[] = { "new", "-k", "AL", "-c", "IRN", "--house-style", "1999", bad, NULL };

  g_assert_cmpint (rpt_test_run_cli (create, NULL, NULL), ==, 0);
  g_assert_cmpint (rpt_test_run_cli (show, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Addressee: the Government of the Islamic Republic of Iran "
                                 "(IRN)\n"));
  g_assert_nonnull (strstr (out, "House style: edition 2015 (2015–2021)\n"));
  g_assert_cmpint (rpt_test_run_cli (export, &document, NULL), ==, 0);
  g_assert_nonnull (strstr (document, ">REFERENCE: AL IRN __/"));
  g_assert_null (strstr (document, "Please use this reference"));

  /* an edition that does not exist: refused, nothing made */
  g_assert_cmpint (rpt_test_run_cli (unknown, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "“1999” is not an edition of the house style"));
  g_assert_false (g_file_test (bad, G_FILE_TEST_EXISTS));
  rpt_test_rm_rf (dir);
}

static void
test_show (void)
{
  g_autofree char *sample = rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  g_autofree char *kaz =
    rpt_test_source_path ("tests", "data", "letters", "OL-KAZ-three-mandates.xml", NULL);
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;
  const char *show_sample[] = { "show", sample, NULL };
  const char *show_kaz[] = { "show", kaz, NULL };

  g_assert_cmpint (rpt_test_run_cli (show_sample, &out, NULL), ==, 0);
  g_assert_nonnull (strstr (out, "Addressee: the Government of Tajikistan (TJK)\n"));
  g_assert_nonnull (strstr (out, "House style: the newest edition (2024 on)\n"));
  g_assert_nonnull (strstr (out, "  1. Special Rapporteur on the situation of human rights "
                                 "defenders (52/4)\n"));
  g_assert_nonnull (strstr (out, "Earlier letters stand after the profile\n"));
  g_assert_null (strstr (out, "Before the subject"));

  /* the mandates whose resolution the letter will show as a gap */
  g_assert_cmpint (rpt_test_run_cli (show_kaz, &out2, NULL), ==, 0);
  g_assert_nonnull (strstr (out2, "  1. Special Rapporteur on the rights to freedom of peaceful "
                                  "assembly and of association (no resolution known on "
                                  "2025-11-01)\n"));
  g_assert_nonnull (strstr (out2, "  3. Working Group on Arbitrary Detention (no resolution known "
                                  "on 2025-11-01)\n"));
}

int
main (int argc, char *argv[])
{
  rpt_test_init (&argc, &argv);
  g_test_add_func ("/cli-wording/editions", test_editions);
  g_test_add_func ("/cli-wording/new-house-style", test_new_house_style);
  g_test_add_func ("/cli-wording/show", test_show);
  return g_test_run ();
}
