/* rpt-checks-button.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-checks-button"

#include <glib/gi18n.h>

#include "rpt-checks-button.h"
#include "rpt-checks-panel.h"

/**
 * RptChecksButton:
 *
 * The header bar's count of what to check before sending: the errors and
 * the warnings, each with its icon (information is in the panel only), a
 * tick when there is neither. It shows and hides the checks panel
 * (win.toggle-checks, F7) and says the counts in words to a screen reader.
 */
struct _RptChecksButton
{
  GtkWidget parent_instance;

  RptChecker *checker;
  char *label; /* the accessible label */

  GtkToggleButton *button;
  GtkWidget *error_icon;
  GtkLabel *error_label;
  GtkWidget *warning_icon;
  GtkLabel *warning_label;
  GtkWidget *ok_icon;
};

G_DEFINE_FINAL_TYPE (RptChecksButton, rpt_checks_button, GTK_TYPE_WIDGET)

static void
update (RptChecksButton *self)
{
  guint n_errors = self->checker != NULL ? rpt_checker_get_n_errors (self->checker) : 0;
  guint n_warnings = self->checker != NULL ? rpt_checker_get_n_warnings (self->checker) : 0;
  gboolean known = self->checker != NULL &&
                   (rpt_checker_get_up_to_date (self->checker) || n_errors > 0 || n_warnings > 0);
  g_autofree char *errors = g_strdup_printf ("%u", n_errors);
  g_autofree char *warnings = g_strdup_printf ("%u", n_warnings);
  g_autofree char *tooltip = NULL;

  gtk_label_set_text (self->error_label, errors);
  gtk_label_set_text (self->warning_label, warnings);
  gtk_widget_set_visible (self->error_icon, n_errors > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), n_errors > 0);
  gtk_widget_set_visible (self->warning_icon, n_warnings > 0);
  gtk_widget_set_visible (GTK_WIDGET (self->warning_label), n_warnings > 0);
  gtk_widget_set_visible (self->ok_icon, n_errors == 0 && n_warnings == 0);

  g_free (self->label);
  if (!known)
    self->label = g_strdup (_ ("Checking the letter…"));
  else
    self->label = rpt_checks_dup_summary (n_errors, n_warnings);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->button), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  self->label, -1);
  /* Translators: the tooltip of the header bar's count of checks; %s is
   * "3 errors, 2 warnings to check before sending" */
  tooltip = g_strdup_printf (_ ("%s (F7)"), self->label);
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->button), tooltip);
}

void
rpt_checks_button_set_checker (RptChecksButton *self, RptChecker *checker)
{
  g_return_if_fail (RPT_IS_CHECKS_BUTTON (self));
  g_return_if_fail (checker == NULL || RPT_IS_CHECKER (checker));

  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (self->checker, self);
  g_set_object (&self->checker, checker);
  if (checker != NULL)
    {
      g_signal_connect_swapped (checker, "notify::n-errors", G_CALLBACK (update), self);
      g_signal_connect_swapped (checker, "notify::n-warnings", G_CALLBACK (update), self);
      g_signal_connect_swapped (checker, "notify::up-to-date", G_CALLBACK (update), self);
    }
  update (self);
}

/**
 * rpt_checks_button_set_active:
 *
 * Shows the button pressed while the panel is shown.
 */
void
rpt_checks_button_set_active (RptChecksButton *self, gboolean active)
{
  g_return_if_fail (RPT_IS_CHECKS_BUTTON (self));
  gtk_toggle_button_set_active (self->button, active);
}

gboolean
rpt_checks_button_get_active (RptChecksButton *self)
{
  g_return_val_if_fail (RPT_IS_CHECKS_BUTTON (self), FALSE);
  return gtk_toggle_button_get_active (self->button);
}

/**
 * rpt_checks_button_get_label:
 *
 * Returns: what the button says to a screen reader
 */
const char *
rpt_checks_button_get_label (RptChecksButton *self)
{
  g_return_val_if_fail (RPT_IS_CHECKS_BUTTON (self), NULL);
  return self->label;
}

static void
rpt_checks_button_dispose (GObject *object)
{
  RptChecksButton *self = RPT_CHECKS_BUTTON (object);

  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (self->checker, self);
  g_clear_object (&self->checker);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_CHECKS_BUTTON);
  G_OBJECT_CLASS (rpt_checks_button_parent_class)->dispose (object);
}

static void
rpt_checks_button_finalize (GObject *object)
{
  g_free (RPT_CHECKS_BUTTON (object)->label);
  G_OBJECT_CLASS (rpt_checks_button_parent_class)->finalize (object);
}

static void
rpt_checks_button_class_init (RptChecksButtonClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_checks_button_dispose;
  object_class->finalize = rpt_checks_button_finalize;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-checks-button.ui");
  gtk_widget_class_bind_template_child (widget_class, RptChecksButton, button);
  gtk_widget_class_bind_template_child (widget_class, RptChecksButton, error_icon);
  gtk_widget_class_bind_template_child (widget_class, RptChecksButton, error_label);
  gtk_widget_class_bind_template_child (widget_class, RptChecksButton, warning_icon);
  gtk_widget_class_bind_template_child (widget_class, RptChecksButton, warning_label);
  gtk_widget_class_bind_template_child (widget_class, RptChecksButton, ok_icon);
}

static void
rpt_checks_button_init (RptChecksButton *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  update (self);
}
