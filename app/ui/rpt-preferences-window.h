/* rpt-preferences-window.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RPT_TYPE_PREFERENCES_WINDOW (rpt_preferences_window_get_type ())

G_DECLARE_FINAL_TYPE (RptPreferencesWindow,
                      rpt_preferences_window,
                      RPT,
                      PREFERENCES_WINDOW,
                      AdwPreferencesWindow)

GtkWindow *rpt_preferences_window_new (GSettings *settings);

typedef void (*RptAuthorReadyFunc) (gpointer user_data);

void rpt_preferences_ask_author (GtkWindow *parent,
                                 GSettings *settings,
                                 RptAuthorReadyFunc ready,
                                 gpointer user_data);

G_END_DECLS
