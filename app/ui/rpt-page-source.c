/* rpt-page-source.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-page-source"

#include "rpt-layout-pages.h"
#include "rpt-page-source.h"

G_DEFINE_INTERFACE (RptPageSource, rpt_page_source, G_TYPE_OBJECT)

static void
rpt_page_source_default_init (RptPageSourceInterface *iface)
{
}

guint
rpt_page_source_get_n_pages (RptPageSource *self)
{
  g_return_val_if_fail (RPT_IS_PAGE_SOURCE (self), 0);
  return RPT_PAGE_SOURCE_GET_IFACE (self)->get_n_pages (self);
}

void
rpt_page_source_get_page_size (RptPageSource *self, guint page, double *width, double *height)
{
  g_return_if_fail (RPT_IS_PAGE_SOURCE (self));
  RPT_PAGE_SOURCE_GET_IFACE (self)->get_page_size (self, page, width, height);
}

void
rpt_page_source_draw_page (RptPageSource *self, guint page, cairo_t *cr)
{
  g_return_if_fail (RPT_IS_PAGE_SOURCE (self));
  g_return_if_fail (page < rpt_page_source_get_n_pages (self));
  RPT_PAGE_SOURCE_GET_IFACE (self)->draw_page (self, page, cr);
}

gboolean
rpt_page_source_find_bookmark (RptPageSource *self, const char *name, guint *page, double *y)
{
  g_return_val_if_fail (RPT_IS_PAGE_SOURCE (self), FALSE);
  return RPT_PAGE_SOURCE_GET_IFACE (self)->find_bookmark (self, name, page, y);
}

/**
 * rpt_page_source_new_layout:
 * @letter_xml: the letter, as rpt_letter_to_xml() writes it
 *
 * Lays the letter out the one way every output does: templates, document
 * XML, layout engine (docs/pipeline.md). Blocking: call it from a worker.
 *
 * Returns: (transfer full): the layout, or %NULL with @error set
 */
RptLayout *
rpt_page_source_new_layout (const char *letter_xml, GError **error)
{
  g_autoptr (RptExport) export = rpt_export_new_for_xml (letter_xml, -1);

  return rpt_export_new_layout (export, error);
}

/**
 * rpt_page_source_new_for_xml:
 *
 * Returns: (transfer full): the letter's pages, or %NULL with @error set
 */
RptPageSource *
rpt_page_source_new_for_xml (const char *letter_xml, GError **error)
{
  g_autoptr (RptLayout) layout = rpt_page_source_new_layout (letter_xml, error);

  if (layout == NULL)
    return NULL;
  return RPT_PAGE_SOURCE (rpt_layout_pages_new (layout));
}
