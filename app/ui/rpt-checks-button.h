/* rpt-checks-button.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_CHECKS_BUTTON (rpt_checks_button_get_type ())

G_DECLARE_FINAL_TYPE (RptChecksButton, rpt_checks_button, RPT, CHECKS_BUTTON, GtkWidget)

void rpt_checks_button_set_checker (RptChecksButton *self, RptChecker *checker);
void rpt_checks_button_set_active (RptChecksButton *self, gboolean active);
gboolean rpt_checks_button_get_active (RptChecksButton *self);
const char *rpt_checks_button_get_label (RptChecksButton *self);

G_END_DECLS
