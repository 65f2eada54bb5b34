/* rpt-compare-window.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rpt-core.h"
#include "rpt-letter-file.h"
#include "rpt-preview.h"

G_BEGIN_DECLS

#define RPT_TYPE_COMPARE_WINDOW (rpt_compare_window_get_type ())

/* For rpt_compare_window_new(): the newest version, whichever it is. */
#define RPT_COMPARE_NEWEST_VERSION G_MAXUINT

G_DECLARE_FINAL_TYPE (RptCompareWindow, rpt_compare_window, RPT, COMPARE_WINDOW, AdwWindow)

RptCompareWindow *rpt_compare_window_new (GtkWindow *parent,
                                          RptLetterFile *document,
                                          guint old_number,
                                          guint new_number);
RptComparison *rpt_compare_window_get_comparison (RptCompareWindow *self);
RptPreview *rpt_compare_window_get_preview (RptCompareWindow *self);
GtkListBox *rpt_compare_window_get_changes_list (RptCompareWindow *self);
void rpt_compare_window_select (RptCompareWindow *self, guint old_number, guint new_number);

G_END_DECLS
