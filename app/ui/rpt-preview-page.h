/* rpt-preview-page.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RPT_TYPE_PREVIEW_PAGE (rpt_preview_page_get_type ())

G_DECLARE_FINAL_TYPE (RptPreviewPage, rpt_preview_page, RPT, PREVIEW_PAGE, GtkWidget)

GtkWidget *rpt_preview_page_new (void);
void rpt_preview_page_set_size (RptPreviewPage *self,
                                double width_pt,
                                double height_pt,
                                guint number,
                                guint n_pages);
void rpt_preview_page_set_width (RptPreviewPage *self, int width_px);
void rpt_preview_page_set_texture (RptPreviewPage *self, GdkTexture *texture, guint generation);
GdkTexture *rpt_preview_page_get_texture (RptPreviewPage *self);
guint rpt_preview_page_get_generation (RptPreviewPage *self);
double rpt_preview_page_get_scale (RptPreviewPage *self);

G_END_DECLS
