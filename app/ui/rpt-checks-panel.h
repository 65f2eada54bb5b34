/* rpt-checks-panel.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_CHECKS_PANEL (rpt_checks_panel_get_type ())

G_DECLARE_FINAL_TYPE (RptChecksPanel, rpt_checks_panel, RPT, CHECKS_PANEL, GtkWidget)

void rpt_checks_panel_set_checker (RptChecksPanel *self, RptChecker *checker);
RptChecker *rpt_checks_panel_get_checker (RptChecksPanel *self);
void rpt_checks_panel_set_writable (RptChecksPanel *self, gboolean writable);
gboolean rpt_checks_panel_get_writable (RptChecksPanel *self);
gboolean rpt_checks_panel_focus_check (RptChecksPanel *self, guint position);
gboolean rpt_checks_panel_focus_first (RptChecksPanel *self);
GtkWidget *rpt_checks_panel_get_list (RptChecksPanel *self);
GtkWidget *rpt_checks_panel_find_fix_button (RptChecksPanel *self, RptCheck *check);
gint rpt_checks_panel_get_focus_position (RptChecksPanel *self);

char *rpt_checks_dup_summary (guint n_errors, guint n_warnings);

G_END_DECLS
