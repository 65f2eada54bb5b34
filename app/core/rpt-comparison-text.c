/* rpt-comparison-text.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-comparison"

#include <glib/gi18n-lib.h>
#include <string.h>

#include "rpt-comparison.h"
#include "rpt-paragraph.h"

/*
 * The comparison as a readable redline, section by section: what
 * `rapporteur-cli diff` prints. Inside paragraphs, [-deleted-] and
 * {+inserted+} as git's word diff writes them, [~words~ (what changed)]
 * for formatting. The markers stay when colour is on, so the redline
 * reads the same to someone who cannot tell red from green.
 */

#define SGR_RESET "\033[0m"
#define SGR_BOLD "\033[1m"
#define SGR_DELETED "\033[31m"
#define SGR_INSERTED "\033[32m"
#define SGR_FORMAT "\033[33m"
#define SGR_MOVED "\033[36m"

typedef struct
{
  GString *out;
  gboolean color;
} Writer;

static void
open_color (Writer *w, const char *sgr)
{
  if (w->color)
    g_string_append (w->out, sgr);
}

static void
close_color (Writer *w)
{
  if (w->color)
    g_string_append (w->out, SGR_RESET);
}

static void
append_tokens (Writer *w, GPtrArray *tokens, guint start, guint length)
{
  for (guint i = start; i < start + length; i++)
    {
      const RptToken *token = g_ptr_array_index (tokens, i);

      switch (token->kind)
        {
        case RPT_TOKEN_NOTE:
          {
            g_autofree char *plain = rpt_markup_to_plain (token->text);
            /* Translators: a footnote inside a paragraph of a text redline */
            g_string_append_printf (w->out, _ ("[footnote: %s]"), plain);
          }
          break;
        case RPT_TOKEN_TREATY_STATUS:
          /* Translators: where a letter states a State's participation in
           * a treaty; %s is the treaty's code (ICCPR) */
          g_string_append_printf (w->out, _ ("[treaty status: %s]"), token->text);
          break;
        case RPT_TOKEN_BREAK:
          g_string_append (w->out, "\n    ");
          break;
        default:
          g_string_append (w->out, token->text);
          break;
        }
    }
}

static char *
describe_format (const RptToken *a, const RptToken *b)
{
  g_autoptr (GPtrArray) what = g_ptr_array_new_with_free_func (g_free);

  if ((a->flags & RPT_RUN_BOLD) != (b->flags & RPT_RUN_BOLD))
    g_ptr_array_add (what,
                     g_strdup (b->flags & RPT_RUN_BOLD ? _ ("bold added") : _ ("bold removed")));
  if ((a->flags & RPT_RUN_ITALIC) != (b->flags & RPT_RUN_ITALIC))
    g_ptr_array_add (
      what, g_strdup (b->flags & RPT_RUN_ITALIC ? _ ("italic added") : _ ("italic removed")));
  if (g_strcmp0 (a->href, b->href) != 0)
    {
      if (b->href == NULL)
        g_ptr_array_add (what, g_strdup (_ ("link removed")));
      else if (a->href == NULL)
        /* Translators: %s is the address of the link */
        g_ptr_array_add (what, g_strdup_printf (_ ("link added: %s"), b->href));
      else
        /* Translators: %s is the new address of the link */
        g_ptr_array_add (what, g_strdup_printf (_ ("link changed: %s"), b->href));
    }
  g_ptr_array_add (what, NULL);
  return g_strjoinv (C_ ("summary", ", "), (char **) what->pdata);
}

static void
append_redline (Writer *w, RptTextDiff *diff)
{
  GPtrArray *a = rpt_text_diff_get_old_tokens (diff);
  GPtrArray *b = rpt_text_diff_get_new_tokens (diff);

  for (guint i = 0; i < rpt_text_diff_get_n_segments (diff); i++)
    {
      const RptTextSegment *seg = rpt_text_diff_get_segment (diff, i);

      switch (seg->op)
        {
        case RPT_TEXT_SAME:
          append_tokens (w, b, seg->b_start, seg->b_len);
          break;
        case RPT_TEXT_DELETED:
          open_color (w, SGR_DELETED);
          g_string_append (w->out, "[-");
          append_tokens (w, a, seg->a_start, seg->a_len);
          g_string_append (w->out, "-]");
          close_color (w);
          break;
        case RPT_TEXT_INSERTED:
          open_color (w, SGR_INSERTED);
          g_string_append (w->out, "{+");
          append_tokens (w, b, seg->b_start, seg->b_len);
          g_string_append (w->out, "+}");
          close_color (w);
          break;
        case RPT_TEXT_FORMAT:
          {
            g_autofree char *what = describe_format (g_ptr_array_index (a, seg->a_start),
                                                     g_ptr_array_index (b, seg->b_start));
            open_color (w, SGR_FORMAT);
            g_string_append (w->out, "[~");
            append_tokens (w, b, seg->b_start, seg->b_len);
            g_string_append_printf (w->out, "~ (%s)]", what);
            close_color (w);
          }
          break;
        default:
          g_assert_not_reached ();
        }
    }
}

/* @whole: the field of an item added or removed whole, said as its one value */
static void
append_field (Writer *w, const RptFieldChange *field, const char *indent, gboolean whole)
{
  g_string_append (w->out, indent);
  /* Translators: a field's name before what changed in it ("Date: "); French
   * puts a space before the colon */
  g_string_append_printf (w->out, _ ("%s: "), field->label);
  if (field->text != NULL)
    append_redline (w, field->text);
  else if (whole)
    {
      const char *value = field->new_value != NULL ? field->new_value : field->old_value;
      open_color (w, field->new_value != NULL ? SGR_INSERTED : SGR_DELETED);
      g_string_append (w->out, value != NULL ? value : _ ("(none)"));
      close_color (w);
    }
  else if (field->old_value == NULL)
    {
      open_color (w, SGR_INSERTED);
      g_string_append (w->out, field->new_value);
      close_color (w);
    }
  else if (field->new_value == NULL)
    {
      open_color (w, SGR_DELETED);
      g_string_append (w->out, field->old_value);
      close_color (w);
      /* Translators: a field that had a value in the older letter and has
       * none in the newer */
      g_string_append_printf (w->out, " → %s", _ ("(none)"));
    }
  else
    {
      open_color (w, SGR_DELETED);
      g_string_append (w->out, field->old_value);
      close_color (w);
      g_string_append (w->out, " → ");
      open_color (w, SGR_INSERTED);
      g_string_append (w->out, field->new_value);
      close_color (w);
    }
  g_string_append_c (w->out, '\n');
}

static char *
item_heading (RptComparison *self, const RptItemChange *change)
{
  g_autofree char *what = NULL;
  const RptItemChange *other = NULL;

  switch (change->kind)
    {
    case RPT_CHANGE_ADDED:
      other = rpt_comparison_find_change (self, change->split_from);
      if (other != NULL)
        /* Translators: %s names the paragraph it was cut from ("Fact 3") */
        what = g_strdup_printf (_ ("added, split from %s"), other->label);
      else
        what = g_strdup (_ ("added"));
      break;
    case RPT_CHANGE_REMOVED:
      other = rpt_comparison_find_change (self, change->joined_into);
      if (other != NULL)
        /* Translators: %s names the paragraph its words were appended to */
        what = g_strdup_printf (_ ("removed, joined to %s"), other->label);
      else
        what = g_strdup (_ ("removed"));
      break;
    case RPT_CHANGE_MOVED:
      /* Translators: positions in a part of the letter, from 1 */
      what = g_strdup_printf (_ ("moved from %d to %d"), change->old_position + 1,
                              change->new_position + 1);
      break;
    case RPT_CHANGE_EDITED:
      what = g_strdup (_ ("edited"));
      break;
    case RPT_CHANGE_EDITED_MOVED:
      what = g_strdup_printf (_ ("edited, moved from %d to %d"), change->old_position + 1,
                              change->new_position + 1);
      break;
    default:
      g_assert_not_reached ();
    }
  /* Translators: an item of a text redline: "Fact 3 (edited)" */
  return g_strdup_printf (_ ("%s (%s)"), change->label, what);
}

static void
append_excerpt (Writer *w, GObject *item)
{
  g_autofree char *plain = rpt_markup_to_plain (rpt_paragraph_get_text (RPT_PARAGRAPH (item)));
  glong n = g_utf8_strlen (plain, -1);

  if (n > 72)
    {
      g_autofree char *start = g_utf8_substring (plain, 0, 72);
      g_string_append_printf (w->out, "    “%s…”\n", start);
    }
  else
    g_string_append_printf (w->out, "    “%s”\n", plain);
}

/**
 * rpt_comparison_to_text:
 * @color: whether to colour the redline for a terminal
 *
 * Returns: (transfer full): the comparison as a readable text redline
 */
char *
rpt_comparison_to_text (RptComparison *self, gboolean color)
{
  static const RptPart order[] = { RPT_PART_MANDATES, RPT_PART_SIGNATORIES,    RPT_PART_PERSONS,
                                   RPT_PART_PROFILE,  RPT_PART_COMMUNICATIONS, RPT_PART_FACTS,
                                   RPT_PART_CONCERNS, RPT_PART_QUESTIONS,      RPT_PART_ANNEX };
  Writer w = { g_string_new (NULL), color };
  g_autofree char *summary = rpt_comparison_dup_summary (self);
  GPtrArray *fields = rpt_comparison_get_fields (self);

  open_color (&w, SGR_BOLD);
  g_string_append_printf (
    &w.out[0], "--- %s\n+++ %s\n",
    rpt_comparison_get_old_label (self) != NULL ? rpt_comparison_get_old_label (self)
                                                : _ ("older letter"),
    rpt_comparison_get_new_label (self) != NULL ? rpt_comparison_get_new_label (self)
                                                : _ ("newer letter"));
  close_color (&w);
  /* Translators: the first line of a text redline, before "3 facts edited…" */
  g_string_append_printf (w.out, _ ("Summary: %s\n"), summary);

  if (fields->len > 0)
    {
      g_string_append_c (w.out, '\n');
      open_color (&w, SGR_BOLD);
      /* Translators: the heading of the letter's own fields in a text redline */
      g_string_append (w.out, _ ("Letter"));
      close_color (&w);
      g_string_append_c (w.out, '\n');
      for (guint i = 0; i < fields->len; i++)
        append_field (&w, g_ptr_array_index (fields, i), "  ", FALSE);
    }

  for (guint p = 0; p < G_N_ELEMENTS (order); p++)
    {
      GPtrArray *changes = rpt_comparison_get_changes (self, order[p]);

      if (changes->len == 0)
        continue;
      g_string_append_c (w.out, '\n');
      open_color (&w, SGR_BOLD);
      g_string_append (w.out, rpt_part_get_label (order[p]));
      close_color (&w);
      g_string_append_c (w.out, '\n');
      for (guint i = 0; i < changes->len; i++)
        {
          const RptItemChange *change = g_ptr_array_index (changes, i);
          g_autofree char *heading = item_heading (self, change);

          g_string_append (w.out, "  ");
          open_color (&w,
                      change->kind == RPT_CHANGE_MOVED || change->kind == RPT_CHANGE_EDITED_MOVED
                        ? SGR_MOVED
                        : SGR_BOLD);
          g_string_append (w.out, heading);
          close_color (&w);
          g_string_append_c (w.out, '\n');
          for (guint f = 0; f < change->fields->len; f++)
            append_field (&w, g_ptr_array_index (change->fields, f), "    ",
                          change->kind == RPT_CHANGE_ADDED || change->kind == RPT_CHANGE_REMOVED);
          if (change->text != NULL)
            {
              g_string_append (w.out, "    ");
              append_redline (&w, change->text);
              g_string_append_c (w.out, '\n');
            }
          else if (change->kind == RPT_CHANGE_MOVED && RPT_IS_PARAGRAPH (change->new_item))
            append_excerpt (&w, change->new_item);
        }
    }
  return g_string_free (w.out, FALSE);
}
