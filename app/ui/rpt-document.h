/* rpt-document.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rpt-core.h"

G_BEGIN_DECLS

/* How long autosave waits after the first unsaved change: long enough to
 * gather a burst of keystrokes into one save, short enough that every change
 * is on disk within a second. */
#define RPT_DOCUMENT_AUTOSAVE_DELAY_MS 400

#define RPT_TYPE_DOCUMENT (rpt_document_get_type ())

G_DECLARE_FINAL_TYPE (RptDocument, rpt_document, RPT, DOCUMENT, GObject)

RptDocument *rpt_document_new_draft (RptLetter *letter, const char *drafts_dir);
void rpt_document_open_async (const char *path,
                              gboolean read_only,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
RptDocument *rpt_document_open_finish (GAsyncResult *result, GError **error);
RptDocument *rpt_document_new_for_version (RptDocument *self, RptLetter *letter, guint number);

RptLetter *rpt_document_get_letter (RptDocument *self);
const char *rpt_document_get_path (RptDocument *self);
const char *rpt_document_get_draft_path (RptDocument *self);
gboolean rpt_document_get_read_only (RptDocument *self);
guint rpt_document_get_version_number (RptDocument *self);
gboolean rpt_document_get_dirty (RptDocument *self);
gboolean rpt_document_get_saving (RptDocument *self);
const GError *rpt_document_get_save_error (RptDocument *self);
char *rpt_document_dup_title (RptDocument *self);
gboolean rpt_document_has_path (RptDocument *self, const char *path);

void rpt_document_set_autosave_delay (RptDocument *self, guint delay_ms);
void rpt_document_save_async (RptDocument *self,
                              GCancellable *cancellable,
                              GAsyncReadyCallback callback,
                              gpointer user_data);
gboolean rpt_document_save_finish (RptDocument *self, GAsyncResult *result, GError **error);

void rpt_document_save_version_async (RptDocument *self,
                                      const char *author,
                                      const char *message,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
guint rpt_document_save_version_finish (RptDocument *self, GAsyncResult *result, GError **error);
void rpt_document_list_versions_async (RptDocument *self,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
GListModel *
rpt_document_list_versions_finish (RptDocument *self, GAsyncResult *result, GError **error);
void rpt_document_load_version_async (RptDocument *self,
                                      guint number,
                                      GCancellable *cancellable,
                                      GAsyncReadyCallback callback,
                                      gpointer user_data);
RptLetter *
rpt_document_load_version_finish (RptDocument *self, GAsyncResult *result, GError **error);
void rpt_document_restore_version_async (RptDocument *self,
                                         guint number,
                                         const char *author,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data);
gboolean rpt_document_restore_version_finish (RptDocument *self,
                                              GAsyncResult *result,
                                              guint *backup_number,
                                              GError **error);

char *rpt_document_dup_title_for_letter (RptLetter *letter);
char *rpt_document_dup_drafts_dir (void);

G_END_DECLS
