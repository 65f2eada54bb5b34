/* rpt-page-source.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-page-source"

#include <glib/gi18n.h>

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
 * rpt_page_source_new_document:
 * @letter_xml: the letter, as rpt_letter_to_xml() writes it
 *
 * The document the templates make of the letter, for a layout kept from
 * one edit to the next (the preview: rpt_layout_set_document() re-shapes
 * only the paragraphs that changed). Blocking: call it from a worker.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
RptDocument *
rpt_page_source_new_document (const char *letter_xml, GError **error)
{
  g_autoptr (RptExport) export = rpt_export_new_for_xml (letter_xml, -1);
  g_autoptr (GBytes) bytes = rpt_export_run (export, RPT_EXPORT_FORMAT_DOCUMENT_XML, error);
  gsize length;
  const char *data;

  if (bytes == NULL)
    return NULL;
  data = g_bytes_get_data (bytes, &length);
  return rpt_document_new_from_data (data, (gssize) length, _ ("document XML"), error);
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

/**
 * rpt_page_source_new_for_comparison:
 * @old_xml: the older letter, as rpt_letter_to_xml() writes it
 * @new_xml: the newer letter
 * @old_label: (nullable): how to name the older letter on the first page
 * @new_label: (nullable): the same for the newer
 *
 * Lays out the redline of the two letters (rpt-redline.h): the pages the
 * redline PDF has. Blocking: call it from a worker.
 *
 * Returns: (transfer full): the pages, or %NULL with @error set
 */
RptPageSource *
rpt_page_source_new_for_comparison (const char *old_xml,
                                    const char *new_xml,
                                    const char *old_label,
                                    const char *new_label,
                                    GError **error)
{
  g_autoptr (RptDocument) document =
    rpt_page_source_new_comparison_document (old_xml, new_xml, old_label, new_label, NULL, error);
  g_autoptr (RptStyleSheet) styles = NULL;
  g_autoptr (RptLayout) layout = NULL;

  if (document == NULL)
    return NULL;
  styles = rpt_style_sheet_new_default ();
  layout = rpt_layout_new (styles);
  rpt_layout_set_document (layout, document);
  return RPT_PAGE_SOURCE (rpt_layout_pages_new (layout));
}

/**
 * rpt_page_source_new_comparison_document:
 * @margin_notes: (nullable): item id → a note for the margin beside it:
 *   the comments on the newer letter
 *
 * The redline document of two letters (rpt-redline.h). Blocking: call it
 * from a worker.
 *
 * Returns: (transfer full): the document, or %NULL with @error set
 */
RptDocument *
rpt_page_source_new_comparison_document (const char *old_xml,
                                         const char *new_xml,
                                         const char *old_label,
                                         const char *new_label,
                                         GHashTable *margin_notes,
                                         GError **error)
{
  g_autoptr (RptLetter) old_letter = rpt_letter_new_from_xml (old_xml, -1, "older.xml", error);
  g_autoptr (RptLetter) new_letter = NULL;
  g_autoptr (RptComparison) comparison = NULL;
  g_autoptr (RptRedline) redline = NULL;

  if (old_letter == NULL)
    return NULL;
  new_letter = rpt_letter_new_from_xml (new_xml, -1, "newer.xml", error);
  if (new_letter == NULL)
    return NULL;
  comparison = rpt_comparison_new (old_letter, new_letter, NULL, error);
  if (comparison == NULL)
    return NULL;
  rpt_comparison_set_labels (comparison, old_label, new_label);
  redline = rpt_redline_new (comparison, NULL, NULL, error);
  if (redline == NULL)
    return NULL;
  rpt_redline_set_margin_notes (redline, margin_notes);
  return rpt_redline_new_document (redline, error);
}
