/* rpt-layout-pages.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-layout-pages"

#include "rpt-layout-pages.h"

/* The core's layout engine as the preview's and printing's page source. */
struct _RptLayoutPages
{
  GObject parent_instance;

  RptLayout *layout;
};

static void page_source_iface_init (RptPageSourceInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (RptLayoutPages,
                               rpt_layout_pages,
                               G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (RPT_TYPE_PAGE_SOURCE, page_source_iface_init))

RptLayoutPages *
rpt_layout_pages_new (RptLayout *layout)
{
  RptLayoutPages *self;

  g_return_val_if_fail (RPT_IS_LAYOUT (layout), NULL);

  self = g_object_new (RPT_TYPE_LAYOUT_PAGES, NULL);
  self->layout = g_object_ref (layout);
  return self;
}

RptLayout *
rpt_layout_pages_get_layout (RptLayoutPages *self)
{
  g_return_val_if_fail (RPT_IS_LAYOUT_PAGES (self), NULL);
  return self->layout;
}

static guint
get_n_pages (RptPageSource *source)
{
  return rpt_layout_get_n_pages (RPT_LAYOUT_PAGES (source)->layout);
}

static void
get_page_size (RptPageSource *source, guint page, double *width, double *height)
{
  rpt_layout_get_page_size (RPT_LAYOUT_PAGES (source)->layout, page, width, height);
}

static void
draw_page (RptPageSource *source, guint page, cairo_t *cr)
{
  rpt_layout_draw_page (RPT_LAYOUT_PAGES (source)->layout, page, cr);
}

static gboolean
find_bookmark (RptPageSource *source, const char *name, guint *page, double *y)
{
  cairo_rectangle_t rect;

  if (!rpt_layout_find_bookmark (RPT_LAYOUT_PAGES (source)->layout, name, page, &rect))
    return FALSE;
  *y = rect.y;
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
rpt_layout_pages_finalize (GObject *object)
{
  g_clear_object (&RPT_LAYOUT_PAGES (object)->layout);
  G_OBJECT_CLASS (rpt_layout_pages_parent_class)->finalize (object);
}

static void
rpt_layout_pages_class_init (RptLayoutPagesClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = rpt_layout_pages_finalize;
}

static void
rpt_layout_pages_init (RptLayoutPages *self)
{
}
