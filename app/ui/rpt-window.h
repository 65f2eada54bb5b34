/* rpt-window.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rpt-application.h"
#include "rpt-letter-file.h"
#include "rpt-undo-history.h"

G_BEGIN_DECLS

#define RPT_TYPE_WINDOW (rpt_window_get_type ())

G_DECLARE_FINAL_TYPE (RptWindow, rpt_window, RPT, WINDOW, AdwApplicationWindow)

RptWindow *rpt_window_new (RptApplication *app);
RptLetterFile *rpt_window_get_document (RptWindow *self);
void rpt_window_set_document (RptWindow *self, RptLetterFile *document);
void rpt_window_open_path (RptWindow *self, const char *path);
gboolean rpt_window_get_busy (RptWindow *self);
void rpt_window_show_section (RptWindow *self, const char *name);
const char *rpt_window_get_section (RptWindow *self);
GtkWidget *rpt_window_get_section_widget (RptWindow *self, const char *name);
GtkWidget *rpt_window_get_preview (RptWindow *self);
RptUndoHistory *rpt_window_get_undo_history (RptWindow *self);
gboolean rpt_window_reveal_item (RptWindow *self, const char *id);
void rpt_window_show_toast (RptWindow *self, const char *text);
void rpt_window_show_error (RptWindow *self, const char *heading, const GError *error);

G_END_DECLS
