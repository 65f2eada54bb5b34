/* rpt-paragraph-row.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rpt-core.h"
#include "rpt-paragraph-editor.h"

G_BEGIN_DECLS

#define RPT_TYPE_PARAGRAPH_ROW (rpt_paragraph_row_get_type ())

G_DECLARE_FINAL_TYPE (RptParagraphRow, rpt_paragraph_row, RPT, PARAGRAPH_ROW, GtkWidget)

GtkWidget *
rpt_paragraph_row_new (RptLetter *letter, RptPart part, RptParagraph *paragraph, gboolean writable);
RptParagraph *rpt_paragraph_row_get_paragraph (RptParagraphRow *self);
RptParagraphEditor *rpt_paragraph_row_get_editor (RptParagraphRow *self);
void rpt_paragraph_row_update (RptParagraphRow *self);
int rpt_paragraph_row_estimate_height (RptParagraph *paragraph, RptPart part, int width);

G_END_DECLS
