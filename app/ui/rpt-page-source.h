/* rpt-page-source.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <cairo.h>
#include <gio/gio.h>

#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_PAGE_SOURCE (rpt_page_source_get_type ())

G_DECLARE_INTERFACE (RptPageSource, rpt_page_source, RPT, PAGE_SOURCE, GObject)

/**
 * RptPageSourceInterface:
 * @get_n_pages: how many pages the letter has
 * @get_page_size: the size of @page in points
 * @draw_page: draws @page onto @cr, whose user space is in points with the
 *   origin at the page's top left corner
 * @find_bookmark: where the named place `rpt-<item id>` is: its page and
 *   its distance in points from the page's top
 *
 * Laid-out pages of a letter, as the preview and printing draw them. Made
 * in a worker thread, then used from one thread at a time.
 */
struct _RptPageSourceInterface
{
  GTypeInterface parent_iface;

  guint (*get_n_pages) (RptPageSource *self);
  void (*get_page_size) (RptPageSource *self, guint page, double *width, double *height);
  void (*draw_page) (RptPageSource *self, guint page, cairo_t *cr);
  gboolean (*find_bookmark) (RptPageSource *self, const char *name, guint *page, double *y);
};

guint rpt_page_source_get_n_pages (RptPageSource *self);
void rpt_page_source_get_page_size (RptPageSource *self, guint page, double *width, double *height);
void rpt_page_source_draw_page (RptPageSource *self, guint page, cairo_t *cr);
gboolean
rpt_page_source_find_bookmark (RptPageSource *self, const char *name, guint *page, double *y);

RptLayout *rpt_page_source_new_layout (const char *letter_xml, GError **error);
RptDocument *rpt_page_source_new_document (const char *letter_xml, GError **error);
RptDocument *rpt_page_source_new_comparison_document (const char *old_xml,
                                                      const char *new_xml,
                                                      const char *old_label,
                                                      const char *new_label,
                                                      GHashTable *margin_notes,
                                                      GError **error);
RptPageSource *rpt_page_source_new_for_xml (const char *letter_xml, GError **error);
RptPageSource *rpt_page_source_new_for_comparison (const char *old_xml,
                                                   const char *new_xml,
                                                   const char *old_label,
                                                   const char *new_label,
                                                   GError **error);

G_END_DECLS
