/* rpt-text-markup.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-text-markup"

#include "rpt-core.h"
#include "rpt-text-markup.h"

/*
 * Paragraph text between the model's inline markup and a GtkTextBuffer,
 * losslessly: bold and italic are the named tags, each link and each
 * footnote an anonymous tag of its own (so that two neighbouring notes stay
 * two), and each treaty-status field a child anchor that remembers its
 * instrument. Reading the buffer back gives the same canonical markup.
 */

#define OBJECT_REPLACEMENT 0xFFFC

void
rpt_text_buffer_prepare (GtkTextBuffer *buffer)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);

  if (gtk_text_tag_table_lookup (table, RPT_TEXT_TAG_BOLD) != NULL)
    return;
  gtk_text_buffer_create_tag (buffer, RPT_TEXT_TAG_BOLD, "weight", PANGO_WEIGHT_BOLD, NULL);
  gtk_text_buffer_create_tag (buffer, RPT_TEXT_TAG_ITALIC, "style", PANGO_STYLE_ITALIC, NULL);
}

/**
 * rpt_text_buffer_new_link_tag:
 *
 * Returns: (transfer none): a new tag for one link to @href
 */
GtkTextTag *
rpt_text_buffer_new_link_tag (GtkTextBuffer *buffer, const char *href)
{
  GtkTextTag *tag = gtk_text_buffer_create_tag (buffer, NULL, "underline", PANGO_UNDERLINE_SINGLE,
                                                "foreground", "#1c71d8", NULL);
  g_object_set_data_full (G_OBJECT (tag), RPT_TEXT_HREF_KEY, g_strdup (href), g_free);
  return tag;
}

/**
 * rpt_text_buffer_new_note_tag:
 *
 * Returns: (transfer none): a new tag for the text of one footnote
 */
GtkTextTag *
rpt_text_buffer_new_note_tag (GtkTextBuffer *buffer)
{
  GtkTextTag *tag = gtk_text_buffer_create_tag (buffer, NULL, "scale", 0.85, "background",
                                                "rgba(153,193,241,0.35)", NULL);
  g_object_set_data (G_OBJECT (tag), RPT_TEXT_NOTE_KEY, GINT_TO_POINTER (1));
  return tag;
}

/**
 * rpt_text_buffer_set_markup:
 *
 * Replaces the buffer's text with @markup. Treaty-status fields become
 * child anchors; the view shows what it likes at them.
 */
gboolean
rpt_text_buffer_set_markup (GtkTextBuffer *buffer, const char *markup, GError **error)
{
  g_autoptr (GPtrArray) runs = NULL;
  g_autoptr (GHashTable) notes = NULL;
  g_autoptr (GHashTable) links = NULL;
  GtkTextTag *bold, *italic;
  GtkTextIter start, end;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), FALSE);

  runs = rpt_markup_parse (markup != NULL ? markup : "", error);
  if (runs == NULL)
    return FALSE;

  rpt_text_buffer_prepare (buffer);
  bold = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), RPT_TEXT_TAG_BOLD);
  italic = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (buffer), RPT_TEXT_TAG_ITALIC);
  notes = g_hash_table_new (NULL, NULL);
  links = g_hash_table_new (g_str_hash, g_str_equal);

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  gtk_text_buffer_delete (buffer, &start, &end);

  for (guint i = 0; i < runs->len; i++)
    {
      RptRun *run = g_ptr_array_index (runs, i);
      GtkTextIter iter;
      int offset;

      gtk_text_buffer_get_end_iter (buffer, &iter);
      offset = gtk_text_iter_get_offset (&iter);
      if (run->kind == RPT_RUN_TREATY_STATUS)
        {
          GtkTextChildAnchor *anchor = gtk_text_buffer_create_child_anchor (buffer, &iter);
          g_object_set_data_full (G_OBJECT (anchor), RPT_TEXT_INSTRUMENT_KEY,
                                  g_strdup (run->instrument), g_free);
        }
      else
        gtk_text_buffer_insert (buffer, &iter, run->text, -1);

      gtk_text_buffer_get_iter_at_offset (buffer, &start, offset);
      gtk_text_buffer_get_end_iter (buffer, &end);
      if (run->flags & RPT_RUN_BOLD)
        gtk_text_buffer_apply_tag (buffer, bold, &start, &end);
      if (run->flags & RPT_RUN_ITALIC)
        gtk_text_buffer_apply_tag (buffer, italic, &start, &end);
      if (run->note != 0)
        {
          GtkTextTag *tag = g_hash_table_lookup (notes, GUINT_TO_POINTER (run->note));
          if (tag == NULL)
            {
              tag = rpt_text_buffer_new_note_tag (buffer);
              g_hash_table_insert (notes, GUINT_TO_POINTER (run->note), tag);
            }
          gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
        }
      if (run->href != NULL)
        {
          /* Runs of one link in a row share a tag; a link after a gap is a
           * new one. */
          GtkTextTag *tag = NULL;
          RptRun *prev = i > 0 ? g_ptr_array_index (runs, i - 1) : NULL;
          if (prev != NULL && g_strcmp0 (prev->href, run->href) == 0 && prev->note == run->note)
            tag = g_hash_table_lookup (links, run->href);
          if (tag == NULL)
            {
              tag = rpt_text_buffer_new_link_tag (buffer, run->href);
              g_hash_table_insert (links, run->href, tag);
            }
          gtk_text_buffer_apply_tag (buffer, tag, &start, &end);
        }
    }
  return TRUE;
}

static void
append_segment (GPtrArray *runs,
                GtkTextIter *start,
                GtkTextIter *end,
                RptRunFlags flags,
                const char *href,
                guint note)
{
  GtkTextIter iter = *start;
  GString *text = g_string_new (NULL);

  /* Walk the characters: a U+FFFC is a field only where an anchor is. */
  while (gtk_text_iter_compare (&iter, end) < 0)
    {
      GtkTextChildAnchor *anchor = gtk_text_iter_get_child_anchor (&iter);
      gunichar c = gtk_text_iter_get_char (&iter);

      if (anchor != NULL)
        {
          const char *instrument = g_object_get_data (G_OBJECT (anchor), RPT_TEXT_INSTRUMENT_KEY);
          if (text->len > 0)
            {
              g_ptr_array_add (runs, rpt_run_new_text (text->str, flags, href, note));
              g_string_truncate (text, 0);
            }
          if (instrument != NULL)
            g_ptr_array_add (runs, rpt_run_new_treaty_status (instrument, flags, note));
        }
      else if (c != OBJECT_REPLACEMENT && c != 0)
        g_string_append_unichar (text, c);
      gtk_text_iter_forward_char (&iter);
    }
  if (text->len > 0)
    g_ptr_array_add (runs, rpt_run_new_text (text->str, flags, href, note));
  g_string_free (text, TRUE);
}

/**
 * rpt_text_buffer_dup_markup:
 *
 * Returns: the buffer's text as canonical inline markup
 */
char *
rpt_text_buffer_dup_markup (GtkTextBuffer *buffer)
{
  g_autoptr (GPtrArray) runs = g_ptr_array_new_with_free_func ((GDestroyNotify) rpt_run_free);
  g_autoptr (GHashTable) note_numbers = g_hash_table_new (NULL, NULL);
  g_autofree char *markup = NULL;
  GtkTextIter start, end, buffer_end;

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  gtk_text_buffer_get_start_iter (buffer, &start);
  gtk_text_buffer_get_end_iter (buffer, &buffer_end);
  while (gtk_text_iter_compare (&start, &buffer_end) < 0)
    {
      g_autoptr (GSList) tags = gtk_text_iter_get_tags (&start);
      RptRunFlags flags = 0;
      const char *href = NULL;
      guint note = 0;

      for (GSList *l = tags; l != NULL; l = l->next)
        {
          GtkTextTag *tag = l->data;
          g_autofree char *name = NULL;

          g_object_get (tag, "name", &name, NULL);
          if (g_strcmp0 (name, RPT_TEXT_TAG_BOLD) == 0)
            flags |= RPT_RUN_BOLD;
          else if (g_strcmp0 (name, RPT_TEXT_TAG_ITALIC) == 0)
            flags |= RPT_RUN_ITALIC;
          else if (g_object_get_data (G_OBJECT (tag), RPT_TEXT_HREF_KEY) != NULL)
            href = g_object_get_data (G_OBJECT (tag), RPT_TEXT_HREF_KEY);
          else if (g_object_get_data (G_OBJECT (tag), RPT_TEXT_NOTE_KEY) != NULL)
            {
              note = GPOINTER_TO_UINT (g_hash_table_lookup (note_numbers, tag));
              if (note == 0)
                {
                  note = g_hash_table_size (note_numbers) + 1;
                  g_hash_table_insert (note_numbers, tag, GUINT_TO_POINTER (note));
                }
            }
        }
      end = start;
      if (!gtk_text_iter_forward_to_tag_toggle (&end, NULL))
        end = buffer_end;
      append_segment (runs, &start, &end, flags, href, note);
      start = end;
    }

  markup = rpt_markup_from_runs (runs);
  {
    char *canonical = rpt_markup_normalize (markup, NULL, NULL);
    return canonical != NULL ? canonical : g_steal_pointer (&markup);
  }
}

/**
 * rpt_text_buffer_find_span:
 * @key: RPT_TEXT_HREF_KEY or RPT_TEXT_NOTE_KEY
 * @iter: where to look: the caret
 * @start: (out): where the link or note starts
 * @end: (out): where it ends
 *
 * Finds the link or footnote at @iter (the character after it, or at the
 * end of a span the one before).
 *
 * Returns: (transfer none) (nullable): its tag
 */
GtkTextTag *
rpt_text_buffer_find_span (GtkTextBuffer *buffer,
                           const char *key,
                           const GtkTextIter *iter,
                           GtkTextIter *start,
                           GtkTextIter *end)
{
  GtkTextIter at[2];

  g_return_val_if_fail (GTK_IS_TEXT_BUFFER (buffer), NULL);

  at[0] = at[1] = *iter;
  gtk_text_iter_backward_char (&at[1]);
  for (guint i = 0; i < G_N_ELEMENTS (at); i++)
    {
      g_autoptr (GSList) tags = gtk_text_iter_get_tags (&at[i]);

      for (GSList *l = tags; l != NULL; l = l->next)
        {
          GtkTextTag *tag = l->data;

          if (g_object_get_data (G_OBJECT (tag), key) == NULL)
            continue;
          *start = *end = at[i];
          if (!gtk_text_iter_starts_tag (start, tag))
            gtk_text_iter_backward_to_tag_toggle (start, tag);
          gtk_text_iter_forward_to_tag_toggle (end, tag);
          return tag;
        }
    }
  return NULL;
}
