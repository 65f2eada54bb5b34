/* rpt-section.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rpt-core.h"
#include "rpt-item-actions.h"

G_BEGIN_DECLS

#define RPT_TYPE_SECTION (rpt_section_get_type ())

G_DECLARE_DERIVABLE_TYPE (RptSection, rpt_section, RPT, SECTION, GtkWidget)

/**
 * RptSectionClass:
 * @letter_set: the section shows a new letter (or none): bind the widgets
 *   to it; the model is the only state, widgets keep no letter data
 * @add_item: add an item to the section's part and focus it (Ctrl+Return)
 * @ensure_row: the row showing item @position of @part, made and scrolled
 *   into view, for the focus to go to it
 *
 * The form of one part of the letter: a thin view over the model. The base
 * class owns the letter and the `writable` flag (old versions are shown
 * read-only).
 */
struct _RptSectionClass
{
  GtkWidgetClass parent_class;

  void (*letter_set) (RptSection *self, RptLetter *letter);
  gboolean (*add_item) (RptSection *self);
  GtkWidget *(*ensure_row) (RptSection *self, RptPart part, guint position);
};

RptLetter *rpt_section_get_letter (RptSection *self);
void rpt_section_set_letter (RptSection *self, RptLetter *letter);
gboolean rpt_section_get_writable (RptSection *self);
void rpt_section_set_writable (RptSection *self, gboolean writable);
gboolean rpt_section_add_item (RptSection *self);
void rpt_section_ensure_bound (RptSection *self);
void rpt_section_show_toast (GtkWidget *widget, const char *text);
void rpt_section_show_undo_toast (GtkWidget *widget, const char *text);
gboolean
rpt_section_focus_item (RptSection *self, RptPart part, guint position, RptFocusMemo *memo);

/* Binding transforms between model strings (NULL when unset) and entry
 * text (never NULL). */
gboolean
rpt_section_null_to_empty (GBinding *binding, const GValue *from, GValue *to, gpointer user_data);
gboolean
rpt_section_empty_to_null (GBinding *binding, const GValue *from, GValue *to, gpointer user_data);

G_END_DECLS
