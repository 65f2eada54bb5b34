/* rpt-picker-dialog.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-picker-dialog"

#include <glib/gi18n.h>

#include "rpt-choice.h"
#include "rpt-picker-dialog.h"

/**
 * RptPickerDialog:
 *
 * Pick one row of reference data (a mandate, a country, a standard
 * paragraph) by typing part of its name: Enter takes the first match,
 * Escape closes. Emits #RptPickerDialog::picked and closes.
 */
struct _RptPickerDialog
{
  AdwWindow parent_instance;

  GtkStringFilter *filter;
  GtkFilterListModel *filtered;
  GtkSingleSelection *selection;

  AdwWindowTitle *window_title;
  GtkSearchEntry *search_entry;
  GtkStack *stack;
  GtkListView *list_view;

  GtkWidget *return_focus; /* weak */
};

G_DEFINE_FINAL_TYPE (RptPickerDialog, rpt_picker_dialog, ADW_TYPE_WINDOW)

enum
{
  PICKED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

void
rpt_picker_dialog_pick (RptPickerDialog *self, guint position)
{
  g_autoptr (RptChoice) choice = NULL;

  g_return_if_fail (RPT_IS_PICKER_DIALOG (self));

  choice = g_list_model_get_item (G_LIST_MODEL (self->filtered), position);
  if (choice == NULL)
    return;
  g_object_set_data (G_OBJECT (self), "picked", GINT_TO_POINTER (1));
  g_signal_emit (self, signals[PICKED], 0, choice);
  gtk_window_close (GTK_WINDOW (self));
}

guint
rpt_picker_dialog_get_n_matches (RptPickerDialog *self)
{
  g_return_val_if_fail (RPT_IS_PICKER_DIALOG (self), 0);
  return g_list_model_get_n_items (G_LIST_MODEL (self->filtered));
}

void
rpt_picker_dialog_set_search (RptPickerDialog *self, const char *text)
{
  g_return_if_fail (RPT_IS_PICKER_DIALOG (self));
  gtk_editable_set_text (GTK_EDITABLE (self->search_entry), text);
  gtk_string_filter_set_search (self->filter, text);
}

static void
search_changed_cb (RptPickerDialog *self)
{
  const char *text = gtk_editable_get_text (GTK_EDITABLE (self->search_entry));

  gtk_string_filter_set_search (self->filter, text);
  gtk_stack_set_visible_child_name (self->stack,
                                    rpt_picker_dialog_get_n_matches (self) > 0 ? "list" : "empty");
}

static void
search_activate_cb (RptPickerDialog *self)
{
  guint selected = gtk_single_selection_get_selected (self->selection);

  rpt_picker_dialog_pick (self, selected != GTK_INVALID_LIST_POSITION ? selected : 0);
}

static void
stop_search_cb (RptPickerDialog *self)
{
  gtk_window_close (GTK_WINDOW (self));
}

static void
list_activate_cb (RptPickerDialog *self, guint position)
{
  rpt_picker_dialog_pick (self, position);
}

/**
 * rpt_picker_dialog_new:
 * @choices: a list model of #RptChoice
 */
GtkWidget *
rpt_picker_dialog_new (const char *title, GListModel *choices, const char *search_label)
{
  RptPickerDialog *self = g_object_new (RPT_TYPE_PICKER_DIALOG, "title", title, NULL);
  GtkExpression *expression;

  adw_window_title_set_title (self->window_title, title);
  g_object_set (self->search_entry, "placeholder-text", search_label, NULL);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->search_entry),
                                  GTK_ACCESSIBLE_PROPERTY_LABEL, search_label, -1);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  title, -1);

  expression = gtk_property_expression_new (RPT_TYPE_CHOICE, NULL, "search");
  self->filter = gtk_string_filter_new (expression);
  gtk_string_filter_set_ignore_case (self->filter, TRUE);
  gtk_string_filter_set_match_mode (self->filter, GTK_STRING_FILTER_MATCH_MODE_SUBSTRING);
  self->filtered =
    gtk_filter_list_model_new (g_object_ref (choices), GTK_FILTER (g_object_ref (self->filter)));
  self->selection = gtk_single_selection_new (G_LIST_MODEL (g_object_ref (self->filtered)));
  gtk_list_view_set_model (self->list_view, GTK_SELECTION_MODEL (self->selection));
  gtk_widget_grab_focus (GTK_WIDGET (self->search_entry));
  return GTK_WIDGET (self);
}

/**
 * rpt_picker_dialog_set_return_focus:
 * @widget: (nullable): where the keyboard goes back to when the picker
 *   closes without a pick having put it elsewhere
 */
void
rpt_picker_dialog_set_return_focus (RptPickerDialog *self, GtkWidget *widget)
{
  g_return_if_fail (RPT_IS_PICKER_DIALOG (self));
  g_set_weak_pointer (&self->return_focus, widget);
}

typedef struct
{
  GtkWindow *parent; /* the window the picker was opened from */
  GtkWidget *target;
} ReturnFocus;

static gboolean
return_focus_cb (gpointer data)
{
  ReturnFocus *rf = data;

  /* Set again from nothing: after a modal window, GTK's record of where
   * the focus is inside the window can be stale, and Tab would then go
   * nowhere. */
  if (rf->target != NULL && gtk_widget_get_root (rf->target) == GTK_ROOT (rf->parent))
    {
      gtk_root_set_focus (GTK_ROOT (rf->parent), NULL);
      gtk_widget_grab_focus (rf->target);
      gtk_window_set_focus_visible (rf->parent, TRUE);
    }
  g_clear_object (&rf->target);
  g_object_unref (rf->parent);
  g_free (rf);
  return G_SOURCE_REMOVE;
}

static gboolean
rpt_picker_dialog_close_request (GtkWindow *window)
{
  RptPickerDialog *self = RPT_PICKER_DIALOG (window);
  GtkWindow *parent = gtk_window_get_transient_for (window);
  gboolean picked = g_object_get_data (G_OBJECT (self), "picked") != NULL;
  GtkWidget *target =
    picked && parent != NULL ? gtk_root_get_focus (GTK_ROOT (parent)) : self->return_focus;

  /* Back where the picker was opened from, or where the pick put it (the
   * "picked" handler moves the focus to what it made), once the picker is
   * gone. */
  if (parent != NULL && target != NULL)
    {
      ReturnFocus *rf = g_new0 (ReturnFocus, 1);

      rf->parent = g_object_ref (parent);
      rf->target = g_object_ref (target);
      g_idle_add (return_focus_cb, rf);
    }
  return GTK_WINDOW_CLASS (rpt_picker_dialog_parent_class)->close_request (window);
}

static void
rpt_picker_dialog_dispose (GObject *object)
{
  RptPickerDialog *self = RPT_PICKER_DIALOG (object);

  g_clear_weak_pointer (&self->return_focus);
  g_clear_object (&self->selection);
  g_clear_object (&self->filtered);
  g_clear_object (&self->filter);
  G_OBJECT_CLASS (rpt_picker_dialog_parent_class)->dispose (object);
}

static void
rpt_picker_dialog_class_init (RptPickerDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_picker_dialog_dispose;
  GTK_WINDOW_CLASS (klass)->close_request = rpt_picker_dialog_close_request;

  signals[PICKED] = g_signal_new ("picked", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                  NULL, NULL, G_TYPE_NONE, 1, RPT_TYPE_CHOICE);

  g_type_ensure (RPT_TYPE_CHOICE);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-picker-dialog.ui");
  gtk_widget_class_bind_template_child (widget_class, RptPickerDialog, window_title);
  gtk_widget_class_bind_template_child (widget_class, RptPickerDialog, search_entry);
  gtk_widget_class_bind_template_child (widget_class, RptPickerDialog, stack);
  gtk_widget_class_bind_template_child (widget_class, RptPickerDialog, list_view);
  gtk_widget_class_bind_template_callback (widget_class, search_changed_cb);
  gtk_widget_class_bind_template_callback (widget_class, search_activate_cb);
  gtk_widget_class_bind_template_callback (widget_class, stop_search_cb);
  gtk_widget_class_bind_template_callback (widget_class, list_activate_cb);
  gtk_widget_class_add_binding_action (widget_class, GDK_KEY_Escape, 0, "window.close", NULL);
}

static void
rpt_picker_dialog_init (RptPickerDialog *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
