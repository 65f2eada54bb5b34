/* rpt-test-ui.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

void rpt_test_ui_init (void);
void rpt_test_spin_for (guint ms);
void rpt_test_spin_until (gboolean (*cond) (gpointer), gpointer data, guint timeout_ms);
void rpt_test_xdotool (const char *first, ...) G_GNUC_NULL_TERMINATED;
void rpt_test_focus_x_window (GtkWindow *window);

/* Real key events, a little apart, as from a keyboard. */
#define RPT_TEST_KEYS(...) rpt_test_xdotool ("key", "--delay", "60", __VA_ARGS__, NULL)
#define RPT_TEST_TYPE(text) rpt_test_xdotool ("type", "--delay", "20", text, NULL)

G_END_DECLS
