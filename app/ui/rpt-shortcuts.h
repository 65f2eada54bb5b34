/* rpt-shortcuts.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gtk/gtk.h>

G_BEGIN_DECLS

/**
 * RptShortcut:
 * @action: a detailed action name: `app.` and `win.` actions become
 *   application accelerators, any other prefix (`editor.`, `item.`) a key
 *   binding of the widget class that installs it
 * @accels: up to two accelerators, %NULL-terminated
 */
typedef struct
{
  const char *action;
  const char *accels[3];
} RptShortcut;

const RptShortcut *rpt_shortcuts_get_all (guint *n_shortcuts);
void rpt_shortcuts_apply_to_application (GtkApplication *app);
void rpt_shortcuts_add_to_class (GtkWidgetClass *widget_class, const char *prefix);
GtkEventController *rpt_shortcuts_new_controller (const char *prefix);
void rpt_shortcuts_fix_key_labels (GtkWidget *widget);

G_END_DECLS
