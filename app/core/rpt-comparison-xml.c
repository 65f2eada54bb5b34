/* rpt-comparison-xml.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-comparison"

#include <string.h>

#include "rpt-comparison.h"

/*
 * The comparison as data, for scripts: `rapporteur-cli diff --format xml`.
 * The schema is data/schemas/comparison.rng and docs/comparison.md says
 * what each element means. Positions count from 1, as people do.
 */

#define NS "urn:x-rapporteur:comparison"

static void
attr (GString *out, const char *name, const char *value)
{
  if (value == NULL)
    return;
  g_string_append_printf (out, " %s=\"", name);
  rpt_markup_append_escaped (out, value, -1, TRUE);
  g_string_append_c (out, '"');
}

static void
attr_int (GString *out, const char *name, int value)
{
  if (value >= 0)
    g_string_append_printf (out, " %s=\"%d\"", name, value + 1);
}

static gboolean
same_run (const RptToken *a, const RptToken *b)
{
  return a->flags == b->flags && g_strcmp0 (a->href, b->href) == 0;
}

/* Tokens as mixed content: plain characters, formatted runs as <span>,
 * footnotes, treaty status and line breaks as elements. */
static void
append_tokens (GString *out, GPtrArray *tokens, guint start, guint length)
{
  guint i = start;

  while (i < start + length)
    {
      const RptToken *token = g_ptr_array_index (tokens, i);
      guint j;

      if (token->kind == RPT_TOKEN_NOTE)
        {
          g_autofree char *plain = rpt_markup_to_plain (token->text);
          g_string_append (out, "<note>");
          rpt_markup_append_escaped (out, plain, -1, FALSE);
          g_string_append (out, "</note>");
          i++;
          continue;
        }
      if (token->kind == RPT_TOKEN_TREATY_STATUS)
        {
          g_string_append (out, "<treaty-status");
          attr (out, "instrument", token->text);
          g_string_append (out, "/>");
          i++;
          continue;
        }
      if (token->kind == RPT_TOKEN_BREAK)
        {
          g_string_append (out, "<br/>");
          i++;
          continue;
        }
      /* A run of text tokens formatted alike. */
      for (j = i + 1; j < start + length; j++)
        {
          const RptToken *next = g_ptr_array_index (tokens, j);
          if (next->kind == RPT_TOKEN_NOTE || next->kind == RPT_TOKEN_TREATY_STATUS ||
              next->kind == RPT_TOKEN_BREAK || !same_run (token, next))
            break;
        }
      if (token->flags != 0 || token->href != NULL)
        {
          g_string_append (out, "<span");
          if (token->flags & RPT_RUN_BOLD)
            attr (out, "bold", "true");
          if (token->flags & RPT_RUN_ITALIC)
            attr (out, "italic", "true");
          attr (out, "href", token->href);
          g_string_append_c (out, '>');
        }
      for (guint k = i; k < j; k++)
        rpt_markup_append_escaped (out, ((RptToken *) g_ptr_array_index (tokens, k))->text, -1,
                                   FALSE);
      if (token->flags != 0 || token->href != NULL)
        g_string_append (out, "</span>");
      i = j;
    }
}

static void
append_text_diff (GString *out, RptTextDiff *diff, const char *indent)
{
  GPtrArray *a = rpt_text_diff_get_old_tokens (diff);
  GPtrArray *b = rpt_text_diff_get_new_tokens (diff);

  g_string_append_printf (out, "%s<text>", indent);
  for (guint i = 0; i < rpt_text_diff_get_n_segments (diff); i++)
    {
      const RptTextSegment *seg = rpt_text_diff_get_segment (diff, i);

      switch (seg->op)
        {
        case RPT_TEXT_SAME:
          g_string_append (out, "<same>");
          append_tokens (out, b, seg->b_start, seg->b_len);
          g_string_append (out, "</same>");
          break;
        case RPT_TEXT_DELETED:
          g_string_append (out, "<deleted>");
          append_tokens (out, a, seg->a_start, seg->a_len);
          g_string_append (out, "</deleted>");
          break;
        case RPT_TEXT_INSERTED:
          g_string_append (out, "<inserted>");
          append_tokens (out, b, seg->b_start, seg->b_len);
          g_string_append (out, "</inserted>");
          break;
        case RPT_TEXT_FORMAT:
          g_string_append (out, "<format><old>");
          append_tokens (out, a, seg->a_start, seg->a_len);
          g_string_append (out, "</old><new>");
          append_tokens (out, b, seg->b_start, seg->b_len);
          g_string_append (out, "</new></format>");
          break;
        default:
          g_assert_not_reached ();
        }
    }
  g_string_append (out, "</text>\n");
}

static void
append_field (GString *out, const RptFieldChange *field, const char *indent)
{
  g_string_append_printf (out, "%s<field", indent);
  attr (out, "name", field->name);
  attr (out, "label", field->label);
  g_string_append (out, ">\n");
  if (field->text != NULL)
    {
      g_autofree char *deeper = g_strconcat (indent, "  ", NULL);
      append_text_diff (out, field->text, deeper);
    }
  else
    {
      if (field->old_value != NULL || field->old_raw != NULL)
        {
          g_string_append_printf (out, "%s  <old", indent);
          attr (out, "raw", field->old_raw);
          g_string_append_c (out, '>');
          rpt_markup_append_escaped (out, field->old_value != NULL ? field->old_value : "", -1,
                                     FALSE);
          g_string_append (out, "</old>\n");
        }
      if (field->new_value != NULL || field->new_raw != NULL)
        {
          g_string_append_printf (out, "%s  <new", indent);
          attr (out, "raw", field->new_raw);
          g_string_append_c (out, '>');
          rpt_markup_append_escaped (out, field->new_value != NULL ? field->new_value : "", -1,
                                     FALSE);
          g_string_append (out, "</new>\n");
        }
    }
  g_string_append_printf (out, "%s</field>\n", indent);
}

/**
 * rpt_comparison_to_xml:
 *
 * Returns: (transfer full): the comparison as XML (data/schemas/comparison.rng)
 */
GBytes *
rpt_comparison_to_xml (RptComparison *self)
{
  static const char *const kinds[] = { "added", "removed", "moved", "edited", "edited-moved" };
  GString *out = g_string_new ("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
  g_autofree char *summary = rpt_comparison_dup_summary (self);
  g_autofree char *date = NULL;
  GPtrArray *fields = rpt_comparison_get_fields (self);

  g_return_val_if_fail (RPT_IS_COMPARISON (self), NULL);

  {
    g_autoptr (GDateTime) utc = g_date_time_to_utc (rpt_comparison_get_date (self));
    date = g_date_time_format (utc, "%Y-%m-%dT%H:%M:%SZ");
  }
  g_string_append (out, "<comparison xmlns=\"" NS "\" version=\"1\"");
  attr (out, "equal", rpt_comparison_is_equal (self) ? "true" : "false");
  g_string_append (out, ">\n  <old");
  attr (out, "letter", rpt_letter_get_id (rpt_comparison_get_old_letter (self)));
  attr (out, "label", rpt_comparison_get_old_label (self));
  g_string_append (out, "/>\n  <new");
  attr (out, "letter", rpt_letter_get_id (rpt_comparison_get_new_letter (self)));
  attr (out, "label", rpt_comparison_get_new_label (self));
  attr (out, "author", rpt_comparison_get_author (self));
  attr (out, "date", date);
  g_string_append (out, "/>\n  <summary>");
  rpt_markup_append_escaped (out, summary, -1, FALSE);
  g_string_append (out, "</summary>\n");

  for (guint p = 0; p < RPT_N_PARTS; p++)
    {
      GPtrArray *changes = rpt_comparison_get_changes (self, (RptPart) p);

      if (changes->len == 0)
        continue;
      g_string_append (out, "  <count");
      attr (out, "part", rpt_part_to_string ((RptPart) p));
      for (guint k = 0; k < G_N_ELEMENTS (kinds); k++)
        g_string_append_printf (out, " %s=\"%u\"", kinds[k],
                                rpt_comparison_count (self, (RptPart) p, (RptChangeKind) k));
      g_string_append (out, "/>\n");
    }

  if (fields->len > 0)
    {
      g_string_append (out, "  <fields>\n");
      for (guint i = 0; i < fields->len; i++)
        append_field (out, g_ptr_array_index (fields, i), "    ");
      g_string_append (out, "  </fields>\n");
    }

  for (guint p = 0; p < RPT_N_PARTS; p++)
    {
      GPtrArray *changes = rpt_comparison_get_changes (self, (RptPart) p);

      if (changes->len == 0)
        continue;
      g_string_append (out, "  <part");
      attr (out, "name", rpt_part_to_string ((RptPart) p));
      g_string_append (out, ">\n");
      for (guint i = 0; i < changes->len; i++)
        {
          const RptItemChange *change = g_ptr_array_index (changes, i);
          gboolean empty = change->fields->len == 0 && change->text == NULL;

          g_string_append (out, "    <item");
          attr (out, "id", change->id);
          attr (out, "change", rpt_change_kind_to_string (change->kind));
          attr_int (out, "old-position", change->old_position);
          attr_int (out, "new-position", change->new_position);
          attr (out, "label", change->label);
          attr (out, "split-from", change->split_from);
          attr (out, "joined-into", change->joined_into);
          g_string_append (out, empty ? "/>\n" : ">\n");
          if (empty)
            continue;
          for (guint f = 0; f < change->fields->len; f++)
            append_field (out, g_ptr_array_index (change->fields, f), "      ");
          if (change->text != NULL)
            append_text_diff (out, change->text, "      ");
          g_string_append (out, "    </item>\n");
        }
      g_string_append (out, "  </part>\n");
    }
  g_string_append (out, "</comparison>\n");
  return g_string_free_to_bytes (out);
}
