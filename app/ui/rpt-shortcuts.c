/* rpt-shortcuts.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-shortcuts"

#include <glib/gi18n.h>

#include "rpt-shortcuts.h"

/* Every keyboard shortcut of the program, in one place: the shortcuts
 * window (resources/gtk/help-overlay.ui) must list each of them, which
 * tests/test-shortcuts.c checks. */
static const RptShortcut shortcuts[] = {
  { "app.new", { "<Control>n", NULL } },
  { "app.open", { "<Control>o", NULL } },
  { "app.preferences", { "<Control>comma", NULL } },
  { "app.quit", { "<Control>q", NULL } },
  { "win.close", { "<Control>w", NULL } },
  { "win.show-help-overlay", { "<Control>question", NULL } },
  { "win.primary-menu", { "F10", NULL } },
  { "win.save-version", { "<Control>s", NULL } },
  { "win.save-as", { "<Control><Shift>s", NULL } },
  { "win.rename", { "F2", NULL } },
  { "win.export('pdf')", { "<Control>e", NULL } },
  { "win.print", { "<Control>p", NULL } },
  { "win.toggle-preview", { "F9", NULL } },
  { "win.zoom-in", { "<Control>plus", "<Control>equal" } },
  { "win.zoom-out", { "<Control>minus", NULL } },
  { "win.zoom-fit", { "<Control>0", NULL } },
  { "win.next-section", { "<Control>Page_Down", NULL } },
  { "win.previous-section", { "<Control>Page_Up", NULL } },
  { "win.add-item", { "<Control>Return", NULL } },
  { "win.add-comment", { "<Control><Alt>c", NULL } },
  { "win.undo", { "<Control>z", NULL } },
  { "win.redo", { "<Control><Shift>z", "<Control>y" } },
  { "editor.bold", { "<Control>b", NULL } },
  { "editor.italic", { "<Control>i", NULL } },
  { "editor.link", { "<Control>k", NULL } },
  { "editor.footnote", { "<Control><Alt>f", NULL } },
  { "item.move-up", { "<Alt>Up", NULL } },
  { "item.move-down", { "<Alt>Down", NULL } },
  { "item.duplicate", { "<Control><Shift>d", NULL } },
  { "item.remove", { "<Control><Shift>Delete", NULL } },
};

const RptShortcut *
rpt_shortcuts_get_all (guint *n_shortcuts)
{
  *n_shortcuts = G_N_ELEMENTS (shortcuts);
  return shortcuts;
}

/**
 * rpt_shortcuts_apply_to_application:
 *
 * Gives the application the whole table: the `app.` and `win.` shortcuts
 * work from there, and the shortcuts window and menus find the keys of
 * every action there, the widgets' own (`editor.`, `item.`) too, which
 * their widgets handle themselves (rpt_shortcuts_new_controller()).
 */
void
rpt_shortcuts_apply_to_application (GtkApplication *app)
{
  g_return_if_fail (GTK_IS_APPLICATION (app));

  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    gtk_application_set_accels_for_action (app, shortcuts[i].action, shortcuts[i].accels);
}

/**
 * rpt_shortcuts_add_to_class:
 * @prefix: the action group the class installs, e.g. "editor."
 *
 * Adds the table's shortcuts for @prefix as key bindings of @widget_class,
 * so they act on the instance that has the focus (the paragraph being
 * typed, the fact being moved).
 */
void
rpt_shortcuts_add_to_class (GtkWidgetClass *widget_class, const char *prefix)
{
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      if (!g_str_has_prefix (shortcuts[i].action, prefix))
        continue;
      for (guint j = 0; shortcuts[i].accels[j] != NULL; j++)
        {
          guint key = 0;
          GdkModifierType mods = 0;

          if (!gtk_accelerator_parse (shortcuts[i].accels[j], &key, &mods))
            g_error ("Bad accelerator %s", shortcuts[i].accels[j]);
          gtk_widget_class_add_binding_action (widget_class, key, mods, shortcuts[i].action, NULL);
        }
    }
}

/**
 * rpt_shortcuts_new_controller:
 * @prefix: the action group a widget installs, e.g. "editor."
 *
 * The table's shortcuts for @prefix in a controller that sees keys before
 * the widget's children do: the paragraph editor's Ctrl+Z must reach its
 * own undo, not the text view's.
 *
 * Returns: (transfer full): the controller, to add to the widget
 */
GtkEventController *
rpt_shortcuts_new_controller (const char *prefix)
{
  GtkEventController *controller = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (controller, GTK_PHASE_CAPTURE);
  for (guint i = 0; i < G_N_ELEMENTS (shortcuts); i++)
    {
      if (!g_str_has_prefix (shortcuts[i].action, prefix))
        continue;
      for (guint j = 0; shortcuts[i].accels[j] != NULL; j++)
        {
          guint key = 0;
          GdkModifierType mods = 0;

          if (!gtk_accelerator_parse (shortcuts[i].accels[j], &key, &mods))
            g_error ("Bad accelerator %s", shortcuts[i].accels[j]);
          gtk_shortcut_controller_add_shortcut (
            GTK_SHORTCUT_CONTROLLER (controller),
            gtk_shortcut_new (gtk_keyval_trigger_new (key, mods),
                              gtk_named_action_new (shortcuts[i].action)));
        }
    }
  return controller;
}

/* Keys GTK 4.8's shortcuts window shows by their X name in English. */
static const struct
{
  const char *name;
  const char *label;
} key_labels[] = {
  /* Translators: a key, in the shortcuts window */
  { "Page_Down", N_ ("Page Down") },
  /* Translators: a key, in the shortcuts window */
  { "Page_Up", N_ ("Page Up") },
  /* Translators: a key, in the shortcuts window */
  { "BackSpace", N_ ("Backspace") },
  { "Up", "↑" },
  { "Down", "↓" },
  { "Left", "←" },
  { "Right", "→" },
};

/**
 * rpt_shortcuts_fix_key_labels:
 * @widget: the shortcuts window
 *
 * Names keys as keyboards print them ("Page Down", "↑") where GTK shows
 * their X names ("Page_Down", "Up").
 */
void
rpt_shortcuts_fix_key_labels (GtkWidget *widget)
{
  g_return_if_fail (GTK_IS_WIDGET (widget));

  if (GTK_IS_LABEL (widget))
    for (guint i = 0; i < G_N_ELEMENTS (key_labels); i++)
      if (g_str_equal (gtk_label_get_label (GTK_LABEL (widget)), key_labels[i].name))
        {
          gtk_label_set_label (GTK_LABEL (widget), _ (key_labels[i].label));
          break;
        }
  for (GtkWidget *child = gtk_widget_get_first_child (widget); child != NULL;
       child = gtk_widget_get_next_sibling (child))
    rpt_shortcuts_fix_key_labels (child);
}
