/* rpt-text-diff.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rpt-markup.h"

G_BEGIN_DECLS

/**
 * RptTokenKind:
 * @RPT_TOKEN_WORD: letters, digits and their marks; one character of a
 *   script written without spaces (Chinese, Japanese, Thai…)
 * @RPT_TOKEN_SPACE: a run of spaces and tabs, as typed
 * @RPT_TOKEN_PUNCT: one punctuation mark or symbol (a whole grapheme
 *   cluster: an emoji sequence is one token)
 * @RPT_TOKEN_BREAK: a line break inside a paragraph
 * @RPT_TOKEN_NOTE: a whole footnote; its text is the note's inline markup
 * @RPT_TOKEN_TREATY_STATUS: a `<treaty-status/>`; its text is the instrument
 */
typedef enum
{
  RPT_TOKEN_WORD,
  RPT_TOKEN_SPACE,
  RPT_TOKEN_PUNCT,
  RPT_TOKEN_BREAK,
  RPT_TOKEN_NOTE,
  RPT_TOKEN_TREATY_STATUS,
} RptTokenKind;

/**
 * RptToken:
 * @text: the characters, exactly as typed
 * @flags: bold, italic
 * @href: (nullable): the link the token is part of
 * @data: (nullable): what the producer of the tokens keeps with one (the
 *   redline keeps the XML of a footnote)
 *
 * A token of paragraph text: words, spaces and punctuation are compared
 * as units, their formatting after.
 */
typedef struct
{
  RptTokenKind kind;
  RptRunFlags flags;
  char *text;
  char *href;
  guint hash;
  gpointer data;
  GDestroyNotify data_free;
} RptToken;

void rpt_token_free (RptToken *token);
RptToken *rpt_token_new (RptTokenKind kind,
                         const char *text,
                         gssize length,
                         RptRunFlags flags,
                         const char *href);
gboolean rpt_token_same_format (const RptToken *a, const RptToken *b);
void rpt_tokenize_text (GPtrArray *tokens,
                        const char *text,
                        gssize length,
                        RptRunFlags flags,
                        const char *href);
GPtrArray *rpt_tokenize_markup (const char *markup, GError **error);

/**
 * RptTextOp:
 * @RPT_TEXT_SAME: the same words, formatted the same
 * @RPT_TEXT_DELETED: words of the older text only
 * @RPT_TEXT_INSERTED: words of the newer text only
 * @RPT_TEXT_FORMAT: the same words, formatted differently (bold, italic, link)
 */
typedef enum
{
  RPT_TEXT_SAME,
  RPT_TEXT_DELETED,
  RPT_TEXT_INSERTED,
  RPT_TEXT_FORMAT,
} RptTextOp;

typedef struct
{
  RptTextOp op;
  guint a_start;
  guint a_len;
  guint b_start;
  guint b_len;
} RptTextSegment;

typedef struct _RptTextDiff RptTextDiff;

#define RPT_TYPE_TEXT_DIFF (rpt_text_diff_get_type ())

GType rpt_text_diff_get_type (void) G_GNUC_CONST;
RptTextDiff *rpt_text_diff_new (const char *old_markup, const char *new_markup, GError **error);
RptTextDiff *rpt_text_diff_new_for_tokens (GPtrArray *old_tokens, GPtrArray *new_tokens);
RptTextDiff *rpt_text_diff_ref (RptTextDiff *self);
void rpt_text_diff_unref (RptTextDiff *self);
gboolean rpt_text_diff_is_equal (RptTextDiff *self);
gboolean rpt_text_diff_has_text_changes (RptTextDiff *self);
guint rpt_text_diff_get_n_segments (RptTextDiff *self);
const RptTextSegment *rpt_text_diff_get_segment (RptTextDiff *self, guint index);
GPtrArray *rpt_text_diff_get_old_tokens (RptTextDiff *self);
GPtrArray *rpt_text_diff_get_new_tokens (RptTextDiff *self);
char *rpt_text_diff_dup_text (RptTextDiff *self, gboolean old, guint start, guint length);
void
rpt_text_diff_count_words (RptTextDiff *self, guint *deleted, guint *inserted, guint *reformatted);
char *rpt_tokens_dup_markup (GPtrArray *tokens, guint start, guint length);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptToken, rpt_token_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptTextDiff, rpt_text_diff_unref)

G_END_DECLS
