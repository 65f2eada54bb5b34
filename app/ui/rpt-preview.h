/* rpt-preview.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rpt-core.h"
#include "rpt-page-source.h"

G_BEGIN_DECLS

/* Quiet time after a change before the letter is laid out again; while the
 * drafter types on, the preview still follows at least this often. */
#define RPT_PREVIEW_DELAY_MS 250
#define RPT_PREVIEW_MAX_DELAY_MS 1000

/* Places for rpt_preview_reveal_item() that are not items. */
#define RPT_PREVIEW_START "@start"
#define RPT_PREVIEW_END "@end"

#define RPT_TYPE_PREVIEW (rpt_preview_get_type ())

G_DECLARE_FINAL_TYPE (RptPreview, rpt_preview, RPT, PREVIEW, GtkWidget)

void rpt_preview_set_letter (RptPreview *self, RptLetter *letter);
void rpt_preview_set_compare_with (RptPreview *self,
                                   RptLetter *old_letter,
                                   const char *old_label,
                                   const char *new_label);
void rpt_preview_reveal_item (RptPreview *self, const char *item_id);
guint rpt_preview_get_n_pages (RptPreview *self);
guint64 rpt_preview_get_revision (RptPreview *self);
GtkWidget *rpt_preview_get_page (RptPreview *self, guint n);
void rpt_preview_set_margin_notes (RptPreview *self, GHashTable *notes);
GtkAdjustment *rpt_preview_get_vadjustment (RptPreview *self);
const char *const *rpt_preview_get_notes (RptPreview *self);
gboolean rpt_preview_get_busy (RptPreview *self);
guint rpt_preview_get_n_pictures (RptPreview *self);
void rpt_preview_set_zoom (RptPreview *self, double zoom);
double rpt_preview_get_zoom (RptPreview *self);
void rpt_preview_zoom_in (RptPreview *self);
void rpt_preview_zoom_out (RptPreview *self);

G_END_DECLS
