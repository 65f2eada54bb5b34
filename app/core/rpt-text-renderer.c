/* rpt-text-renderer.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-layout"

#include <pango/pangocairo.h>
#include <string.h>

#include "rpt-text-renderer.h"

/**
 * RptTextRenderer:
 *
 * Draws laid-out lines with Cairo, as pango_cairo_show_layout_line() does
 * (glyphs, colours, underlines and strike-through come from
 * #PangoRenderer), but chooses the text that goes with each cluster of
 * glyphs, which is what PDF readers extract, search and copy:
 *
 * - the document's text where the layout's differs (the U+FE0E the layout
 *   adds after emoji, see rpt-layout.c), so the PDF's text is the letter's;
 * - in right-to-left runs, the characters of a cluster that several
 *   characters make (the lam-alef ligature, a letter with its marks) in
 *   the order they are drawn in. The page holds glyphs in visual order,
 *   and extractors (poppler's pdftotext, pdf.js) reorder what they read
 *   with the bidirectional algorithm, which turns such a cluster's text
 *   around too: given in logical order, "لإ" (lam, alef with hamza) came
 *   out as "إل". Given in visual order, it comes out right.
 *
 * Cairo 1.16 writes a cluster of one glyph as that glyph's ToUnicode
 * entry, and any other cluster as an /ActualText span; both are read the
 * same way.
 */
struct _RptTextRenderer
{
  PangoRenderer parent_instance;

  cairo_t *cr;
  const RptTextSubstitution *substitutions;
  guint n_substitutions;
};

G_DEFINE_FINAL_TYPE (RptTextRenderer, rpt_text_renderer, PANGO_TYPE_RENDERER)

static void
set_color (RptTextRenderer *self, PangoRenderPart part)
{
  PangoRenderer *renderer = PANGO_RENDERER (self);
  PangoColor *color = pango_renderer_get_color (renderer, part);
  guint16 a = pango_renderer_get_alpha (renderer, part);
  double red = 0, green = 0, blue = 0, alpha = 1;

  if (color == NULL && a == 0)
    return;
  if (color != NULL)
    {
      red = color->red / 65535.;
      green = color->green / 65535.;
      blue = color->blue / 65535.;
    }
  else
    {
      cairo_pattern_t *pattern = cairo_get_source (self->cr);
      if (cairo_pattern_get_type (pattern) == CAIRO_PATTERN_TYPE_SOLID)
        cairo_pattern_get_rgba (pattern, &red, &green, &blue, &alpha);
    }
  if (a != 0)
    alpha = a / 65535.;
  cairo_set_source_rgba (self->cr, red, green, blue, alpha);
}

/* A glyph no installed font has: a box, as Pango draws one (the layout
 * has warned about it). */
static void
draw_missing_glyph (RptTextRenderer *self, PangoFont *font, PangoGlyphInfo *gi, double x, double y)
{
  PangoRectangle logical;

  pango_font_get_glyph_extents (font, gi->glyph, NULL, &logical);
  cairo_save (self->cr);
  cairo_set_line_width (self->cr, 0.5);
  cairo_rectangle (self->cr, x + 1, y + pango_units_to_double (logical.y) + 1,
                   MAX (pango_units_to_double (gi->geometry.width) - 2, 0.5),
                   MAX (pango_units_to_double (logical.height) - 2, 0.5));
  cairo_stroke (self->cr);
  cairo_restore (self->cr);
}

static void
show_glyphs (RptTextRenderer *self,
             PangoFont *font,
             PangoGlyphString *glyphs,
             const char *text,
             int text_length,
             cairo_text_cluster_t *clusters,
             int n_clusters,
             gboolean backward,
             int x,
             int y)
{
  cairo_scaled_font_t *scaled = pango_cairo_font_get_scaled_font (PANGO_CAIRO_FONT (font));
  g_autofree cairo_glyph_t *cairo_glyphs = g_new (cairo_glyph_t, MAX (glyphs->num_glyphs, 1));
  double base_x = pango_units_to_double (x), base_y = pango_units_to_double (y);
  int position = 0, count = 0;

  cairo_save (self->cr);
  set_color (self, PANGO_RENDER_PART_FOREGROUND);
  if (scaled != NULL)
    cairo_set_scaled_font (self->cr, scaled);
  for (int i = 0; i < glyphs->num_glyphs; i++)
    {
      PangoGlyphInfo *gi = &glyphs->glyphs[i];
      double gx = base_x + pango_units_to_double (position + gi->geometry.x_offset);
      double gy = base_y + pango_units_to_double (gi->geometry.y_offset);

      position += gi->geometry.width;
      if (gi->glyph == PANGO_GLYPH_EMPTY)
        continue;
      if (scaled == NULL || (gi->glyph & PANGO_GLYPH_UNKNOWN_FLAG) != 0)
        {
          if (gi->glyph != (0x20 | PANGO_GLYPH_UNKNOWN_FLAG))
            draw_missing_glyph (self, font, gi, gx, gy);
          continue;
        }
      cairo_glyphs[count].index = gi->glyph;
      cairo_glyphs[count].x = gx;
      cairo_glyphs[count].y = gy;
      count++;
    }
  if (scaled != NULL)
    {
      if (clusters != NULL)
        cairo_show_text_glyphs (self->cr, text, text_length, cairo_glyphs, count, clusters,
                                n_clusters, backward ? CAIRO_TEXT_CLUSTER_FLAG_BACKWARD : 0);
      else
        cairo_show_glyphs (self->cr, cairo_glyphs, count);
    }
  cairo_restore (self->cr);
}

static void
rpt_text_renderer_draw_glyphs (PangoRenderer *renderer,
                               PangoFont *font,
                               PangoGlyphString *glyphs,
                               int x,
                               int y)
{
  show_glyphs (RPT_TEXT_RENDERER (renderer), font, glyphs, NULL, 0, NULL, 0, FALSE, x, y);
}

/* Appends the document's text for layout bytes [start, end). */
static void
append_document_text (RptTextRenderer *self, GString *out, const char *text, int start, int end)
{
  int p = start;

  while (p < end)
    {
      const RptTextSubstitution *sub = NULL;

      for (guint i = 0; i < self->n_substitutions; i++)
        if ((int) self->substitutions[i].start == p && (int) self->substitutions[i].end <= end)
          {
            sub = &self->substitutions[i];
            break;
          }
      if (sub != NULL)
        {
          g_string_append (out, sub->text);
          p = (int) sub->end;
        }
      else
        {
          const char *next = g_utf8_next_char (text + p);
          g_string_append_len (out, text + p, next - (text + p));
          p = (int) (next - text);
        }
    }
}

/* The characters of @s from @from on, in reverse order. */
static void
reverse_characters (GString *s, gsize from)
{
  g_autofree char *reversed = g_utf8_strreverse (s->str + from, (gssize) (s->len - from));

  g_string_truncate (s, from);
  g_string_append (s, reversed);
}

static void
rpt_text_renderer_draw_glyph_item (PangoRenderer *renderer,
                                   const char *text,
                                   PangoGlyphItem *glyph_item,
                                   int x,
                                   int y)
{
  RptTextRenderer *self = RPT_TEXT_RENDERER (renderer);
  PangoGlyphString *glyphs = glyph_item->glyphs;
  gboolean backward = (glyph_item->item->analysis.level & 1) != 0;
  g_autoptr (GString) out = g_string_sized_new ((gsize) glyph_item->item->length);
  g_autoptr (GArray) clusters = g_array_new (FALSE, FALSE, sizeof (cairo_text_cluster_t));
  PangoGlyphItemIter iter;

  if (!cairo_surface_has_show_text_glyphs (cairo_get_target (self->cr)))
    {
      show_glyphs (self, glyph_item->item->analysis.font, glyphs, NULL, 0, NULL, 0, FALSE, x, y);
      return;
    }

  if (pango_glyph_item_iter_init_start (&iter, glyph_item, text))
    do
      {
        cairo_text_cluster_t cluster;
        gsize from = out->len;
        int n_glyphs = 0;

        for (int i = MIN (iter.start_glyph, iter.end_glyph + 1);
             i < MAX (iter.start_glyph + 1, iter.end_glyph); i++)
          {
            PangoGlyph g = glyphs->glyphs[i].glyph;
            if (g != PANGO_GLYPH_EMPTY && (g & PANGO_GLYPH_UNKNOWN_FLAG) == 0)
              n_glyphs++;
          }
        append_document_text (self, out, text, iter.start_index, iter.end_index);
        if (backward && g_utf8_strlen (out->str + from, (gssize) (out->len - from)) > 1)
          reverse_characters (out, from);
        cluster.num_bytes = (int) (out->len - from);
        cluster.num_glyphs = n_glyphs;
        /* Cairo refuses a cluster of no text and no glyph. */
        if (cluster.num_bytes > 0 || cluster.num_glyphs > 0)
          g_array_append_val (clusters, cluster);
      }
    while (pango_glyph_item_iter_next_cluster (&iter));

  show_glyphs (self, glyph_item->item->analysis.font, glyphs, out->str, (int) out->len,
               (cairo_text_cluster_t *) (gpointer) clusters->data, (int) clusters->len, backward, x,
               y);
}

static void
rpt_text_renderer_draw_rectangle (PangoRenderer *renderer,
                                  PangoRenderPart part,
                                  int x,
                                  int y,
                                  int width,
                                  int height)
{
  RptTextRenderer *self = RPT_TEXT_RENDERER (renderer);

  cairo_save (self->cr);
  set_color (self, part);
  cairo_rectangle (self->cr, pango_units_to_double (x), pango_units_to_double (y),
                   pango_units_to_double (width), pango_units_to_double (height));
  cairo_fill (self->cr);
  cairo_restore (self->cr);
}

static void
rpt_text_renderer_draw_trapezoid (PangoRenderer *renderer,
                                  PangoRenderPart part,
                                  double y1,
                                  double x11,
                                  double x21,
                                  double y2,
                                  double x12,
                                  double x22)
{
  RptTextRenderer *self = RPT_TEXT_RENDERER (renderer);

  /* With no matrix set on the renderer, trapezoids come in the user
   * space of the cairo_t (points), not in Pango units. */
  cairo_save (self->cr);
  set_color (self, part);
  cairo_move_to (self->cr, x11, y1);
  cairo_line_to (self->cr, x21, y1);
  cairo_line_to (self->cr, x22, y2);
  cairo_line_to (self->cr, x12, y2);
  cairo_close_path (self->cr);
  cairo_fill (self->cr);
  cairo_restore (self->cr);
}

static void
rpt_text_renderer_draw_error_underline (PangoRenderer *renderer,
                                        int x,
                                        int y,
                                        int width,
                                        int height)
{
  /* Not used by the house style: a plain underline if it ever is. */
  rpt_text_renderer_draw_rectangle (renderer, PANGO_RENDER_PART_UNDERLINE, x, y, width, height / 3);
}

static void
rpt_text_renderer_class_init (RptTextRendererClass *klass)
{
  PangoRendererClass *renderer_class = PANGO_RENDERER_CLASS (klass);

  renderer_class->draw_glyphs = rpt_text_renderer_draw_glyphs;
  renderer_class->draw_glyph_item = rpt_text_renderer_draw_glyph_item;
  renderer_class->draw_rectangle = rpt_text_renderer_draw_rectangle;
  renderer_class->draw_trapezoid = rpt_text_renderer_draw_trapezoid;
  renderer_class->draw_error_underline = rpt_text_renderer_draw_error_underline;
}

static void
rpt_text_renderer_init (RptTextRenderer *self)
{
}

RptTextRenderer *
rpt_text_renderer_new (void)
{
  return g_object_new (RPT_TYPE_TEXT_RENDERER, NULL);
}

/**
 * rpt_text_renderer_draw_line:
 * @x: left of the line's logical extents, in @cr's user space (points)
 * @baseline: its baseline
 * @substitutions: (array length=n_substitutions): where the layout's text
 *   is not the document's, sorted
 */
void
rpt_text_renderer_draw_line (RptTextRenderer *self,
                             cairo_t *cr,
                             PangoLayoutLine *line,
                             double x,
                             double baseline,
                             const RptTextSubstitution *substitutions,
                             guint n_substitutions)
{
  g_return_if_fail (RPT_IS_TEXT_RENDERER (self));
  g_return_if_fail (cr != NULL);

  self->cr = cr;
  self->substitutions = substitutions;
  self->n_substitutions = n_substitutions;
  pango_renderer_draw_layout_line (PANGO_RENDERER (self), line, pango_units_from_double (x),
                                   pango_units_from_double (baseline));
  self->cr = NULL;
  self->substitutions = NULL;
  self->n_substitutions = 0;
}
