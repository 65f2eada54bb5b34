/* rpt-choice.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RPT_TYPE_CHOICE (rpt_choice_get_type ())

G_DECLARE_FINAL_TYPE (RptChoice, rpt_choice, RPT, CHOICE, GObject)

RptChoice *
rpt_choice_new (const char *key, const char *title, const char *subtitle, const char *text);
const char *rpt_choice_get_key (RptChoice *self);
const char *rpt_choice_get_title (RptChoice *self);
const char *rpt_choice_get_subtitle (RptChoice *self);
const char *rpt_choice_get_text (RptChoice *self);
const char *rpt_choice_get_search (RptChoice *self);
const char *const *rpt_choice_get_values (RptChoice *self);
void rpt_choice_set_values (RptChoice *self, const char *const *values);

G_END_DECLS
