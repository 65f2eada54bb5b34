/* fuzz-document.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target: the document opener on mutated document files (the
 * corpus holds documents of schema versions 1, 2 and 3). Opening, reading
 * the working state and every version either works or gives an error;
 * nothing crashes, leaks or allocates without bound, and the file is never
 * written. */

#include <glib/gstdio.h>
#include <unistd.h>

#include "rpt-core.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

static char *path;

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptStore) store = NULL;
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (GListModel) versions = NULL;
  g_autofree char *before = NULL;
  g_autofree char *after = NULL;

  rpt_core_init ();
  if (path == NULL)
    {
      int fd = g_file_open_tmp ("fuzz-document-XXXXXX.rapporteur", &path, NULL);
      g_assert (fd >= 0);
      close (fd);
    }
  g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));
  /* A journal left by an earlier input would be rolled back into this one. */
  {
    g_autofree char *journal = g_strconcat (path, "-journal", NULL);
    g_unlink (journal);
  }
  before = g_compute_checksum_for_data (G_CHECKSUM_SHA256, data, size);

  store = rpt_store_open (path, RPT_STORE_OPEN_READ_ONLY, &error);
  if (store == NULL)
    {
      g_assert_nonnull (error);
      return 0;
    }
  letter = rpt_store_load (store, &error);
  if (letter == NULL)
    g_assert_nonnull (error);
  else
    {
      g_autofree char *xml = rpt_letter_to_xml (letter, NULL);
      g_assert_nonnull (xml);
    }
  g_clear_error (&error);
  versions = rpt_store_list_versions (store, &error);
  if (versions != NULL)
    for (guint i = 0; i < MIN (g_list_model_get_n_items (versions), 8); i++)
      {
        g_autoptr (RptVersion) v = g_list_model_get_item (versions, i);
        g_autoptr (RptLetter) old =
          rpt_store_load_version (store, rpt_version_get_number (v), &error);
        if (old == NULL)
          g_assert_nonnull (error);
        g_clear_error (&error);
      }
  rpt_store_close (store);

  /* Reading never writes. */
  {
    g_autofree char *contents = NULL;
    gsize length = 0;
    g_assert_true (g_file_get_contents (path, &contents, &length, NULL));
    after = g_compute_checksum_for_data (G_CHECKSUM_SHA256, (const guchar *) contents, length);
    g_assert_cmpstr (before, ==, after);
  }
  return 0;
}
