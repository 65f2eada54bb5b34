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
#include <signal.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "rpt-error.h"
#include "rpt-file.h"
#include "rpt-store.h"

/* --- private files ------------------------------------------------ *
 *
 * A document or an export holds the whole confidential draft. It is
 * written into a file that has no name (O_TMPFILE) in the target's
 * folder, synced, and only then given its name (linkat()), so a process
 * killed at any moment leaves nothing behind: no half-written file, and no
 * hidden temporary file with the text in it. Replacing an earlier export
 * needs one name for an instant: the new file is linked under a
 * temporary name and renamed over the old one at once.
 *
 * Where the file system has no O_TMPFILE (FAT, some network file
 * systems), the file is written under a hidden temporary name,
 * ".rapporteur-tmp-PID-XXXXXX" (the document's own name is not in it,
 * since names too can be confidential). Every write in a folder first
 * removes such files whose process is gone, so a kill leaves one at most
 * until the next write there. RPT_DEBUG_NO_O_TMPFILE makes the tests take
 * that way.
 */

#define TMP_PREFIX ".rapporteur-tmp-"

/* @create: a new document ("Cannot create"), else an export ("Cannot
 * write") */
static void
set_errno_error (GError **error, int saved, const char *path, gboolean create)
{
  int code = RPT_ERROR_IO;

  if (saved == EACCES || saved == EPERM || saved == EROFS)
    code = RPT_ERROR_READ_ONLY;
  else if (saved == ENOSPC || saved == EDQUOT)
    code = RPT_ERROR_NO_SPACE;
  else if (saved == ENOENT || saved == ENOTDIR)
    code = RPT_ERROR_NOT_FOUND;
  else if (saved == EEXIST)
    code = RPT_ERROR_EXISTS;
  if (create)
    g_set_error (error, RPT_ERROR, code, _ ("Cannot create %s: %s"), path, g_strerror (saved));
  else
    g_set_error (error, RPT_ERROR, code, _ ("Cannot write %s: %s"), path, g_strerror (saved));
}

static gboolean
use_o_tmpfile (void)
{
  static gsize once = 0;
  static gboolean use;

  if (g_once_init_enter (&once))
    {
      use = g_getenv ("RPT_DEBUG_NO_O_TMPFILE") == NULL;
      g_once_init_leave (&once, 1);
    }
  return use;
}

/* Removes the temporary files of Rapporteur processes that are gone. */
static void
remove_stale_temporaries (const char *dir)
{
  g_autoptr (GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *path = NULL;
      guint64 pid = 0;
      const char *end = NULL;
      GStatBuf st;

      if (!g_str_has_prefix (name, TMP_PREFIX))
        continue;
      pid = g_ascii_strtoull (name + strlen (TMP_PREFIX), (char **) &end, 10);
      if (pid == 0 || pid > G_MAXINT || end == NULL || *end != '-')
        continue;
      /* Alive, or another user's process: not ours to judge. */
      if (kill ((pid_t) pid, 0) == 0 || errno != ESRCH)
        continue;
      path = g_build_filename (dir, name, NULL);
      if (g_lstat (path, &st) == 0 && S_ISREG (st.st_mode) && st.st_uid == getuid ())
        g_unlink (path);
    }
}

static gboolean
write_all (int fd,
           const void *data,
           gsize length,
           const char *path,
           gboolean create,
           GError **error)
{
  const char *p = data;
  struct stat st;

  while (length > 0)
    {
      gssize n = write (fd, p, MIN (length, (gsize) G_MAXSSIZE));
      if (n < 0 && errno == EINTR)
        continue;
      if (n < 0)
        {
          set_errno_error (error, errno, path, create);
          return FALSE;
        }
      p += n;
      length -= (gsize) n;
    }
  /* A pipe or a terminal has nothing to sync (fsync() fails there). */
  if (fstat (fd, &st) == 0 && S_ISREG (st.st_mode) && fsync (fd) != 0)
    {
      set_errno_error (error, errno, path, create);
      return FALSE;
    }
  return TRUE;
}

/* A device, a pipe or a socket ("-o /dev/stdout", a FIFO a script reads
 * from, /dev/null): written into as it is. Renaming a new file over it
 * would put a regular file where the device was, and as root that file
 * would be /dev/null for every program. */
static gboolean
write_into_special (const char *path, const void *data, gsize length, GError **error)
{
  int fd;
  gboolean ok;

  do
    fd = g_open (path, O_WRONLY | O_CLOEXEC | O_NOCTTY, 0);
  while (fd < 0 && errno == EINTR);
  if (fd < 0)
    {
      set_errno_error (error, errno, path, FALSE);
      return FALSE;
    }
  ok = write_all (fd, data, length, path, FALSE, error);
  if (close (fd) != 0 && ok)
    {
      set_errno_error (error, errno, path, FALSE);
      ok = FALSE;
    }
  return ok;
}

static void
sync_folder (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);

  if (fd >= 0)
    {
      fsync (fd);
      close (fd);
    }
}

typedef struct
{
  int fd;
  char *tmp_path; /* the named fallback, else NULL */
} NewFile;

/* A new file in @dir, written with @data and synced, without a name if
 * the file system allows. */
static gboolean
new_file (NewFile *nf,
          const char *dir,
          const char *path,
          const void *data,
          gsize length,
          gboolean create,
          GError **error)
{
  nf->fd = -1;
  nf->tmp_path = NULL;
  remove_stale_temporaries (dir);
#ifdef O_TMPFILE
  /* The file is named through /proc (linkat() of the descriptor itself
   * needs a privilege). */
  if (use_o_tmpfile () && g_file_test ("/proc/self/fd", G_FILE_TEST_IS_DIR))
    {
      nf->fd = g_open (dir, O_TMPFILE | O_WRONLY | O_CLOEXEC, 0600);
      if (nf->fd < 0 && errno != EOPNOTSUPP && errno != EISDIR && errno != EINVAL)
        {
          set_errno_error (error, errno, path, create);
          return FALSE;
        }
    }
#endif
  if (nf->fd < 0)
    {
      nf->tmp_path = g_strdup_printf ("%s/" TMP_PREFIX "%d-XXXXXX", dir, (int) getpid ());
      nf->fd = g_mkstemp_full (nf->tmp_path, O_WRONLY | O_CLOEXEC, 0600);
      if (nf->fd < 0)
        {
          set_errno_error (error, errno, path, create);
          g_clear_pointer (&nf->tmp_path, g_free);
          return FALSE;
        }
    }
  /* Whatever the umask: a draft is its owner's only. */
  if (fchmod (nf->fd, 0600) != 0)
    {
      set_errno_error (error, errno, path, create);
      goto fail;
    }
  if (!write_all (nf->fd, data, length, path, create, error))
    goto fail;
  return TRUE;

fail:
  close (nf->fd);
  if (nf->tmp_path != NULL)
    g_unlink (nf->tmp_path);
  g_clear_pointer (&nf->tmp_path, g_free);
  nf->fd = -1;
  return FALSE;
}

static void
new_file_clear (NewFile *nf)
{
  if (nf->fd >= 0)
    close (nf->fd);
  if (nf->tmp_path != NULL)
    g_unlink (nf->tmp_path);
  g_clear_pointer (&nf->tmp_path, g_free);
  nf->fd = -1;
}

/* Gives the new file the name @target, which must not exist. */
static int
link_new_file (NewFile *nf, const char *target)
{
  if (nf->tmp_path != NULL)
    return link (nf->tmp_path, target);
  else
    {
      char proc[64];
      g_snprintf (proc, sizeof proc, "/proc/self/fd/%d", nf->fd);
      return linkat (AT_FDCWD, proc, AT_FDCWD, target, AT_SYMLINK_FOLLOW);
    }
}

static gboolean
check_folder (const char *dir, GError **error)
{
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND, _ ("The folder %s does not exist"), dir);
      return FALSE;
    }
  return TRUE;
}

/**
 * rpt_file_create_private:
 * @path: the new file; it must not exist
 * @data: (array length=length): its contents
 *
 * Creates @path with @data, mode 0600, whole or not at all and durable,
 * never replacing a file that exists (RPT_ERROR_EXISTS): how a new
 * document file is made. A process killed meanwhile leaves nothing (see
 * above).
 */
gboolean
rpt_file_create_private (const char *path, const void *data, gsize length, GError **error)
{
  g_autofree char *dir = NULL;
  NewFile nf;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  dir = g_path_get_dirname (path);
  if (!check_folder (dir, error))
    return FALSE;
  if (!new_file (&nf, dir, path, data, length, TRUE, error))
    return FALSE;
  if (link_new_file (&nf, path) != 0)
    {
      int saved = errno;

      /* No hard links here (some FUSE and network file systems): a rename,
       * after checking again that nothing has the name. */
      if (nf.tmp_path != NULL && (saved == EPERM || saved == ENOTSUP || saved == ENOSYS) &&
          !g_file_test (path, G_FILE_TEST_EXISTS) && g_rename (nf.tmp_path, path) == 0)
        g_clear_pointer (&nf.tmp_path, g_free);
      else
        {
          if (saved == EEXIST)
            g_set_error (error, RPT_ERROR, RPT_ERROR_EXISTS,
                         _ ("%s already exists; choose another name"), path);
          else
            set_errno_error (error, saved, path, TRUE);
          new_file_clear (&nf);
          return FALSE;
        }
    }
  new_file_clear (&nf);
  sync_folder (dir);
  return TRUE;
}

/**
 * rpt_file_write_private:
 * @path: where the file goes
 * @data: (array length=length): its contents
 *
 * How every export is written, from the command line and the application
 * alike:
 *
 * - whole or not at all: a new file that replaces @path only once
 *   complete and synced, so a full disk or a crash never leaves half an
 *   export where the last good one was, and a kill leaves no temporary
 *   file with the letter in it (see above);
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
  g_autofree char *tmp = NULL;
  g_autofree char *target = NULL;
  const char *shown = path;
  struct stat st;
  NewFile nf;

  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (data != NULL || length == 0, FALSE);

  if (g_stat (path, &st) == 0 && !S_ISREG (st.st_mode) && !S_ISDIR (st.st_mode))
    return write_into_special (path, data, length, error);
  /* Through a link, the file it names is replaced, not the link. */
  if (g_lstat (path, &st) == 0 && S_ISLNK (st.st_mode) && (target = realpath (path, NULL)) != NULL)
    path = target;

  dir = g_path_get_dirname (path);
  if (!check_folder (dir, error))
    return FALSE;
  if (g_file_test (path, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT, _ ("%s is a folder"), shown);
      return FALSE;
    }
  if (rpt_store_file_is_document (path))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_EXISTS,
                   _ ("%s is a Rapporteur document; exporting over it would destroy it. Choose "
                      "another name."),
                   shown);
      return FALSE;
    }
  if (!new_file (&nf, dir, shown, data, length, FALSE, error))
    return FALSE;

  /* Nothing there yet: the file gets its name directly. */
  if (link_new_file (&nf, path) == 0)
    {
      new_file_clear (&nf);
      sync_folder (dir);
      return TRUE;
    }
  if (errno != EEXIST && nf.tmp_path == NULL)
    {
      set_errno_error (error, errno, shown, FALSE);
      new_file_clear (&nf);
      return FALSE;
    }

  /* Replacing: a name for an instant, then rename() over the old file. */
  if (nf.tmp_path == NULL)
    {
      for (guint attempt = 0; attempt < 100; attempt++)
        {
          g_free (tmp);
          tmp = g_strdup_printf ("%s/" TMP_PREFIX "%d-%08x", dir, (int) getpid (), g_random_int ());
          if (link_new_file (&nf, tmp) == 0)
            break;
          if (errno != EEXIST)
            {
              set_errno_error (error, errno, shown, FALSE);
              new_file_clear (&nf);
              return FALSE;
            }
          g_clear_pointer (&tmp, g_free);
        }
    }
  else
    tmp = g_strdup (nf.tmp_path);
  if (tmp == NULL || g_rename (tmp, path) != 0)
    {
      set_errno_error (error, tmp == NULL ? EEXIST : errno, shown, FALSE);
      if (tmp != NULL && nf.tmp_path == NULL)
        g_unlink (tmp);
      new_file_clear (&nf);
      return FALSE;
    }
  g_clear_pointer (&nf.tmp_path, g_free); /* renamed: nothing to remove */
  new_file_clear (&nf);
  sync_folder (dir);
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
