/* bench-editor-scale.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <glib/gstdio.h>
#include <locale.h>
#include <stdio.h>
#include <stdlib.h>

#include "rpt-application.h"
#include "rpt-paragraph-editor.h"
#include "rpt-paragraph-row.h"
#include "rpt-paragraphs-section.h"
#include "rpt-preview.h"
#include "rpt-window.h"

/*
 * The editor with a long letter, as a drafter meets it (bench/editor-scale
 * runs it once per size, each in a fresh process, under Xvfb):
 *  - open: from asking the window to open the document file (read in a
 *    worker) to the first frame drawn with the letter's form;
 *  - facts: from choosing the Facts section to the first frame showing it;
 *  - type: a character typed at the end of a fact in the middle of the
 *    section, to the end of the frame that draws it (the first that draws
 *    the fact's text box again): the median and the worst of 20,
 *    typed 60 ms apart while autosave and the preview follow;
 *  - rss: the resident memory once the preview has caught up;
 *  - quit: from closing the window to the process being free of it (the
 *    last save written).
 * Times are wall clock, in milliseconds.
 */

static gint64 painted_at;
static gint64 shown_at; /* the end of the last frame that drew `watched` */
static GtkWidget *watched;
static gboolean watched_drawn;
static gboolean destroyed;

static double
now_ms (void)
{
  return g_get_monotonic_time () / 1000.0;
}

static void
after_paint_cb (GdkFrameClock *clock, gpointer user_data)
{
  painted_at = g_get_monotonic_time ();
  if (watched_drawn)
    shown_at = painted_at;
  watched_drawn = FALSE;
}

/* Notes the frames that draw the watched editor again: one that does
 * not, does not show what was typed in it. */
static void (*editor_snapshot) (GtkWidget *widget, GtkSnapshot *snapshot);

static void
probe_snapshot (GtkWidget *widget, GtkSnapshot *snapshot)
{
  GtkWidget *window = GTK_WIDGET (gtk_widget_get_root (widget));
  graphene_rect_t bounds;

  /* Drawn where the window shows it, not placed out of sight. */
  if (widget == watched && gtk_widget_compute_bounds (widget, window, &bounds) &&
      bounds.origin.y + bounds.size.height > 0 && bounds.origin.y < gtk_widget_get_height (window))
    watched_drawn = TRUE;
  editor_snapshot (widget, snapshot);
}

static void
spin_until_painted_after (gint64 since)
{
  while (painted_at <= since)
    g_main_context_iteration (NULL, TRUE);
}

static void
spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    g_main_context_iteration (NULL, FALSE);
}

static long
rss_kib (void)
{
  g_autofree char *status = NULL;
  const char *line;

  if (!g_file_get_contents ("/proc/self/status", &status, NULL, NULL))
    return 0;
  line = strstr (status, "VmRSS:");
  return line != NULL ? strtol (line + 6, NULL, 10) : 0;
}

static int
compare_doubles (const void *a, const void *b)
{
  double x = *(const double *) a, y = *(const double *) b;
  return x < y ? -1 : x > y;
}

/* The sample letter with @n facts: its ten, over and over, each with an
 * id of its own. */
static RptLetter *
make_letter (guint n)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) sample = rpt_application_load_sample (&error);
  guint n_sample;
  g_autoptr (GPtrArray) texts = g_ptr_array_new_with_free_func (g_free);

  g_assert_no_error (error);
  n_sample = rpt_letter_get_n_items (sample, RPT_PART_FACTS);
  for (guint i = 0; i < n_sample; i++)
    g_ptr_array_add (
      texts, g_strdup (rpt_paragraph_get_text (rpt_letter_get_item (sample, RPT_PART_FACTS, i))));
  while (rpt_letter_get_n_items (sample, RPT_PART_FACTS) > 0)
    rpt_letter_remove_item (sample, RPT_PART_FACTS, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RptParagraph) fact = rpt_paragraph_new (g_ptr_array_index (texts, i % n_sample));
      rpt_letter_append_item (sample, RPT_PART_FACTS, fact);
    }
  return g_steal_pointer (&sample);
}

static void
destroy_cb (GtkWidget *widget)
{
  destroyed = TRUE;
}

static gboolean
has_document (gpointer data)
{
  return rpt_window_get_document (data) != NULL;
}

static gboolean
preview_idle (RptWindow *window)
{
  RptPreview *preview = RPT_PREVIEW (rpt_window_get_preview (window));
  RptLetter *letter = rpt_letter_file_get_letter (rpt_window_get_document (window));

  return !rpt_preview_get_busy (preview) &&
         rpt_preview_get_revision (preview) == rpt_letter_get_revision (letter);
}

int
main (int argc, char *argv[])
{
  guint n = argc > 1 ? (guint) atoi (argv[1]) : 1000;
  g_autofree char *dir = g_dir_make_tmp ("rpt-bench-XXXXXX", NULL);
  g_autofree char *path = g_build_filename (dir, "long.rapporteur", NULL);
  g_autoptr (GError) error = NULL;
  g_autoptr (RptApplication) app = NULL;
  RptWindow *window;
  RptParagraphRow *row;
  RptParagraphEditor *editor;
  GtkTextBuffer *buffer;
  GtkTextIter end;
  GdkFrameClock *clock;
  double t0, open_ms, facts_ms, quit_ms, typed[20];
  long rss_before, rss;
  guint pages;

  setlocale (LC_ALL, "");
  g_setenv ("GSETTINGS_BACKEND", "memory", TRUE);
  gtk_init ();
  rpt_ui_init ();
  adw_init ();

  /* The document, written before anything is timed. */
  {
    g_autoptr (RptLetter) letter = make_letter (n);
    g_autoptr (RptStore) store = rpt_store_create (path, letter, &error);
    g_assert_no_error (error);
    rpt_store_close (store);
  }

  app =
    g_object_new (RPT_TYPE_APPLICATION, "application-id", "io.github.rapporteur.Rapporteur.Bench",
                  "flags", G_APPLICATION_NON_UNIQUE, NULL);
  g_application_register (G_APPLICATION (app), NULL, &error);
  g_assert_no_error (error);
  window = rpt_window_new (app);
  gtk_window_present (GTK_WINDOW (window));
  spin_for (500);
  rss_before = rss_kib ();
  clock = gtk_widget_get_frame_clock (GTK_WIDGET (window));
  g_signal_connect (clock, "after-paint", G_CALLBACK (after_paint_cb), NULL);
  {
    GtkWidgetClass *editor_class = g_type_class_ref (RPT_TYPE_PARAGRAPH_EDITOR);

    editor_snapshot = editor_class->snapshot;
    editor_class->snapshot = probe_snapshot;
  }

  /* Open. */
  t0 = now_ms ();
  rpt_window_open_path (window, path);
  while (!has_document (window))
    g_main_context_iteration (NULL, TRUE);
  spin_until_painted_after (g_get_monotonic_time ());
  open_ms = now_ms () - t0;
  if (g_getenv ("RPT_BENCH_DEBUG"))
    g_printerr ("rss after open %ld\n", rss_kib () / 1024);

  /* The Facts section. */
  t0 = now_ms ();
  rpt_window_show_section (window, "facts");
  spin_until_painted_after (g_get_monotonic_time ());
  facts_ms = now_ms () - t0;
  if (g_getenv ("RPT_BENCH_DEBUG"))
    g_printerr ("rss after facts %ld\n", rss_kib () / 1024);

  /* Typing at the end of a fact in the middle of the section. */
  row = rpt_paragraphs_section_get_row (
    RPT_PARAGRAPHS_SECTION (rpt_window_get_section_widget (window, "facts")), n / 2);
  editor = rpt_paragraph_row_get_editor (row);
  gtk_widget_grab_focus (GTK_WIDGET (editor));
  buffer = rpt_paragraph_editor_get_buffer (editor);
  gtk_text_buffer_get_end_iter (buffer, &end);
  gtk_text_buffer_place_cursor (buffer, &end);
  spin_for (300);
  watched = GTK_WIDGET (editor);
  for (guint i = 0; i < G_N_ELEMENTS (typed); i++)
    {
      gint64 before = g_get_monotonic_time ();

      gtk_text_buffer_insert_interactive_at_cursor (buffer, i % 5 == 4 ? " " : "x", -1, TRUE);
      while (shown_at <= before)
        g_main_context_iteration (NULL, TRUE);
      typed[i] = (shown_at - before) / 1000.0;
      if (g_getenv ("RPT_BENCH_DEBUG"))
        g_printerr ("typed %u: shown after %.1f ms\n", i, typed[i]);
      spin_for (60);
    }
  qsort (typed, G_N_ELEMENTS (typed), sizeof (double), compare_doubles);

  /* Memory once the preview has caught up with the typing. */
  while (!preview_idle (window))
    g_main_context_iteration (NULL, TRUE);
  spin_for (500);
  if (g_getenv ("RPT_BENCH_TRIM"))
    {
      extern int malloc_trim (size_t);
      g_printerr ("rss before trim %ld\n", rss_kib () / 1024);
      malloc_trim (0);
    }
  rss = rss_kib ();
  pages = rpt_preview_get_n_pages (RPT_PREVIEW (rpt_window_get_preview (window)));

  /* Quit: the window saves what is left, then goes. */
  g_signal_connect (window, "destroy", G_CALLBACK (destroy_cb), NULL);
  t0 = now_ms ();
  gtk_window_close (GTK_WINDOW (window));
  while (!destroyed)
    g_main_context_iteration (NULL, TRUE);
  quit_ms = now_ms () - t0;

  printf ("%u\t%.0f\t%.0f\t%.1f\t%.1f\t%.1f\t%.1f\t%u\t%.0f\n", n, open_ms, facts_ms,
          typed[G_N_ELEMENTS (typed) / 2], typed[G_N_ELEMENTS (typed) - 1], rss / 1024.0,
          (rss - rss_before) / 1024.0, pages, quit_ms);
  g_unlink (path);
  g_rmdir (dir);
  return 0;
}
