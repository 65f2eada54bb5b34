/* rpt-preview-page.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-preview-page"

#include <glib/gi18n.h>

#include "rpt-preview-page.h"

/* One page of the preview: blank paper the size of the page until its
 * picture, rendered off the main thread when the page scrolls into view,
 * arrives; a picture from before an edit stays until the new one replaces
 * it, so nothing flickers. The picture is drawn at whatever size the page
 * has (fit to the preview's width, or a zoom), with the page's
 * proportions. */
struct _RptPreviewPage
{
  GtkWidget parent_instance;

  GdkTexture *texture;
  guint generation; /* of the layout the picture shows */
  double width_pt;
  double height_pt;
  int width_px; /* -1: as wide as it is given */
};

G_DEFINE_FINAL_TYPE (RptPreviewPage, rpt_preview_page, GTK_TYPE_WIDGET)

GtkWidget *
rpt_preview_page_new (void)
{
  return g_object_new (RPT_TYPE_PREVIEW_PAGE, NULL);
}

void
rpt_preview_page_set_size (RptPreviewPage *self,
                           double width_pt,
                           double height_pt,
                           guint number,
                           guint n_pages)
{
  g_autofree char *label = NULL;

  g_return_if_fail (RPT_IS_PREVIEW_PAGE (self));

  if (width_pt != self->width_pt || height_pt != self->height_pt)
    {
      self->width_pt = width_pt;
      self->height_pt = height_pt;
      gtk_widget_queue_resize (GTK_WIDGET (self));
    }
  /* Translators: the preview's pages, for screen readers */
  label = g_strdup_printf (_ ("Page %u of %u"), number, n_pages);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self), GTK_ACCESSIBLE_PROPERTY_LABEL, label, -1);
}

/**
 * rpt_preview_page_set_width:
 * @width_px: the page's width at the zoom chosen, or -1 to fit the width
 *   it is given
 */
void
rpt_preview_page_set_width (RptPreviewPage *self, int width_px)
{
  g_return_if_fail (RPT_IS_PREVIEW_PAGE (self));

  if (self->width_px == width_px)
    return;
  self->width_px = width_px;
  gtk_widget_set_halign (GTK_WIDGET (self), width_px > 0 ? GTK_ALIGN_CENTER : GTK_ALIGN_FILL);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

/**
 * rpt_preview_page_set_texture:
 * @texture: (nullable): the page's picture, or %NULL to free it (the page
 *   scrolled far away)
 * @generation: the layout it is a picture of
 */
void
rpt_preview_page_set_texture (RptPreviewPage *self, GdkTexture *texture, guint generation)
{
  g_return_if_fail (RPT_IS_PREVIEW_PAGE (self));

  g_set_object (&self->texture, texture);
  self->generation = texture != NULL ? generation : 0;
  gtk_widget_queue_draw (GTK_WIDGET (self));
}

GdkTexture *
rpt_preview_page_get_texture (RptPreviewPage *self)
{
  g_return_val_if_fail (RPT_IS_PREVIEW_PAGE (self), NULL);
  return self->texture;
}

guint
rpt_preview_page_get_generation (RptPreviewPage *self)
{
  g_return_val_if_fail (RPT_IS_PREVIEW_PAGE (self), 0);
  return self->generation;
}

/**
 * rpt_preview_page_get_scale:
 *
 * Returns: pixels per point at the page's current width
 */
double
rpt_preview_page_get_scale (RptPreviewPage *self)
{
  g_return_val_if_fail (RPT_IS_PREVIEW_PAGE (self), 1.0);
  if (self->width_pt <= 0)
    return 1.0;
  return gtk_widget_get_width (GTK_WIDGET (self)) / self->width_pt;
}

static GtkSizeRequestMode
rpt_preview_page_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rpt_preview_page_measure (GtkWidget *widget,
                          GtkOrientation orientation,
                          int for_size,
                          int *minimum,
                          int *natural,
                          int *minimum_baseline,
                          int *natural_baseline)
{
  RptPreviewPage *self = RPT_PREVIEW_PAGE (widget);
  double ratio = self->width_pt > 0 ? self->height_pt / self->width_pt : 1.414;

  if (orientation == GTK_ORIENTATION_HORIZONTAL)
    {
      *minimum = self->width_px > 0 ? self->width_px : 100;
      *natural = self->width_px > 0 ? self->width_px : 600;
    }
  else
    {
      int width = self->width_px > 0 ? self->width_px : for_size > 0 ? for_size : 600;
      *minimum = *natural = (int) (width * ratio + 0.5);
    }
}

static void
rpt_preview_page_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  RptPreviewPage *self = RPT_PREVIEW_PAGE (widget);
  graphene_rect_t bounds;
  GdkRGBA white = { 1, 1, 1, 1 };

  graphene_rect_init (&bounds, 0, 0, gtk_widget_get_width (widget), gtk_widget_get_height (widget));
  /* Paper is white in the dark style too: this is the letter as printed. */
  gtk_snapshot_append_color (snapshot, &white, &bounds);
  if (self->texture != NULL)
    gtk_snapshot_append_texture (snapshot, self->texture, &bounds);
}

static void
rpt_preview_page_dispose (GObject *object)
{
  RptPreviewPage *self = RPT_PREVIEW_PAGE (object);

  g_clear_object (&self->texture);
  G_OBJECT_CLASS (rpt_preview_page_parent_class)->dispose (object);
}

static void
rpt_preview_page_class_init (RptPreviewPageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_preview_page_dispose;
  widget_class->get_request_mode = rpt_preview_page_get_request_mode;
  widget_class->measure = rpt_preview_page_measure;
  widget_class->snapshot = rpt_preview_page_snapshot;
  gtk_widget_class_set_css_name (widget_class, "previewpage");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_IMG);
}

static void
rpt_preview_page_init (RptPreviewPage *self)
{
  self->width_pt = 595.276;
  self->height_pt = 841.89;
  self->width_px = -1;
}
