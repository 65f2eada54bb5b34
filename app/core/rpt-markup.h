/* rpt-markup.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * Paragraph text in the model is "inline markup": UTF-8 character data in
 * which '<', '>' and '&' are written "&lt;", "&gt;" and "&amp;", with only
 * these elements:
 *
 *   <b>…</b>                               bold
 *   <i>…</i>                               italic
 *   <a href="URI">…</a>                    a link
 *   <note>…</note>                         a footnote (no note inside a note)
 *   <treaty-status instrument="ICCPR"/>    the State's ratification or
 *                                          accession, written from treaty data
 *
 * A "\n" is a line break inside the paragraph. The letter XML holds the same
 * elements in its namespace, so the two convert without loss. The canonical
 * form (what rpt_markup_normalize() returns) nests note > a > b > i, merges
 * neighbours with the same formatting and drops empty elements, so equal
 * formatting always has equal markup. docs/letter-format.md has the details.
 */

typedef enum
{
  RPT_RUN_TEXT,
  RPT_RUN_TREATY_STATUS,
} RptRunKind;

typedef enum
{
  RPT_RUN_BOLD = 1 << 0,
  RPT_RUN_ITALIC = 1 << 1,
} RptRunFlags;

/**
 * RptRun:
 * @kind: text or a treaty-status field
 * @text: the characters (plain, not escaped); %NULL for a field
 * @flags: bold and italic
 * @href: the link target, or %NULL
 * @note: 0 outside footnotes, else the 1-based number of the footnote
 * @instrument: for a treaty-status field, the instrument code
 *
 * A stretch of paragraph text with one formatting.
 */
typedef struct
{
  RptRunKind kind;
  char *text;
  RptRunFlags flags;
  char *href;
  guint note;
  char *instrument;
} RptRun;

RptRun *rpt_run_new_text (const char *text, RptRunFlags flags, const char *href, guint note);
RptRun *rpt_run_new_treaty_status (const char *instrument, RptRunFlags flags, guint note);
void rpt_run_free (RptRun *run);

GPtrArray *rpt_markup_parse (const char *markup, GError **error);
char *rpt_markup_from_runs (GPtrArray *runs);
char *rpt_markup_normalize (const char *markup, guint *n_removed, GError **error);
gboolean rpt_markup_validate (const char *markup, GError **error);
char *rpt_markup_escape_text (const char *text, gssize len, guint *n_removed);
char *rpt_markup_to_plain (const char *markup);
void rpt_markup_append_escaped (GString *out, const char *text, gssize len, gboolean attribute);

char *rpt_text_sanitize (const char *text, gssize len, gboolean single_line, guint *n_removed);
char *rpt_text_sanitize_line (const char *text);
gboolean rpt_text_is_clean (const char *text, gboolean single_line);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptRun, rpt_run_free)

G_END_DECLS
