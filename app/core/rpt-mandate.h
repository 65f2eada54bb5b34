/* rpt-mandate.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rpt-types.h"

G_BEGIN_DECLS

#define RPT_TYPE_MANDATE (rpt_mandate_get_type ())

G_DECLARE_FINAL_TYPE (RptMandate, rpt_mandate, RPT, MANDATE, GObject)

RptMandate *rpt_mandate_new (void);
RptMandate *rpt_mandate_new_with_id (const char *id);
RptMandate *rpt_mandate_duplicate (RptMandate *self);

const char *rpt_mandate_get_id (RptMandate *self);
const char *rpt_mandate_get_key (RptMandate *self);
void rpt_mandate_set_key (RptMandate *self, const char *key);
const char *rpt_mandate_get_title (RptMandate *self);
void rpt_mandate_set_title (RptMandate *self, const char *title);
const char *const *rpt_mandate_get_resolutions (RptMandate *self);
void rpt_mandate_set_resolutions (RptMandate *self, const char *const *resolutions);

G_END_DECLS
