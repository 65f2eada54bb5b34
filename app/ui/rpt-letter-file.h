/* rpt-letter-file.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rpt-core.h"

G_BEGIN_DECLS

/* Work on a document's file in a worker (rpt_letter_file_run_async()). */
typedef gboolean (*RptLetterFileStoreFunc) (RptStore *store,
                                            gpointer data,
                                            GCancellable *cancellable,
                                            GError **error);

/* How long autosave waits after the first unsaved change: long enough to
 * gather a burst of keystrokes into one save, short enough that every change
 * is on disk within a second. */
#define RPT_LETTER_FILE_AUTOSAVE_DELAY_MS 400

#define RPT_TYPE_LETTER_FILE (rpt_letter_file_get_type ())

G_DECLARE_FINAL_TYPE (RptLetterFile, rpt_letter_file, RPT, LETTER_FILE, GObject)

RptLetterFile *rpt_letter_file_new_draft (RptLetter *letter, const char *drafts_dir);
void rpt_letter_file_open_async (const char *path,
                                 gboolean read_only,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
RptLetterFile *rpt_letter_file_open_finish (GAsyncResult *result, GError **error);
RptLetterFile *
rpt_letter_file_new_for_version (RptLetterFile *self, RptLetter *letter, guint number);

void rpt_letter_file_set_version_message (RptLetterFile *self, const char *message);
const char *rpt_letter_file_get_version_message (RptLetterFile *self);
RptLetter *rpt_letter_file_get_letter (RptLetterFile *self);
const char *rpt_letter_file_get_path (RptLetterFile *self);
const char *rpt_letter_file_get_draft_path (RptLetterFile *self);
gboolean rpt_letter_file_get_read_only (RptLetterFile *self);
guint rpt_letter_file_get_version_number (RptLetterFile *self);
gboolean rpt_letter_file_get_dirty (RptLetterFile *self);
gboolean rpt_letter_file_get_saving (RptLetterFile *self);
const GError *rpt_letter_file_get_save_error (RptLetterFile *self);
char *rpt_letter_file_dup_title (RptLetterFile *self);
gboolean rpt_letter_file_has_path (RptLetterFile *self, const char *path);

void rpt_letter_file_set_autosave_delay (RptLetterFile *self, guint delay_ms);
void rpt_letter_file_save_async (RptLetterFile *self,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
gboolean rpt_letter_file_save_finish (RptLetterFile *self, GAsyncResult *result, GError **error);

void rpt_letter_file_save_version_async (RptLetterFile *self,
                                         const char *author,
                                         const char *message,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data);
guint
rpt_letter_file_save_version_finish (RptLetterFile *self, GAsyncResult *result, GError **error);
void rpt_letter_file_list_versions_async (RptLetterFile *self,
                                          GCancellable *cancellable,
                                          GAsyncReadyCallback callback,
                                          gpointer user_data);
GListModel *
rpt_letter_file_list_versions_finish (RptLetterFile *self, GAsyncResult *result, GError **error);
void rpt_letter_file_load_version_async (RptLetterFile *self,
                                         guint number,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data);
RptLetter *
rpt_letter_file_load_version_finish (RptLetterFile *self, GAsyncResult *result, GError **error);
void rpt_letter_file_restore_version_async (RptLetterFile *self,
                                            guint number,
                                            const char *author,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer user_data);
gboolean rpt_letter_file_restore_version_finish (RptLetterFile *self,
                                                 GAsyncResult *result,
                                                 guint *backup_number,
                                                 GError **error);

void rpt_letter_file_move_async (RptLetterFile *self,
                                 const char *path,
                                 gboolean copy,
                                 GCancellable *cancellable,
                                 GAsyncReadyCallback callback,
                                 gpointer user_data);
gboolean rpt_letter_file_move_finish (RptLetterFile *self, GAsyncResult *result, GError **error);
char *rpt_letter_file_dup_file_name (RptLetterFile *self);
char *rpt_letter_file_dup_name_for_path (const char *path);

char *rpt_letter_file_dup_title_for_letter (RptLetter *letter);
void rpt_letter_file_run_async (RptLetterFile *self,
                                RptLetterFileStoreFunc func,
                                gpointer data,
                                GDestroyNotify destroy,
                                GCancellable *cancellable,
                                GAsyncReadyCallback callback,
                                gpointer user_data);
gboolean rpt_letter_file_run_finish (RptLetterFile *self, GAsyncResult *result, GError **error);
void rpt_letter_file_take_saved_letter (RptLetterFile *self, RptLetter *letter);
char *rpt_letter_file_dup_drafts_dir (void);

GListModel *rpt_letter_file_get_comments (RptLetterFile *self);
const GError *rpt_letter_file_get_comments_error (RptLetterFile *self);
RptComment *rpt_letter_file_find_comment (RptLetterFile *self, const char *id);
void rpt_letter_file_save_comment_async (RptLetterFile *self,
                                         RptComment *comment,
                                         GCancellable *cancellable,
                                         GAsyncReadyCallback callback,
                                         gpointer user_data);
void rpt_letter_file_delete_comment_async (RptLetterFile *self,
                                           RptComment *comment,
                                           GCancellable *cancellable,
                                           GAsyncReadyCallback callback,
                                           gpointer user_data);
void rpt_letter_file_reload_comments_async (RptLetterFile *self,
                                            GCancellable *cancellable,
                                            GAsyncReadyCallback callback,
                                            gpointer user_data);
gboolean rpt_letter_file_comment_finish (RptLetterFile *self, GAsyncResult *result, GError **error);

G_END_DECLS
