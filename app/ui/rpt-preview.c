/* rpt-preview.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-preview"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rpt-layout-pages.h"
#include "rpt-preview-page.h"
#include "rpt-preview.h"

/**
 * RptPreview:
 *
 * The letter's real pages beside the form. Typing never waits for it: a
 * change starts a timer; when it fires, the letter is serialized (on the
 * main thread, cheap) and laid out and rendered to pictures in a worker.
 * One job runs at a time; changes meanwhile make one more job after it.
 * The new pictures replace the old ones in place, so the scroll position
 * stays where the drafter left it.
 *
 * Above the pages, the notes the rendering made: what the letter lacks
 * (a title or sentence missing in its language, a date, a summary) and
 * reference data to check, where the drafter looks, as the command line
 * prints them.
 */
struct _RptPreview
{
  GtkWidget parent_instance;

  RptLetter *letter;
  RptLetter *old_letter; /* set for a redline of it against the letter */
  char *old_label;
  char *new_label;
  RptPageSource *source;
  GCancellable *cancellable;
  guint timeout_id;
  gint64 first_change;
  gboolean running;
  gboolean pending;
  guint64 revision;     /* of the letter the pages show */
  int rendered_width;   /* in device pixels */
  char *reveal_id;      /* waiting for pages */
  gboolean pending_map; /* a letter, waiting for the widget to be shown */
  guint first_idle_id;

  GtkRevealer *notes_revealer;
  GtkLabel *notes_title;
  GtkBox *notes_box;
  GStrv notes;
  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkBox *pages_box;
  AdwStatusPage *error_page;
  GtkLabel *pages_label;
};

G_DEFINE_FINAL_TYPE (RptPreview, rpt_preview, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_N_PAGES,
  PROP_REVISION,
  PROP_NOTES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule (RptPreview *self, guint delay);

typedef struct
{
  char *xml;
  char *old_xml; /* a redline: the older letter */
  char *old_label;
  char *new_label;
  guint64 revision;
  int width_px;
  RptPageSource *source;
  GPtrArray *textures; /* GBytes, one per page, ARGB32 premultiplied */
  int *heights_px;
  GStrv notes;
} Job;

static void
job_free (Job *job)
{
  g_free (job->xml);
  g_free (job->old_xml);
  g_free (job->old_label);
  g_free (job->new_label);
  g_clear_object (&job->source);
  g_clear_pointer (&job->textures, g_ptr_array_unref);
  g_free (job->heights_px);
  g_strfreev (job->notes);
  g_free (job);
}

static void
job_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  GError *error = NULL;
  guint n;

  if (job->old_xml != NULL)
    {
      /* A redline: its notes are the comparison's own first page. */
      job->source = rpt_page_source_new_for_comparison (job->old_xml, job->xml, job->old_label,
                                                        job->new_label, &error);
      if (job->source == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
    }
  else
    {
      g_autoptr (RptExport) export = rpt_export_new_for_xml (job->xml, -1);
      g_autoptr (RptLayout) layout = rpt_export_new_layout (export, &error);

      if (layout == NULL)
        {
          g_task_return_error (task, error);
          return;
        }
      job->notes = g_strdupv ((char **) rpt_export_get_notes (export));
      job->source = RPT_PAGE_SOURCE (rpt_layout_pages_new (layout));
    }
  n = rpt_page_source_get_n_pages (job->source);
  job->textures = g_ptr_array_new_with_free_func ((GDestroyNotify) g_bytes_unref);
  job->heights_px = g_new0 (int, n);
  for (guint i = 0; i < n; i++)
    {
      double w, h, scale;
      int height;
      cairo_surface_t *surface;
      cairo_t *cr;

      if (g_cancellable_is_cancelled (cancellable))
        break;
      rpt_page_source_get_page_size (job->source, i, &w, &h);
      scale = job->width_px / w;
      height = (int) (h * scale + 0.5);
      surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, job->width_px, height);
      cr = cairo_create (surface);
      cairo_set_source_rgb (cr, 1, 1, 1);
      cairo_paint (cr);
      cairo_scale (cr, scale, scale);
      rpt_page_source_draw_page (job->source, i, cr);
      cairo_destroy (cr);
      cairo_surface_flush (surface);
      g_ptr_array_add (job->textures,
                       g_bytes_new (cairo_image_surface_get_data (surface),
                                    (gsize) cairo_image_surface_get_stride (surface) * height));
      job->heights_px[i] = height;
      cairo_surface_destroy (surface);
    }
  g_task_return_boolean (task, TRUE);
}

static void
reveal_now (RptPreview *self, const char *id)
{
  g_autofree char *name = g_strconcat ("rpt-", id, NULL);
  g_autofree char *listed = g_strconcat ("rpt-change-", id, NULL);
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *page_widget;
  graphene_point_t point;
  guint page;
  double y;

  /* In a redline, what has no paragraph of its own (a mandate, a field)
   * is found in the list of changes on the first page. */
  if (self->source == NULL || (!rpt_page_source_find_bookmark (self->source, name, &page, &y) &&
                               !rpt_page_source_find_bookmark (self->source, listed, &page, &y)))
    return;
  page_widget = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
  for (guint i = 0; i < page && page_widget != NULL; i++)
    page_widget = gtk_widget_get_next_sibling (page_widget);
  if (page_widget == NULL || !gtk_widget_compute_point (page_widget, GTK_WIDGET (self->pages_box),
                                                        &GRAPHENE_POINT_INIT (0, 0), &point))
    return;
  y = point.y + y * rpt_preview_page_get_scale (RPT_PREVIEW_PAGE (page_widget));
  /* Only scroll when the place is off screen: reading it must not jump. */
  if (y < gtk_adjustment_get_value (adj) + 24 ||
      y > gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) - 48)
    gtk_adjustment_set_value (adj, y - 48);
}

static void
show_notes (RptPreview *self, GStrv notes)
{
  GtkWidget *child;
  guint n = notes != NULL ? g_strv_length (notes) : 0;

  if (self->notes != NULL && notes != NULL &&
      g_strv_equal ((const char *const *) self->notes, (const char *const *) notes))
    return;
  g_strfreev (self->notes);
  self->notes = g_strdupv (notes);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->notes_box))) != NULL)
    gtk_box_remove (self->notes_box, child);
  for (guint i = 0; i < n; i++)
    {
      /* Translators: one point to check, in the list above the preview */
      g_autofree char *text = g_strdup_printf (_ ("• %s"), notes[i]);
      GtkWidget *label = gtk_label_new (text);

      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_selectable (GTK_LABEL (label), TRUE);
      gtk_box_append (self->notes_box, label);
    }
  if (n > 0)
    {
      g_autofree char *title =
        g_strdup_printf (g_dngettext (NULL, "%u point to check before sending",
                                      "%u points to check before sending", n),
                         n);
      gtk_label_set_text (self->notes_title, title);
    }
  gtk_revealer_set_reveal_child (self->notes_revealer, n > 0);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_NOTES]);
}

static void
job_done_cb (GObject *object, GAsyncResult *result, gpointer user_data)
{
  RptPreview *self = RPT_PREVIEW (object);
  g_autoptr (GError) error = NULL;
  Job *job = g_task_get_task_data (G_TASK (result));
  GtkWidget *child;
  guint n;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      self->running = FALSE;
      adw_status_page_set_description (self->error_page, error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      if (self->pending)
        schedule (self, RPT_PREVIEW_DELAY_MS);
      return;
    }
  self->running = FALSE;

  show_notes (self, job->notes);
  g_set_object (&self->source, job->source);
  self->rendered_width = job->width_px;
  n = job->textures->len;

  /* Reuse the page widgets: the scroll position stays put. */
  child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
  for (guint i = 0; i < n; i++)
    {
      GBytes *bytes = g_ptr_array_index (job->textures, i);
      g_autoptr (GdkTexture) texture = NULL;
      double w, h;

      if (child == NULL)
        {
          child = rpt_preview_page_new ();
          gtk_widget_add_css_class (child, "card");
          gtk_box_append (self->pages_box, child);
        }
      rpt_page_source_get_page_size (job->source, i, &w, &h);
      texture = gdk_memory_texture_new (job->width_px, job->heights_px[i], GDK_MEMORY_DEFAULT,
                                        bytes, g_bytes_get_size (bytes) / job->heights_px[i]);
      rpt_preview_page_set_page (RPT_PREVIEW_PAGE (child), texture, w, h, i + 1, n);
      child = gtk_widget_get_next_sibling (child);
    }
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      gtk_box_remove (self->pages_box, child);
      child = next;
    }

  {
    /* Translators: below the preview */
    g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u page", "%u pages", n), n);
    gtk_label_set_text (self->pages_label, text);
  }
  gtk_stack_set_visible_child_name (self->stack, "pages");
  self->revision = job->revision;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);

  if (self->reveal_id != NULL)
    {
      g_autofree char *id = g_steal_pointer (&self->reveal_id);
      reveal_now (self, id);
    }
  if (self->pending)
    schedule (self, RPT_PREVIEW_DELAY_MS);
}

static int
target_width (RptPreview *self)
{
  int width = gtk_widget_get_width (GTK_WIDGET (self->pages_box));
  int scale = gtk_widget_get_scale_factor (GTK_WIDGET (self));

  if (width <= 0)
    width = 400;
  return MIN (width, 1200) * scale;
}

static gboolean
timeout_cb (gpointer user_data)
{
  RptPreview *self = user_data;
  g_autoptr (GTask) task = NULL;
  Job *job;

  self->timeout_id = 0;
  if (self->letter == NULL)
    return G_SOURCE_REMOVE;
  self->pending = FALSE;
  self->running = TRUE;
  self->first_change = 0;

  job = g_new0 (Job, 1);
  job->xml = rpt_letter_to_xml (self->letter, NULL);
  if (self->old_letter != NULL)
    {
      job->old_xml = rpt_letter_to_xml (self->old_letter, NULL);
      job->old_label = g_strdup (self->old_label);
      job->new_label = g_strdup (self->new_label);
    }
  job->revision = rpt_letter_get_revision (self->letter);
  job->width_px = target_width (self);
  task = g_task_new (self, self->cancellable, job_done_cb, NULL);
  g_task_set_source_tag (task, timeout_cb);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  g_task_run_in_thread (task, job_thread);
  return G_SOURCE_REMOVE;
}

static void
schedule (RptPreview *self, guint delay)
{
  gint64 now = g_get_monotonic_time ();

  if (self->running)
    {
      self->pending = TRUE;
      return;
    }
  if (self->first_change == 0)
    self->first_change = now;
  /* Debounced, but never put off past RPT_PREVIEW_MAX_DELAY_MS. */
  if (now - self->first_change + delay * 1000 > RPT_PREVIEW_MAX_DELAY_MS * 1000)
    delay = MAX (0, RPT_PREVIEW_MAX_DELAY_MS - (now - self->first_change) / 1000);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  self->timeout_id = g_timeout_add (delay, timeout_cb, self);
}

static void
letter_changed_cb (RptPreview *self)
{
  schedule (self, RPT_PREVIEW_DELAY_MS);
}

static gboolean
first_layout_cb (gpointer user_data)
{
  RptPreview *self = user_data;

  self->first_idle_id = 0;
  self->pending_map = FALSE;
  if (self->letter != NULL)
    schedule (self, 0);
  return G_SOURCE_REMOVE;
}

void
rpt_preview_set_letter (RptPreview *self, RptLetter *letter)
{
  g_return_if_fail (RPT_IS_PREVIEW (self));

  if (self->letter == letter)
    return;
  if (self->letter != NULL)
    g_signal_handlers_disconnect_by_func (self->letter, letter_changed_cb, self);
  g_set_object (&self->letter, letter);
  if (letter != NULL)
    {
      g_signal_connect_swapped (letter, "changed", G_CALLBACK (letter_changed_cb), self);
      /* The first layout waits for the window to be on screen: on a small
       * machine it would otherwise compete with the window's first frame. */
      if (gtk_widget_get_mapped (GTK_WIDGET (self)))
        schedule (self, 0);
      else
        {
          /* Hidden, the pages are still made (for printing), later. */
          self->pending_map = TRUE;
          g_clear_handle_id (&self->first_idle_id, g_source_remove);
          self->first_idle_id =
            g_timeout_add_full (G_PRIORITY_LOW, 1000, first_layout_cb, self, NULL);
        }
    }
}

static void
rpt_preview_map (GtkWidget *widget)
{
  RptPreview *self = RPT_PREVIEW (widget);

  GTK_WIDGET_CLASS (rpt_preview_parent_class)->map (widget);
  if (self->pending_map)
    {
      g_clear_handle_id (&self->first_idle_id, g_source_remove);
      self->first_idle_id = g_timeout_add_full (G_PRIORITY_LOW, 50, first_layout_cb, self, NULL);
    }
}

/**
 * rpt_preview_set_compare_with:
 * @old_letter: (nullable): the older letter, or %NULL for the letter alone
 * @old_label: (nullable): how the redline's first page names it
 * @new_label: (nullable): how it names the letter
 *
 * Shows the redline of @old_letter against the preview's letter instead of
 * the letter: the pages of the redline PDF. Either letter may go on
 * changing; the pages follow.
 */
void
rpt_preview_set_compare_with (RptPreview *self,
                              RptLetter *old_letter,
                              const char *old_label,
                              const char *new_label)
{
  g_return_if_fail (RPT_IS_PREVIEW (self));

  if (self->old_letter != NULL)
    g_signal_handlers_disconnect_by_func (self->old_letter, letter_changed_cb, self);
  g_set_object (&self->old_letter, old_letter);
  g_free (self->old_label);
  g_free (self->new_label);
  self->old_label = g_strdup (old_label);
  self->new_label = g_strdup (new_label);
  if (old_letter != NULL)
    g_signal_connect_swapped (old_letter, "changed", G_CALLBACK (letter_changed_cb), self);
  if (self->letter != NULL)
    schedule (self, 0);
}

/**
 * rpt_preview_reveal_item:
 *
 * Scrolls to the item's place in the letter (its bookmark `rpt-<id>`),
 * now or once the pages that hold it are made.
 */
void
rpt_preview_reveal_item (RptPreview *self, const char *item_id)
{
  g_return_if_fail (RPT_IS_PREVIEW (self));

  g_free (self->reveal_id);
  self->reveal_id = NULL;
  if (self->running || self->timeout_id != 0)
    self->reveal_id = g_strdup (item_id);
  else
    reveal_now (self, item_id);
}

guint
rpt_preview_get_n_pages (RptPreview *self)
{
  g_return_val_if_fail (RPT_IS_PREVIEW (self), 0);
  return self->source != NULL ? rpt_page_source_get_n_pages (self->source) : 0;
}

guint64
rpt_preview_get_revision (RptPreview *self)
{
  g_return_val_if_fail (RPT_IS_PREVIEW (self), 0);
  return self->revision;
}

gboolean
rpt_preview_get_busy (RptPreview *self)
{
  g_return_val_if_fail (RPT_IS_PREVIEW (self), FALSE);
  return self->running || self->timeout_id != 0 || self->first_idle_id != 0 || self->pending_map;
}

/**
 * rpt_preview_get_notes:
 *
 * Returns: (transfer none) (nullable): the notes shown above the pages:
 *   what the letter lacks and what the drafter should check
 */
const char *const *
rpt_preview_get_notes (RptPreview *self)
{
  g_return_val_if_fail (RPT_IS_PREVIEW (self), NULL);
  return (const char *const *) self->notes;
}

/**
 * rpt_preview_get_vadjustment:
 *
 * Returns: (transfer none): where the pages are scrolled to
 */
GtkAdjustment *
rpt_preview_get_vadjustment (RptPreview *self)
{
  g_return_val_if_fail (RPT_IS_PREVIEW (self), NULL);
  return gtk_scrolled_window_get_vadjustment (self->scroller);
}

/**
 * rpt_preview_get_page_source:
 *
 * Returns: (transfer none) (nullable): the pages shown, for printing
 */
RptPageSource *
rpt_preview_get_page_source (RptPreview *self)
{
  g_return_val_if_fail (RPT_IS_PREVIEW (self), NULL);
  return self->source;
}

static void
width_changed_cb (RptPreview *self)
{
  /* Render again for a new width, once it settles: sharp text, no
   * stretched pictures. */
  if (self->letter != NULL && self->rendered_width > 0 &&
      ABS (target_width (self) - self->rendered_width) > 8)
    schedule (self, RPT_PREVIEW_DELAY_MS);
}

static void
rpt_preview_dispose (GObject *object)
{
  RptPreview *self = RPT_PREVIEW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->first_idle_id, g_source_remove);
  if (self->letter != NULL)
    g_signal_handlers_disconnect_by_func (self->letter, letter_changed_cb, self);
  if (self->old_letter != NULL)
    g_signal_handlers_disconnect_by_func (self->old_letter, letter_changed_cb, self);
  g_clear_object (&self->letter);
  g_clear_object (&self->old_letter);
  g_clear_object (&self->source);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_PREVIEW);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  G_OBJECT_CLASS (rpt_preview_parent_class)->dispose (object);
}

static void
rpt_preview_finalize (GObject *object)
{
  RptPreview *self = RPT_PREVIEW (object);

  g_clear_object (&self->cancellable);
  g_free (self->reveal_id);
  g_free (self->old_label);
  g_free (self->new_label);
  g_strfreev (self->notes);
  G_OBJECT_CLASS (rpt_preview_parent_class)->finalize (object);
}

static void
rpt_preview_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptPreview *self = RPT_PREVIEW (object);

  switch (prop_id)
    {
    case PROP_N_PAGES:
      g_value_set_uint (value, rpt_preview_get_n_pages (self));
      break;
    case PROP_REVISION:
      g_value_set_uint64 (value, self->revision);
      break;
    case PROP_NOTES:
      g_value_set_boxed (value, self->notes);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_preview_class_init (RptPreviewClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_preview_dispose;
  object_class->finalize = rpt_preview_finalize;
  object_class->get_property = rpt_preview_get_property;
  widget_class->map = rpt_preview_map;

  properties[PROP_N_PAGES] =
    g_param_spec_uint ("n-pages", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_REVISION] =
    g_param_spec_uint64 ("revision", NULL, NULL, 0, G_MAXUINT64, 0,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_NOTES] =
    g_param_spec_boxed ("notes", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/gnome/Rapporteur/ui/rpt-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, RptPreview, notes_revealer);
  gtk_widget_class_bind_template_child (widget_class, RptPreview, notes_title);
  gtk_widget_class_bind_template_child (widget_class, RptPreview, notes_box);
  gtk_widget_class_bind_template_child (widget_class, RptPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, RptPreview, scroller);
  gtk_widget_class_bind_template_child (widget_class, RptPreview, pages_box);
  gtk_widget_class_bind_template_child (widget_class, RptPreview, error_page);
  gtk_widget_class_bind_template_child (widget_class, RptPreview, pages_label);
  gtk_widget_class_set_css_name (widget_class, "preview");
}

static void
rpt_preview_init (RptPreview *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  g_signal_connect_object (gtk_scrolled_window_get_hadjustment (self->scroller),
                           "notify::page-size", G_CALLBACK (width_changed_cb), self,
                           G_CONNECT_SWAPPED);
}
