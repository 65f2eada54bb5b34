/* rpt-test-ui.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

#include "rpt-application.h"

G_BEGIN_DECLS

typedef struct
{
  char *dir;    /* the user's folders for the test */
  char *drafts; /* a drafts folder in it */
  RptApplication *app;
  gboolean have_xdotool;
} RptTestUi;

void rpt_test_ui_start (RptTestUi *ui,
                        int *argc,
                        char ***argv,
                        const char *app_id,
                        gboolean needs_xdotool);
int rpt_test_ui_run (RptTestUi *ui);

typedef gboolean (*RptTestMatch) (GtkWidget *widget, gconstpointer data);
GtkWidget *rpt_test_find_widget (GtkWidget *root, RptTestMatch match, gconstpointer data);
void
rpt_test_find_widgets (GtkWidget *root, RptTestMatch match, gconstpointer data, GPtrArray *found);
void rpt_test_spin_for (guint ms);
void rpt_test_spin_until (gboolean (*cond) (gpointer), gpointer data, guint timeout_ms);
void rpt_test_xdotool (const char *first, ...) G_GNUC_NULL_TERMINATED;
void rpt_test_focus_x_window (GtkWindow *window);

/* Real key events, a little apart, as from a keyboard. */
#define RPT_TEST_KEYS(...) rpt_test_xdotool ("key", "--delay", "60", __VA_ARGS__, NULL)
#define RPT_TEST_TYPE(text) rpt_test_xdotool ("type", "--delay", "20", text, NULL)

G_END_DECLS
