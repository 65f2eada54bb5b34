/* rpt-paragraph-editor.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

#define RPT_TYPE_PARAGRAPH_EDITOR (rpt_paragraph_editor_get_type ())

G_DECLARE_FINAL_TYPE (RptParagraphEditor, rpt_paragraph_editor, RPT, PARAGRAPH_EDITOR, GtkWidget)

GtkWidget *rpt_paragraph_editor_new (void);
const char *rpt_paragraph_editor_get_markup (RptParagraphEditor *self);
void rpt_paragraph_editor_set_markup (RptParagraphEditor *self, const char *markup);
GtkTextView *rpt_paragraph_editor_get_view (RptParagraphEditor *self);
GtkTextBuffer *rpt_paragraph_editor_get_buffer (RptParagraphEditor *self);
void rpt_paragraph_editor_set_label (RptParagraphEditor *self, const char *label);
void rpt_paragraph_editor_set_editable (RptParagraphEditor *self, gboolean editable);
void rpt_paragraph_editor_toggle_format (RptParagraphEditor *self, const char *tag_name);
void rpt_paragraph_editor_edit_link (RptParagraphEditor *self);
void rpt_paragraph_editor_edit_footnote (RptParagraphEditor *self);
char *rpt_link_clean_address (const char *text);
void rpt_paragraph_editor_attach_history (RptParagraphEditor *self, GObject *owner);
gboolean rpt_paragraph_editor_can_undo (RptParagraphEditor *self);
gboolean rpt_paragraph_editor_can_redo (RptParagraphEditor *self);
gint64 rpt_paragraph_editor_get_undo_time (RptParagraphEditor *self);
void rpt_paragraph_editor_undo (RptParagraphEditor *self);
void rpt_paragraph_editor_redo (RptParagraphEditor *self);
int rpt_paragraph_editor_get_cursor (RptParagraphEditor *self);
void rpt_paragraph_editor_set_cursor (RptParagraphEditor *self, int offset);

G_END_DECLS
