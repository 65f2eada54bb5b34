/* rpt-comment.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rpt-store.h"

G_BEGIN_DECLS

#define RPT_TYPE_COMMENT (rpt_comment_get_type ())

G_DECLARE_FINAL_TYPE (RptComment, rpt_comment, RPT, COMMENT, GObject)

RptComment *rpt_comment_new (const char *item_id, const char *author, const char *text);
RptComment *rpt_comment_new_reply (RptComment *parent, const char *author, const char *text);
RptComment *rpt_comment_copy (RptComment *self);
const char *rpt_comment_get_id (RptComment *self);
const char *rpt_comment_get_item_id (RptComment *self);
const char *rpt_comment_get_parent_id (RptComment *self);
const char *rpt_comment_get_quote (RptComment *self);
void rpt_comment_set_quote (RptComment *self, const char *quote);
const char *rpt_comment_get_author (RptComment *self);
GDateTime *rpt_comment_get_created (RptComment *self);
const char *rpt_comment_get_text (RptComment *self);
void rpt_comment_set_text (RptComment *self, const char *text);
gboolean rpt_comment_get_resolved (RptComment *self);
void rpt_comment_set_resolved (RptComment *self, gboolean resolved);

GListStore *rpt_comments_load (RptStore *store, GError **error);
gboolean rpt_comments_save (RptStore *store, RptComment *comment, GError **error);
gboolean
rpt_comments_add_new (RptStore *store, GListModel *incoming, guint *n_added, GError **error);
GHashTable *rpt_comments_margin_notes (GListModel *comments);
gboolean rpt_comments_delete (RptStore *store, const char *id, GError **error);

G_END_DECLS
