/* rpt-text-renderer.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <pango/pango.h>

G_BEGIN_DECLS

/* Pango 1.50 has no autoptr for its renderer base class, which
 * G_DECLARE_FINAL_TYPE needs. */
#ifndef RPT_PANGO_RENDERER_AUTOPTR
#define RPT_PANGO_RENDERER_AUTOPTR
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PangoRenderer, g_object_unref)
#endif

#define RPT_TYPE_TEXT_RENDERER (rpt_text_renderer_get_type ())

G_DECLARE_FINAL_TYPE (RptTextRenderer, rpt_text_renderer, RPT, TEXT_RENDERER, PangoRenderer)

/**
 * RptTextSubstitution:
 * @start: first byte, in the text of the layout being drawn
 * @end: end of the range
 * @text: what the document has there ("" for a character the layout
 *   added)
 *
 * A place where the text given to Pango differs from the document's, so
 * that the text embedded in the PDF is the document's.
 */
typedef struct
{
  guint start;
  guint end;
  const char *text;
} RptTextSubstitution;

RptTextRenderer *rpt_text_renderer_new (void);
void rpt_text_renderer_draw_line (RptTextRenderer *self,
                                  cairo_t *cr,
                                  PangoLayoutLine *line,
                                  double x,
                                  double baseline,
                                  const RptTextSubstitution *substitutions,
                                  guint n_substitutions);

G_END_DECLS
