/* rpt-paragraph.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rpt-types.h"

G_BEGIN_DECLS

#define RPT_TYPE_PARAGRAPH (rpt_paragraph_get_type ())

G_DECLARE_FINAL_TYPE (RptParagraph, rpt_paragraph, RPT, PARAGRAPH, GObject)

RptParagraph *rpt_paragraph_new (const char *markup);
RptParagraph *rpt_paragraph_new_with_id (const char *id, const char *markup);
RptParagraph *rpt_paragraph_duplicate (RptParagraph *self);

const char *rpt_paragraph_get_id (RptParagraph *self);
const char *rpt_paragraph_get_text (RptParagraph *self);
void rpt_paragraph_set_text (RptParagraph *self, const char *markup);
const char *rpt_paragraph_get_date (RptParagraph *self);
void rpt_paragraph_set_date (RptParagraph *self, const char *iso_date);
const char *rpt_paragraph_get_place (RptParagraph *self);
void rpt_paragraph_set_place (RptParagraph *self, const char *place);
const char *const *rpt_paragraph_get_persons (RptParagraph *self);
void rpt_paragraph_set_persons (RptParagraph *self, const char *const *person_ids);
const char *rpt_paragraph_get_reference (RptParagraph *self);
void rpt_paragraph_set_reference (RptParagraph *self, const char *key);
RptParagraphStyle rpt_paragraph_get_style (RptParagraph *self);
void rpt_paragraph_set_style (RptParagraph *self, RptParagraphStyle style);

G_END_DECLS
