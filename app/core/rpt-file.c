/* rpt-file.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-file"

#include <errno.h>
#include <glib/gi18n-lib.h>

#include "rpt-error.h"
#include "rpt-file.h"
#include "rpt-store.h"

static int
file_error_to_errno (int code)
{
  switch (code)
    {
    case G_FILE_ERROR_EXIST:
      return EEXIST;
    case G_FILE_ERROR_ISDIR:
      return EISDIR;
    case G_FILE_ERROR_ACCES:
      return EACCES;
    case G_FILE_ERROR_NAMETOOLONG:
      return ENAMETOOLONG;
    case G_FILE_ERROR_NOENT:
      return ENOENT;
    case G_FILE_ERROR_NOTDIR:
      return ENOTDIR;
    case G_FILE_ERROR_ROFS:
      return EROFS;
    case G_FILE_ERROR_NOSPC:
      return ENOSPC;
    case G_FILE_ERROR_PERM:
      return EPERM;
    case G_FILE_ERROR_NOMEM:
      return ENOMEM;
    default:
      return EIO;
    }
}

/**
 * rpt_file_write_private:
 * @path: where the file goes
 * @data: (array length=length): its contents
 *
 * How every export is written, from the command line and the application
 * alike:
 *
 * - whole or not at all: to a temporary file that replaces @path only
 *   once complete and synced, so a full disk or a crash never leaves half
 *   an export where the last good one was;
 * - with mode 0600, because an export holds the whole confidential draft;
 * - never over a Rapporteur document: an export may replace an earlier
 *   export, but a slip ("-o letter.rapporteur") must not destroy a draft.
 *
 * Errors say which file and why, in the RPT_ERROR domain.
 */
gboolean
rpt_file_write_private (const char *path, const void *data, gsize length, GError **error)
{
  g_autofree char *dir = NULL;
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  dir = g_path_get_dirname (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND, _ ("The folder %s does not exist"), dir);
      return FALSE;
    }
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT, _ ("%s is a folder"), path);
      return FALSE;
    }
  if (rpt_store_file_is_document (path))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_EXISTS,
                   _ ("%s is a Rapporteur document; exporting over it would destroy it. Choose "
                      "another name."),
                   path);
      return FALSE;
    }
  if (!g_file_set_contents_full (path, data, length,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE, 0600,
                                 &local))
    {
      int code = RPT_ERROR_IO;

      if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_ACCES) ||
          g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_ROFS) ||
          g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_PERM))
        code = RPT_ERROR_READ_ONLY;
      else if (g_error_matches (local, G_FILE_ERROR, G_FILE_ERROR_NOSPC))
        code = RPT_ERROR_NO_SPACE;
      /* GLib's message names its temporary file ("letter.pdf.UTY6Y3"),
       * which the user never chose: say why, of the file they chose. */
      g_set_error (error, RPT_ERROR, code, _ ("Cannot write %s: %s"), path,
                   g_strerror (file_error_to_errno (local->code)));
      return FALSE;
    }
  return TRUE;
}
