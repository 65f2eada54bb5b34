/* rpt-undo-history.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-core.h"

G_BEGIN_DECLS

/* Field changes within this long of each other, to the same field, are
 * one step: a name typed letter by letter is undone at once. */
#define RPT_UNDO_MERGE_USEC (G_USEC_PER_SEC)
#define RPT_UNDO_MAX_STEPS 1000

#define RPT_TYPE_UNDO_HISTORY (rpt_undo_history_get_type ())

G_DECLARE_FINAL_TYPE (RptUndoHistory, rpt_undo_history, RPT, UNDO_HISTORY, GObject)

RptUndoHistory *rpt_undo_history_new (RptLetter *letter);
RptLetter *rpt_undo_history_get_letter (RptUndoHistory *self);
gboolean rpt_undo_history_can_undo (RptUndoHistory *self);
gboolean rpt_undo_history_can_redo (RptUndoHistory *self);
gboolean rpt_undo_history_undo (RptUndoHistory *self);
gboolean rpt_undo_history_redo (RptUndoHistory *self);
void rpt_undo_history_close_step (RptUndoHistory *self);
guint rpt_undo_history_get_serial (RptUndoHistory *self);
gint64 rpt_undo_history_get_undo_time (RptUndoHistory *self);
guint rpt_undo_history_get_n_steps (RptUndoHistory *self);
gboolean rpt_undo_history_is_text_property (GObject *object, const char *property);

G_END_DECLS
