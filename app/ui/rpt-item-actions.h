/* rpt-item-actions.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rpt-core.h"

G_BEGIN_DECLS

void rpt_item_actions_attach (GtkWidget *row,
                              RptLetter *letter,
                              RptPart part,
                              gpointer item,
                              gboolean writable);
void rpt_item_actions_update (GtkWidget *row);
gpointer rpt_item_actions_get_item (GtkWidget *row);
char *rpt_part_dup_item_label (RptPart part, guint number);
GtkWidget *rpt_item_button_new (const char *icon_name, const char *tooltip, const char *action);

/**
 * RptFocusMemo:
 *
 * Where the focus was in a row, as a path of children from the row, and
 * the caret in a text: a row made again (an item moved, an edit undone)
 * gets the focus at the same place.
 */
typedef struct _RptFocusMemo RptFocusMemo;

RptFocusMemo *rpt_focus_memo_new (GtkWidget *row);
gboolean rpt_focus_memo_restore (RptFocusMemo *memo, GtkWidget *row);
void rpt_focus_memo_free (RptFocusMemo *memo);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptFocusMemo, rpt_focus_memo_free)

gboolean rpt_row_focus_default (GtkWidget *row);

G_END_DECLS
