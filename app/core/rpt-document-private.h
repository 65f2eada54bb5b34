/* rpt-document-private.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-document.h"

G_BEGIN_DECLS

/* Byte ranges are offsets into RptBlock.text. */
typedef struct
{
  guint start;
  guint end;
  char *style_name; /* a text style: Bold, Italic, Link, FootnoteAnchor */
} RptSpan;

typedef struct
{
  guint start;
  guint end;
  char *href;
} RptLink;

typedef struct
{
  guint offset;
  char *name;
} RptBookmark;

typedef struct _RptBlock RptBlock;

typedef struct
{
  guint offset; /* of the citation in the text */
  char *id;
  char *citation;
  GPtrArray *body; /* of RptBlock (paragraphs of style Footnote) */
} RptNote;

/**
 * RptBlock:
 *
 * A paragraph or heading of the document, flattened for layout: its text
 * (line breaks as U+2028, tabs as "\t", spaces as typed) and what is laid
 * over it. Immutable once parsed and reference counted (g_atomic_rc_box),
 * so layouts can keep the blocks they were made from.
 */
struct _RptBlock
{
  char *style_name;
  int outline_level; /* 0 for a paragraph */
  char *list_style;  /* NULL outside a list */
  guint list_number; /* 1-based position in its list */
  char *text;
  GArray *spans;     /* of RptSpan */
  GArray *links;     /* of RptLink */
  GArray *bookmarks; /* of RptBookmark */
  GPtrArray *notes;  /* of RptNote */
  guint source_line;
  char *margin_style; /* a redline's margin mark: a bar, and the note if any */
  char *margin_note;
  char *key; /* everything that affects the block's layout, for caches */
};

RptBlock *rpt_block_ref (RptBlock *block);
void rpt_block_unref (RptBlock *block);
RptBlock *_rpt_document_get_block (RptDocument *self, guint index);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptBlock, rpt_block_unref)

G_END_DECLS
