/* fuzz-zip.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

/* libFuzzer target: the ZIP reader (rpt-zip.c) on mutated packages (the
 * corpus holds ODTs from Rapporteur, LibreOffice and other zip writers:
 * stored and deflated parts, data descriptors, comments). A part is read
 * whole, within the limit and with its CRC checked, or refused; nothing
 * crashes, leaks or reads past the file. */

#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rpt-zip-private.h"

int LLVMFuzzerTestOneInput (const guint8 *data, size_t size);

#define LIMIT (256 * 1024)

static char *path;

int
LLVMFuzzerTestOneInput (const guint8 *data, size_t size)
{
  static const char *const names[] = { "content.xml", "meta.xml", "mimetype", "" };

  if (path == NULL)
    {
      int fd = g_file_open_tmp ("fuzz-zip-XXXXXX.odt", &path, NULL);
      g_assert (fd >= 0);
      close (fd);
    }
  g_assert_true (g_file_set_contents (path, (const char *) data, (gssize) size, NULL));

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *part = NULL;
      gsize length = 12345;
      RptZipReadResult result = _rpt_zip_read (path, names[i], LIMIT, &part, &length);

      if (result == RPT_ZIP_READ_OK)
        {
          g_assert_nonnull (part);
          g_assert_cmpuint (length, <=, LIMIT);
          g_assert_cmpint (part[length], ==, '\0');
        }
      else
        {
          g_assert_null (part);
          g_assert_cmpuint (length, ==, 0);
        }
    }
  return 0;
}
