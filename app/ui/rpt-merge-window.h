/* rpt-merge-window.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rpt-letter-file.h"
#include "rpt-window.h"

G_BEGIN_DECLS

#define RPT_TYPE_MERGE_WINDOW (rpt_merge_window_get_type ())

G_DECLARE_FINAL_TYPE (RptMergeWindow, rpt_merge_window, RPT, MERGE_WINDOW, AdwWindow)

RptMergeWindow *rpt_merge_window_new (RptWindow *parent,
                                      RptLetterFile *document,
                                      RptMerge *merge,
                                      RptReviewCopy *copy,
                                      RptLetter *ours,
                                      const char *author);
RptMerge *rpt_merge_window_get_merge (RptMergeWindow *self);
GtkListBox *rpt_merge_window_get_changes_list (RptMergeWindow *self);
void rpt_merge_window_decide (RptMergeWindow *self, guint index, RptMergeDecision decision);
gboolean rpt_merge_window_resolve_text (RptMergeWindow *self,
                                        guint index,
                                        const char *markup,
                                        GError **error);
void rpt_merge_window_apply (RptMergeWindow *self);
GtkWidget *rpt_merge_window_get_preview (RptMergeWindow *self);

G_END_DECLS
