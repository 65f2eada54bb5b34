/* rpt-checker.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rpt-check.h"
#include "rpt-letter.h"
#include "rpt-reference.h"
#include "rpt-template.h"

G_BEGIN_DECLS

#define RPT_TYPE_CHECKER (rpt_checker_get_type ())

G_DECLARE_FINAL_TYPE (RptChecker, rpt_checker, RPT, CHECKER, GObject)

RptChecker *rpt_checker_new (void);

void rpt_checker_set_letter (RptChecker *self, RptLetter *letter);
RptLetter *rpt_checker_get_letter (RptChecker *self);
void rpt_checker_set_reference (RptChecker *self, RptReference *reference);
RptReference *rpt_checker_get_reference (RptChecker *self);
void rpt_checker_set_template (RptChecker *self, RptTemplate *template);
void rpt_checker_set_today (RptChecker *self, const char *iso_date);
void rpt_checker_set_auto_update (RptChecker *self, gboolean auto_update);
gboolean rpt_checker_get_auto_update (RptChecker *self);

gboolean rpt_checker_update (RptChecker *self, GError **error);
gboolean rpt_checker_get_up_to_date (RptChecker *self);
guint rpt_checker_get_n_errors (RptChecker *self);
guint rpt_checker_get_n_warnings (RptChecker *self);
guint rpt_checker_get_n_infos (RptChecker *self);

G_END_DECLS
