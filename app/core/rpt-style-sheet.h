/* rpt-style-sheet.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>
#include <pango/pango.h>

G_BEGIN_DECLS

#define RPT_TYPE_STYLE_SHEET (rpt_style_sheet_get_type ())
G_DECLARE_FINAL_TYPE (RptStyleSheet, rpt_style_sheet, RPT, STYLE_SHEET, GObject)

/* Lengths are in points (1/72 inch) throughout. */
#define RPT_PT_PER_CM (72.0 / 2.54)

typedef enum
{
  RPT_ALIGN_START,
  RPT_ALIGN_END,
  RPT_ALIGN_CENTER,
  RPT_ALIGN_JUSTIFY,
} RptAlign;

/**
 * RptParagraphFormat:
 *
 * A paragraph style with its parents and the default style folded in: every
 * field holds the value that applies.
 */
typedef struct
{
  char *name;
  char *font_family;
  char *font_generic; /* "serif", "sans-serif", "monospace" or NULL: the fallback */
  double font_size;
  PangoWeight weight;
  PangoStyle style;
  RptAlign align;
  double margin_left;
  double margin_right;
  double margin_top;
  double margin_bottom;
  double text_indent;
  double line_height; /* a factor: 1.0 is 100 %, the font's own line height */
  double letter_spacing;
  guint32 color; /* 0xRRGGBB */
  gboolean underline;
  gboolean keep_with_next;
  gboolean keep_together;
  gboolean break_before;
  int orphans;
  int widows;
  char *master_page; /* the master page this style starts, or NULL */
  int outline_level;
  char *language; /* "en-GB" */
  gboolean hyphenate;
} RptParagraphFormat;

/**
 * RptTextFormat:
 *
 * A text (span) style: only the properties it sets are applied over the
 * paragraph's.
 */
typedef struct
{
  char *name;
  gboolean set_weight;
  PangoWeight weight;
  gboolean set_style;
  PangoStyle style;
  gboolean set_color;
  guint32 color;
  gboolean underline;
  PangoUnderline underline_kind; /* single, double or wavy (ODF "wave") */
  gboolean line_through;
  gboolean set_line_color; /* the underline's and strike-through's own colour */
  guint32 line_color;
  double rise; /* superscript: fraction of the font size, 0 for none */
  double size; /* fraction of the font size, 1.0 for unchanged */
} RptTextFormat;

typedef struct
{
  char *name;
  gboolean numbered;
  char *bullet; /* bullet character, for a bullet list */
  char *prefix;
  char *suffix;
  double tab_position; /* from the paragraph's left edge */
  double text_indent;
  double margin_left;
} RptListFormat;

typedef struct
{
  double width;
  double height;
  double margin_top;
  double margin_bottom;
  double margin_left;
  double margin_right;
  double header_min_height; /* 0 when the layout has no header */
  double header_spacing;
  double footer_min_height;
  double footer_spacing;
} RptPageLayout;

typedef enum
{
  RPT_FIELD_TEXT,
  RPT_FIELD_PAGE_NUMBER,
  RPT_FIELD_USER_DEFINED,
} RptFieldKind;

typedef struct
{
  RptFieldKind kind;
  char *text; /* RPT_FIELD_TEXT; for a user-defined field, what the style
               * shows when the document has no value for it */
  char *name; /* RPT_FIELD_USER_DEFINED: "Reference", "Letterhead" */
} RptFurniturePart;

/* The value of the document's user-defined field @name, or %NULL. */
typedef const char *(*RptFieldLookup) (const char *name, gpointer data);

/**
 * RptFurniture:
 *
 * A paragraph of a header or footer: its style and its text, with fields
 * (page number, the document's reference) filled in page by page.
 */
typedef struct
{
  char *style_name;
  GPtrArray *parts; /* of RptFurniturePart */
} RptFurniture;

typedef struct
{
  char *name;
  char *next_style_name; /* the master page of the following pages */
  const RptPageLayout *page_layout;
  GPtrArray *header; /* of RptFurniture, empty for none */
  GPtrArray *footer;
} RptMasterPage;

RptStyleSheet *rpt_style_sheet_new_default (void);
RptStyleSheet *rpt_style_sheet_new_from_data (const char *data,
                                              gssize length,
                                              const char *filename,
                                              GError **error);
RptStyleSheet *rpt_style_sheet_new_from_file (const char *path, GError **error);

const RptParagraphFormat *rpt_style_sheet_get_paragraph_format (RptStyleSheet *self,
                                                                const char *name);
const RptTextFormat *rpt_style_sheet_get_text_format (RptStyleSheet *self, const char *name);
const RptListFormat *rpt_style_sheet_get_list_format (RptStyleSheet *self, const char *name);
const RptMasterPage *rpt_style_sheet_get_master_page (RptStyleSheet *self, const char *name);
char *rpt_furniture_dup_text (const RptFurniture *furniture,
                              guint page_number,
                              RptFieldLookup lookup,
                              gpointer lookup_data);

gboolean rpt_parse_length (const char *value, double font_size, double *out);

G_END_DECLS
