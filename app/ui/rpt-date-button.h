/* rpt-date-button.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RPT_TYPE_DATE_BUTTON (rpt_date_button_get_type ())

G_DECLARE_FINAL_TYPE (RptDateButton, rpt_date_button, RPT, DATE_BUTTON, GtkWidget)

GtkWidget *rpt_date_button_new (void);
const char *rpt_date_button_get_date (RptDateButton *self);
void rpt_date_button_set_date (RptDateButton *self, const char *iso_date);
char *rpt_date_format_for_display (const char *iso_date);

G_END_DECLS
