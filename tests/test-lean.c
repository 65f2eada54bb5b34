/* test-lean.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "rpt-test-util.h"

/*
 * rapporteur-cli loads the rendering half (Pango, Cairo and what they
 * load) only for a command that draws pages (rpt-render.h). The dynamic
 * loader says what it loads (LD_DEBUG=files).
 */

static const char *const rendering_libraries[] = {
  "libpango-1.0.so",  "libpangocairo-1.0.so", "libcairo.so", "libharfbuzz.so",
  "libfontconfig.so", "libfreetype.so",       NULL,
};

/* Runs @cli with @args; returns the exit status and the names of the
 * shared objects the process loaded, one per line. */
static int
run_traced (const char *cli, const char *const *args, char **loaded, char **err_line)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_auto (GStrv) env = g_get_environ ();
  g_autofree char *err = NULL;
  g_autoptr (GString) files = g_string_new (NULL);
  g_autoptr (GString) messages = g_string_new (NULL);
  g_autoptr (GError) error = NULL;
  g_auto (GStrv) lines = NULL;
  int status = 0;

  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);
  env = g_environ_setenv (g_steal_pointer (&env), "LD_DEBUG", "files", TRUE);

  g_spawn_sync (NULL, (char **) argv->pdata, env, G_SPAWN_STDOUT_TO_DEV_NULL, NULL, NULL, NULL,
                &err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));

  /* "  1234:	file=libpango-1.0.so.0 [0];  needed by …", and the program's
   * own messages. */
  lines = g_strsplit (err, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      const char *file = strstr (lines[i], "file=");
      if (file != NULL && strchr (lines[i], '\t') != NULL)
        {
          const char *end = strpbrk (file + 5, " ;[");
          g_string_append_len (files, file + 5, end != NULL ? end - file - 5 : -1);
          g_string_append_c (files, '\n');
        }
      else if (g_str_has_prefix (lines[i], "rapporteur-cli:"))
        g_string_append (messages, lines[i]);
    }
  *loaded = g_string_free (g_steal_pointer (&files), FALSE);
  if (err_line != NULL)
    *err_line = g_string_free (g_steal_pointer (&messages), FALSE);
  return WEXITSTATUS (status);
}

static gboolean
loaded_any (const char *loaded)
{
  for (guint i = 0; rendering_libraries[i] != NULL; i++)
    if (strstr (loaded, rendering_libraries[i]) != NULL)
      return TRUE;
  return FALSE;
}

/* An ODT export, a summary and a comparison load none of the rendering
 * libraries; a PDF export loads the module and them. */
static void
test_loads_on_demand (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *sample = rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  g_autofree char *odt = g_build_filename (dir, "letter.odt", NULL);
  g_autofree char *pdf = g_build_filename (dir, "letter.pdf", NULL);
  const char *cli = g_getenv ("RAPPORTEUR_CLI");
  const char *export_odt[] = { "export", "-q", "--format", "odt", sample, "-o", odt, NULL };
  const char *show[] = { "show", sample, NULL };
  const char *diff[] = { "diff", sample, sample, NULL };
  const char *export_pdf[] = { "export", "-q", "--format", "pdf", sample, "-o", pdf, NULL };
  g_autofree char *loaded = NULL;

  g_assert_cmpint (run_traced (cli, export_odt, &loaded, NULL), ==, 0);
  g_assert_true (g_file_test (odt, G_FILE_TEST_EXISTS));
  g_assert_false (loaded_any (loaded));
  g_assert_null (strstr (loaded, "librapporteur-render.so"));
  g_clear_pointer (&loaded, g_free);

  g_assert_cmpint (run_traced (cli, show, &loaded, NULL), ==, 0);
  g_assert_false (loaded_any (loaded));
  g_clear_pointer (&loaded, g_free);

  g_assert_cmpint (run_traced (cli, diff, &loaded, NULL), ==, 0);
  g_assert_false (loaded_any (loaded));
  g_clear_pointer (&loaded, g_free);

  g_assert_cmpint (run_traced (cli, export_pdf, &loaded, NULL), ==, 0);
  g_assert_true (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (loaded, "librapporteur-render.so"));
  for (guint i = 0; rendering_libraries[i] != NULL; i++)
    g_assert_nonnull (strstr (loaded, rendering_libraries[i]));

  rpt_test_rm_rf (dir);
}

/* A copy of the program without its module (an installation that lost a
 * file) says so in one line for a PDF, and still exports ODT. */
static void
test_missing_module (void)
{
  g_autofree char *dir = rpt_test_make_tmpdir ();
  g_autofree char *bin = g_build_filename (dir, "bin", NULL);
  g_autofree char *copy = g_build_filename (bin, "rapporteur-cli", NULL);
  g_autofree char *sample = rpt_test_source_path ("data", "samples", "AL-TJK-1-2025.xml", NULL);
  g_autofree char *odt = g_build_filename (dir, "letter.odt", NULL);
  g_autofree char *pdf = g_build_filename (dir, "letter.pdf", NULL);
  g_autofree char *contents = NULL;
  g_autofree char *loaded = NULL;
  g_autofree char *message = NULL;
  g_autoptr (GError) error = NULL;
  const char *export_pdf[] = { "export", "-q", "--format", "pdf", sample, "-o", pdf, NULL };
  const char *export_odt[] = { "export", "-q", "--format", "odt", sample, "-o", odt, NULL };
  gsize length;

  g_assert_cmpint (g_mkdir (bin, 0700), ==, 0);
  g_file_get_contents (g_getenv ("RAPPORTEUR_CLI"), &contents, &length, &error);
  g_assert_no_error (error);
  g_file_set_contents_full (copy, contents, (gssize) length, G_FILE_SET_CONTENTS_NONE, 0700,
                            &error);
  g_assert_no_error (error);

  g_assert_cmpint (run_traced (copy, export_pdf, &loaded, &message), ==, 1);
  g_assert_false (g_file_test (pdf, G_FILE_TEST_EXISTS));
  g_assert_nonnull (strstr (message, "cannot draw pages"));
  g_assert_nonnull (strstr (message, "librapporteur-render.so"));
  g_assert_null (strchr (message, '\n'));
  g_clear_pointer (&loaded, g_free);
  g_clear_pointer (&message, g_free);

  g_assert_cmpint (run_traced (copy, export_odt, &loaded, NULL), ==, 0);
  g_assert_true (g_file_test (odt, G_FILE_TEST_EXISTS));
  rpt_test_rm_rf (dir);
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);

  g_test_add_func ("/lean/loads-on-demand", test_loads_on_demand);
  g_test_add_func ("/lean/missing-module", test_missing_module);

  return g_test_run ();
}
