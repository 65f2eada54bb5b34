/* rpt-test-ui.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <gdk/x11/gdkx.h>
#include <stdio.h>
#include <string.h>

#include "rpt-test-ui.h"

/* What the widget tests share: the main loop run for a while or until
 * something holds, and real key events through xdotool under Xvfb. */

/**
 * rpt_test_spin_for:
 *
 * Runs the main loop for @ms milliseconds.
 */
void
rpt_test_spin_for (guint ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) ms * 1000;

  while (g_get_monotonic_time () < end)
    {
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
}

/**
 * rpt_test_spin_until:
 *
 * Runs the main loop until @cond holds; fails the test after
 * @timeout_ms milliseconds.
 */
void
rpt_test_spin_until (gboolean (*cond) (gpointer), gpointer data, guint timeout_ms)
{
  gint64 end = g_get_monotonic_time () + (gint64) timeout_ms * 1000;

  while (!cond (data))
    {
      g_assert_cmpint (g_get_monotonic_time (), <, end);
      g_main_context_iteration (NULL, FALSE);
      g_usleep (500);
    }
}

static void
child_exited_cb (GPid pid, int status, gpointer user_data)
{
  g_spawn_close_pid (pid);
  *(gboolean *) user_data = TRUE;
}

/**
 * rpt_test_xdotool:
 *
 * Runs xdotool with the arguments given while the main loop goes on, so
 * the keys reach the window one event at a time, and returns once the
 * window has handled them.
 */
void
rpt_test_xdotool (const char *first, ...)
{
  g_autoptr (GPtrArray) argv = g_ptr_array_new ();
  g_autoptr (GError) error = NULL;
  gboolean done = FALSE;
  GPid pid;
  va_list ap;

  g_ptr_array_add (argv, (gpointer) "xdotool");
  va_start (ap, first);
  for (const char *arg = first; arg != NULL; arg = va_arg (ap, const char *))
    g_ptr_array_add (argv, (gpointer) arg);
  va_end (ap);
  g_ptr_array_add (argv, NULL);
  g_assert_true (g_spawn_async (NULL, (char **) argv->pdata, NULL,
                                G_SPAWN_SEARCH_PATH | G_SPAWN_DO_NOT_REAP_CHILD, NULL, NULL, &pid,
                                &error));
  g_assert_no_error (error);
  g_child_watch_add (pid, child_exited_cb, &done);
  while (!done)
    g_main_context_iteration (NULL, TRUE);
  /* The server has the keys xdotool sent before it answers this round
   * trip, so their events are in our queue once it returns: handled
   * before the test looks, however loaded the machine. */
  gdk_display_sync (gdk_display_get_default ());
  while (g_main_context_pending (NULL))
    g_main_context_iteration (NULL, FALSE);
  rpt_test_spin_for (150);
}

/**
 * rpt_test_focus_x_window:
 *
 * Gives @window the X server's keyboard focus (Xvfb has no window
 * manager to do it).
 */
void
rpt_test_focus_x_window (GtkWindow *window)
{
  g_autofree char *xid = g_strdup_printf (
    "%lu", (gulong) gdk_x11_surface_get_xid (gtk_native_get_surface (GTK_NATIVE (window))));

  rpt_test_xdotool ("windowfocus", "--sync", xid, NULL);
  rpt_test_spin_for (200);
}

/* GTK 4.8 may draw a widget in the frame in which its resize was queued,
 * under load (seen once in CI, on a GtkStack, in a run of the whole suite
 * on two cores; never reproduced alone). It warns and skips that widget
 * for one frame: nothing the tests check depends on one frame, so this
 * one warning is reported, with where the widget is, and not fatal. Every
 * other warning stays fatal. */
static gboolean
fatal_log_cb (const char *domain, GLogLevelFlags level, const char *message, gpointer data)
{
  g_autoptr (GString) where = NULL;
  char type[64];
  void *address = NULL;

  if (g_strcmp0 (domain, "Gtk") != 0 || (level & G_LOG_LEVEL_WARNING) == 0 ||
      strstr (message, "without a current allocation") == NULL ||
      sscanf (message, "Trying to snapshot %63s %p", type, &address) != 2 || address == NULL)
    return TRUE;

  /* The widget is alive: GTK is drawing it. */
  where = g_string_new (NULL);
  for (GtkWidget *w = address; w != NULL; w = gtk_widget_get_parent (w))
    g_string_append_printf (where, "%s%s", where->len > 0 ? " < " : "", G_OBJECT_TYPE_NAME (w));
  g_test_message ("not fatal: GTK drew a widget before laying it out (%s), in %s", type,
                  where->str);
  return FALSE;
}

/**
 * rpt_test_ui_init:
 *
 * Call after gtk_init(): see fatal_log_cb().
 */
void
rpt_test_ui_init (void)
{
  g_test_log_set_fatal_handler (fatal_log_cb, NULL);
}
