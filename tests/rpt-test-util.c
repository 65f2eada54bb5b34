/* rpt-test-util.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <locale.h>

#include "rpt-test-util.h"

void
rpt_test_init (int *argc, char ***argv)
{
  setlocale (LC_ALL, "C.UTF-8");
  g_test_init (argc, argv, G_TEST_OPTION_ISOLATE_DIRS, NULL);
  rpt_core_init ();
}

/**
 * rpt_test_source_path:
 *
 * Returns: a path under the source tree (RAPPORTEUR_SOURCE_DIR)
 */
char *
rpt_test_source_path (const char *first, ...)
{
  const char *root = g_getenv ("RAPPORTEUR_SOURCE_DIR");
  g_autoptr (GPtrArray) parts = g_ptr_array_new ();
  const char *p;
  va_list args;

  g_assert_nonnull (root);
  g_ptr_array_add (parts, (gpointer) root);
  va_start (args, first);
  for (p = first; p != NULL; p = va_arg (args, const char *))
    g_ptr_array_add (parts, (gpointer) p);
  va_end (args);
  g_ptr_array_add (parts, NULL);
  return g_build_filenamev ((char **) parts->pdata);
}

char *
rpt_test_make_tmpdir (void)
{
  g_autoptr (GError) error = NULL;
  char *dir = g_dir_make_tmp ("rapporteur-test-XXXXXX", &error);

  g_assert_no_error (error);
  return dir;
}

void
rpt_test_rm_rf (const char *path)
{
  g_autoptr (GDir) dir = NULL;
  const char *name;

  if (g_file_test (path, G_FILE_TEST_IS_DIR) && !g_file_test (path, G_FILE_TEST_IS_SYMLINK))
    {
      g_chmod (path, 0700);
      dir = g_dir_open (path, 0, NULL);
      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *child = g_build_filename (path, name, NULL);
          rpt_test_rm_rf (child);
        }
      g_rmdir (path);
    }
  else
    g_unlink (path);
}

/**
 * rpt_test_run_cli:
 * @args: arguments after the program name, %NULL-terminated
 *
 * Runs the built rapporteur-cli (RAPPORTEUR_CLI).
 *
 * Returns: its exit status
 */
int
rpt_test_run_cli (const char *const *args, char **out, char **err)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  const char *cli = g_getenv ("RAPPORTEUR_CLI");
  int status = 0;

  g_assert_nonnull (cli);
  g_ptr_array_add (argv, (gpointer) cli);
  for (guint i = 0; args[i] != NULL; i++)
    g_ptr_array_add (argv, (gpointer) args[i]);
  g_ptr_array_add (argv, NULL);

  /* Output not asked for is dropped: it must not reach the TAP stream. */
  g_spawn_sync (NULL, (char **) argv->pdata, NULL,
                (out == NULL ? G_SPAWN_STDOUT_TO_DEV_NULL : 0) |
                  (err == NULL ? G_SPAWN_STDERR_TO_DEV_NULL : 0),
                NULL, NULL, out, err, &status, &error);
  g_assert_no_error (error);
  g_assert_true (WIFEXITED (status));
  return WEXITSTATUS (status);
}

/**
 * rpt_test_file_digest:
 *
 * Returns: the SHA-256 of the file at @path and its mode, or "missing"
 */
char *
rpt_test_file_digest (const char *path)
{
  g_autofree char *data = NULL;
  g_autofree char *sum = NULL;
  GStatBuf st;
  gsize len;

  if (g_stat (path, &st) != 0)
    return g_strdup ("missing");
  if (!g_file_get_contents (path, &data, &len, NULL))
    return g_strdup ("unreadable");
  sum = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) data, len);
  return g_strdup_printf ("%s:%o", sum, (unsigned) (st.st_mode & 07777));
}
