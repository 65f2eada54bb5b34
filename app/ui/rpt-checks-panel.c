/* rpt-checks-panel.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-checks-panel"

#include <glib/gi18n.h>

#include "rpt-checks-panel.h"

/**
 * RptChecksPanel:
 *
 * The checks before sending (docs/checks.md) of the letter being written,
 * above the preview: each with its severity and a message that names the
 * place, errors first. Activating one goes to its place
 * (#RptChecksPanel::check-activated); a check with an obvious fix has a
 * button that makes it (#RptChecksPanel::fix-activated), unless the
 * letter is shown read-only. The window does both, as edits it can undo.
 *
 * The list is the checker itself (a #GListModel that follows the letter a
 * moment after the drafter stops typing, changing only the findings that
 * changed), shown through a #GtkListView: a letter of ten thousand facts
 * may have thousands of findings, and only those on screen get a row.
 * While the checker is behind the letter the list is dimmed.
 */
struct _RptChecksPanel
{
  GtkWidget parent_instance;

  RptChecker *checker;
  gboolean writable;
  gboolean ever_updated;
  GHashTable *rows; /* Row *, those made */

  GtkLabel *summary_label;
  GtkStack *stack;
  GtkListView *list;
};

G_DEFINE_FINAL_TYPE (RptChecksPanel, rpt_checks_panel, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_CHECKER,
  PROP_WRITABLE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

enum
{
  SIGNAL_CHECK_ACTIVATED,
  SIGNAL_FIX_ACTIVATED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

/**
 * rpt_checks_dup_summary:
 *
 * Returns: (transfer full): what the header bar's button says to a
 *   screen reader: "3 errors, 2 warnings to check before sending"
 */
char *
rpt_checks_dup_summary (guint n_errors, guint n_warnings)
{
  g_autofree char *errors = NULL;
  g_autofree char *warnings = NULL;

  if (n_errors == 0 && n_warnings == 0)
    return g_strdup (_ ("No errors or warnings to check before sending"));
  errors = g_strdup_printf (g_dngettext (NULL, "%u error", "%u errors", n_errors), n_errors);
  warnings =
    g_strdup_printf (g_dngettext (NULL, "%u warning", "%u warnings", n_warnings), n_warnings);
  if (n_warnings == 0)
    /* Translators: %s is "3 errors" */
    return g_strdup_printf (_ ("%s to check before sending"), errors);
  if (n_errors == 0)
    /* Translators: %s is "2 warnings" */
    return g_strdup_printf (_ ("%s to check before sending"), warnings);
  /* Translators: "3 errors, 2 warnings to check before sending" */
  return g_strdup_printf (_ ("%s, %s to check before sending"), errors, warnings);
}

static const char *
severity_icon (RptCheckSeverity severity)
{
  switch (severity)
    {
    case RPT_CHECK_SEVERITY_ERROR:
      return "dialog-error-symbolic";
    case RPT_CHECK_SEVERITY_WARNING:
      return "dialog-warning-symbolic";
    case RPT_CHECK_SEVERITY_INFO:
    default:
      return "dialog-information-symbolic";
    }
}

static const char *
severity_class (RptCheckSeverity severity)
{
  switch (severity)
    {
    case RPT_CHECK_SEVERITY_ERROR:
      return "error";
    case RPT_CHECK_SEVERITY_WARNING:
      return "warning";
    case RPT_CHECK_SEVERITY_INFO:
    default:
      return "accent";
    }
}

static const char *
severity_name (RptCheckSeverity severity)
{
  switch (severity)
    {
    case RPT_CHECK_SEVERITY_ERROR:
      /* Translators: a check's severity, read out before its message */
      return _ ("Error");
    case RPT_CHECK_SEVERITY_WARNING:
      /* Translators: a check's severity, read out before its message */
      return _ ("Warning");
    case RPT_CHECK_SEVERITY_INFO:
    default:
      /* Translators: a check's severity, read out before its message */
      return _ ("Note");
    }
}

/* --- the header ------------------------------------------------------ */

static void
update_summary (RptChecksPanel *self)
{
  g_autofree char *text = NULL;
  guint n_errors, n_warnings, n_infos;
  gboolean up_to_date;

  if (self->checker == NULL)
    {
      gtk_label_set_text (self->summary_label, "");
      return;
    }
  up_to_date = rpt_checker_get_up_to_date (self->checker);
  if (up_to_date)
    self->ever_updated = TRUE;
  n_errors = rpt_checker_get_n_errors (self->checker);
  n_warnings = rpt_checker_get_n_warnings (self->checker);
  n_infos = rpt_checker_get_n_infos (self->checker);
  if (!self->ever_updated)
    text = g_strdup (_ ("Checking…"));
  else
    {
      g_autoptr (GPtrArray) parts = g_ptr_array_new_with_free_func (g_free);

      if (n_errors > 0)
        g_ptr_array_add (
          parts, g_strdup_printf (g_dngettext (NULL, "%u error", "%u errors", n_errors), n_errors));
      if (n_warnings > 0)
        g_ptr_array_add (
          parts, g_strdup_printf (g_dngettext (NULL, "%u warning", "%u warnings", n_warnings),
                                  n_warnings));
      if (n_infos > 0)
        g_ptr_array_add (
          parts, g_strdup_printf (g_dngettext (NULL, "%u note", "%u notes", n_infos), n_infos));
      if (parts->len == 0)
        text = g_strdup (_ ("Nothing to check"));
      else
        {
          g_ptr_array_add (parts, NULL);
          /* Translators: the separator of "2 errors, 3 warnings, 1 note" */
          text = g_strjoinv (_ (", "), (char **) parts->pdata);
        }
      if (!up_to_date)
        {
          /* Translators: the counts, while the letter is checked again */
          char *checking = g_strdup_printf (_ ("%s (checking…)"), text);
          g_free (text);
          text = checking;
        }
    }
  gtk_label_set_text (self->summary_label, text);

  /* Findings of a letter that has changed since: dimmed until the next
   * update, which comes a moment after the typing stops. */
  if (up_to_date)
    gtk_widget_remove_css_class (GTK_WIDGET (self->list), "rpt-stale");
  else
    gtk_widget_add_css_class (GTK_WIDGET (self->list), "rpt-stale");
  gtk_stack_set_visible_child_name (
    self->stack, self->ever_updated && g_list_model_get_n_items (G_LIST_MODEL (self->checker)) == 0
                   ? "empty"
                   : "list");
}

/* --- rows ------------------------------------------------------------ */

typedef struct
{
  RptChecksPanel *panel;
  GtkListItem *item;
  GtkWidget *box;
  GtkImage *icon;
  GtkLabel *message;
  GtkButton *fix;
  RptCheck *check; /* the one bound */
} Row;

static void
row_free (Row *row)
{
  g_clear_object (&row->check);
  g_free (row);
}

static void
update_fix (Row *row)
{
  gboolean offered = row->check != NULL && row->panel->writable && rpt_check_has_fix (row->check);

  gtk_widget_set_visible (GTK_WIDGET (row->fix), offered);
  if (offered)
    {
      g_autofree char *a11y = NULL;

      gtk_button_set_label (row->fix, rpt_check_get_fix_label (row->check));
      /* Translators: what a check's Fix button does, then the check's
       * message: "Make them one space: Fact 1: two spaces in a row…" */
      a11y = g_strdup_printf (_ ("%s: %s"), rpt_check_get_fix_label (row->check),
                              rpt_check_get_message (row->check));
      gtk_accessible_update_property (GTK_ACCESSIBLE (row->fix), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      a11y, -1);
    }
}

static void
fix_clicked_cb (GtkButton *button, Row *row)
{
  g_autoptr (RptCheck) check = NULL;

  if (row->check == NULL || !row->panel->writable)
    return;
  /* The handler may change the list, and so this row. */
  check = g_object_ref (row->check);
  g_signal_emit (row->panel, signals[SIGNAL_FIX_ACTIVATED], 0, check);
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RptChecksPanel *self)
{
  Row *row = g_new0 (Row, 1);

  row->panel = self;
  row->item = item;
  row->box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 10);
  gtk_widget_add_css_class (row->box, "rpt-check");
  row->icon = GTK_IMAGE (gtk_image_new ());
  gtk_widget_set_valign (GTK_WIDGET (row->icon), GTK_ALIGN_START);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->icon), GTK_ACCESSIBLE_PROPERTY_LABEL, "",
                                  -1);
  row->message = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->message, 0);
  gtk_label_set_wrap (row->message, TRUE);
  gtk_label_set_wrap_mode (row->message, PANGO_WRAP_WORD_CHAR);
  gtk_widget_set_hexpand (GTK_WIDGET (row->message), TRUE);
  row->fix = GTK_BUTTON (gtk_button_new ());
  gtk_widget_set_valign (GTK_WIDGET (row->fix), GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (GTK_WIDGET (row->fix), "pill");
  gtk_widget_add_css_class (GTK_WIDGET (row->fix), "small");
  g_signal_connect (row->fix, "clicked", G_CALLBACK (fix_clicked_cb), row);
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->icon));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->message));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->fix));
  g_object_set_data (G_OBJECT (row->box), "rpt-check-row", row);
  g_object_set_data_full (G_OBJECT (item), "row", row, (GDestroyNotify) row_free);
  g_hash_table_add (self->rows, row);
  gtk_list_item_set_child (item, row->box);
}

static void
teardown_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RptChecksPanel *self)
{
  Row *row = g_object_get_data (G_OBJECT (item), "row");

  if (row != NULL)
    g_hash_table_remove (self->rows, row);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RptChecksPanel *self)
{
  Row *row = g_object_get_data (G_OBJECT (item), "row");
  RptCheck *check = gtk_list_item_get_item (item);
  RptCheckSeverity severity = rpt_check_get_severity (check);
  g_autofree char *a11y = NULL;

  g_set_object (&row->check, check);
  gtk_image_set_from_icon_name (row->icon, severity_icon (severity));
  for (RptCheckSeverity s = RPT_CHECK_SEVERITY_ERROR; s <= RPT_CHECK_SEVERITY_INFO; s++)
    gtk_widget_remove_css_class (GTK_WIDGET (row->icon), severity_class (s));
  gtk_widget_add_css_class (GTK_WIDGET (row->icon), severity_class (severity));
  gtk_label_set_text (row->message, rpt_check_get_message (check));
  /* Translators: a check as a screen reader reads it: "Warning: Fact 1:
   * two spaces in a row…" */
  a11y = g_strdup_printf (_ ("%s: %s"), severity_name (severity), rpt_check_get_message (check));
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->box), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y,
                                  -1);
  gtk_widget_set_tooltip_text (GTK_WIDGET (row->box), NULL);
  update_fix (row);
}

static void
unbind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RptChecksPanel *self)
{
  Row *row = g_object_get_data (G_OBJECT (item), "row");

  g_clear_object (&row->check);
}

static void
row_activated_cb (RptChecksPanel *self, guint position)
{
  g_autoptr (RptCheck) check = NULL;

  if (self->checker == NULL)
    return;
  check = g_list_model_get_item (G_LIST_MODEL (self->checker), position);
  if (check != NULL)
    g_signal_emit (self, signals[SIGNAL_CHECK_ACTIVATED], 0, check);
}

/* --- API ------------------------------------------------------------- */

static void
checker_notify_cb (RptChecksPanel *self)
{
  update_summary (self);
}

/**
 * rpt_checks_panel_set_checker:
 * @checker: (nullable): the checks to show
 */
void
rpt_checks_panel_set_checker (RptChecksPanel *self, RptChecker *checker)
{
  g_autoptr (GtkNoSelection) selection = NULL;

  g_return_if_fail (RPT_IS_CHECKS_PANEL (self));
  g_return_if_fail (checker == NULL || RPT_IS_CHECKER (checker));

  if (self->checker == checker)
    return;
  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (self->checker, self);
  g_set_object (&self->checker, checker);
  self->ever_updated = FALSE;
  if (checker != NULL)
    {
      g_signal_connect_swapped (checker, "notify::up-to-date", G_CALLBACK (checker_notify_cb),
                                self);
      g_signal_connect_swapped (checker, "notify::n-errors", G_CALLBACK (checker_notify_cb), self);
      g_signal_connect_swapped (checker, "notify::n-warnings", G_CALLBACK (checker_notify_cb),
                                self);
      g_signal_connect_swapped (checker, "notify::n-infos", G_CALLBACK (checker_notify_cb), self);
      selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (checker)));
    }
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  update_summary (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_CHECKER]);
}

RptChecker *
rpt_checks_panel_get_checker (RptChecksPanel *self)
{
  g_return_val_if_fail (RPT_IS_CHECKS_PANEL (self), NULL);
  return self->checker;
}

/**
 * rpt_checks_panel_set_writable:
 *
 * Whether fixes are offered: not for a letter shown read-only (an old
 * version), whose checks are shown all the same.
 */
void
rpt_checks_panel_set_writable (RptChecksPanel *self, gboolean writable)
{
  GHashTableIter iter;
  gpointer row;

  g_return_if_fail (RPT_IS_CHECKS_PANEL (self));

  writable = !!writable;
  if (self->writable == writable)
    return;
  self->writable = writable;
  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &row, NULL))
    update_fix (row);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_WRITABLE]);
}

gboolean
rpt_checks_panel_get_writable (RptChecksPanel *self)
{
  g_return_val_if_fail (RPT_IS_CHECKS_PANEL (self), FALSE);
  return self->writable;
}

/**
 * rpt_checks_panel_focus_check:
 * @position: a check of the list
 *
 * Scrolls to the check and gives it the focus.
 *
 * Returns: whether the list has it
 */
gboolean
rpt_checks_panel_focus_check (RptChecksPanel *self, guint position)
{
  g_return_val_if_fail (RPT_IS_CHECKS_PANEL (self), FALSE);

  if (self->checker == NULL || position >= g_list_model_get_n_items (G_LIST_MODEL (self->checker)))
    return FALSE;
  /* GTK 4.8 has no gtk_list_view_scroll_to(): the "list.scroll-to-item"
   * action scrolls and gives the item the focus. */
  return gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", position);
}

/**
 * rpt_checks_panel_focus_first:
 *
 * Gives the focus to the first check, or to the panel's close button
 * when there is none.
 */
gboolean
rpt_checks_panel_focus_first (RptChecksPanel *self)
{
  g_return_val_if_fail (RPT_IS_CHECKS_PANEL (self), FALSE);

  if (rpt_checks_panel_focus_check (self, 0))
    return TRUE;
  return gtk_widget_child_focus (GTK_WIDGET (self), GTK_DIR_TAB_FORWARD);
}

/**
 * rpt_checks_panel_get_focus_position:
 *
 * Returns: the position of the check that has the focus (or whose Fix
 *   button has it), or -1
 */
gint
rpt_checks_panel_get_focus_position (RptChecksPanel *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;

  g_return_val_if_fail (RPT_IS_CHECKS_PANEL (self), -1);

  for (GtkWidget *w = focus; w != NULL && w != GTK_WIDGET (self->list);
       w = gtk_widget_get_parent (w))
    {
      GtkWidget *child = gtk_widget_get_first_child (w);
      Row *row = g_object_get_data (G_OBJECT (w), "rpt-check-row");

      if (row == NULL && child != NULL)
        row = g_object_get_data (G_OBJECT (child), "rpt-check-row");
      if (row != NULL && row->check != NULL)
        return (gint) gtk_list_item_get_position (row->item);
    }
  return -1;
}

/**
 * rpt_checks_panel_get_list:
 *
 * Returns: (transfer none): the list view
 */
GtkWidget *
rpt_checks_panel_get_list (RptChecksPanel *self)
{
  g_return_val_if_fail (RPT_IS_CHECKS_PANEL (self), NULL);
  return GTK_WIDGET (self->list);
}

/**
 * rpt_checks_panel_find_fix_button:
 *
 * Returns: (transfer none) (nullable): the Fix button of the row showing
 *   @check, if the list made one and the fix is offered
 */
GtkWidget *
rpt_checks_panel_find_fix_button (RptChecksPanel *self, RptCheck *check)
{
  GHashTableIter iter;
  gpointer data;

  g_return_val_if_fail (RPT_IS_CHECKS_PANEL (self), NULL);

  g_hash_table_iter_init (&iter, self->rows);
  while (g_hash_table_iter_next (&iter, &data, NULL))
    {
      Row *row = data;
      if (row->check == check && gtk_widget_get_visible (GTK_WIDGET (row->fix)))
        return GTK_WIDGET (row->fix);
    }
  return NULL;
}

/* --- GObject --------------------------------------------------------- */

static void
rpt_checks_panel_dispose (GObject *object)
{
  RptChecksPanel *self = RPT_CHECKS_PANEL (object);

  if (self->checker != NULL)
    g_signal_handlers_disconnect_by_data (self->checker, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_CHECKS_PANEL);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  g_clear_object (&self->checker);
  G_OBJECT_CLASS (rpt_checks_panel_parent_class)->dispose (object);
}

static void
rpt_checks_panel_finalize (GObject *object)
{
  RptChecksPanel *self = RPT_CHECKS_PANEL (object);

  g_hash_table_unref (self->rows);
  G_OBJECT_CLASS (rpt_checks_panel_parent_class)->finalize (object);
}

static void
rpt_checks_panel_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptChecksPanel *self = RPT_CHECKS_PANEL (object);

  switch (prop_id)
    {
    case PROP_CHECKER:
      g_value_set_object (value, self->checker);
      break;
    case PROP_WRITABLE:
      g_value_set_boolean (value, self->writable);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_checks_panel_set_property (GObject *object,
                               guint prop_id,
                               const GValue *value,
                               GParamSpec *pspec)
{
  RptChecksPanel *self = RPT_CHECKS_PANEL (object);

  switch (prop_id)
    {
    case PROP_CHECKER:
      rpt_checks_panel_set_checker (self, g_value_get_object (value));
      break;
    case PROP_WRITABLE:
      rpt_checks_panel_set_writable (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_checks_panel_class_init (RptChecksPanelClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_checks_panel_dispose;
  object_class->finalize = rpt_checks_panel_finalize;
  object_class->get_property = rpt_checks_panel_get_property;
  object_class->set_property = rpt_checks_panel_set_property;

  properties[PROP_CHECKER] =
    g_param_spec_object ("checker", NULL, NULL, RPT_TYPE_CHECKER,
                         G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  properties[PROP_WRITABLE] =
    g_param_spec_boolean ("writable", NULL, NULL, TRUE,
                          G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * RptChecksPanel::check-activated:
   * @check: the check
   *
   * The drafter asked to go to the place @check concerns.
   */
  signals[SIGNAL_CHECK_ACTIVATED] =
    g_signal_new ("check-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, RPT_TYPE_CHECK);
  /**
   * RptChecksPanel::fix-activated:
   * @check: the check
   *
   * The drafter asked for @check's fix.
   */
  signals[SIGNAL_FIX_ACTIVATED] =
    g_signal_new ("fix-activated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL, NULL,
                  NULL, G_TYPE_NONE, 1, RPT_TYPE_CHECK);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-checks-panel.ui");
  gtk_widget_class_bind_template_child (widget_class, RptChecksPanel, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RptChecksPanel, stack);
  gtk_widget_class_bind_template_child (widget_class, RptChecksPanel, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
  gtk_widget_class_set_css_name (widget_class, "checkspanel");
}

static void
rpt_checks_panel_init (RptChecksPanel *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();

  gtk_widget_init_template (GTK_WIDGET (self));
  self->writable = TRUE;
  self->rows = g_hash_table_new (NULL, NULL);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "teardown", G_CALLBACK (teardown_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  g_signal_connect (factory, "unbind", G_CALLBACK (unbind_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  update_summary (self);
}
