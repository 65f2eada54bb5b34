/* rpt-text-markup.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/* Tag names in a paragraph buffer; links and notes are anonymous tags
 * carrying RPT_TEXT_HREF_KEY / RPT_TEXT_NOTE_KEY data, treaty-status
 * fields child anchors carrying RPT_TEXT_INSTRUMENT_KEY. */
#define RPT_TEXT_TAG_BOLD "bold"
#define RPT_TEXT_TAG_ITALIC "italic"
#define RPT_TEXT_HREF_KEY "rpt-href"
#define RPT_TEXT_NOTE_KEY "rpt-note"
#define RPT_TEXT_INSTRUMENT_KEY "rpt-instrument"

void rpt_text_buffer_prepare (GtkTextBuffer *buffer);
gboolean rpt_text_buffer_set_markup (GtkTextBuffer *buffer, const char *markup, GError **error);
char *rpt_text_buffer_dup_markup (GtkTextBuffer *buffer);
GtkTextTag *rpt_text_buffer_new_link_tag (GtkTextBuffer *buffer, const char *href);
GtkTextTag *rpt_text_buffer_new_note_tag (GtkTextBuffer *buffer);
GtkTextTag *rpt_text_buffer_find_span (GtkTextBuffer *buffer,
                                       const char *key,
                                       const GtkTextIter *iter,
                                       GtkTextIter *start,
                                       GtkTextIter *end);

G_END_DECLS
