/* rpt-sqlite.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-sqlite"

#include "rpt-sqlite.h"

/**
 * RptSqlite:
 *
 * One SQLite connection. Prepared statements only, explicit transactions,
 * and errors as GErrors in the RPT_SQLITE_ERROR domain carrying SQLite's
 * extended result code, so callers can tell a full disk from a damaged
 * file. The connection refuses what a hostile file could use against us:
 * defensive mode, no trusted schema (no functions from triggers or views),
 * no extension loading.
 */
struct _RptSqlite
{
  GObject parent_instance;

  sqlite3 *db;
  gboolean read_only;
  gboolean in_transaction;
};

G_DEFINE_FINAL_TYPE (RptSqlite, rpt_sqlite, G_TYPE_OBJECT)

GQuark
rpt_sqlite_error_quark (void)
{
  return g_quark_from_static_string ("rpt-sqlite-error-quark");
}

static void
set_error (GError **error, sqlite3 *db, int code)
{
  const char *msg = db != NULL ? sqlite3_errmsg (db) : sqlite3_errstr (code);
  int ext = db != NULL ? sqlite3_extended_errcode (db) : code;

  /* sqlite3_errmsg() may describe an older error when the code came from
   * a call that does not set it; the code is what callers act on. */
  g_set_error (error, RPT_SQLITE_ERROR, ext, "%s", msg != NULL ? msg : sqlite3_errstr (code));
}

static void
rpt_sqlite_finalize (GObject *object)
{
  RptSqlite *self = RPT_SQLITE (object);

  rpt_sqlite_close (self);

  G_OBJECT_CLASS (rpt_sqlite_parent_class)->finalize (object);
}

static void
rpt_sqlite_class_init (RptSqliteClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_sqlite_finalize;
}

static void
rpt_sqlite_init (RptSqlite *self)
{
}

/**
 * rpt_sqlite_open:
 * @path: (nullable): the database file; ignored with %RPT_SQLITE_OPEN_MEMORY
 *
 * Returns: (transfer full): the connection, or %NULL with @error set
 */
RptSqlite *
rpt_sqlite_open (const char *path, RptSqliteOpenFlags flags, GError **error)
{
  g_autoptr (RptSqlite) self = g_object_new (RPT_TYPE_SQLITE, NULL);
  int oflags = SQLITE_OPEN_NOMUTEX | SQLITE_OPEN_PRIVATECACHE | SQLITE_OPEN_EXRESCODE;
  int rc;

  if (flags & RPT_SQLITE_OPEN_MEMORY)
    {
      path = ":memory:";
      oflags |= SQLITE_OPEN_READWRITE | SQLITE_OPEN_MEMORY;
    }
  else if (flags & RPT_SQLITE_OPEN_READ_ONLY)
    oflags |= SQLITE_OPEN_READONLY;
  else
    oflags |= SQLITE_OPEN_READWRITE | ((flags & RPT_SQLITE_OPEN_CREATE) ? SQLITE_OPEN_CREATE : 0);

  self->read_only = (flags & RPT_SQLITE_OPEN_READ_ONLY) != 0;
  rc = sqlite3_open_v2 (path, &self->db, oflags, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (error, self->db, rc);
      return NULL;
    }

  sqlite3_extended_result_codes (self->db, 1);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_DEFENSIVE, 1, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_TRUSTED_SCHEMA, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_LOAD_EXTENSION, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_TRIGGER, 0, NULL);
  sqlite3_db_config (self->db, SQLITE_DBCONFIG_ENABLE_VIEW, 0, NULL);
  /* Another process (the command line, a second window) may hold the
   * write lock for the length of one small transaction. */
  sqlite3_busy_timeout (self->db, 5000);

  return g_steal_pointer (&self);
}

/**
 * rpt_sqlite_get_handle:
 *
 * Returns: (transfer none): the sqlite3 handle
 */
sqlite3 *
rpt_sqlite_get_handle (RptSqlite *self)
{
  g_return_val_if_fail (RPT_IS_SQLITE (self), NULL);
  return self->db;
}

gboolean
rpt_sqlite_is_read_only (RptSqlite *self)
{
  g_return_val_if_fail (RPT_IS_SQLITE (self), TRUE);
  return self->read_only;
}

/**
 * rpt_sqlite_exec:
 * @sql: statements without parameters (pragmas, schema)
 */
gboolean
rpt_sqlite_exec (RptSqlite *self, const char *sql, GError **error)
{
  int rc;

  g_return_val_if_fail (RPT_IS_SQLITE (self), FALSE);
  g_return_val_if_fail (self->db != NULL, FALSE);

  rc = sqlite3_exec (self->db, sql, NULL, NULL, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (error, self->db, rc);
      return FALSE;
    }
  return TRUE;
}

/**
 * rpt_sqlite_prepare:
 *
 * Returns: (transfer full): a statement to finalize, or %NULL
 */
sqlite3_stmt *
rpt_sqlite_prepare (RptSqlite *self, const char *sql, GError **error)
{
  sqlite3_stmt *stmt = NULL;
  int rc;

  g_return_val_if_fail (RPT_IS_SQLITE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  rc = sqlite3_prepare_v2 (self->db, sql, -1, &stmt, NULL);
  if (rc != SQLITE_OK)
    {
      set_error (error, self->db, rc);
      return NULL;
    }
  return stmt;
}

/**
 * rpt_sqlite_step:
 *
 * Returns: %SQLITE_ROW, %SQLITE_DONE, or -1 with @error set
 */
int
rpt_sqlite_step (RptSqlite *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = sqlite3_step (stmt);

  if (rc == SQLITE_ROW || rc == SQLITE_DONE)
    return rc;
  set_error (error, self->db, rc);
  return -1;
}

/**
 * rpt_sqlite_step_done:
 *
 * Runs a statement that returns no rows and resets it for the next use.
 */
gboolean
rpt_sqlite_step_done (RptSqlite *self, sqlite3_stmt *stmt, GError **error)
{
  int rc = rpt_sqlite_step (self, stmt, error);

  sqlite3_reset (stmt);
  sqlite3_clear_bindings (stmt);
  if (rc == SQLITE_ROW)
    {
      g_set_error (error, RPT_SQLITE_ERROR, SQLITE_MISUSE, "statement returned a row");
      return FALSE;
    }
  return rc == SQLITE_DONE;
}

/**
 * rpt_sqlite_get_int:
 * @sql: a query whose first row's first column is an integer
 */
gboolean
rpt_sqlite_get_int (RptSqlite *self, const char *sql, gint64 *value, GError **error)
{
  g_autoptr (sqlite3_stmt) stmt = rpt_sqlite_prepare (self, sql, error);
  int rc;

  if (stmt == NULL)
    return FALSE;
  rc = rpt_sqlite_step (self, stmt, error);
  if (rc < 0)
    return FALSE;
  *value = rc == SQLITE_ROW ? sqlite3_column_int64 (stmt, 0) : 0;
  return TRUE;
}

/**
 * rpt_sqlite_begin:
 *
 * Starts a write transaction that takes the write lock at once, so that a
 * transaction never fails half-way for want of it.
 */
gboolean
rpt_sqlite_begin (RptSqlite *self, GError **error)
{
  g_return_val_if_fail (RPT_IS_SQLITE (self), FALSE);
  g_return_val_if_fail (!self->in_transaction, FALSE);

  if (!rpt_sqlite_exec (self, "BEGIN IMMEDIATE", error))
    return FALSE;
  self->in_transaction = TRUE;
  return TRUE;
}

gboolean
rpt_sqlite_commit (RptSqlite *self, GError **error)
{
  g_return_val_if_fail (RPT_IS_SQLITE (self), FALSE);
  g_return_val_if_fail (self->in_transaction, FALSE);

  if (!rpt_sqlite_exec (self, "COMMIT", error))
    {
      rpt_sqlite_rollback (self);
      return FALSE;
    }
  self->in_transaction = FALSE;
  return TRUE;
}

void
rpt_sqlite_rollback (RptSqlite *self)
{
  g_return_if_fail (RPT_IS_SQLITE (self));

  if (!self->in_transaction)
    return;
  /* After some errors (SQLITE_FULL, SQLITE_IOERR) SQLite has rolled back
   * already; a ROLLBACK then fails harmlessly. */
  if (sqlite3_get_autocommit (self->db) == 0)
    sqlite3_exec (self->db, "ROLLBACK", NULL, NULL, NULL);
  self->in_transaction = FALSE;
}

/**
 * rpt_sqlite_copy_to_memory:
 *
 * Copies the whole database into a new in-memory connection, for work
 * that must not touch the file (reading an old document without
 * migrating it on disk).
 *
 * Returns: (transfer full): the copy, or %NULL with @error set
 */
RptSqlite *
rpt_sqlite_copy_to_memory (RptSqlite *self, GError **error)
{
  g_autoptr (RptSqlite) copy = rpt_sqlite_open (NULL, RPT_SQLITE_OPEN_MEMORY, error);
  sqlite3_backup *backup;
  int rc;

  if (copy == NULL)
    return NULL;
  backup = sqlite3_backup_init (copy->db, "main", self->db, "main");
  if (backup == NULL)
    {
      set_error (error, copy->db, sqlite3_errcode (copy->db));
      return NULL;
    }
  rc = sqlite3_backup_step (backup, -1);
  sqlite3_backup_finish (backup);
  if (rc != SQLITE_DONE)
    {
      set_error (error, NULL, rc);
      return NULL;
    }
  return g_steal_pointer (&copy);
}

/**
 * rpt_sqlite_serialize:
 *
 * The database as the bytes of a database file, to write somewhere
 * (an in-memory database made whole before it gets a file).
 *
 * Returns: (transfer full): the bytes, or %NULL with @error set
 */
GBytes *
rpt_sqlite_serialize (RptSqlite *self, GError **error)
{
  sqlite3_int64 size = 0;
  unsigned char *data;

  g_return_val_if_fail (RPT_IS_SQLITE (self), NULL);
  g_return_val_if_fail (self->db != NULL, NULL);

  data = sqlite3_serialize (self->db, "main", &size, 0);
  if (data == NULL)
    {
      set_error (error, NULL, SQLITE_NOMEM);
      return NULL;
    }
  return g_bytes_new_with_free_func (data, (gsize) size, sqlite3_free, data);
}

void
rpt_sqlite_close (RptSqlite *self)
{
  g_return_if_fail (RPT_IS_SQLITE (self));

  if (self->db == NULL)
    return;
  rpt_sqlite_rollback (self);
  sqlite3_close_v2 (self->db);
  self->db = NULL;
}
