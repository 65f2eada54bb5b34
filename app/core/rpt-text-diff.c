/* rpt-text-diff.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-text-diff"

#include <string.h>

#include "rpt-diff.h"
#include "rpt-text-diff.h"

/*
 * Word-level comparison of paragraph text. Text is cut into words, runs of
 * space and single punctuation marks, never inside a grapheme cluster (a
 * letter and its combining marks, an emoji sequence, a flag), and the token
 * sequences are compared by their characters (rpt-diff.c). Formatting is
 * compared after: the same words in bold where they were plain are a
 * formatting change, not a deletion and an insertion.
 */

struct _RptTextDiff
{
  GPtrArray *old_tokens;
  GPtrArray *new_tokens;
  GArray *segments; /* of RptTextSegment */
};

G_DEFINE_BOXED_TYPE (RptTextDiff, rpt_text_diff, rpt_text_diff_ref, rpt_text_diff_unref)

/* --- tokens ---------------------------------------------------------- */

static guint
token_hash (RptTokenKind kind, const char *text)
{
  guint h = 5381 + (guint) kind * 33;

  for (const char *p = text; *p != '\0'; p++)
    h = h * 33 + (guchar) *p;
  return h;
}

RptToken *
rpt_token_new (RptTokenKind kind,
               const char *text,
               gssize length,
               RptRunFlags flags,
               const char *href)
{
  /* A token and its characters are one allocation: a long letter has a
   * token for every word and space. */
  gsize n = length < 0 ? strlen (text) : (gsize) length;
  RptToken *token = g_malloc0 (sizeof (RptToken) + n + 1);

  token->kind = kind;
  token->text = (char *) (token + 1);
  memcpy (token->text, text, n);
  token->flags = flags;
  token->href = g_strdup (href);
  token->hash = token_hash (kind, token->text);
  return token;
}

void
rpt_token_free (RptToken *token)
{
  if (token == NULL)
    return;
  if (token->data_free != NULL)
    token->data_free (token->data);
  g_free (token->href);
  g_free (token);
}

gboolean
rpt_token_same_format (const RptToken *a, const RptToken *b)
{
  return a->flags == b->flags && g_strcmp0 (a->href, b->href) == 0;
}

static gboolean
tokens_equal (const RptToken *a, const RptToken *b)
{
  return a->kind == b->kind && strcmp (a->text, b->text) == 0;
}

/* Characters that continue the grapheme cluster before them (UAX #29's
 * Extend and SpacingMark, as far as letters need them): combining marks,
 * variation selectors, emoji skin tones and tags. */
static gboolean
extends_cluster (gunichar c)
{
  switch (g_unichar_type (c))
    {
    case G_UNICODE_NON_SPACING_MARK:
    case G_UNICODE_SPACING_MARK:
    case G_UNICODE_ENCLOSING_MARK:
      return TRUE;
    default:
      break;
    }
  return c == 0x200C || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0100 && c <= 0xE01EF) ||
         (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xE0020 && c <= 0xE007F);
}

static gboolean
is_regional_indicator (gunichar c)
{
  return c >= 0x1F1E6 && c <= 0x1F1FF;
}

/* Returns the end of the grapheme cluster that starts at @p. */
static const char *
cluster_end (const char *p, const char *end)
{
  gunichar first = g_utf8_get_char (p);

  p = g_utf8_next_char (p);
  if (is_regional_indicator (first) && p < end && is_regional_indicator (g_utf8_get_char (p)))
    p = g_utf8_next_char (p);
  while (p < end)
    {
      gunichar c = g_utf8_get_char (p);

      if (c == 0x200D) /* zero width joiner: joins the next character in */
        {
          p = g_utf8_next_char (p);
          if (p < end)
            p = g_utf8_next_char (p);
        }
      else if (extends_cluster (c))
        p = g_utf8_next_char (p);
      else
        break;
    }
  return p;
}

/* Scripts written without spaces between words: each character is a word
 * of its own, or a changed character would replace a whole sentence. */
static gboolean
is_unspaced_script (gunichar c)
{
  switch (g_unichar_get_script (c))
    {
    case G_UNICODE_SCRIPT_HAN:
    case G_UNICODE_SCRIPT_HIRAGANA:
    case G_UNICODE_SCRIPT_KATAKANA:
    case G_UNICODE_SCRIPT_THAI:
    case G_UNICODE_SCRIPT_LAO:
    case G_UNICODE_SCRIPT_KHMER:
    case G_UNICODE_SCRIPT_MYANMAR:
    case G_UNICODE_SCRIPT_TIBETAN:
    case G_UNICODE_SCRIPT_YI:
      return TRUE;
    default:
      return FALSE;
    }
}

typedef enum
{
  CLASS_WORD,
  CLASS_SOLO_WORD,
  CLASS_SPACE,
  CLASS_BREAK,
  CLASS_PUNCT,
} CharClass;

/* The class of each ASCII character, looked up rather than asked of
 * GLib's Unicode tables: most letters are mostly ASCII. */
static const guint8 ascii_class[128] = {
  /* control characters: punctuation, but for tab and line feed */
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_SPACE,
  CLASS_BREAK,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  /* space ! " # $ % & ' ( ) * + , - . / */
  CLASS_SPACE,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  /* 0-9 */
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  /* : ; < = > ? @ */
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  /* A-Z */
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  /* [ \ ] ^ _ ` */
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  /* a-z */
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  CLASS_WORD,
  /* { | } ~ DEL */
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
  CLASS_PUNCT,
};

static CharClass
classify (gunichar c)
{
  if (c == '\n')
    return CLASS_BREAK;
  if (c == ' ' || c == '\t' || g_unichar_type (c) == G_UNICODE_SPACE_SEPARATOR)
    return CLASS_SPACE;
  if (g_unichar_isalnum (c) || extends_cluster (c))
    return is_unspaced_script (c) ? CLASS_SOLO_WORD : CLASS_WORD;
  return CLASS_PUNCT;
}

/**
 * rpt_tokenize_text:
 * @tokens: (element-type RptToken): where to append the tokens
 * @text: plain text, valid UTF-8
 * @length: its length in bytes, or -1 if nul-terminated
 * @flags: the formatting of the whole of @text
 * @href: (nullable): the link the whole of @text is in
 */
void
rpt_tokenize_text (GPtrArray *tokens,
                   const char *text,
                   gssize length,
                   RptRunFlags flags,
                   const char *href)
{
  const char *end = text + (length < 0 ? (gssize) strlen (text) : length);
  const char *p = text;

  while (p < end)
    {
      const char *start = p;
      CharClass cls;
      RptTokenKind kind;

      /* ASCII: one byte, one character, one cluster unless a combining
       * mark follows. */
      if ((guchar) *p < 0x80 && (p + 1 >= end || (guchar) p[1] < 0x80))
        {
          cls = ascii_class[(guchar) *p];
          p++;
        }
      else
        {
          cls = classify (g_utf8_get_char (p));
          p = cluster_end (p, end);
        }
      switch (cls)
        {
        case CLASS_WORD:
        case CLASS_SPACE:
          while (p < end)
            {
              guchar b = (guchar) *p;
              if (b < 0x80 && (p + 1 >= end || (guchar) p[1] < 0x80))
                {
                  if (ascii_class[b] != cls)
                    break;
                  p++;
                }
              else if (classify (g_utf8_get_char (p)) == cls)
                p = cluster_end (p, end);
              else
                break;
            }
          kind = cls == CLASS_WORD ? RPT_TOKEN_WORD : RPT_TOKEN_SPACE;
          break;
        case CLASS_SOLO_WORD:
          kind = RPT_TOKEN_WORD;
          break;
        case CLASS_BREAK:
          kind = RPT_TOKEN_BREAK;
          break;
        case CLASS_PUNCT:
        default:
          kind = RPT_TOKEN_PUNCT;
          break;
        }
      g_ptr_array_add (tokens, rpt_token_new (kind, start, p - start, flags, href));
    }
}

/**
 * rpt_tokenize_markup:
 * @markup: inline markup (rpt-markup.h)
 *
 * Returns: (transfer full) (element-type RptToken): the tokens of @markup,
 *   or %NULL with @error set if it is not valid markup
 */
GPtrArray *
rpt_tokenize_markup (const char *markup, GError **error)
{
  g_autoptr (GPtrArray) runs = rpt_markup_parse (markup != NULL ? markup : "", error);
  g_autoptr (GPtrArray) tokens = NULL;

  if (runs == NULL)
    return NULL;
  tokens = g_ptr_array_new_with_free_func ((GDestroyNotify) rpt_token_free);
  for (guint i = 0; i < runs->len;)
    {
      RptRun *run = g_ptr_array_index (runs, i);

      if (run->note > 0)
        {
          /* A footnote is one token: its content, as markup outside any note. */
          g_autoptr (GPtrArray) body = g_ptr_array_new ();
          g_autofree char *body_markup = NULL;
          guint note = run->note;
          RptToken *token;

          for (; i < runs->len && ((RptRun *) g_ptr_array_index (runs, i))->note == note; i++)
            g_ptr_array_add (body, g_ptr_array_index (runs, i));
          for (guint k = 0; k < body->len; k++)
            ((RptRun *) g_ptr_array_index (body, k))->note = 0;
          body_markup = rpt_markup_from_runs (body);
          token = rpt_token_new (RPT_TOKEN_NOTE, body_markup, -1, 0, NULL);
          g_ptr_array_add (tokens, token);
          continue;
        }
      if (run->kind == RPT_RUN_TREATY_STATUS)
        g_ptr_array_add (tokens, rpt_token_new (RPT_TOKEN_TREATY_STATUS, run->instrument, -1,
                                                run->flags, run->href));
      else
        rpt_tokenize_text (tokens, run->text, -1, run->flags, run->href);
      i++;
    }
  return g_steal_pointer (&tokens);
}

/**
 * rpt_tokens_dup_markup:
 * @tokens: (element-type RptToken): tokens made by rpt_tokenize_markup()
 *
 * Returns: (transfer full): the canonical inline markup of @length tokens
 *   from @start
 */
char *
rpt_tokens_dup_markup (GPtrArray *tokens, guint start, guint length)
{
  g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) rpt_run_free);
  guint note = 0;

  g_return_val_if_fail (start + length <= tokens->len, NULL);

  for (guint i = start; i < start + length; i++)
    {
      const RptToken *token = g_ptr_array_index (tokens, i);

      if (token->kind == RPT_TOKEN_NOTE)
        {
          g_autoptr (GPtrArray) body = rpt_markup_parse (token->text, NULL);
          note++;
          for (guint k = 0; body != NULL && k < body->len; k++)
            {
              RptRun *run = g_ptr_array_index (body, k);
              run->note = note;
              g_ptr_array_add (runs, g_steal_pointer (&body->pdata[k]));
            }
        }
      else if (token->kind == RPT_TOKEN_TREATY_STATUS)
        g_ptr_array_add (runs, rpt_run_new_treaty_status (token->text, token->flags, 0));
      else
        g_ptr_array_add (runs, rpt_run_new_text (token->text, token->flags, token->href, 0));
    }
  return rpt_markup_from_runs (runs);
}

/* --- the comparison -------------------------------------------------- */

static gboolean
equal_cb (guint a, guint b, gpointer user_data)
{
  RptTextDiff *self = user_data;

  return tokens_equal (g_ptr_array_index (self->old_tokens, a),
                       g_ptr_array_index (self->new_tokens, b));
}

static gboolean
only_space (GPtrArray *tokens, guint start, guint length)
{
  for (guint i = start; i < start + length; i++)
    if (((RptToken *) g_ptr_array_index (tokens, i))->kind != RPT_TOKEN_SPACE)
      return FALSE;
  return TRUE;
}

/* A space left equal between two changes is noise: "[-a-] {+the+}
 * [-project-]{+study+}" reads better as one change, "[-a project-]{+the
 * study+}". */
static void
absorb_spaces (RptTextDiff *self, GArray *hunks)
{
  for (guint i = 1; i + 1 < hunks->len;)
    {
      RptDiffHunk *prev = &g_array_index (hunks, RptDiffHunk, i - 1);
      RptDiffHunk *mid = &g_array_index (hunks, RptDiffHunk, i);
      RptDiffHunk *next = &g_array_index (hunks, RptDiffHunk, i + 1);

      if (mid->equal && !prev->equal && !next->equal &&
          only_space (self->old_tokens, mid->a_start, mid->a_len))
        {
          prev->a_len += mid->a_len + next->a_len;
          prev->b_len += mid->b_len + next->b_len;
          g_array_remove_range (hunks, i, 2);
        }
      else
        i++;
    }
}

static void
add_segment (RptTextDiff *self, RptTextOp op, guint as, guint al, guint bs, guint bl)
{
  RptTextSegment seg = { op, as, al, bs, bl };

  if (al == 0 && bl == 0)
    return;
  if (self->segments->len > 0)
    {
      RptTextSegment *last =
        &g_array_index (self->segments, RptTextSegment, self->segments->len - 1);
      /* Formatting changes of neighbouring tokens merge only when the
       * change is the same, so that each segment says one thing. */
      if (last->op == op && last->a_start + last->a_len == as &&
          last->b_start + last->b_len == bs &&
          (op != RPT_TEXT_FORMAT ||
           (rpt_token_same_format (g_ptr_array_index (self->old_tokens, last->a_start),
                                   g_ptr_array_index (self->old_tokens, as)) &&
            rpt_token_same_format (g_ptr_array_index (self->new_tokens, last->b_start),
                                   g_ptr_array_index (self->new_tokens, bs)))))
        {
          last->a_len += al;
          last->b_len += bl;
          return;
        }
    }
  g_array_append_val (self->segments, seg);
}

/**
 * rpt_text_diff_new_for_tokens:
 * @old_tokens: (transfer full) (element-type RptToken):
 * @new_tokens: (transfer full) (element-type RptToken):
 *
 * Compares two token sequences.
 *
 * Returns: (transfer full): the comparison
 */
RptTextDiff *
rpt_text_diff_new_for_tokens (GPtrArray *old_tokens, GPtrArray *new_tokens)
{
  RptTextDiff *self = g_atomic_rc_box_new0 (RptTextDiff);
  g_autofree guint *ha = g_new (guint, MAX (old_tokens->len, 1));
  g_autofree guint *hb = g_new (guint, MAX (new_tokens->len, 1));
  g_autoptr (GArray) hunks = NULL;

  self->old_tokens = old_tokens;
  self->new_tokens = new_tokens;
  self->segments = g_array_new (FALSE, FALSE, sizeof (RptTextSegment));

  for (guint i = 0; i < old_tokens->len; i++)
    ha[i] = ((RptToken *) g_ptr_array_index (old_tokens, i))->hash;
  for (guint i = 0; i < new_tokens->len; i++)
    hb[i] = ((RptToken *) g_ptr_array_index (new_tokens, i))->hash;
  hunks = rpt_diff_sequences (ha, old_tokens->len, hb, new_tokens->len, equal_cb, self);
  absorb_spaces (self, hunks);

  for (guint h = 0; h < hunks->len; h++)
    {
      const RptDiffHunk *hunk = &g_array_index (hunks, RptDiffHunk, h);

      if (!hunk->equal)
        {
          add_segment (self, RPT_TEXT_DELETED, hunk->a_start, hunk->a_len, hunk->b_start, 0);
          add_segment (self, RPT_TEXT_INSERTED, hunk->a_start + hunk->a_len, 0, hunk->b_start,
                       hunk->b_len);
          continue;
        }
      for (guint k = 0; k < hunk->a_len; k++)
        {
          const RptToken *a = g_ptr_array_index (old_tokens, hunk->a_start + k);
          const RptToken *b = g_ptr_array_index (new_tokens, hunk->b_start + k);
          RptTextOp op = rpt_token_same_format (a, b) ? RPT_TEXT_SAME : RPT_TEXT_FORMAT;

          /* A space between two words that turned bold together is part
           * of the change, whatever its own formatting. */
          add_segment (self, op, hunk->a_start + k, 1, hunk->b_start + k, 1);
        }
    }
  return self;
}

/**
 * rpt_text_diff_new:
 * @old_markup: (nullable): inline markup of the older text
 * @new_markup: (nullable): inline markup of the newer text
 *
 * Returns: (transfer full): the comparison, or %NULL with @error set if
 *   either text is not valid markup
 */
RptTextDiff *
rpt_text_diff_new (const char *old_markup, const char *new_markup, GError **error)
{
  g_autoptr (GPtrArray) a = rpt_tokenize_markup (old_markup, error);
  g_autoptr (GPtrArray) b = NULL;

  if (a == NULL)
    return NULL;
  b = rpt_tokenize_markup (new_markup, error);
  if (b == NULL)
    return NULL;
  return rpt_text_diff_new_for_tokens (g_steal_pointer (&a), g_steal_pointer (&b));
}

RptTextDiff *
rpt_text_diff_ref (RptTextDiff *self)
{
  return g_atomic_rc_box_acquire (self);
}

static void
text_diff_clear (RptTextDiff *self)
{
  g_ptr_array_unref (self->old_tokens);
  g_ptr_array_unref (self->new_tokens);
  g_array_unref (self->segments);
}

void
rpt_text_diff_unref (RptTextDiff *self)
{
  g_atomic_rc_box_release_full (self, (GDestroyNotify) text_diff_clear);
}

/**
 * rpt_text_diff_is_equal:
 *
 * Returns: whether the two texts have the same words with the same formatting
 */
gboolean
rpt_text_diff_is_equal (RptTextDiff *self)
{
  for (guint i = 0; i < self->segments->len; i++)
    if (g_array_index (self->segments, RptTextSegment, i).op != RPT_TEXT_SAME)
      return FALSE;
  return TRUE;
}

/**
 * rpt_text_diff_has_text_changes:
 *
 * Returns: whether words were deleted or inserted (not only reformatted)
 */
gboolean
rpt_text_diff_has_text_changes (RptTextDiff *self)
{
  for (guint i = 0; i < self->segments->len; i++)
    {
      RptTextOp op = g_array_index (self->segments, RptTextSegment, i).op;
      if (op == RPT_TEXT_DELETED || op == RPT_TEXT_INSERTED)
        return TRUE;
    }
  return FALSE;
}

guint
rpt_text_diff_get_n_segments (RptTextDiff *self)
{
  return self->segments->len;
}

const RptTextSegment *
rpt_text_diff_get_segment (RptTextDiff *self, guint index)
{
  g_return_val_if_fail (index < self->segments->len, NULL);
  return &g_array_index (self->segments, RptTextSegment, index);
}

/**
 * rpt_text_diff_get_old_tokens:
 *
 * Returns: (transfer none) (element-type RptToken):
 */
GPtrArray *
rpt_text_diff_get_old_tokens (RptTextDiff *self)
{
  return self->old_tokens;
}

/**
 * rpt_text_diff_get_new_tokens:
 *
 * Returns: (transfer none) (element-type RptToken):
 */
GPtrArray *
rpt_text_diff_get_new_tokens (RptTextDiff *self)
{
  return self->new_tokens;
}

/**
 * rpt_text_diff_dup_text:
 * @old: whether to read the older text's tokens
 *
 * Returns: (transfer full): the characters of @length tokens from @start;
 *   footnotes and treaty status are left out
 */
char *
rpt_text_diff_dup_text (RptTextDiff *self, gboolean old, guint start, guint length)
{
  GPtrArray *tokens = old ? self->old_tokens : self->new_tokens;
  GString *out = g_string_new (NULL);

  g_return_val_if_fail (start + length <= tokens->len, g_string_free (out, FALSE));

  for (guint i = start; i < start + length; i++)
    {
      const RptToken *token = g_ptr_array_index (tokens, i);
      if (token->kind != RPT_TOKEN_NOTE && token->kind != RPT_TOKEN_TREATY_STATUS)
        g_string_append (out, token->text);
    }
  return g_string_free (out, FALSE);
}

/**
 * rpt_text_diff_count_words:
 * @deleted: (out) (optional): words (and footnotes) only in the older text
 * @inserted: (out) (optional): words only in the newer text
 * @reformatted: (out) (optional): words formatted differently
 *
 * Counts words, not spaces or punctuation: what a summary says.
 */
void
rpt_text_diff_count_words (RptTextDiff *self, guint *deleted, guint *inserted, guint *reformatted)
{
  guint counts[4] = { 0 };

  for (guint i = 0; i < self->segments->len; i++)
    {
      const RptTextSegment *seg = &g_array_index (self->segments, RptTextSegment, i);
      GPtrArray *tokens = seg->op == RPT_TEXT_INSERTED ? self->new_tokens : self->old_tokens;
      guint start = seg->op == RPT_TEXT_INSERTED ? seg->b_start : seg->a_start;
      guint length = seg->op == RPT_TEXT_INSERTED ? seg->b_len : seg->a_len;

      for (guint k = start; k < start + length; k++)
        {
          RptTokenKind kind = ((RptToken *) g_ptr_array_index (tokens, k))->kind;
          if (kind == RPT_TOKEN_WORD || kind == RPT_TOKEN_NOTE || kind == RPT_TOKEN_TREATY_STATUS)
            counts[seg->op]++;
        }
    }
  if (deleted != NULL)
    *deleted = counts[RPT_TEXT_DELETED];
  if (inserted != NULL)
    *inserted = counts[RPT_TEXT_INSERTED];
  if (reformatted != NULL)
    *reformatted = counts[RPT_TEXT_FORMAT];
}
