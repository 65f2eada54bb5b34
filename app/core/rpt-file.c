/* rpt-file.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-file"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rpt-error.h"
#include "rpt-file.h"
#include "rpt-store.h"

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
      g_set_error (error, RPT_ERROR, code, _ ("Cannot write %s: %s"), path, local->message);
      return FALSE;
    }
  return TRUE;
}

/**
 * rpt_file_read_bounded:
 * @path: a file, a pipe, a device or "/dev/stdin"
 * @limit: the most bytes accepted
 * @data: (out): the contents, nul-terminated
 * @length: (out) (optional): their length
 *
 * How every input file is read (letter XML, document XML, style sheets):
 * the limit holds for every kind of source, and is enforced while
 * reading, so a pipe or a device that never ends costs at most @limit
 * bytes of memory before the error. A regular file larger than @limit is
 * refused unread.
 *
 * Returns: whether @path was read, else @error is set (RPT_ERROR_UNSAFE
 *   for too large)
 */
gboolean
rpt_file_read_bounded (const char *path, gsize limit, char **data, gsize *length, GError **error)
{
  g_autofree char *buf = NULL;
  gsize size = 0, capacity;
  struct stat st;
  int fd;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (limit < G_MAXSIZE - 1, FALSE);

  fd = g_open (path, O_RDONLY | O_CLOEXEC | O_NOCTTY, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, RPT_ERROR, saved == ENOENT ? RPT_ERROR_NOT_FOUND : RPT_ERROR_IO,
                   _ ("Cannot read %s: %s"), path, g_strerror (saved));
      return FALSE;
    }
  if (fstat (fd, &st) == 0 && S_ISDIR (st.st_mode))
    {
      close (fd);
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT, _ ("%s is a folder"), path);
      return FALSE;
    }
  if (S_ISREG (st.st_mode) && (guint64) st.st_size > limit)
    {
      close (fd);
      goto too_large;
    }

  /* A regular file's size is known (it may still grow while read); for
   * other sources the buffer is the limit + 1 byte (to tell "exactly the
   * limit" from more) at once: memory the allocator maps but that only
   * becomes resident as it is filled, with no copies while growing. */
  capacity = S_ISREG (st.st_mode) ? MIN ((gsize) st.st_size + 1, limit + 1) : limit + 1;
  buf = g_malloc (capacity + 1);
  for (;;)
    {
      gssize n;

      if (size == capacity)
        {
          if (capacity > limit)
            break;
          capacity = MIN (capacity * 2, limit + 1);
          buf = g_realloc (buf, capacity + 1);
        }
      n = read (fd, buf + size, capacity - size);
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          int saved = errno;
          close (fd);
          g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _ ("Cannot read %s: %s"), path,
                       g_strerror (saved));
          return FALSE;
        }
      if (n == 0)
        break;
      size += (gsize) n;
    }
  close (fd);
  if (size > limit)
    goto too_large;

  buf[size] = '\0';
  if (capacity > size + 4096)
    buf = g_realloc (buf, size + 1);
  *data = g_steal_pointer (&buf);
  if (length != NULL)
    *length = size;
  return TRUE;

too_large:
  g_set_error (error, RPT_ERROR, RPT_ERROR_UNSAFE,
               _ ("%s: the file is larger than %u MB; a letter never is"), path,
               (guint) (limit / (1024 * 1024)));
  return FALSE;
}
