/* test-cli-i18n.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "rpt-test-util.h"

/*
 * The command line in other languages: `export --language` writes one
 * export in another letter language and leaves the document as it was;
 * the messages of rapporteur-cli (and of the core it prints) follow the
 * user's language, from the build tree's catalogues (RAPPORTEUR_LOCALEDIR).
 */

#define NNBSP "\u202F"
#define NBSP "\u00A0"

static char *
sample_document (const char *dir)
{
  g_autofree char *xml = rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  char *path = g_build_filename (dir, "sample.rapporteur", NULL);
  const char *args[] = { "import", xml, path, NULL };

  g_assert_cmpint (rpt_test_run_cli (args, NULL, NULL), ==, 0);
  return path;
}

/* Runs the CLI with LANGUAGE set for the child only. */
static int
run_in (const char *language, const char *const *args, char **out, char **err)
{
  g_autofree char *old = g_strdup (g_getenv ("LANGUAGE"));
  int status;

  g_setenv ("LANGUAGE", language, TRUE);
  status = rpt_test_run_cli (args, out, err);
  g_setenv ("LANGUAGE", old != NULL ? old : "en", TRUE);
  return status;
}

static void
test_export_language (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *doc = sample_document (dir);
  g_autofree char *before = rpt_test_file_digest (doc);
  g_autofree char *after = NULL;
  g_autofree char *fr = NULL;
  g_autofree char *es = NULL;
  g_autofree char *en = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *err = NULL;
  const char *to_fr[] = {
    "export", "--language", "fr", "-f", "document-xml", doc, "-o", "-", NULL
  };
  const char *to_es[] = { "export", "-l", "es", "-f", "document-xml", "-q", doc, "-o", "-", NULL };
  const char *to_en[] = { "export", "-f", "document-xml", "-q", doc, "-o", "-", NULL };
  const char *as_xml[] = { "export", "--language", "fr", doc, "-o", "-", NULL };

  g_assert_cmpint (rpt_test_run_cli (to_fr, &fr, &err), ==, 0);
  g_assert_nonnull (strstr (fr, "<dc:language>fr</dc:language>"));
  g_assert_nonnull (strstr (fr, "Excellence,"));
  g_assert_nonnull (strstr (fr, "23" NBSP "avril" NBSP "2025"));
  g_assert_nonnull (strstr (fr, "Selon les informations reçues" NNBSP ":"));
  g_assert_null (strstr (fr, ">Excellency,<"));
  /* the note on the form of title the letter does not record */
  g_assert_nonnull (strstr (err, "No form of title is recorded for Mary Lawlor"));

  g_assert_cmpint (rpt_test_run_cli (to_es, &es, NULL), ==, 0);
  g_assert_nonnull (strstr (es, "<dc:language>es</dc:language>"));
  g_assert_nonnull (strstr (es, "Excelencia:"));
  g_assert_nonnull (strstr (es, "23 de abril de 2025"));

  /* for one export only: the document keeps its language and bytes */
  g_assert_cmpint (rpt_test_run_cli (to_en, &en, NULL), ==, 0);
  g_assert_nonnull (strstr (en, "Excellency,"));
  after = rpt_test_file_digest (doc);
  g_assert_cmpstr (before, ==, after);

  /* letter XML written with the language asked for */
  g_assert_cmpint (rpt_test_run_cli (as_xml, &xml, NULL), ==, 0);
  g_assert_nonnull (strstr (xml, "<language>fr</language>"));
  rpt_test_rm_rf (dir);
}

static void
test_export_language_bad (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *doc = sample_document (dir);
  g_autofree char *fodt = g_build_filename (dir, "letter.fodt", NULL);
  g_autofree char *out_path = g_build_filename (dir, "out.pdf", NULL);
  g_autofree char *err = NULL;
  g_autofree char *err2 = NULL;
  const char *bad[] = { "export", "--language", "de", "-f", "pdf", doc, "-o", out_path, NULL };
  const char *make_fodt[] = { "export", "-q", "-f", "document-xml", doc, "-o", fodt, NULL };
  const char *from_fodt[] = {
    "export", "--language", "fr", "-f", "pdf", fodt, "-o", out_path, NULL
  };

  g_assert_cmpint (rpt_test_run_cli (bad, NULL, &err), ==, 2);
  g_assert_nonnull (strstr (err, "--language must be en, fr or es"));
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));

  /* document XML is already in a language: nothing to override */
  g_assert_cmpint (rpt_test_run_cli (make_fodt, NULL, NULL), ==, 0);
  g_assert_cmpint (rpt_test_run_cli (from_fodt, NULL, &err2), ==, 2);
  g_assert_nonnull (strstr (err2, "--language needs a letter, not document XML"));
  g_assert_false (g_file_test (out_path, G_FILE_TEST_EXISTS));
  rpt_test_rm_rf (dir);
}

/* The messages of rapporteur-cli, and the notes of the core it prints,
 * in the user's language. */
static void
test_messages (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *doc = sample_document (dir);
  const char *export_[] = { "export", "-f", "document-xml", doc, "-o", "/dev/null", NULL };
  const char *help[] = { "--help", NULL };
  const char *unknown[] = { "frobnicate", NULL };
  const char *show[] = { "show", doc, NULL };
  g_autofree char *fr_notes = NULL;
  g_autofree char *es_notes = NULL;
  g_autofree char *fr_help = NULL;
  g_autofree char *es_unknown = NULL;
  g_autofree char *fr_show = NULL;

  g_assert_cmpint (run_in ("fr", export_, NULL, &fr_notes), ==, 0);
  g_assert_nonnull (strstr (fr_notes, "rapporteur-cli" NBSP ": remarque" NBSP ": "));
  g_assert_nonnull (strstr (fr_notes, "Données de référence non vérifiées"));
  g_assert_null (strstr (fr_notes, "Unverified"));
  /* the data's own word (accession) said in the language too */
  g_assert_nonnull (strstr (fr_notes, "TJK et ICCPR (adhésion, au"));
  /* and the mandates named as the language names them */
  g_assert_nonnull (strstr (fr_notes, "pour «" NBSP "Rapporteur spécial sur la situation des "
                                      "défenseurs des droits de l'homme" NBSP "»"));
  g_assert_null (strstr (fr_notes, "Special Rapporteur"));
  /* the table's fixed words too; its sources' own notes stay as written */
  g_assert_nonnull (
    strstr (fr_notes, "Numéro de résolution non vérifié" NBSP ": vérification partielle."));
  g_assert_null (strstr (fr_notes, ": partial."));

  g_assert_cmpint (run_in ("es", export_, NULL, &es_notes), ==, 0);
  g_assert_nonnull (strstr (es_notes, "rapporteur-cli: nota: Datos de referencia no verificados"));
  g_assert_nonnull (strstr (es_notes, "«Relator Especial sobre la situación de los defensores de "
                                      "los derechos humanos»"));

  g_assert_cmpint (run_in ("fr", help, &fr_help, NULL), ==, 0);
  g_assert_nonnull (strstr (fr_help, "Utilisation" NBSP ": rapporteur-cli COMMANDE"));

  g_assert_cmpint (run_in ("es", unknown, NULL, &es_unknown), ==, 2);
  g_assert_nonnull (strstr (es_unknown, "«frobnicate» no es una orden"));

  g_assert_cmpint (run_in ("fr", show, &fr_show, NULL), ==, 0);
  g_assert_nonnull (strstr (fr_show, "Lettre d'allégation AL TJK 1/2025"));
  g_assert_nonnull (strstr (fr_show, "Signataires" NBSP ": 2"));
  rpt_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);

  g_test_add_func ("/cli-i18n/export-language", test_export_language);
  g_test_add_func ("/cli-i18n/export-language-bad", test_export_language_bad);
  g_test_add_func ("/cli-i18n/messages", test_messages);

  return g_test_run ();
}
