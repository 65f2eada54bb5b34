/* rpt-signatory.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rpt-types.h"

G_BEGIN_DECLS

#define RPT_TYPE_SIGNATORY (rpt_signatory_get_type ())

G_DECLARE_FINAL_TYPE (RptSignatory, rpt_signatory, RPT, SIGNATORY, GObject)

RptSignatory *rpt_signatory_new (void);
RptSignatory *rpt_signatory_new_with_id (const char *id);
RptSignatory *rpt_signatory_duplicate (RptSignatory *self);

const char *rpt_signatory_get_id (RptSignatory *self);
const char *rpt_signatory_get_mandate (RptSignatory *self);
void rpt_signatory_set_mandate (RptSignatory *self, const char *mandate);
const char *rpt_signatory_get_name (RptSignatory *self);
void rpt_signatory_set_name (RptSignatory *self, const char *name);
const char *rpt_signatory_get_title (RptSignatory *self);
void rpt_signatory_set_title (RptSignatory *self, const char *title);
RptTitleForm rpt_signatory_get_title_form (RptSignatory *self);
void rpt_signatory_set_title_form (RptSignatory *self, RptTitleForm form);

G_END_DECLS
