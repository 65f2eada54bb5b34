/* rpt-layout.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <glib-object.h>

#include "rpt-document.h"
#include "rpt-style-sheet.h"

G_BEGIN_DECLS

#define RPT_TYPE_LAYOUT (rpt_layout_get_type ())
G_DECLARE_FINAL_TYPE (RptLayout, rpt_layout, RPT, LAYOUT, GObject)

/**
 * RptLayoutFragment:
 * @block: index of the block in the document
 * @first_line: its first line on this page
 * @n_lines: how many of its lines are on this page
 * @y: top of the first line, in points from the top of the page
 * @height: height of those lines
 *
 * The part of a block that lies on one page.
 */
typedef struct
{
  guint block;
  guint first_line;
  guint n_lines;
  double y;
  double height;
} RptLayoutFragment;

/**
 * RptLayoutNoteFragment:
 * @block: index of the block that cites the note
 * @note: which of the block's notes
 * @paragraph: which paragraph of the note
 * @first_line: its first line on this page
 * @n_lines: how many of its lines are on this page
 * @y: top of the first line, in points from the top of the page
 * @height: height of those lines
 *
 * The part of a footnote paragraph that lies on one page: a note that
 * does not fit beside its citation continues on the next page.
 */
typedef struct
{
  guint block;
  guint note;
  guint paragraph;
  guint first_line;
  guint n_lines;
  double y;
  double height;
} RptLayoutNoteFragment;

RptLayout *rpt_layout_new (RptStyleSheet *styles);
RptStyleSheet *rpt_layout_get_style_sheet (RptLayout *self);
void rpt_layout_set_document (RptLayout *self, RptDocument *document);
RptDocument *rpt_layout_get_document (RptLayout *self);
guint rpt_layout_get_n_relaid_blocks (RptLayout *self);
void rpt_layout_set_shape_limit (RptLayout *self, guint n_blocks);

guint rpt_layout_get_n_pages (RptLayout *self);
void rpt_layout_get_page_size (RptLayout *self, guint page, double *width, double *height);
const RptLayoutFragment *
rpt_layout_get_page_fragments (RptLayout *self, guint page, guint *n_fragments);
const RptLayoutNoteFragment *
rpt_layout_get_page_notes (RptLayout *self, guint page, guint *n_notes);
guint rpt_layout_get_block_n_lines (RptLayout *self, guint block);
guint rpt_layout_get_note_n_lines (RptLayout *self, guint block, guint note, guint paragraph);
gboolean rpt_layout_find_block (RptLayout *self, guint block, guint *page, double *y);
gboolean
rpt_layout_find_bookmark (RptLayout *self, const char *name, guint *page, cairo_rectangle_t *rect);
void rpt_layout_draw_page (RptLayout *self, guint page, cairo_t *cr);
GPtrArray *rpt_layout_dup_warnings (RptLayout *self);

G_END_DECLS
