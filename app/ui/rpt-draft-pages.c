/* rpt-draft-pages.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-draft-pages"

#include <glib/gi18n.h>
#include <pango/pangocairo.h>

#include "rpt-draft-pages.h"

/**
 * RptDraftPages:
 *
 * A plain page layout of the letter's own text (what the drafter typed, in
 * the letter's order, with the English boilerplate around it) for builds
 * without the layout engine. It draws the same A4 pages, breaks and
 * bookmarks the preview and printing need, not the house style.
 */

#define PAGE_WIDTH 595.276
#define PAGE_HEIGHT 841.89
#define MARGIN_X 70.0
#define MARGIN_TOP 72.0
#define MARGIN_BOTTOM 72.0
#define PARA_GAP 8.0

typedef struct
{
  PangoLayout *layout;
  char *bookmark;
} Para;

typedef struct
{
  guint para;
  int line;
  double y; /* baseline, in points from the top of the page */
} PlacedLine;

struct _RptDraftPages
{
  GObject parent_instance;

  PangoFontMap *font_map;
  PangoContext *context;
  GPtrArray *paras;  /* Para */
  GPtrArray *pages;  /* GArray of PlacedLine */
  GHashTable *marks; /* bookmark → page << 16 | y */
  GHashTable *mark_y;
};

static void page_source_iface_init (RptPageSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RptDraftPages,
                               rpt_draft_pages,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (RPT_TYPE_PAGE_SOURCE, page_source_iface_init))

static void
para_free (Para *p)
{
  g_object_unref (p->layout);
  g_free (p->bookmark);
  g_free (p);
}

static void
add_para (RptDraftPages *self,
          const char *markup,
          gboolean is_inline,
          const char *prefix,
          const char *style,
          const char *id)
{
  Para *p = g_new0 (Para, 1);
  g_autoptr (GString) pango = g_string_new (NULL);
  PangoFontDescription *font;
  PangoAttrList *attrs = NULL;
  g_autofree char *text = NULL;

  if (prefix != NULL)
    {
      g_autofree char *esc = g_markup_escape_text (prefix, -1);
      g_string_append (pango, esc);
    }
  if (is_inline)
    {
      /* Inline markup to Pango markup: b and i are the same; the rest reads
       * as text. */
      g_autoptr (GPtrArray) runs = rpt_markup_parse (markup, NULL);
      for (guint i = 0; runs != NULL && i < runs->len; i++)
        {
          RptRun *run = g_ptr_array_index (runs, i);
          g_autofree char *esc = NULL;

          if (run->kind == RPT_RUN_TREATY_STATUS)
            esc = g_strdup_printf ("[%s]", run->instrument);
          else
            esc = g_markup_escape_text (run->text, -1);
          if (run->note != 0)
            g_string_append (pango, "<span size='smaller' rise='3000'>");
          if (run->flags & RPT_RUN_BOLD)
            g_string_append (pango, "<b>");
          if (run->flags & RPT_RUN_ITALIC)
            g_string_append (pango, "<i>");
          if (run->href != NULL)
            g_string_append (pango, "<u>");
          g_string_append (pango, esc);
          if (run->href != NULL)
            g_string_append (pango, "</u>");
          if (run->flags & RPT_RUN_ITALIC)
            g_string_append (pango, "</i>");
          if (run->flags & RPT_RUN_BOLD)
            g_string_append (pango, "</b>");
          if (run->note != 0)
            g_string_append (pango, "</span>");
        }
    }
  else if (markup != NULL)
    {
      g_autofree char *esc = g_markup_escape_text (markup, -1);
      g_string_append (pango, esc);
    }

  p->layout = pango_layout_new (self->context);
  font = pango_font_description_from_string (g_str_equal (style, "heading") ? "Serif Bold 12"
                                                                            : "Serif 11");
  pango_layout_set_font_description (p->layout, font);
  pango_font_description_free (font);
  pango_layout_set_width (p->layout, pango_units_from_double (PAGE_WIDTH - 2 * MARGIN_X));
  pango_layout_set_wrap (p->layout, PANGO_WRAP_WORD_CHAR);
  if (g_str_equal (style, "body"))
    pango_layout_set_justify (p->layout, TRUE);
  if (g_str_equal (style, "center") || g_str_equal (style, "heading"))
    pango_layout_set_alignment (p->layout, PANGO_ALIGN_CENTER);
  if (g_str_equal (style, "right"))
    pango_layout_set_alignment (p->layout, PANGO_ALIGN_RIGHT);
  if (pango_parse_markup (pango->str, -1, 0, &attrs, &text, NULL, NULL))
    {
      pango_layout_set_text (p->layout, text, -1);
      pango_layout_set_attributes (p->layout, attrs);
      pango_attr_list_unref (attrs);
    }
  else
    pango_layout_set_text (p->layout, pango->str, -1);
  p->bookmark = id != NULL ? g_strconcat ("rpt-", id, NULL) : NULL;
  g_ptr_array_add (self->paras, p);
}

static void
add_part (RptDraftPages *self, RptLetter *letter, RptPart part, gboolean numbered)
{
  guint n = rpt_letter_get_n_items (letter, part);

  for (guint i = 0; i < n; i++)
    {
      RptParagraph *para = rpt_letter_get_item (letter, part, i);
      g_autofree char *prefix = numbered ? g_strdup_printf ("%u. ", i + 1) : NULL;
      add_para (self, rpt_paragraph_get_text (para), TRUE, prefix, "body",
                rpt_paragraph_get_id (para));
    }
}

static void
build_paras (RptDraftPages *self, RptLetter *letter)
{
  g_autoptr (GString) mandates = g_string_new (NULL);
  g_autofree char *reference = rpt_letter_dup_reference (letter);
  guint n_mandates = rpt_letter_get_n_items (letter, RPT_PART_MANDATES);
  g_autofree char *summary = NULL;

  for (guint i = 0; i < n_mandates; i++)
    {
      RptMandate *m = rpt_letter_get_item (letter, RPT_PART_MANDATES, i);
      const char *title = rpt_mandate_get_title (m);
      if (i > 0)
        g_string_append (mandates, i + 1 == n_mandates ? " and " : "; ");
      g_string_append (mandates, title != NULL ? title : rpt_mandate_get_key (m));
    }
  add_para (self, "PALAIS DES NATIONS • 1211 GENEVA 10, SWITZERLAND", FALSE, NULL, "center", NULL);
  if (mandates->len > 0)
    {
      g_string_prepend (mandates, n_mandates > 1 ? "Mandates of the " : "Mandate of the ");
      add_para (self, mandates->str, FALSE, NULL, "heading", NULL);
    }
  {
    g_autofree char *ref =
      g_strdup_printf ("Ref.: %s", reference != NULL ? reference : "(no number yet)");
    add_para (self, ref, FALSE, NULL, "left", NULL);
  }
  if (rpt_letter_get_date (letter) != NULL)
    add_para (self, rpt_letter_get_date (letter), FALSE, NULL, "right", NULL);
  add_para (self, "Excellency,", FALSE, NULL, "left", NULL);

  summary = g_strdup_printf ("<b>%s</b>.", rpt_letter_get_summary (letter));
  add_para (self, summary, TRUE,
            "We have the honour to address you in our capacities as Special Procedures "
            "mandate holders, in connection with information we have received concerning the ",
            "body", NULL);
  add_part (self, letter, RPT_PART_PROFILE, FALSE);
  if (rpt_letter_get_n_items (letter, RPT_PART_FACTS) > 0)
    add_para (self, "According to the information received:", FALSE, NULL, "left", NULL);
  add_part (self, letter, RPT_PART_FACTS, FALSE);
  if (rpt_letter_get_n_items (letter, RPT_PART_CONCERNS) > 0)
    add_para (self, "While we do not wish to prejudge the accuracy of these allegations,", FALSE,
              NULL, "left", NULL);
  add_part (self, letter, RPT_PART_CONCERNS, FALSE);
  if (rpt_letter_get_n_items (letter, RPT_PART_QUESTIONS) > 0)
    add_para (self, "We would be grateful for your observations on the following matters:", FALSE,
              NULL, "left", NULL);
  add_part (self, letter, RPT_PART_QUESTIONS, TRUE);
  add_para (self,
            "This communication and any response received from your Excellency’s Government "
            "will be made public via the communications reporting website within 60 days.",
            FALSE, NULL, "body", NULL);
  add_para (self, "Please accept, Excellency, the assurances of our highest consideration.", FALSE,
            NULL, "body", NULL);
  for (guint i = 0; i < rpt_letter_get_n_items (letter, RPT_PART_SIGNATORIES); i++)
    {
      RptSignatory *s = rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, i);
      add_para (self, rpt_signatory_get_name (s), FALSE, NULL, "center", rpt_signatory_get_id (s));
    }
  if (rpt_letter_get_n_items (letter, RPT_PART_ANNEX) > 0)
    {
      add_para (self, "Annex", FALSE, NULL, "heading", NULL);
      add_para (self, "Reference to international human rights law", FALSE, NULL, "heading", NULL);
    }
  add_part (self, letter, RPT_PART_ANNEX, FALSE);
}

static void
paginate (RptDraftPages *self)
{
  GArray *page = g_array_new (FALSE, FALSE, sizeof (PlacedLine));
  double y = MARGIN_TOP;

  g_ptr_array_add (self->pages, page);
  for (guint i = 0; i < self->paras->len; i++)
    {
      Para *p = g_ptr_array_index (self->paras, i);
      PangoLayoutIter *iter = pango_layout_get_iter (p->layout);
      int line = 0;

      do
        {
          PangoRectangle logical;
          double height, baseline;
          PlacedLine placed;

          pango_layout_iter_get_line_extents (iter, NULL, &logical);
          height = pango_units_to_double (logical.height);
          baseline = pango_units_to_double (pango_layout_iter_get_baseline (iter) - logical.y);
          if (y + height > PAGE_HEIGHT - MARGIN_BOTTOM && page->len > 0)
            {
              page = g_array_new (FALSE, FALSE, sizeof (PlacedLine));
              g_ptr_array_add (self->pages, page);
              y = MARGIN_TOP;
            }
          if (line == 0 && p->bookmark != NULL)
            {
              g_hash_table_insert (self->marks, g_strdup (p->bookmark),
                                   GUINT_TO_POINTER (self->pages->len - 1));
              g_hash_table_insert (self->mark_y, g_strdup (p->bookmark), GINT_TO_POINTER ((int) y));
            }
          placed.para = i;
          placed.line = line++;
          placed.y = y + baseline;
          g_array_append_val (page, placed);
          y += height;
        }
      while (pango_layout_iter_next_line (iter));
      pango_layout_iter_free (iter);
      y += PARA_GAP;
    }
}

RptDraftPages *
rpt_draft_pages_new (RptLetter *letter)
{
  RptDraftPages *self = g_object_new (RPT_TYPE_DRAFT_PAGES, NULL);
  cairo_font_options_t *options = cairo_font_options_create ();

  self->font_map = pango_cairo_font_map_new ();
  self->context = pango_font_map_create_context (self->font_map);
  /* Points as units, no hinting: the same layout at every zoom. */
  pango_cairo_context_set_resolution (self->context, 72);
  cairo_font_options_set_hint_metrics (options, CAIRO_HINT_METRICS_OFF);
  cairo_font_options_set_hint_style (options, CAIRO_HINT_STYLE_NONE);
  pango_cairo_context_set_font_options (self->context, options);
  cairo_font_options_destroy (options);
  pango_context_set_round_glyph_positions (self->context, FALSE);

  build_paras (self, letter);
  paginate (self);
  return self;
}

static guint
get_n_pages (RptPageSource *source)
{
  return RPT_DRAFT_PAGES (source)->pages->len;
}

static void
get_page_size (RptPageSource *source, guint page, double *width, double *height)
{
  *width = PAGE_WIDTH;
  *height = PAGE_HEIGHT;
}

static void
draw_page (RptPageSource *source, guint n, cairo_t *cr)
{
  RptDraftPages *self = RPT_DRAFT_PAGES (source);
  GArray *page = g_ptr_array_index (self->pages, n);

  cairo_save (cr);
  cairo_set_source_rgb (cr, 0, 0, 0);
  for (guint i = 0; i < page->len; i++)
    {
      PlacedLine *placed = &g_array_index (page, PlacedLine, i);
      Para *p = g_ptr_array_index (self->paras, placed->para);
      PangoLayoutLine *line = pango_layout_get_line_readonly (p->layout, placed->line);
      PangoRectangle logical;

      pango_layout_line_get_extents (line, NULL, &logical);
      cairo_move_to (cr, MARGIN_X + pango_units_to_double (logical.x), placed->y);
      pango_cairo_show_layout_line (cr, line);
    }
  {
    g_autofree char *number = g_strdup_printf ("%u", n + 1);
    PangoLayout *footer = pango_layout_new (self->context);
    PangoFontDescription *font = pango_font_description_from_string ("Serif 9");
    int w;

    pango_layout_set_font_description (footer, font);
    pango_font_description_free (font);
    pango_layout_set_text (footer, number, -1);
    pango_layout_get_size (footer, &w, NULL);
    cairo_move_to (cr, (PAGE_WIDTH - pango_units_to_double (w)) / 2, PAGE_HEIGHT - 40);
    pango_cairo_show_layout (cr, footer);
    g_object_unref (footer);
  }
  cairo_restore (cr);
}

static gboolean
find_bookmark (RptPageSource *source, const char *name, guint *page, double *y)
{
  RptDraftPages *self = RPT_DRAFT_PAGES (source);
  gpointer value;

  if (!g_hash_table_lookup_extended (self->marks, name, NULL, &value))
    return FALSE;
  *page = GPOINTER_TO_UINT (value);
  *y = GPOINTER_TO_INT (g_hash_table_lookup (self->mark_y, name));
  return TRUE;
}

static void
page_source_iface_init (RptPageSourceInterface *iface)
{
  iface->get_n_pages = get_n_pages;
  iface->get_page_size = get_page_size;
  iface->draw_page = draw_page;
  iface->find_bookmark = find_bookmark;
}

static void
rpt_draft_pages_finalize (GObject *object)
{
  RptDraftPages *self = RPT_DRAFT_PAGES (object);

  g_ptr_array_unref (self->paras);
  g_ptr_array_unref (self->pages);
  g_hash_table_unref (self->marks);
  g_hash_table_unref (self->mark_y);
  g_clear_object (&self->context);
  g_clear_object (&self->font_map);
  G_OBJECT_CLASS (rpt_draft_pages_parent_class)->finalize (object);
}

static void
rpt_draft_pages_class_init (RptDraftPagesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_draft_pages_finalize;
}

static void
rpt_draft_pages_init (RptDraftPages *self)
{
  self->paras = g_ptr_array_new_with_free_func ((GDestroyNotify) para_free);
  self->pages = g_ptr_array_new_with_free_func ((GDestroyNotify) g_array_unref);
  self->marks = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  self->mark_y = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}
