/* rpt-preview.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-preview"

#include <adwaita.h>
#include <glib/gi18n.h>
#ifdef __GLIBC__
#include <malloc.h>
#endif

#include "rpt-page-source.h"
#include "rpt-preview-page.h"
#include "rpt-preview.h"

/**
 * RptPreview:
 *
 * The letter's real pages beside the form. Typing never waits for it:
 *
 * - A change starts a timer; when it fires, the letter is serialized (on
 *   the main thread, cheap) and sent to the preview's own worker thread.
 * - The worker keeps one layout for the life of the preview and gives it
 *   each new version of the document: the layout engine re-shapes only the
 *   paragraphs that changed and paginates again (docs/layout.md), so a
 *   keystroke in a letter of a thousand pages costs one paragraph. Only the
 *   number and sizes of the pages come back.
 * - Pages are drawn only when they scroll into view: the main thread asks
 *   the worker for the pictures of the pages on screen (and one either
 *   side), and lets go of those far away. A long letter holds a handful of
 *   pictures, not one per page.
 * - A picture from before an edit stays up until its new one arrives, so
 *   nothing flickers and the scroll position stays where the drafter left
 *   it.
 *
 * One layout runs at a time; changes meanwhile make one more after it.
 * Requests for pictures of a layout that has been replaced are dropped.
 *
 * What the letter lacks and what to check before sending is not the
 * preview's: the window's checks panel shows it (rpt-checks-panel.c).
 */

/* Pictures are kept for the pages within this many screens of the view. */
#define KEEP_SCREENS 2
/* Wider pictures are drawn scaled up: a page at 400 % is not 57 MB. */
#define MAX_TEXTURE_WIDTH 2400
#define ZOOM_MIN 0.25
#define ZOOM_MAX 4.0
#define ZOOM_STEP 1.25
/* Pixels per point at 100 %: 96 dpi. */
#define ZOOM_100 (96.0 / 72.0)

typedef enum
{
  REQUEST_LAYOUT,
  REQUEST_RENDER,
  REQUEST_FIND,
  REQUEST_QUIT,
} RequestKind;

/* Shared by the preview and its worker; the worker holds a reference
 * until it quits, each reply one until it is dispatched. */
typedef struct
{
  gatomicrefcount ref;
  GAsyncQueue *queue;  /* Request */
  RptPreview *preview; /* main thread only; NULL once the preview is gone */
  gint latest;         /* atomic: the newest layout asked for */
} Channel;

typedef struct
{
  RequestKind kind;
  guint generation;
  char *xml;
  char *old_xml;
  char *old_label;
  char *new_label;
  guint64 revision;
  guint page;
  int width_px;
  char *name;
  char *fallback;
  GHashTable *margin_notes; /* item id → note, the worker's own copy */
} Request;

typedef struct
{
  RequestKind kind;
  Channel *channel;
  guint generation;
  GError *error;
  guint64 revision;
  guint n_pages;
  double *sizes; /* width, height of each page, in points */
  guint page;
  int width_px;
  int height_px;
  int stride;
  GBytes *bytes;
  gboolean found;
  double y;
} Reply;

struct _RptPreview
{
  GtkWidget parent_instance;

  RptLetter *letter;
  RptLetter *old_letter; /* set for a redline of it against the letter */
  char *old_label;
  char *new_label;

  Channel *channel;
  guint timeout_id;
  gint64 first_change;
  gboolean running;
  gboolean pending;
  gboolean pending_map; /* a change, waiting for the widget to be shown */
  guint first_idle_id;
  guint requested;  /* generation of the layout sent last */
  guint shown;      /* generation of the layout the pages show */
  guint64 revision; /* of the letter the pages show */
  guint n_pages;
  double *sizes;
  GHashTable *rendering; /* page → GINT_TO_POINTER (width asked for) */
  char *reveal_id;       /* waiting for the layout */
  guint update_id;
  double zoom;              /* pixels per point; 0 to fit the width */
  GHashTable *margin_notes; /* item id → note; NULL for none */

  GtkStack *stack;
  GtkScrolledWindow *scroller;
  GtkBox *pages_box;
  AdwStatusPage *error_page;
  GtkLabel *pages_label;
  GtkButton *zoom_button;
};

G_DEFINE_FINAL_TYPE (RptPreview, rpt_preview, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_N_PAGES,
  PROP_REVISION,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void schedule (RptPreview *self, guint delay);
static void queue_update (RptPreview *self);

/* --- the worker ----------------------------------------------------- */

static Channel *
channel_ref (Channel *channel)
{
  g_atomic_ref_count_inc (&channel->ref);
  return channel;
}

static void
channel_unref (Channel *channel)
{
  if (g_atomic_ref_count_dec (&channel->ref))
    {
      g_async_queue_unref (channel->queue);
      g_free (channel);
    }
}

static void
request_free (Request *request)
{
  g_free (request->xml);
  g_free (request->old_xml);
  g_free (request->old_label);
  g_free (request->new_label);
  g_free (request->name);
  g_free (request->fallback);
  g_clear_pointer (&request->margin_notes, g_hash_table_unref);
  g_free (request);
}

static void
reply_free (Reply *reply)
{
  channel_unref (reply->channel);
  g_clear_error (&reply->error);
  g_free (reply->sizes);
  g_clear_pointer (&reply->bytes, g_bytes_unref);
  g_free (reply);
}

static gboolean dispatch_reply (gpointer data);

static Reply *
reply_new (Channel *channel, Request *request)
{
  Reply *reply = g_new0 (Reply, 1);

  reply->kind = request->kind;
  reply->channel = channel_ref (channel);
  reply->generation = request->generation;
  reply->page = request->page;
  reply->width_px = request->width_px;
  return reply;
}

static void
post (Reply *reply)
{
  g_main_context_invoke_full (NULL, G_PRIORITY_DEFAULT, dispatch_reply, reply,
                              (GDestroyNotify) reply_free);
}

static void
worker_layout (Channel *channel, RptLayout *layout, Request *request, guint *current)
{
  Reply *reply = reply_new (channel, request);
  g_autoptr (RptDocument) document = NULL;

  reply->revision = request->revision;
  if (request->old_xml != NULL)
    document = rpt_page_source_new_comparison_document (request->old_xml, request->xml,
                                                        request->old_label, request->new_label,
                                                        request->margin_notes, &reply->error);
  else
    {
      g_autoptr (RptExport) export = rpt_export_new_for_xml (request->xml, -1);
      g_autoptr (GBytes) bytes = NULL;

      rpt_export_set_margin_notes (export, request->margin_notes);
      bytes = rpt_export_run (export, RPT_EXPORT_FORMAT_DOCUMENT_XML, &reply->error);

      if (bytes != NULL)
        {
          gsize length;
          const char *data = g_bytes_get_data (bytes, &length);

          document =
            rpt_document_new_from_data (data, (gssize) length, _ ("document XML"), &reply->error);
        }
    }
  if (document != NULL)
    {
      rpt_layout_set_document (layout, document);
      *current = request->generation;
      reply->n_pages = rpt_layout_get_n_pages (layout);
      reply->sizes = g_new0 (double, 2 * MAX (reply->n_pages, 1));
      for (guint i = 0; i < reply->n_pages; i++)
        rpt_layout_get_page_size (layout, i, &reply->sizes[2 * i], &reply->sizes[2 * i + 1]);
    }
  post (reply);
#ifdef __GLIBC__
  /* The templates' and the parser's trees of a long letter are tens of
   * megabytes, gone once the layout has what it keeps: give them back to
   * the system rather than keep them in this thread's heap. */
  malloc_trim (0);
#endif
}

static void
worker_render (Channel *channel, RptLayout *layout, Request *request, guint current)
{
  Reply *reply = reply_new (channel, request);
  double w, h, scale;
  cairo_surface_t *surface;
  cairo_t *cr;

  /* A picture of a layout already replaced is of no use: say so, so the
   * page can be asked for again. */
  if (request->generation != current ||
      request->generation < (guint) g_atomic_int_get (&channel->latest) ||
      request->page >= rpt_layout_get_n_pages (layout))
    {
      post (reply);
      return;
    }
  rpt_layout_get_page_size (layout, request->page, &w, &h);
  scale = request->width_px / w;
  reply->height_px = MAX ((int) (h * scale + 0.5), 1);
  surface = cairo_image_surface_create (CAIRO_FORMAT_ARGB32, request->width_px, reply->height_px);
  cr = cairo_create (surface);
  cairo_set_source_rgb (cr, 1, 1, 1);
  cairo_paint (cr);
  cairo_scale (cr, scale, scale);
  rpt_layout_draw_page (layout, request->page, cr);
  cairo_destroy (cr);
  cairo_surface_flush (surface);
  reply->stride = cairo_image_surface_get_stride (surface);
  reply->bytes =
    g_bytes_new (cairo_image_surface_get_data (surface), (gsize) reply->stride * reply->height_px);
  cairo_surface_destroy (surface);
  post (reply);
}

static void
worker_find (Channel *channel, RptLayout *layout, Request *request, guint current)
{
  Reply *reply = reply_new (channel, request);
  cairo_rectangle_t rect;

  /* In a redline, what has no paragraph of its own (a mandate, a field)
   * is found in the list of changes on the first page. */
  if (request->generation == current &&
      (rpt_layout_find_bookmark (layout, request->name, &reply->page, &rect) ||
       (request->fallback != NULL &&
        rpt_layout_find_bookmark (layout, request->fallback, &reply->page, &rect))))
    {
      reply->found = TRUE;
      reply->y = rect.y;
    }
  post (reply);
}

/* The preview's own thread: its layout, and so its fonts, live here. */
static gpointer
worker (gpointer data)
{
  Channel *channel = data;
  g_autoptr (RptStyleSheet) styles = rpt_style_sheet_new_default ();
  g_autoptr (RptLayout) layout = rpt_layout_new (styles);
  guint current = 0;

  /* A few pages are drawn at a time: the shaped text of the rest need not
   * stay in memory (about 15 kB a paragraph). */
  rpt_layout_set_shape_limit (layout, 400);
  for (;;)
    {
      Request *request = g_async_queue_pop (channel->queue);
      RequestKind kind = request->kind;

      switch (kind)
        {
        case REQUEST_LAYOUT:
          worker_layout (channel, layout, request, &current);
          break;
        case REQUEST_RENDER:
          worker_render (channel, layout, request, current);
          break;
        case REQUEST_FIND:
          worker_find (channel, layout, request, current);
          break;
        case REQUEST_QUIT:
        default:
          break;
        }
      request_free (request);
      if (kind == REQUEST_QUIT)
        break;
    }
  channel_unref (channel);
  return NULL;
}

static void
send (RptPreview *self, Request *request)
{
  if (self->channel == NULL)
    {
      g_autoptr (GThread) thread = NULL;

      self->channel = g_new0 (Channel, 1);
      g_atomic_ref_count_init (&self->channel->ref);
      self->channel->queue = g_async_queue_new ();
      self->channel->preview = self;
      thread = g_thread_new ("rpt-preview", worker, channel_ref (self->channel));
    }
  g_async_queue_push (self->channel->queue, request);
}

/* --- the pages ------------------------------------------------------ */

static int
scale_factor (RptPreview *self)
{
  return gtk_widget_get_scale_factor (GTK_WIDGET (self));
}

static GtkWidget *
nth_page (RptPreview *self, guint n)
{
  GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));

  for (guint i = 0; i < n && page != NULL; i++)
    page = gtk_widget_get_next_sibling (page);
  return page;
}

static void
update_zoom_label (RptPreview *self)
{
  g_autofree char *text = NULL;

  if (self->zoom <= 0)
    /* Translators: the preview's zoom: as wide as the preview */
    text = g_strdup (C_ ("zoom", "Fit"));
  else
    /* Translators: the preview's zoom, e.g. "150%" */
    text = g_strdup_printf (_ ("%d%%"), (int) (self->zoom / ZOOM_100 * 100 + 0.5));
  gtk_button_set_label (self->zoom_button, text);
}

static void
apply_zoom (RptPreview *self)
{
  guint i = 0;

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box)); page != NULL;
       page = gtk_widget_get_next_sibling (page), i++)
    rpt_preview_page_set_width (
      RPT_PREVIEW_PAGE (page),
      self->zoom > 0 && i < self->n_pages ? (int) (self->sizes[2 * i] * self->zoom + 0.5) : -1);
  update_zoom_label (self);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-in",
                                 self->zoom <= 0 || self->zoom < ZOOM_MAX * ZOOM_100);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "preview.zoom-out",
                                 self->zoom <= 0 || self->zoom > ZOOM_MIN * ZOOM_100);
  queue_update (self);
}

/* Pictures for the pages in view, none for those far away. */
static gboolean
update_cb (gpointer user_data)
{
  RptPreview *self = user_data;
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  double top = gtk_adjustment_get_value (adj);
  double page_size = gtk_adjustment_get_page_size (adj);
  guint i = 0;

  self->update_id = 0;
  if (self->shown == 0 || !gtk_widget_get_mapped (GTK_WIDGET (self)))
    return G_SOURCE_REMOVE;
  for (GtkWidget *child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box)); child != NULL;
       child = gtk_widget_get_next_sibling (child), i++)
    {
      RptPreviewPage *page = RPT_PREVIEW_PAGE (child);
      graphene_point_t at;
      double height = gtk_widget_get_height (child);
      int width = MIN (gtk_widget_get_width (child) * scale_factor (self), MAX_TEXTURE_WIDTH);
      GdkTexture *texture = rpt_preview_page_get_texture (page);
      gpointer asked;

      if (width <= 0 || !gtk_widget_compute_point (child, GTK_WIDGET (self->pages_box),
                                                   &GRAPHENE_POINT_INIT (0, 0), &at))
        continue;
      if (at.y + height < top - KEEP_SCREENS * page_size ||
          at.y > top + (KEEP_SCREENS + 1) * page_size)
        {
          if (texture != NULL)
            rpt_preview_page_set_texture (page, NULL, 0);
          continue;
        }
      /* In view, or one screen either side: drawn ahead of the scroll. */
      if (at.y + height < top - page_size || at.y > top + 2 * page_size)
        continue;
      if (texture != NULL && rpt_preview_page_get_generation (page) == self->shown &&
          ABS (gdk_texture_get_width (texture) - width) <= 8)
        continue;
      if (g_hash_table_lookup_extended (self->rendering, GUINT_TO_POINTER (i), NULL, &asked) &&
          ABS (GPOINTER_TO_INT (asked) - width) <= 8)
        continue;
      {
        Request *request = g_new0 (Request, 1);

        request->kind = REQUEST_RENDER;
        request->generation = self->shown;
        request->page = i;
        request->width_px = width;
        g_hash_table_insert (self->rendering, GUINT_TO_POINTER (i), GINT_TO_POINTER (width));
        send (self, request);
      }
    }
  return G_SOURCE_REMOVE;
}

static void
queue_update (RptPreview *self)
{
  if (self->update_id == 0)
    self->update_id = g_idle_add_full (G_PRIORITY_DEFAULT_IDLE + 10, update_cb, self, NULL);
}

static void
reveal_at (RptPreview *self, guint page, double y_pt)
{
  GtkAdjustment *adj = gtk_scrolled_window_get_vadjustment (self->scroller);
  GtkWidget *page_widget = nth_page (self, page);
  graphene_point_t point;
  double y;

  if (page_widget == NULL || !gtk_widget_compute_point (page_widget, GTK_WIDGET (self->pages_box),
                                                        &GRAPHENE_POINT_INIT (0, 0), &point))
    return;
  y = point.y + y_pt * rpt_preview_page_get_scale (RPT_PREVIEW_PAGE (page_widget));
  /* Only scroll when the place is off screen: reading it must not jump. */
  if (y < gtk_adjustment_get_value (adj) + 24 ||
      y > gtk_adjustment_get_value (adj) + gtk_adjustment_get_page_size (adj) - 48)
    gtk_adjustment_set_value (adj, y - 48);
}

static void
find (RptPreview *self, const char *id)
{
  Request *request;

  /* The start and the end of the letter need no search. */
  if (g_str_equal (id, RPT_PREVIEW_START) || g_str_equal (id, RPT_PREVIEW_END))
    {
      if (self->n_pages > 0)
        reveal_at (self, g_str_equal (id, RPT_PREVIEW_START) ? 0 : self->n_pages - 1, 0);
      return;
    }
  request = g_new0 (Request, 1);
  request->kind = REQUEST_FIND;
  request->generation = self->shown;
  request->name = g_strconcat ("rpt-", id, NULL);
  request->fallback = g_strconcat ("rpt-change-", id, NULL);
  send (self, request);
}

static void
layout_done (RptPreview *self, Reply *reply)
{
  guint n = reply->n_pages;
  GtkWidget *child;

  self->running = FALSE;
  if (reply->error != NULL)
    {
      adw_status_page_set_description (self->error_page, reply->error->message);
      gtk_stack_set_visible_child_name (self->stack, "error");
      if (self->pending)
        schedule (self, RPT_PREVIEW_DELAY_MS);
      return;
    }

  self->shown = reply->generation;
  self->revision = reply->revision;
  self->n_pages = n;
  g_free (self->sizes);
  self->sizes = g_steal_pointer (&reply->sizes);
  g_hash_table_remove_all (self->rendering);

  /* Reuse the page widgets: the scroll position stays put, the old
   * pictures stay up until the new ones come. */
  child = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));
  for (guint i = 0; i < n; i++)
    {
      if (child == NULL)
        {
          child = rpt_preview_page_new ();
          gtk_widget_add_css_class (child, "card");
          gtk_box_append (self->pages_box, child);
        }
      rpt_preview_page_set_size (RPT_PREVIEW_PAGE (child), self->sizes[2 * i],
                                 self->sizes[2 * i + 1], i + 1, n);
      child = gtk_widget_get_next_sibling (child);
    }
  while (child != NULL)
    {
      GtkWidget *next = gtk_widget_get_next_sibling (child);
      gtk_box_remove (self->pages_box, child);
      child = next;
    }
  apply_zoom (self);

  {
    /* Translators: below the preview */
    g_autofree char *text = g_strdup_printf (g_dngettext (NULL, "%u page", "%u pages", n), n);
    gtk_label_set_text (self->pages_label, text);
  }
  gtk_stack_set_visible_child_name (self->stack, "pages");
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_PAGES]);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_REVISION]);

  if (self->reveal_id != NULL)
    {
      g_autofree char *id = g_steal_pointer (&self->reveal_id);
      find (self, id);
    }
  if (self->pending)
    schedule (self, RPT_PREVIEW_DELAY_MS);
}

static void
render_done (RptPreview *self, Reply *reply)
{
  GtkWidget *page;
  g_autoptr (GdkTexture) texture = NULL;
  gpointer asked;

  /* Asked for since at another width: that answer is still to come. */
  if (g_hash_table_lookup_extended (self->rendering, GUINT_TO_POINTER (reply->page), NULL,
                                    &asked) &&
      GPOINTER_TO_INT (asked) == reply->width_px)
    g_hash_table_remove (self->rendering, GUINT_TO_POINTER (reply->page));
  if (reply->bytes == NULL || reply->generation != self->shown)
    {
      queue_update (self);
      return;
    }
  page = nth_page (self, reply->page);
  if (page == NULL)
    return;
  texture = gdk_memory_texture_new (reply->width_px, reply->height_px, GDK_MEMORY_DEFAULT,
                                    reply->bytes, reply->stride);
  rpt_preview_page_set_texture (RPT_PREVIEW_PAGE (page), texture, reply->generation);
}

static gboolean
dispatch_reply (gpointer data)
{
  Reply *reply = data;
  RptPreview *self = reply->channel->preview;

  if (self == NULL)
    return G_SOURCE_REMOVE;
  switch (reply->kind)
    {
    case REQUEST_LAYOUT:
      layout_done (self, reply);
      break;
    case REQUEST_RENDER:
      render_done (self, reply);
      break;
    case REQUEST_FIND:
      if (reply->found && reply->generation == self->shown)
        reveal_at (self, reply->page, reply->y);
      break;
    case REQUEST_QUIT:
    default:
      break;
    }
  return G_SOURCE_REMOVE;
}

/* --- scheduling ----------------------------------------------------- */

static gboolean
timeout_cb (gpointer user_data)
{
  RptPreview *self = user_data;
  Request *request;

  self->timeout_id = 0;
  if (self->letter == NULL)
    return G_SOURCE_REMOVE;
  self->pending = FALSE;
  self->running = TRUE;
  self->first_change = 0;

  request = g_new0 (Request, 1);
  request->kind = REQUEST_LAYOUT;
  request->generation = ++self->requested;
  request->xml = rpt_letter_to_xml (self->letter, NULL);
  if (self->old_letter != NULL)
    {
      request->old_xml = rpt_letter_to_xml (self->old_letter, NULL);
      request->old_label = g_strdup (self->old_label);
      request->new_label = g_strdup (self->new_label);
    }
  request->revision = rpt_letter_get_revision (self->letter);
  if (self->margin_notes != NULL)
    {
      GHashTableIter iter;
      gpointer key, value;

      request->margin_notes = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
      g_hash_table_iter_init (&iter, self->margin_notes);
      while (g_hash_table_iter_next (&iter, &key, &value))
        g_hash_table_insert (request->margin_notes, g_strdup (key), g_strdup (value));
    }
  send (self, request);
  g_atomic_int_set (&self->channel->latest, (gint) self->requested);
  return G_SOURCE_REMOVE;
}

static void
schedule (RptPreview *self, guint delay)
{
  gint64 now = g_get_monotonic_time ();

  if (!gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      /* Hidden, the preview does nothing; shown, it catches up. */
      self->pending_map = TRUE;
      return;
    }
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
  if (letter == NULL)
    return;
  g_signal_connect_swapped (letter, "changed", G_CALLBACK (letter_changed_cb), self);
  /* The first layout waits for the window to be on screen: on a small
   * machine it would otherwise compete with the window's first frame. */
  self->pending_map = TRUE;
  if (gtk_widget_get_mapped (GTK_WIDGET (self)))
    {
      self->pending_map = FALSE;
      g_clear_handle_id (&self->first_idle_id, g_source_remove);
      self->first_idle_id = g_timeout_add_full (G_PRIORITY_LOW, 50, first_layout_cb, self, NULL);
    }
}

static void
rpt_preview_map (GtkWidget *widget)
{
  RptPreview *self = RPT_PREVIEW (widget);

  GTK_WIDGET_CLASS (rpt_preview_parent_class)->map (widget);
  if (self->pending_map)
    {
      self->pending_map = FALSE;
      g_clear_handle_id (&self->first_idle_id, g_source_remove);
      self->first_idle_id = g_timeout_add_full (G_PRIORITY_LOW, 50, first_layout_cb, self, NULL);
    }
  queue_update (self);
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
 * rpt_preview_refresh:
 *
 * Lays the letter out again now, though it has not changed: the
 * reference data it names has (rpt_reference_reload_default()).
 */
void
rpt_preview_refresh (RptPreview *self)
{
  g_return_if_fail (RPT_IS_PREVIEW (self));

  if (self->letter != NULL)
    schedule (self, 0);
}

/**
 * rpt_preview_reveal_item:
 *
 * Scrolls to the item's place in the letter (its bookmark `rpt-<id>`),
 * now or once the pages that hold it are made, if it is not in view.
 * RPT_PREVIEW_START and RPT_PREVIEW_END name the first and the last page.
 */
void
rpt_preview_reveal_item (RptPreview *self, const char *item_id)
{
  g_return_if_fail (RPT_IS_PREVIEW (self));

  g_clear_pointer (&self->reveal_id, g_free);
  if (self->running || self->timeout_id != 0 || self->shown == 0)
    self->reveal_id = g_strdup (item_id);
  else
    find (self, item_id);
}

guint
rpt_preview_get_n_pages (RptPreview *self)
{
  g_return_val_if_fail (RPT_IS_PREVIEW (self), 0);
  return self->shown != 0 ? self->n_pages : 0;
}

guint64
rpt_preview_get_revision (RptPreview *self)
{
  g_return_val_if_fail (RPT_IS_PREVIEW (self), 0);
  return self->revision;
}

/**
 * rpt_preview_get_busy:
 *
 * Returns: whether a layout is under way or due (the pages' pictures come
 *   after, as they scroll into view)
 */
gboolean
rpt_preview_get_busy (RptPreview *self)
{
  g_return_val_if_fail (RPT_IS_PREVIEW (self), FALSE);
  return self->running || self->timeout_id != 0 || self->first_idle_id != 0 ||
         (self->pending_map && gtk_widget_get_mapped (GTK_WIDGET (self)));
}

static gboolean
same_notes (GHashTable *a, GHashTable *b)
{
  GHashTableIter iter;
  gpointer key, value;

  if ((a == NULL || g_hash_table_size (a) == 0) && (b == NULL || g_hash_table_size (b) == 0))
    return TRUE;
  if (a == NULL || b == NULL || g_hash_table_size (a) != g_hash_table_size (b))
    return FALSE;
  g_hash_table_iter_init (&iter, a);
  while (g_hash_table_iter_next (&iter, &key, &value))
    if (g_strcmp0 (g_hash_table_lookup (b, key), value) != 0)
      return FALSE;
  return TRUE;
}

/**
 * rpt_preview_set_margin_notes:
 * @notes: (nullable) (element-type utf8 utf8): item id → what the margin
 *   says beside its paragraph (rpt_comments_margin_notes()): the commented
 *   places at a glance
 */
void
rpt_preview_set_margin_notes (RptPreview *self, GHashTable *notes)
{
  g_return_if_fail (RPT_IS_PREVIEW (self));

  if (same_notes (self->margin_notes, notes))
    return;
  g_clear_pointer (&self->margin_notes, g_hash_table_unref);
  if (notes != NULL)
    self->margin_notes = g_hash_table_ref (notes);
  if (self->letter != NULL)
    schedule (self, RPT_PREVIEW_DELAY_MS);
}

/**
 * rpt_preview_get_page:
 * @n: a page, from 0
 *
 * Returns: (transfer none) (nullable): the widget that shows page @n
 */
GtkWidget *
rpt_preview_get_page (RptPreview *self, guint n)
{
  g_return_val_if_fail (RPT_IS_PREVIEW (self), NULL);
  return n < self->n_pages ? nth_page (self, n) : NULL;
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
 * rpt_preview_get_n_pictures:
 *
 * Returns: how many pages have a picture now (what the memory grows with)
 */
guint
rpt_preview_get_n_pictures (RptPreview *self)
{
  guint n = 0;

  g_return_val_if_fail (RPT_IS_PREVIEW (self), 0);

  for (GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box)); page != NULL;
       page = gtk_widget_get_next_sibling (page))
    if (rpt_preview_page_get_texture (RPT_PREVIEW_PAGE (page)) != NULL)
      n++;
  return n;
}

/* --- zoom ----------------------------------------------------------- */

static double
current_scale (RptPreview *self)
{
  GtkWidget *page = gtk_widget_get_first_child (GTK_WIDGET (self->pages_box));

  if (self->zoom > 0)
    return self->zoom;
  return page != NULL ? rpt_preview_page_get_scale (RPT_PREVIEW_PAGE (page)) : ZOOM_100;
}

/**
 * rpt_preview_set_zoom:
 * @zoom: pixels per point, or 0 to fit the pages to the preview's width
 */
void
rpt_preview_set_zoom (RptPreview *self, double zoom)
{
  g_return_if_fail (RPT_IS_PREVIEW (self));

  if (zoom > 0)
    zoom = CLAMP (zoom, ZOOM_MIN * ZOOM_100, ZOOM_MAX * ZOOM_100);
  else
    zoom = 0;
  if (zoom == self->zoom)
    return;
  self->zoom = zoom;
  apply_zoom (self);
}

double
rpt_preview_get_zoom (RptPreview *self)
{
  g_return_val_if_fail (RPT_IS_PREVIEW (self), 0);
  return self->zoom;
}

void
rpt_preview_zoom_in (RptPreview *self)
{
  g_return_if_fail (RPT_IS_PREVIEW (self));
  rpt_preview_set_zoom (self, current_scale (self) * ZOOM_STEP);
}

void
rpt_preview_zoom_out (RptPreview *self)
{
  g_return_if_fail (RPT_IS_PREVIEW (self));
  rpt_preview_set_zoom (self, current_scale (self) / ZOOM_STEP);
}

static void
zoom_in_action (GtkWidget *widget, const char *name, GVariant *param)
{
  rpt_preview_zoom_in (RPT_PREVIEW (widget));
}

static void
zoom_out_action (GtkWidget *widget, const char *name, GVariant *param)
{
  rpt_preview_zoom_out (RPT_PREVIEW (widget));
}

static void
zoom_fit_action (GtkWidget *widget, const char *name, GVariant *param)
{
  rpt_preview_set_zoom (RPT_PREVIEW (widget), 0);
}

/* --- GObject -------------------------------------------------------- */

static void
rpt_preview_dispose (GObject *object)
{
  RptPreview *self = RPT_PREVIEW (object);

  g_clear_handle_id (&self->timeout_id, g_source_remove);
  g_clear_handle_id (&self->first_idle_id, g_source_remove);
  g_clear_handle_id (&self->update_id, g_source_remove);
  if (self->channel != NULL)
    {
      Request *quit = g_new0 (Request, 1);

      /* The worker finishes what it is doing and goes; its answers find
       * no preview. */
      self->channel->preview = NULL;
      quit->kind = REQUEST_QUIT;
      g_atomic_int_set (&self->channel->latest, G_MAXINT);
      g_async_queue_push (self->channel->queue, quit);
      g_clear_pointer (&self->channel, channel_unref);
    }
  if (self->letter != NULL)
    g_signal_handlers_disconnect_by_func (self->letter, letter_changed_cb, self);
  if (self->old_letter != NULL)
    g_signal_handlers_disconnect_by_func (self->old_letter, letter_changed_cb, self);
  g_clear_object (&self->letter);
  g_clear_object (&self->old_letter);
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

  g_free (self->reveal_id);
  g_free (self->old_label);
  g_free (self->new_label);
  g_free (self->sizes);
  g_hash_table_unref (self->rendering);
  g_clear_pointer (&self->margin_notes, g_hash_table_unref);
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
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-preview.ui");
  gtk_widget_class_bind_template_child (widget_class, RptPreview, stack);
  gtk_widget_class_bind_template_child (widget_class, RptPreview, scroller);
  gtk_widget_class_bind_template_child (widget_class, RptPreview, pages_box);
  gtk_widget_class_bind_template_child (widget_class, RptPreview, error_page);
  gtk_widget_class_bind_template_child (widget_class, RptPreview, pages_label);
  gtk_widget_class_bind_template_child (widget_class, RptPreview, zoom_button);
  gtk_widget_class_set_css_name (widget_class, "preview");
  gtk_widget_class_install_action (widget_class, "preview.zoom-in", NULL, zoom_in_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-out", NULL, zoom_out_action);
  gtk_widget_class_install_action (widget_class, "preview.zoom-fit", NULL, zoom_fit_action);
}

static void
rpt_preview_init (RptPreview *self)
{
  GtkAdjustment *vadj, *hadj;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->rendering = g_hash_table_new (NULL, NULL);
  vadj = gtk_scrolled_window_get_vadjustment (self->scroller);
  hadj = gtk_scrolled_window_get_hadjustment (self->scroller);
  /* Scrolled, resized or laid out again: pictures for what is in view. */
  g_signal_connect_object (vadj, "value-changed", G_CALLBACK (queue_update), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (vadj, "changed", G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  g_signal_connect_object (hadj, "changed", G_CALLBACK (queue_update), self, G_CONNECT_SWAPPED);
  update_zoom_label (self);
}
