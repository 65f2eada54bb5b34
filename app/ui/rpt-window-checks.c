/* rpt-window-checks.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-window"

#include <glib/gi18n.h>

#include "rpt-checks-button.h"
#include "rpt-checks-panel.h"
#include "rpt-section.h"
#include "rpt-window-private.h"

/* The window's checks before sending (docs/checks.md): a checker that
 * follows the letter, its count in the header bar, the panel above the
 * preview (F7), going to the place a check concerns, and fixes made as
 * edits the window's history undoes. */

/* Where the letter's own fields are in the forms: the section, and the
 * name of the field's widget in the section's template. A field not
 * listed, or not shown (the addressee's name of a letter to a State), is
 * looked for at the top of its section. */
static const struct
{
  const char *field;
  const char *section;
  const char *widget;
} letter_fields[] = {
  { "kind", "letter", "kind_row" },
  { "country", "letter", "country_row" },
  { "addressee-name", "letter", "addressee_row" },
  { "salutation", "letter", "salutation_row" },
  { "reference-number", "letter", "number_spin" },
  { "reference-year", "letter", "year_spin" },
  { "date", "letter", "date_button" },
  { "language", "letter", "language_row" },
  { "summary", "summary", "summary_editor" },
  { "communications-about", "summary", "about_editor" },
  { "press-release", "closing", "press_switch" },
  { "interim-measures", "closing", "interim_switch" },
  { "wgad", "closing", "wgad_row" },
};

RptChecker *
rpt_window_get_checker (RptWindow *self)
{
  g_return_val_if_fail (RPT_IS_WINDOW (self), NULL);
  return self->checker;
}

static GSettings *
get_settings (RptWindow *self)
{
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  return RPT_IS_APPLICATION (app) ? rpt_application_get_settings (RPT_APPLICATION (app)) : NULL;
}

/* --- going to a check's place ---------------------------------------- */

static gboolean
focus_widget (GtkWidget *widget)
{
  if (!gtk_widget_get_visible (widget) || !gtk_widget_is_sensitive (widget))
    return FALSE;
  return gtk_widget_grab_focus (widget) || gtk_widget_child_focus (widget, GTK_DIR_TAB_FORWARD);
}

static void
focus_section_start (RptWindow *self, const char *name)
{
  GtkWidget *page = gtk_stack_get_child_by_name (self->section_stack, name);

  if (page != NULL)
    gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
}

/**
 * rpt_window_reveal_field:
 * @field: a property of the letter ("date", "summary", "wgad"…), as a
 *   check names it; %NULL for the letter as a whole
 *
 * Shows the section with the field and gives the field the focus; the
 * preview goes to where the field shows in the letter.
 *
 * Returns: whether the field took the focus (else the section's first
 *   field has it)
 */
gboolean
rpt_window_reveal_field (RptWindow *self, const char *field)
{
  const char *name = "letter";
  const char *widget_name = NULL;
  GtkWidget *section, *widget = NULL;

  g_return_val_if_fail (RPT_IS_WINDOW (self), FALSE);

  if (self->document == NULL)
    return FALSE;
  for (guint i = 0; field != NULL && i < G_N_ELEMENTS (letter_fields); i++)
    if (g_str_equal (letter_fields[i].field, field))
      {
        name = letter_fields[i].section;
        widget_name = letter_fields[i].widget;
        break;
      }
  rpt_window_show_section (self, name);
  section = rpt_window_get_section_widget (self, name);
  if (section != NULL)
    rpt_section_ensure_bound (RPT_SECTION (section));
  if (section != NULL && widget_name != NULL)
    widget =
      GTK_WIDGET (gtk_widget_get_template_child (section, G_OBJECT_TYPE (section), widget_name));
  rpt_preview_reveal_item (self->preview,
                           g_str_equal (name, "closing") ? RPT_PREVIEW_END : RPT_PREVIEW_START);
  if (widget != NULL && focus_widget (widget))
    return TRUE;
  focus_section_start (self, name);
  return FALSE;
}

/**
 * rpt_window_reveal_check:
 *
 * Goes to the place @check concerns: its item, the field of the letter,
 * or the section of its part.
 *
 * Returns: whether the place is in the letter (else a toast says so)
 */
gboolean
rpt_window_reveal_check (RptWindow *self, RptCheck *check)
{
  const char *item_id;
  RptPart part;

  g_return_val_if_fail (RPT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (RPT_IS_CHECK (check), FALSE);

  if (self->document == NULL)
    return FALSE;
  item_id = rpt_check_get_item_id (check);
  part = rpt_check_get_part (check);
  if (item_id != NULL)
    {
      if (rpt_window_reveal_item (self, item_id))
        return TRUE;
      rpt_window_show_toast (self, _ ("That place is no longer in the letter"));
      return FALSE;
    }
  if (part == RPT_N_PARTS)
    {
      rpt_window_reveal_field (self, rpt_check_get_field (check));
      return TRUE;
    }
  /* A part with nothing in it ("The letter has no facts yet"): its
   * section, where its Add button is first. */
  rpt_window_show_section (self, _rpt_window_section_for_part (part));
  focus_section_start (self, _rpt_window_section_for_part (part));
  return TRUE;
}

/* --- fixes ----------------------------------------------------------- */

static guint
find_position (RptChecker *checker, RptCheck *check)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (checker));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RptCheck) c = g_list_model_get_item (G_LIST_MODEL (checker), i);
      if (c == check)
        return i;
    }
  return G_MAXUINT;
}

/**
 * rpt_window_apply_fix:
 *
 * Makes @check's fix as one edit of the letter that the window's history
 * undoes (Ctrl+Z, from anywhere), checks the letter again, and gives the
 * focus to the check that now stands where @check stood, when the focus
 * was in the panel.
 *
 * Returns: whether the fix was made; %FALSE with @error set when the
 *   letter is read-only or the words changed since the check (the checks
 *   then run again)
 */
gboolean
rpt_window_apply_fix (RptWindow *self, RptCheck *check, GError **error)
{
  g_autoptr (RptCheck) held = NULL;
  g_autoptr (GObject) target = NULL;
  g_autofree char *old_text = NULL;
  const char *field;
  RptLetter *letter;
  gboolean in_panel;
  guint position;
  gboolean ok;

  g_return_val_if_fail (RPT_IS_WINDOW (self), FALSE);
  g_return_val_if_fail (RPT_IS_CHECK (check), FALSE);

  if (self->document == NULL || self->history == NULL ||
      rpt_letter_file_get_read_only (self->document))
    {
      g_set_error_literal (error, RPT_ERROR, RPT_ERROR_READ_ONLY,
                           _ ("This letter is shown read-only: it cannot be changed here"));
      return FALSE;
    }
  held = g_object_ref (check);
  letter = rpt_letter_file_get_letter (self->document);
  field = rpt_check_get_field (check);
  in_panel = rpt_checks_panel_get_focus_position (self->checks_panel) >= 0;
  position = find_position (self->checker, check);

  /* Text has its text box's history, not the window's: a fix of words is
   * recorded as a step of its own, so that Ctrl+Z undoes it from
   * wherever the focus is. Other fields are recorded as they change. */
  if (rpt_check_get_item_id (check) != NULL)
    {
      gpointer item = rpt_letter_find_item (letter, rpt_check_get_item_id (check), NULL, NULL);
      if (item != NULL)
        target = g_object_ref (item);
    }
  else if (rpt_check_get_part (check) == RPT_N_PARTS)
    target = G_OBJECT (g_object_ref (letter));
  if (target != NULL && field != NULL && rpt_undo_history_is_text_property (target, field))
    g_object_get (target, field, &old_text, NULL);
  else
    g_clear_object (&target);

  rpt_undo_history_close_step (self->history);
  ok = rpt_check_apply_fix (check, letter, error);
  if (ok && target != NULL)
    rpt_undo_history_record_text (self->history, target, field, old_text);
  rpt_undo_history_close_step (self->history);

  /* The list now, not in a moment: the fixed check goes, the next one
   * takes its place and the focus. */
  rpt_checker_update (self->checker, NULL);
  if (in_panel && position != G_MAXUINT)
    {
      guint n = g_list_model_get_n_items (G_LIST_MODEL (self->checker));
      if (n > 0)
        rpt_checks_panel_focus_check (self->checks_panel, MIN (position, n - 1));
      else
        rpt_checks_panel_focus_first (self->checks_panel);
    }
  return ok;
}

static void
fix_activated_cb (RptWindow *self, RptCheck *check)
{
  g_autoptr (GError) error = NULL;

  if (rpt_window_apply_fix (self, check, &error))
    {
      /* Translators: a toast after a check's fix; %s is what the fix did,
       * "Make them one space" */
      g_autofree char *text = g_strdup_printf (_ ("Fixed: %s"), rpt_check_get_fix_label (check));
      AdwToast *toast = adw_toast_new (text);

      adw_toast_set_button_label (toast, _ ("_Undo"));
      adw_toast_set_action_name (toast, "win.undo-step");
      adw_toast_set_action_target_value (
        toast, g_variant_new_uint32 (rpt_undo_history_get_serial (self->history)));
      adw_toast_overlay_add_toast (self->toast_overlay, toast);
    }
  else if (g_error_matches (error, RPT_ERROR, RPT_ERROR_NOT_FOUND))
    rpt_window_show_toast (self, _ ("The words changed since they were checked: the checks are "
                                    "up to date again"));
  else
    rpt_window_show_error (self, _ ("The Fix Could Not Be Made"), error);
}

static void
check_activated_cb (RptWindow *self, RptCheck *check)
{
  rpt_window_reveal_check (self, check);
}

/* --- the panel ------------------------------------------------------- */

/**
 * rpt_window_get_checks_visible:
 *
 * Returns: whether the checks panel is shown
 */
gboolean
rpt_window_get_checks_visible (RptWindow *self)
{
  g_return_val_if_fail (RPT_IS_WINDOW (self), FALSE);
  return gtk_widget_get_visible (GTK_WIDGET (self->checks_panel)) &&
         adw_flap_get_reveal_flap (self->flap);
}

/**
 * rpt_window_set_checks_visible:
 *
 * Shows or hides the checks panel, above the preview (shown with it when
 * the preview was hidden). Shown, the focus goes to the first check;
 * hidden with the focus in it, back to where it came from.
 */
void
rpt_window_set_checks_visible (RptWindow *self, gboolean visible)
{
  GSettings *settings = get_settings (self);
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));

  g_return_if_fail (RPT_IS_WINDOW (self));

  if (visible)
    {
      if (focus != NULL && !gtk_widget_is_ancestor (focus, GTK_WIDGET (self->checks_panel)))
        g_set_weak_pointer (&self->checks_return_focus, focus);
      gtk_widget_set_visible (GTK_WIDGET (self->checks_panel), TRUE);
      if (!adw_flap_get_reveal_flap (self->flap))
        adw_flap_set_reveal_flap (self->flap, TRUE);
      rpt_checks_panel_focus_first (self->checks_panel);
    }
  else
    {
      gboolean had_focus =
        focus != NULL && gtk_widget_is_ancestor (focus, GTK_WIDGET (self->checks_panel));

      gtk_widget_set_visible (GTK_WIDGET (self->checks_panel), FALSE);
      if (had_focus)
        {
          if (self->checks_return_focus == NULL ||
              !gtk_widget_grab_focus (self->checks_return_focus))
            focus_section_start (self, rpt_window_get_section (self));
        }
    }
  if (!visible)
    g_clear_weak_pointer (&self->checks_return_focus);
  rpt_checks_button_set_active (self->checks_button, visible);
  if (settings != NULL)
    g_settings_set_boolean (settings, "show-checks", visible);
}

static void
toggle_checks_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);

  rpt_window_set_checks_visible (self, !rpt_window_get_checks_visible (self));
}

/* Hiding the preview (F9) hides the panel above it: the button says so. */
static void
flap_revealed_cb (RptWindow *self)
{
  rpt_checks_button_set_active (self->checks_button, rpt_window_get_checks_visible (self));
}

/**
 * rpt_window_reference_changed:
 * @reference: the reference data now in use (rpt_reference_reload_default())
 *
 * The user corrected the reference data: the preview lays the letter out
 * again and the checks run again, with the new data.
 */
void
rpt_window_reference_changed (RptWindow *self, RptReference *reference)
{
  g_return_if_fail (RPT_IS_WINDOW (self));
  g_return_if_fail (RPT_IS_REFERENCE (reference));

  rpt_checker_set_reference (self->checker, reference);
  if (self->document != NULL)
    rpt_preview_refresh (self->preview);
}

void
_rpt_window_update_checks_actions (RptWindow *self)
{
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-checks", self->document != NULL);
}

/* With the document: the checker follows its letter; fixes for a letter
 * that can be changed. The first run waits for the timeout, after the
 * window's first frame. */
void
_rpt_window_checks_set_document (RptWindow *self)
{
  GSettings *settings = get_settings (self);
  gboolean writable;

  if (self->document == NULL)
    return;
  writable = !rpt_letter_file_get_read_only (self->document);
  rpt_checker_set_reference (self->checker, rpt_reference_get_default ());
  rpt_checker_set_letter (self->checker, rpt_letter_file_get_letter (self->document));
  rpt_checks_panel_set_writable (self->checks_panel, writable);
  gtk_widget_set_visible (GTK_WIDGET (self->checks_panel),
                          settings == NULL || g_settings_get_boolean (settings, "show-checks"));
  flap_revealed_cb (self);
}

void
_rpt_window_checks_init (RptWindow *self)
{
  self->checker = rpt_checker_new ();
  rpt_checker_set_auto_update (self->checker, TRUE);
  rpt_checks_panel_set_checker (self->checks_panel, self->checker);
  rpt_checks_button_set_checker (self->checks_button, self->checker);
  g_signal_connect_object (self->checks_panel, "check-activated", G_CALLBACK (check_activated_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->checks_panel, "fix-activated", G_CALLBACK (fix_activated_cb), self,
                           G_CONNECT_SWAPPED);
  g_signal_connect_object (self->flap, "notify::reveal-flap", G_CALLBACK (flap_revealed_cb), self,
                           G_CONNECT_SWAPPED);
}

void
_rpt_window_checks_dispose (RptWindow *self)
{
  g_clear_weak_pointer (&self->checks_return_focus);
  if (self->checker != NULL)
    rpt_checker_set_auto_update (self->checker, FALSE);
  g_clear_object (&self->checker);
}

void
_rpt_window_class_checks_init (GtkWidgetClass *widget_class)
{
  g_type_ensure (RPT_TYPE_CHECKS_PANEL);
  g_type_ensure (RPT_TYPE_CHECKS_BUTTON);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, checks_button);
  gtk_widget_class_bind_template_child (widget_class, RptWindow, checks_panel);
  gtk_widget_class_install_action (widget_class, "win.toggle-checks", NULL, toggle_checks_action);
}
