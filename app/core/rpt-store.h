/* rpt-store.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rpt-letter.h"
#include "rpt-version.h"

G_BEGIN_DECLS

/* "Rptr": what `file` and other tools see in the SQLite header. */
#define RPT_STORE_APPLICATION_ID 0x52707472
#define RPT_STORE_SCHEMA_VERSION 4

typedef enum
{
  RPT_STORE_OPEN_READ_WRITE = 0,
  RPT_STORE_OPEN_READ_ONLY = 1 << 0,
} RptStoreOpenFlags;

/**
 * RptStoreSnapshot:
 *
 * A letter serialized for saving: taken where the letter lives (the main
 * thread), saved anywhere (a worker thread), so that the letter is never
 * touched off its thread.
 */
typedef struct _RptStoreSnapshot RptStoreSnapshot;

RptStoreSnapshot *rpt_store_snapshot_new (RptLetter *letter);
void rpt_store_snapshot_free (RptStoreSnapshot *snapshot);
const char *rpt_store_snapshot_get_xml (RptStoreSnapshot *snapshot);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptStoreSnapshot, rpt_store_snapshot_free)

#define RPT_TYPE_STORE (rpt_store_get_type ())

G_DECLARE_FINAL_TYPE (RptStore, rpt_store, RPT, STORE, GObject)

gboolean rpt_store_file_is_document (const char *path);
RptStore *rpt_store_create (const char *path, RptLetter *letter, GError **error);
RptStore *rpt_store_open (const char *path, RptStoreOpenFlags flags, GError **error);
const char *rpt_store_get_path (RptStore *self);
gboolean rpt_store_is_read_only (RptStore *self);
RptLetter *rpt_store_load (RptStore *self, GError **error);
gboolean rpt_store_save (RptStore *self, RptLetter *letter, GError **error);
gboolean rpt_store_save_snapshot (RptStore *self, RptStoreSnapshot *snapshot, GError **error);
guint rpt_store_get_last_save_rows (RptStore *self);
guint rpt_store_save_version (RptStore *self,
                              RptLetter *letter,
                              const char *author,
                              const char *message,
                              GError **error);
guint rpt_store_save_version_snapshot (RptStore *self,
                                       RptStoreSnapshot *snapshot,
                                       const char *author,
                                       const char *message,
                                       GError **error);
GListModel *rpt_store_list_versions (RptStore *self, GError **error);
RptLetter *rpt_store_load_version (RptStore *self, guint number, GError **error);
RptLetter *rpt_store_restore_version (RptStore *self,
                                      guint number,
                                      const char *author,
                                      guint *backup_number,
                                      GError **error);
void rpt_store_close (RptStore *self);

G_END_DECLS
