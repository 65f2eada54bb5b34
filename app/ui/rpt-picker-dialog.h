/* rpt-picker-dialog.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RPT_TYPE_PICKER_DIALOG (rpt_picker_dialog_get_type ())

G_DECLARE_FINAL_TYPE (RptPickerDialog, rpt_picker_dialog, RPT, PICKER_DIALOG, AdwWindow)

GtkWidget *rpt_picker_dialog_new (const char *title, GListModel *choices, const char *search_label);
void rpt_picker_dialog_set_search (RptPickerDialog *self, const char *text);
guint rpt_picker_dialog_get_n_matches (RptPickerDialog *self);
void rpt_picker_dialog_pick (RptPickerDialog *self, guint position);
void rpt_picker_dialog_set_return_focus (RptPickerDialog *self, GtkWidget *widget);

G_END_DECLS
