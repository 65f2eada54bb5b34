/* rpt-edit.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-core.h"

G_BEGIN_DECLS

/* Edits of a letter's ordered parts as the forms make them, GTK-free so
 * that they are tested without a display (and could move to the core). */

gpointer rpt_edit_new_item (RptPart part);
gpointer rpt_edit_duplicate_item (RptLetter *letter, RptPart part, guint position);
gboolean rpt_edit_move_item (RptLetter *letter, RptPart part, guint position, int delta);
gboolean rpt_edit_move_item_to (RptLetter *letter, const char *id, guint to);
void rpt_edit_remove_mandate (RptLetter *letter, guint position);

G_END_DECLS
