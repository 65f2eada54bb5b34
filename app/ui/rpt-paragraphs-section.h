/* rpt-paragraphs-section.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-item-list.h"
#include "rpt-paragraph-row.h"
#include "rpt-section.h"

G_BEGIN_DECLS

#define RPT_TYPE_PARAGRAPHS_SECTION (rpt_paragraphs_section_get_type ())

G_DECLARE_FINAL_TYPE (RptParagraphsSection,
                      rpt_paragraphs_section,
                      RPT,
                      PARAGRAPHS_SECTION,
                      RptSection)

RptPart rpt_paragraphs_section_get_part (RptParagraphsSection *self);
RptItemList *rpt_paragraphs_section_get_list (RptParagraphsSection *self);
RptParagraphRow *rpt_paragraphs_section_get_row (RptParagraphsSection *self, guint position);
void rpt_paragraphs_section_insert_clause (RptParagraphsSection *self,
                                           const char *key,
                                           const char *markup);

G_END_DECLS
