/* rpt-store.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-store"

#include <errno.h>
#include <fcntl.h>
#include <glib/gi18n-lib.h>
#include <glib/gstdio.h>
#include <string.h>
#include <unistd.h>

#include "rpt-error.h"
#include "rpt-letter-xml.h"
#include "rpt-markup.h"
#include "rpt-sqlite.h"
#include "rpt-store.h"

/**
 * RptStore:
 *
 * The document file (.rapporteur): SQLite as an application file format.
 *
 * - `PRAGMA application_id` marks the file as ours; `PRAGMA user_version`
 *   is the schema version. Older files are migrated forward in one
 *   transaction when opened for writing, and in a memory copy when opened
 *   read-only, so reading never changes a file. Newer files are refused.
 * - Rollback journal (journal_mode=DELETE) with synchronous=FULL: each save
 *   is one transaction that is either wholly on disk or not at all, whatever
 *   moment a crash or power cut comes. WAL would do as well for safety but
 *   leaves -wal and -shm files beside the document, which people copy or
 *   mail on their own.
 * - secure_delete: text a drafter deletes is overwritten, not left in free
 *   pages of a file that may be passed on.
 * - Files are created with mode 0600 (SQLite gives its journal the same).
 *
 * Schema version 1: the working state is one letter XML text; named
 * versions are full snapshots of it with author, time and message.
 */
struct _RptStore
{
  GObject parent_instance;

  char *path;
  RptSqlite *db;
  gboolean read_only;
};

G_DEFINE_FINAL_TYPE (RptStore, rpt_store, G_TYPE_OBJECT)

static const char schema_v1[] = "CREATE TABLE letter ("
                                "  id INTEGER PRIMARY KEY CHECK (id = 1),"
                                "  xml TEXT NOT NULL"
                                ");"
                                "CREATE TABLE version ("
                                "  number INTEGER PRIMARY KEY,"
                                "  author TEXT NOT NULL,"
                                "  created TEXT NOT NULL,"
                                "  message TEXT NOT NULL,"
                                "  xml TEXT NOT NULL"
                                ");";

static void
rpt_store_finalize (GObject *object)
{
  RptStore *self = RPT_STORE (object);

  rpt_store_close (self);
  g_free (self->path);

  G_OBJECT_CLASS (rpt_store_parent_class)->finalize (object);
}

static void
rpt_store_class_init (RptStoreClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_store_finalize;
}

static void
rpt_store_init (RptStore *self)
{
}

/* Turns a SQLite error into one a user can act on. */
static void
translate_error (GError **error, GError *db_error, const char *path)
{
  int code;

  g_assert (db_error != NULL);
  if (db_error->domain != RPT_SQLITE_ERROR)
    {
      g_propagate_error (error, db_error);
      return;
    }

  code = db_error->code & 0xff;
  switch (code)
    {
    case SQLITE_FULL:
      g_set_error (error, RPT_ERROR, RPT_ERROR_NO_SPACE,
                   _("The disk is full, so %s could not be saved. The document still holds "
                     "what it held before; free some space and save again."),
                   path);
      break;
    case SQLITE_CORRUPT:
    case SQLITE_NOTADB:
      g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT,
                   _("%s is damaged and cannot be read (%s). Open a backup copy, or a copy "
                     "exported as letter XML."),
                   path, db_error->message);
      break;
    case SQLITE_READONLY:
    case SQLITE_PERM:
    case SQLITE_AUTH:
      g_set_error (error, RPT_ERROR, RPT_ERROR_READ_ONLY,
                   _("%s cannot be written: you do not have permission, or the disk is "
                     "read-only"),
                   path);
      break;
    case SQLITE_BUSY:
    case SQLITE_LOCKED:
      g_set_error (error, RPT_ERROR, RPT_ERROR_BUSY,
                   _("%s is being written by another program; try again in a moment"), path);
      break;
    case SQLITE_CANTOPEN:
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _("%s cannot be opened"), path);
      break;
    default:
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _("Reading or writing %s failed: %s"), path,
                   db_error->message);
      break;
    }
  g_error_free (db_error);
}

#define TRANSLATE(error, local, path)                                                              \
  G_STMT_START                                                                                     \
  {                                                                                                \
    translate_error ((error), g_steal_pointer (&(local)), (path));                                 \
  }                                                                                                \
  G_STMT_END

static gboolean
set_pragmas (RptSqlite *db, gboolean read_only, GError **error)
{
  if (read_only)
    return rpt_sqlite_exec (db, "PRAGMA query_only = 1;", error);
  return rpt_sqlite_exec (db,
                          "PRAGMA journal_mode = DELETE;"
                          "PRAGMA synchronous = FULL;"
                          "PRAGMA secure_delete = ON;"
                          "PRAGMA cell_size_check = ON;",
                          error);
}

/* --- the working state ---------------------------------------------- */

static gboolean
write_working (RptStore *self, RptSqlite *db, RptLetter *letter, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autofree char *xml = NULL;
  gsize len;

  xml = rpt_letter_to_xml (letter, &len);
  stmt = rpt_sqlite_prepare (db, "INSERT OR REPLACE INTO letter (id, xml) VALUES (1, ?1)", error);
  if (stmt == NULL)
    return FALSE;
  sqlite3_bind_text (stmt, 1, xml, (int) len, SQLITE_STATIC);
  return rpt_sqlite_step_done (db, stmt, error);
}

static char *
read_working_xml (RptSqlite *db, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  int rc;

  stmt = rpt_sqlite_prepare (db, "SELECT xml FROM letter WHERE id = 1", error);
  if (stmt == NULL)
    return NULL;
  rc = rpt_sqlite_step (db, stmt, error);
  if (rc < 0)
    return NULL;
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, RPT_SQLITE_ERROR, SQLITE_CORRUPT, "the document holds no letter");
      return NULL;
    }
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

static gboolean
create_schema (RptSqlite *db, RptLetter *letter, GError **error)
{
  g_autofree char *pragmas = g_strdup_printf ("PRAGMA application_id = %d;"
                                              "PRAGMA user_version = %d;",
                                              RPT_STORE_APPLICATION_ID, RPT_STORE_SCHEMA_VERSION);

  if (!rpt_sqlite_begin (db, error))
    return FALSE;
  if (!rpt_sqlite_exec (db, pragmas, error) || !rpt_sqlite_exec (db, schema_v1, error)
      || !write_working (NULL, db, letter, error))
    {
      rpt_sqlite_rollback (db);
      return FALSE;
    }
  return rpt_sqlite_commit (db, error);
}

/* --- opening -------------------------------------------------------- */

static guint32
read_be32 (const guint8 *p)
{
  return ((guint32) p[0] << 24) | ((guint32) p[1] << 16) | ((guint32) p[2] << 8) | p[3];
}

/* Looks at the 100-byte SQLite header before SQLite does: a file of
 * another kind, or another program's database, is refused without
 * SQLite ever opening it (and so without any chance of a journal being
 * rolled back into someone else's file). */
static gboolean
check_header (const char *path, GError **error)
{
  guint8 header[100];
  int fd;
  gssize n;

  fd = g_open (path, O_RDONLY | O_CLOEXEC, 0);
  if (fd < 0)
    {
      int saved = errno;
      g_set_error (error, RPT_ERROR, saved == ENOENT ? RPT_ERROR_NOT_FOUND : RPT_ERROR_IO,
                   _("%s cannot be opened: %s"), path, g_strerror (saved));
      return FALSE;
    }
  n = read (fd, header, sizeof header);
  close (fd);

  if (n == 0)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_A_DOCUMENT,
                   _("%s is empty; it is not a Rapporteur document"), path);
      return FALSE;
    }
  if (n < (gssize) sizeof header || memcmp (header, "SQLite format 3", 16) != 0)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_A_DOCUMENT,
                   _("%s is not a Rapporteur document"), path);
      return FALSE;
    }
  if (read_be32 (header + 68) != RPT_STORE_APPLICATION_ID)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_A_DOCUMENT,
                   _("%s is a database of another program, not a Rapporteur document"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_version (RptSqlite *db, const char *path, gint64 *version, GError **error)
{
  g_autoptr (GError) local = NULL;
  gint64 app_id = 0;

  if (!rpt_sqlite_get_int (db, "PRAGMA application_id", &app_id, &local)
      || !rpt_sqlite_get_int (db, "PRAGMA user_version", version, &local))
    {
      TRANSLATE (error, local, path);
      return FALSE;
    }
  if (app_id != RPT_STORE_APPLICATION_ID)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_A_DOCUMENT,
                   _("%s is a database of another program, not a Rapporteur document"), path);
      return FALSE;
    }
  if (*version > RPT_STORE_SCHEMA_VERSION)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NEWER_VERSION,
                   _("%s was saved by a newer version of Rapporteur (document format %d; this "
                     "version reads up to %d). Update Rapporteur to open it."),
                   path, (int) *version, RPT_STORE_SCHEMA_VERSION);
      return FALSE;
    }
  if (*version < 1)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT,
                   _("%s is damaged and cannot be read (no document format)"), path);
      return FALSE;
    }
  return TRUE;
}

static gboolean
check_integrity (RptSqlite *db, const char *path, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local = NULL;
  int rc;

  /* quick_check reads every page once: a truncated or overwritten file is
   * caught here, on opening, not half-way through a save. */
  stmt = rpt_sqlite_prepare (db, "PRAGMA quick_check(1)", &local);
  if (stmt == NULL || (rc = rpt_sqlite_step (db, stmt, &local)) < 0)
    {
      TRANSLATE (error, local, path);
      return FALSE;
    }
  if (rc != SQLITE_ROW || g_strcmp0 ((const char *) sqlite3_column_text (stmt, 0), "ok") != 0)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT,
                   _("%s is damaged and cannot be read (%s). Open a backup copy, or a copy "
                     "exported as letter XML."),
                   path, rc == SQLITE_ROW ? (const char *) sqlite3_column_text (stmt, 0) : "?");
      return FALSE;
    }
  return TRUE;
}

/* Forward migrations, each in the caller's transaction. */
static gboolean
migrate (RptSqlite *db, gint64 from, GError **error)
{
  g_assert (from >= 1 && from <= RPT_STORE_SCHEMA_VERSION);
  return TRUE;
}

static gboolean
migrate_in_transaction (RptSqlite *db, gint64 from, GError **error)
{
  g_autofree char *set_version
    = g_strdup_printf ("PRAGMA user_version = %d", RPT_STORE_SCHEMA_VERSION);

  if (!rpt_sqlite_begin (db, error))
    return FALSE;
  if (!migrate (db, from, error) || !rpt_sqlite_exec (db, set_version, error))
    {
      rpt_sqlite_rollback (db);
      return FALSE;
    }
  return rpt_sqlite_commit (db, error);
}

/**
 * rpt_store_open:
 * @path: a .rapporteur file
 * @flags: %RPT_STORE_OPEN_READ_ONLY never writes to the file
 *
 * Opens a document, checking that it is ours, of a version this program
 * reads, and undamaged. A document of an older version is brought
 * forward: on disk when opened for writing, in memory when read-only.
 *
 * Returns: (transfer full): the store, or %NULL with @error set
 */
RptStore *
rpt_store_open (const char *path, RptStoreOpenFlags flags, GError **error)
{
  g_autoptr (RptStore) self = NULL;
  g_autoptr (GError) local = NULL;
  gboolean read_only = (flags & RPT_STORE_OPEN_READ_ONLY) != 0;
  gint64 version = 0;

  g_return_val_if_fail (path != NULL, NULL);

  if (!check_header (path, error))
    return NULL;

  self = g_object_new (RPT_TYPE_STORE, NULL);
  self->path = g_strdup (path);
  self->read_only = read_only;
  self->db = rpt_sqlite_open (path, read_only ? RPT_SQLITE_OPEN_READ_ONLY : 0, &local);
  if (self->db == NULL || !set_pragmas (self->db, read_only, &local))
    {
      TRANSLATE (error, local, path);
      return NULL;
    }
  if (!check_version (self->db, path, &version, error) || !check_integrity (self->db, path, error))
    return NULL;

  if (version < RPT_STORE_SCHEMA_VERSION)
    {
      if (read_only)
        {
          g_autoptr (RptSqlite) copy = rpt_sqlite_copy_to_memory (self->db, &local);
          if (copy == NULL || !migrate_in_transaction (copy, version, &local))
            {
              TRANSLATE (error, local, path);
              return NULL;
            }
          g_set_object (&self->db, copy);
        }
      else if (!migrate_in_transaction (self->db, version, &local))
        {
          TRANSLATE (error, local, path);
          return NULL;
        }
    }

  return g_steal_pointer (&self);
}

static gboolean
sync_directory (const char *dir)
{
  int fd = g_open (dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC, 0);
  gboolean ok;

  if (fd < 0)
    return FALSE;
  ok = fsync (fd) == 0;
  close (fd);
  return ok;
}

/* @what is a translated "%s: %s" sentence: the path, then the reason. */
static void
set_errno_error (GError **error, int saved, const char *what, const char *path)
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
#pragma GCC diagnostic push
#pragma GCC diagnostic ignored "-Wformat-nonliteral"
  g_set_error (error, RPT_ERROR, code, what, path, g_strerror (saved));
#pragma GCC diagnostic pop
}

static void
remove_temporary (const char *tmp)
{
  g_autofree char *journal = g_strconcat (tmp, "-journal", NULL);

  g_unlink (journal);
  g_unlink (tmp);
}

/**
 * rpt_store_create:
 * @path: the new document; it must not exist
 * @letter: the letter to store as its working state
 *
 * Creates a new document file with mode 0600. The file is built under a
 * temporary name in the same folder and linked into place only when
 * complete, so @path never names a half-written document, and an existing
 * file at @path is never replaced.
 *
 * Returns: (transfer full): the store, open for writing, or %NULL
 */
RptStore *
rpt_store_create (const char *path, RptLetter *letter, GError **error)
{
  g_autofree char *dir = NULL;
  g_autofree char *base = NULL;
  g_autofree char *tmp = NULL;
  g_autoptr (RptSqlite) db = NULL;
  g_autoptr (GError) local = NULL;
  int fd;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (RPT_IS_LETTER (letter), NULL);

  if (g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_EXISTS,
                   _("%s already exists; choose another name"), path);
      return NULL;
    }

  dir = g_path_get_dirname (path);
  base = g_path_get_basename (path);
  if (!g_file_test (dir, G_FILE_TEST_IS_DIR))
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND, _("The folder %s does not exist"), dir);
      return NULL;
    }
  tmp = g_strdup_printf ("%s/.%s.XXXXXX", dir, base);
  fd = g_mkstemp_full (tmp, O_RDWR | O_CLOEXEC, 0600);
  if (fd < 0)
    {
      set_errno_error (error, errno, _("Cannot create a document in %s: %s"), dir);
      return NULL;
    }
  close (fd);

  db = rpt_sqlite_open (tmp, RPT_SQLITE_OPEN_READ_WRITE, &local);
  if (db == NULL || !set_pragmas (db, FALSE, &local) || !create_schema (db, letter, &local))
    {
      g_clear_object (&db);
      remove_temporary (tmp);
      TRANSLATE (error, local, path);
      return NULL;
    }
  rpt_sqlite_close (db);

  /* link() fails if @path appeared meanwhile: no existing file is ever
   * replaced. Some file systems have no hard links; rename() then, after
   * the check above. */
  if (link (tmp, path) != 0)
    {
      int saved = errno;
      if (saved == EPERM || saved == ENOTSUP || saved == ENOSYS || saved == EMLINK)
        {
          if (g_file_test (path, G_FILE_TEST_EXISTS) || g_rename (tmp, path) != 0)
            {
              set_errno_error (error, g_file_test (path, G_FILE_TEST_EXISTS) ? EEXIST : errno,
                               _("Cannot create %s: %s"), path);
              remove_temporary (tmp);
              return NULL;
            }
        }
      else
        {
          set_errno_error (error, saved, _("Cannot create %s: %s"), path);
          remove_temporary (tmp);
          return NULL;
        }
    }
  else
    g_unlink (tmp);
  sync_directory (dir);

  return rpt_store_open (path, RPT_STORE_OPEN_READ_WRITE, error);
}

const char *
rpt_store_get_path (RptStore *self)
{
  g_return_val_if_fail (RPT_IS_STORE (self), NULL);
  return self->path;
}

gboolean
rpt_store_is_read_only (RptStore *self)
{
  g_return_val_if_fail (RPT_IS_STORE (self), TRUE);
  return self->read_only;
}

static gboolean
check_open (RptStore *self, gboolean write, GError **error)
{
  if (self->db == NULL)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_IO, _("%s is closed"), self->path);
      return FALSE;
    }
  if (write && self->read_only)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_READ_ONLY, _("%s is open read-only"), self->path);
      return FALSE;
    }
  return TRUE;
}

/**
 * rpt_store_load:
 *
 * Returns: (transfer full): the working state of the letter, or %NULL
 */
RptLetter *
rpt_store_load (RptStore *self, GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *xml = NULL;
  RptLetter *letter;

  g_return_val_if_fail (RPT_IS_STORE (self), NULL);

  if (!check_open (self, FALSE, error))
    return NULL;
  xml = read_working_xml (self->db, &local);
  if (xml == NULL)
    {
      TRANSLATE (error, local, self->path);
      return NULL;
    }
  letter = rpt_letter_new_from_xml (xml, -1, self->path, &local);
  if (letter == NULL)
    g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT,
                 _("%s is damaged and cannot be read (%s)"), self->path, local->message);
  return letter;
}

/**
 * rpt_store_save:
 *
 * Makes @letter the working state, in one transaction.
 */
gboolean
rpt_store_save (RptStore *self, RptLetter *letter, GError **error)
{
  g_autoptr (GError) local = NULL;

  g_return_val_if_fail (RPT_IS_STORE (self), FALSE);
  g_return_val_if_fail (RPT_IS_LETTER (letter), FALSE);

  if (!check_open (self, TRUE, error))
    return FALSE;
  if (!rpt_sqlite_begin (self->db, &local))
    {
      TRANSLATE (error, local, self->path);
      return FALSE;
    }
  if (!write_working (self, self->db, letter, &local) || !rpt_sqlite_commit (self->db, &local))
    {
      rpt_sqlite_rollback (self->db);
      TRANSLATE (error, local, self->path);
      return FALSE;
    }
  return TRUE;
}

static guint
insert_version (RptSqlite *db, const char *author, const char *message, const char *xml,
                GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GDateTime) now = g_date_time_new_now_utc ();
  g_autofree char *created = g_date_time_format_iso8601 (now);
  gint64 number = 0;

  if (!rpt_sqlite_get_int (db, "SELECT coalesce(max(number), 0) + 1 FROM version", &number,
                           error))
    return 0;
  stmt = rpt_sqlite_prepare (
    db, "INSERT INTO version (number, author, created, message, xml) VALUES (?1, ?2, ?3, ?4, ?5)",
    error);
  if (stmt == NULL)
    return 0;
  sqlite3_bind_int64 (stmt, 1, number);
  sqlite3_bind_text (stmt, 2, author != NULL ? author : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 3, created, -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 4, message != NULL ? message : "", -1, SQLITE_TRANSIENT);
  sqlite3_bind_text (stmt, 5, xml, -1, SQLITE_TRANSIENT);
  if (!rpt_sqlite_step_done (db, stmt, error))
    return 0;
  return (guint) number;
}

/**
 * rpt_store_save_version:
 * @letter: the working state to save and keep as a version
 * @author: (nullable): who saves it
 * @message: (nullable): why
 *
 * Saves @letter as the working state and keeps a full snapshot of it as a
 * named version, in one transaction.
 *
 * Returns: the number of the new version, or 0 with @error set
 */
guint
rpt_store_save_version (RptStore *self,
                        RptLetter *letter,
                        const char *author,
                        const char *message,
                        GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autofree char *xml = NULL;
  g_autofree char *clean_author = NULL;
  g_autofree char *clean_message = NULL;
  guint number;

  g_return_val_if_fail (RPT_IS_STORE (self), 0);
  g_return_val_if_fail (RPT_IS_LETTER (letter), 0);

  if (!check_open (self, TRUE, error))
    return 0;

  xml = rpt_letter_to_xml (letter, NULL);
  clean_author = rpt_text_sanitize_line (author);
  clean_message = rpt_text_sanitize_line (message);
  if (!rpt_sqlite_begin (self->db, &local))
    {
      TRANSLATE (error, local, self->path);
      return 0;
    }
  if (!write_working (self, self->db, letter, &local)
      || (number = insert_version (self->db, clean_author, clean_message, xml, &local)) == 0
      || !rpt_sqlite_commit (self->db, &local))
    {
      rpt_sqlite_rollback (self->db);
      TRANSLATE (error, local, self->path);
      return 0;
    }
  return number;
}

/**
 * rpt_store_list_versions:
 *
 * Returns: (transfer full): the named versions, oldest first, as a list
 *   model of #RptVersion, or %NULL with @error set
 */
GListModel *
rpt_store_list_versions (RptStore *self, GError **error)
{
  g_autoptr (GListStore) list = NULL;
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local = NULL;
  int rc;

  g_return_val_if_fail (RPT_IS_STORE (self), NULL);

  if (!check_open (self, FALSE, error))
    return NULL;
  stmt = rpt_sqlite_prepare (
    self->db, "SELECT number, author, created, message FROM version ORDER BY number", &local);
  if (stmt == NULL)
    {
      TRANSLATE (error, local, self->path);
      return NULL;
    }
  list = g_list_store_new (RPT_TYPE_VERSION);
  while ((rc = rpt_sqlite_step (self->db, stmt, &local)) == SQLITE_ROW)
    {
      g_autoptr (GDateTime) created
        = g_date_time_new_from_iso8601 ((const char *) sqlite3_column_text (stmt, 2), NULL);
      g_autoptr (RptVersion) v = NULL;

      if (created == NULL)
        created = g_date_time_new_from_unix_utc (0);
      v = rpt_version_new ((guint) sqlite3_column_int64 (stmt, 0),
                           (const char *) sqlite3_column_text (stmt, 1), created,
                           (const char *) sqlite3_column_text (stmt, 3));
      g_list_store_append (list, v);
    }
  if (rc < 0)
    {
      TRANSLATE (error, local, self->path);
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&list));
}

static char *
read_version_xml (RptStore *self, guint number, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = NULL;
  g_autoptr (GError) local = NULL;
  int rc;

  stmt = rpt_sqlite_prepare (self->db, "SELECT xml FROM version WHERE number = ?1", &local);
  if (stmt == NULL)
    {
      TRANSLATE (error, local, self->path);
      return NULL;
    }
  sqlite3_bind_int64 (stmt, 1, number);
  rc = rpt_sqlite_step (self->db, stmt, &local);
  if (rc < 0)
    {
      TRANSLATE (error, local, self->path);
      return NULL;
    }
  if (rc != SQLITE_ROW)
    {
      g_set_error (error, RPT_ERROR, RPT_ERROR_NOT_FOUND, _("%s has no version %u"), self->path,
                   number);
      return NULL;
    }
  return g_strdup ((const char *) sqlite3_column_text (stmt, 0));
}

/**
 * rpt_store_load_version:
 * @number: a version number from rpt_store_list_versions()
 *
 * Returns: (transfer full): the letter as it was in that version, or %NULL
 */
RptLetter *
rpt_store_load_version (RptStore *self, guint number, GError **error)
{
  g_autofree char *xml = NULL;
  g_autoptr (GError) local = NULL;
  RptLetter *letter;

  g_return_val_if_fail (RPT_IS_STORE (self), NULL);

  if (!check_open (self, FALSE, error))
    return NULL;
  xml = read_version_xml (self, number, error);
  if (xml == NULL)
    return NULL;
  letter = rpt_letter_new_from_xml (xml, -1, self->path, &local);
  if (letter == NULL)
    g_set_error (error, RPT_ERROR, RPT_ERROR_CORRUPT,
                 _("Version %u of %s is damaged and cannot be read (%s)"), number, self->path,
                 local->message);
  return letter;
}

/**
 * rpt_store_restore_version:
 * @number: the version to restore
 * @author: (nullable): who restores it
 * @backup_number: (out) (optional): the number of the version that keeps
 *   the working state as it was, or 0 if an existing version already did
 *
 * Makes version @number the working state without losing anything: when
 * the working state differs from the newest version's snapshot, it is
 * first kept as a new version itself. Both happen in one transaction.
 *
 * Returns: (transfer full): the new working state, or %NULL
 */
RptLetter *
rpt_store_restore_version (RptStore *self,
                           guint number,
                           const char *author,
                           guint *backup_number,
                           GError **error)
{
  g_autoptr (GError) local = NULL;
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (RptLetter) working = NULL;
  g_autofree char *working_xml = NULL;
  g_autofree char *newest_xml = NULL;
  g_autofree char *clean_author = NULL;
  gint64 newest = 0;
  guint backup = 0;

  g_return_val_if_fail (RPT_IS_STORE (self), NULL);

  if (!check_open (self, TRUE, error))
    return NULL;
  letter = rpt_store_load_version (self, number, error);
  if (letter == NULL)
    return NULL;
  working = rpt_store_load (self, error);
  if (working == NULL)
    return NULL;
  working_xml = rpt_letter_to_xml (working, NULL);
  clean_author = rpt_text_sanitize_line (author);

  if (!rpt_sqlite_begin (self->db, &local))
    {
      TRANSLATE (error, local, self->path);
      return NULL;
    }
  if (!rpt_sqlite_get_int (self->db, "SELECT coalesce(max(number), 0) FROM version", &newest,
                           &local))
    goto fail;
  if (newest > 0)
    {
      newest_xml = read_version_xml (self, (guint) newest, &local);
      if (newest_xml == NULL)
        goto fail;
    }
  if (g_strcmp0 (newest_xml, working_xml) != 0)
    {
      g_autofree char *message
        = g_strdup_printf (_("Working state before version %u was restored"), number);
      backup = insert_version (self->db, clean_author, message, working_xml, &local);
      if (backup == 0)
        goto fail;
    }
  if (!write_working (self, self->db, letter, &local) || !rpt_sqlite_commit (self->db, &local))
    goto fail;

  if (backup_number != NULL)
    *backup_number = backup;
  return g_steal_pointer (&letter);

fail:
  rpt_sqlite_rollback (self->db);
  TRANSLATE (error, local, self->path);
  return NULL;
}

void
rpt_store_close (RptStore *self)
{
  g_return_if_fail (RPT_IS_STORE (self));

  if (self->db != NULL)
    rpt_sqlite_close (self->db);
  g_clear_object (&self->db);
}
