/* rpt-sqlite.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <sqlite3.h>

G_BEGIN_DECLS

#define RPT_SQLITE_ERROR (rpt_sqlite_error_quark ())

/* The codes of RPT_SQLITE_ERROR are SQLite's extended result codes. */
GQuark rpt_sqlite_error_quark (void);

typedef enum
{
  RPT_SQLITE_OPEN_READ_WRITE = 0,
  RPT_SQLITE_OPEN_READ_ONLY = 1 << 0,
  RPT_SQLITE_OPEN_CREATE = 1 << 1,
  RPT_SQLITE_OPEN_MEMORY = 1 << 2,
} RptSqliteOpenFlags;

#define RPT_TYPE_SQLITE (rpt_sqlite_get_type ())

G_DECLARE_FINAL_TYPE (RptSqlite, rpt_sqlite, RPT, SQLITE, GObject)

RptSqlite *rpt_sqlite_open (const char *path, RptSqliteOpenFlags flags, GError **error);
sqlite3 *rpt_sqlite_get_handle (RptSqlite *self);
gboolean rpt_sqlite_is_read_only (RptSqlite *self);
gboolean rpt_sqlite_exec (RptSqlite *self, const char *sql, GError **error);
sqlite3_stmt *rpt_sqlite_prepare (RptSqlite *self, const char *sql, GError **error);
int rpt_sqlite_step (RptSqlite *self, sqlite3_stmt *stmt, GError **error);
gboolean rpt_sqlite_step_done (RptSqlite *self, sqlite3_stmt *stmt, GError **error);
gboolean rpt_sqlite_get_int (RptSqlite *self, const char *sql, gint64 *value, GError **error);
gboolean rpt_sqlite_begin (RptSqlite *self, GError **error);
gboolean rpt_sqlite_commit (RptSqlite *self, GError **error);
void rpt_sqlite_rollback (RptSqlite *self);
RptSqlite *rpt_sqlite_copy_to_memory (RptSqlite *self, GError **error);
GBytes *rpt_sqlite_serialize (RptSqlite *self, GError **error);
void rpt_sqlite_close (RptSqlite *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (sqlite3_stmt, sqlite3_finalize)

G_END_DECLS
