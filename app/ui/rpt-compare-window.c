/* rpt-compare-window.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-compare-window"

#include <glib/gi18n.h>

#include "rpt-application.h"
#include "rpt-compare-window.h"
#include "rpt-preview.h"

/**
 * RptCompareWindow:
 *
 * What changed between two versions of a letter, or a version and the
 * working state: the list of changes (from the core's RptComparison) beside
 * the redline's pages (the same pages as the redline PDF). Activating a
 * change scrolls the pages to it. The comparison exports as a redline PDF
 * or as an ODT with tracked changes. When one side is the working state,
 * both follow the drafter's edits.
 */
struct _RptCompareWindow
{
  AdwWindow parent_instance;

  RptLetterFile *document;
  GtkStringList *choices; /* "Working State", then each version, newest first */
  GArray *numbers;        /* the version number of each choice; 0 for the working state */
  GListModel *versions;
  RptLetter *letters[2]; /* older, newer */
  guint wanted[2];       /* version numbers asked for */
  guint generation;      /* of the loads in flight */
  RptComparison *comparison;
  GCancellable *cancellable;
  guint refresh_id;
  gboolean filling;
  gboolean focused; /* the first change has had the focus once */

  AdwToastOverlay *toast_overlay;
  AdwWindowTitle *window_title;
  GtkDropDown *old_dropdown;
  GtkDropDown *new_dropdown;
  GtkLabel *summary_label;
  GtkListBox *changes_list;
  RptPreview *preview;
};

G_DEFINE_FINAL_TYPE (RptCompareWindow, rpt_compare_window, ADW_TYPE_WINDOW)

#define REFRESH_DELAY_MS 500

static void load_side (RptCompareWindow *self, guint side);

/* --- naming the two sides --------------------------------------------- */

static RptVersion *
find_version (RptCompareWindow *self, guint number)
{
  for (guint i = 0; self->versions != NULL && i < g_list_model_get_n_items (self->versions); i++)
    {
      g_autoptr (RptVersion) v = g_list_model_get_item (self->versions, i);
      if (rpt_version_get_number (v) == number)
        return v;
    }
  return NULL;
}

static char *
side_label (RptCompareWindow *self, guint number, gboolean long_form)
{
  RptVersion *v;
  const char *message;

  if (number == 0)
    return g_strdup (_ ("Working State"));
  v = find_version (self, number);
  message = v != NULL ? rpt_version_get_message (v) : NULL;
  if (message == NULL || message[0] == '\0')
    return g_strdup_printf (_ ("Version %u"), number);
  if (long_form && v != NULL)
    {
      g_autoptr (GDateTime) local = g_date_time_to_local (rpt_version_get_created (v));
      g_autofree char *when = g_date_time_format (local, "%x %H:%M");
      /* Translators: a version compared: number, message, author, time */
      return g_strdup_printf (_ ("Version %u “%s” (%s, %s)"), number, message,
                              rpt_version_get_author (v), when);
    }
  /* Translators: a version in the comparison's menus: number and message */
  return g_strdup_printf (_ ("Version %u: %s"), number, message);
}

/* --- the list of changes ---------------------------------------------- */

static void
add_heading (RptCompareWindow *self, const char *text)
{
  GtkWidget *label = gtk_label_new (text);
  GtkWidget *row = gtk_list_box_row_new ();

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_widget_set_margin_top (label, 12);
  gtk_widget_set_margin_start (label, 6);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), label);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_list_box_row_set_selectable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_focusable (row, FALSE);
  gtk_list_box_append (self->changes_list, row);
}

static void
add_change (RptCompareWindow *self, const char *target, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *a11y = g_strdup_printf ("%s: %s", title, subtitle);

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  adw_action_row_set_subtitle_lines (ADW_ACTION_ROW (row), 2);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_object_set_data_full (G_OBJECT (row), "target", g_strdup (target), g_free);
  gtk_list_box_append (self->changes_list, row);
}

static char *
describe_change (RptComparison *comparison, const RptItemChange *change)
{
  const RptItemChange *other;

  switch (change->kind)
    {
    case RPT_CHANGE_ADDED:
      other = rpt_comparison_find_change (comparison, change->split_from);
      return other != NULL ? g_strdup_printf (_ ("Added, split from %s"), other->label)
                           : g_strdup (_ ("Added"));
    case RPT_CHANGE_REMOVED:
      other = rpt_comparison_find_change (comparison, change->joined_into);
      return other != NULL ? g_strdup_printf (_ ("Removed, joined to %s"), other->label)
                           : g_strdup (_ ("Removed"));
    case RPT_CHANGE_MOVED:
      return g_strdup_printf (_ ("Moved from %d to %d"), change->old_position + 1,
                              change->new_position + 1);
    case RPT_CHANGE_EDITED:
      return g_strdup (_ ("Edited"));
    case RPT_CHANGE_EDITED_MOVED:
      return g_strdup_printf (_ ("Edited, moved from %d to %d"), change->old_position + 1,
                              change->new_position + 1);
    default:
      g_return_val_if_reached (NULL);
    }
}

static void
fill_list (RptCompareWindow *self)
{
  static const RptPart order[] = { RPT_PART_MANDATES, RPT_PART_SIGNATORIES,    RPT_PART_PERSONS,
                                   RPT_PART_PROFILE,  RPT_PART_COMMUNICATIONS, RPT_PART_FACTS,
                                   RPT_PART_CONCERNS, RPT_PART_QUESTIONS,      RPT_PART_ANNEX };
  GtkWidget *child;
  GPtrArray *fields = rpt_comparison_get_fields (self->comparison);
  g_autofree char *summary = rpt_comparison_dup_summary (self->comparison);

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->changes_list))) != NULL)
    gtk_list_box_remove (self->changes_list, child);
  gtk_label_set_text (self->summary_label, summary);

  if (fields->len > 0)
    add_heading (self, _ ("Letter"));
  for (guint i = 0; i < fields->len; i++)
    {
      const RptFieldChange *field = g_ptr_array_index (fields, i);
      g_autofree char *target = g_strconcat ("field-", field->name, NULL);
      g_autofree char *subtitle = NULL;

      if (field->text != NULL)
        subtitle = g_strdup (_ ("Edited"));
      else
        /* Translators: a changed field: its old and new value */
        subtitle = g_strdup_printf (_ ("%s → %s"),
                                    field->old_value != NULL ? field->old_value : _ ("(none)"),
                                    field->new_value != NULL ? field->new_value : _ ("(none)"));
      add_change (self, target, field->label, subtitle);
    }
  for (guint p = 0; p < G_N_ELEMENTS (order); p++)
    {
      GPtrArray *changes = rpt_comparison_get_changes (self->comparison, order[p]);

      if (changes->len > 0)
        add_heading (self, rpt_part_get_label (order[p]));
      for (guint i = 0; i < changes->len; i++)
        {
          const RptItemChange *change = g_ptr_array_index (changes, i);
          g_autofree char *subtitle = describe_change (self->comparison, change);
          add_change (self, change->id, change->label, subtitle);
        }
    }
  if (rpt_comparison_is_equal (self->comparison))
    {
      GtkWidget *label = gtk_label_new (_ ("The two letters are the same."));
      gtk_widget_add_css_class (label, "dim-label");
      gtk_widget_set_margin_top (label, 18);
      gtk_list_box_append (self->changes_list, label);
    }
  /* Opened from the keyboard, the window puts the focus on the first
   * change, where Up and Down go through them and Enter shows one. */
  if (!self->focused)
    {
      for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->changes_list));
           row != NULL; row = gtk_widget_get_next_sibling (row))
        if (GTK_IS_LIST_BOX_ROW (row) && gtk_list_box_row_get_activatable (GTK_LIST_BOX_ROW (row)))
          {
            gtk_list_box_select_row (self->changes_list, GTK_LIST_BOX_ROW (row));
            gtk_widget_grab_focus (row);
            self->focused = TRUE;
            break;
          }
    }
}

static void
change_activated_cb (RptCompareWindow *self, GtkListBoxRow *row)
{
  const char *target = g_object_get_data (G_OBJECT (row), "target");

  if (target != NULL)
    rpt_preview_reveal_item (self->preview, target);
}

/* --- comparing --------------------------------------------------------- */

static void
compare_now (RptCompareWindow *self)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *old_label = NULL;
  g_autofree char *new_label = NULL;
  g_autofree char *old_short = NULL;
  g_autofree char *new_short = NULL;
  g_autofree char *subtitle = NULL;
  RptComparison *comparison;

  if (self->letters[0] == NULL || self->letters[1] == NULL)
    return;
  comparison = rpt_comparison_new (self->letters[0], self->letters[1], NULL, &error);
  if (comparison == NULL)
    {
      adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  old_label = side_label (self, self->wanted[0], TRUE);
  new_label = side_label (self, self->wanted[1], TRUE);
  rpt_comparison_set_labels (comparison, old_label, new_label);
  g_clear_object (&self->comparison);
  self->comparison = comparison;
  fill_list (self);

  old_short = side_label (self, self->wanted[0], FALSE);
  new_short = side_label (self, self->wanted[1], FALSE);
  /* Translators: the comparison window's subtitle: older → newer */
  subtitle = g_strdup_printf (_ ("%s → %s"), old_short, new_short);
  adw_window_title_set_subtitle (self->window_title, subtitle);
  rpt_preview_set_letter (self->preview, self->letters[1]);
  rpt_preview_set_compare_with (self->preview, self->letters[0], old_label, new_label);
  /* The document's comments beside the changes they are about: items keep
   * their ids from version to version. */
  {
    g_autoptr (GHashTable) notes =
      rpt_comments_margin_notes (rpt_letter_file_get_comments (self->document));
    rpt_preview_set_margin_notes (self->preview, notes);
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export", TRUE);
}

static gboolean
refresh_cb (gpointer user_data)
{
  RptCompareWindow *self = user_data;

  self->refresh_id = 0;
  compare_now (self);
  return G_SOURCE_REMOVE;
}

/* The working state changed: the list follows, a moment later. */
static void
letter_changed_cb (RptCompareWindow *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  self->refresh_id = g_timeout_add (REFRESH_DELAY_MS, refresh_cb, self);
}

static void
set_letter (RptCompareWindow *self, guint side, RptLetter *letter)
{
  if (self->letters[side] != NULL)
    g_signal_handlers_disconnect_by_func (self->letters[side], letter_changed_cb, self);
  g_set_object (&self->letters[side], letter);
  if (letter != NULL && self->wanted[side] == 0)
    g_signal_connect_swapped (letter, "changed", G_CALLBACK (letter_changed_cb), self);
}

typedef struct
{
  RptCompareWindow *self;
  guint side;
  guint generation;
} Load;

static void
load_version_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Load *load = user_data;
  g_autoptr (RptCompareWindow) self = load->self;
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter =
    rpt_letter_file_load_version_finish (RPT_LETTER_FILE (source), result, &error);

  if (letter == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
    }
  else if (load->generation == self->generation)
    {
      set_letter (self, load->side, letter);
      compare_now (self);
    }
  g_free (load);
}

static void
load_side (RptCompareWindow *self, guint side)
{
  Load *load;

  if (self->wanted[side] == 0)
    {
      set_letter (self, side, rpt_letter_file_get_letter (self->document));
      compare_now (self);
      return;
    }
  set_letter (self, side, NULL);
  load = g_new0 (Load, 1);
  load->self = g_object_ref (self);
  load->side = side;
  load->generation = self->generation;
  rpt_letter_file_load_version_async (self->document, self->wanted[side], self->cancellable,
                                      load_version_cb, load);
}

static guint
choice_index (RptCompareWindow *self, guint number)
{
  for (guint i = 0; i < self->numbers->len; i++)
    if (g_array_index (self->numbers, guint, i) == number)
      return i;
  return 0;
}

static void
dropdown_changed_cb (RptCompareWindow *self)
{
  guint old_index = gtk_drop_down_get_selected (self->old_dropdown);
  guint new_index = gtk_drop_down_get_selected (self->new_dropdown);

  if (self->filling || old_index >= self->numbers->len || new_index >= self->numbers->len)
    return;
  self->generation++;
  self->wanted[0] = g_array_index (self->numbers, guint, old_index);
  self->wanted[1] = g_array_index (self->numbers, guint, new_index);
  load_side (self, 0);
  load_side (self, 1);
}

static void
list_versions_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RptCompareWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) versions =
    rpt_letter_file_list_versions_finish (RPT_LETTER_FILE (source), result, &error);
  guint n;

  if (versions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        adw_toast_overlay_add_toast (self->toast_overlay, adw_toast_new (error->message));
      return;
    }
  g_set_object (&self->versions, versions);
  self->filling = TRUE;
  n = g_list_model_get_n_items (versions);
  for (guint side = 0; side < 2; side++)
    if (self->wanted[side] == RPT_COMPARE_NEWEST_VERSION)
      {
        g_autoptr (RptVersion) newest = n > 0 ? g_list_model_get_item (versions, n - 1) : NULL;
        self->wanted[side] = newest != NULL ? rpt_version_get_number (newest) : 0;
      }
  {
    g_autofree char *working = side_label (self, 0, FALSE);
    guint zero = 0;
    gtk_string_list_append (self->choices, working);
    g_array_append_val (self->numbers, zero);
  }
  for (guint i = n; i > 0; i--)
    {
      g_autoptr (RptVersion) v = g_list_model_get_item (versions, i - 1);
      guint number = rpt_version_get_number (v);
      g_autofree char *label = side_label (self, number, FALSE);
      gtk_string_list_append (self->choices, label);
      g_array_append_val (self->numbers, number);
    }
  gtk_drop_down_set_selected (self->old_dropdown, choice_index (self, self->wanted[0]));
  gtk_drop_down_set_selected (self->new_dropdown, choice_index (self, self->wanted[1]));
  self->filling = FALSE;
  dropdown_changed_cb (self);
}

/* --- export ------------------------------------------------------------ */

typedef struct
{
  char *old_xml;
  char *new_xml;
  char *old_label;
  char *new_label;
  char *author;
  GDateTime *date;
  char *path;
  gboolean odt;
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_free (job->old_xml);
  g_free (job->new_xml);
  g_free (job->old_label);
  g_free (job->new_label);
  g_free (job->author);
  g_clear_pointer (&job->date, g_date_time_unref);
  g_free (job->path);
  g_free (job);
}

static void
export_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  ExportJob *job = task_data;
  GError *error = NULL;
  g_autoptr (RptLetter) old_letter = rpt_letter_new_from_xml (job->old_xml, -1, "older", &error);
  g_autoptr (RptLetter) new_letter = NULL;
  g_autoptr (RptComparison) comparison = NULL;
  g_autoptr (RptRedline) redline = NULL;
  g_autoptr (GBytes) bytes = NULL;

  if (old_letter != NULL)
    new_letter = rpt_letter_new_from_xml (job->new_xml, -1, "newer", &error);
  if (new_letter != NULL)
    comparison = rpt_comparison_new (old_letter, new_letter, NULL, &error);
  if (comparison != NULL)
    {
      rpt_comparison_set_labels (comparison, job->old_label, job->new_label);
      rpt_comparison_set_author (comparison, job->author, job->date);
      redline = rpt_redline_new (comparison, NULL, NULL, &error);
    }
  if (redline != NULL)
    bytes =
      job->odt ? rpt_redline_build_odt (redline, &error) : rpt_redline_build_pdf (redline, &error);
  if (bytes == NULL || !rpt_file_write_private (job->path, g_bytes_get_data (bytes, NULL),
                                                g_bytes_get_size (bytes), &error))
    {
      g_task_return_error (task, error);
      return;
    }
  g_task_return_boolean (task, TRUE);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RptCompareWindow *self = RPT_COMPARE_WINDOW (source);
  ExportJob *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      GtkWidget *dialog =
        adw_message_dialog_new (GTK_WINDOW (self), _ ("Export Failed"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
      gtk_window_present (GTK_WINDOW (dialog));
      return;
    }
  {
    g_autofree char *base = g_path_get_basename (job->path);
    g_autofree char *uri = g_filename_to_uri (job->path, NULL, NULL);
    /* Translators: %s is a file name */
    g_autofree char *text = g_strdup_printf (_ ("Exported to %s"), base);
    AdwToast *toast = adw_toast_new (text);

    adw_toast_set_button_label (toast, _ ("_Open"));
    adw_toast_set_action_name (toast, "compare.open-uri");
    adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
    adw_toast_set_timeout (toast, 8);
    adw_toast_overlay_add_toast (self->toast_overlay, toast);
  }
}

static char *
new_author (RptCompareWindow *self, GDateTime **date)
{
  RptVersion *v = self->wanted[1] != 0 ? find_version (self, self->wanted[1]) : NULL;
  GApplication *app = g_application_get_default ();

  if (v != NULL)
    {
      *date = g_date_time_ref (rpt_version_get_created (v));
      return g_strdup (rpt_version_get_author (v));
    }
  *date = g_date_time_new_now_utc ();
  if (RPT_IS_APPLICATION (app))
    return rpt_application_dup_author (RPT_APPLICATION (app));
  {
    /* Never the login name. */
    char *account = rpt_dup_account_name ();
    return account != NULL ? account : g_strdup ("");
  }
}

static void
export_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  g_autoptr (RptCompareWindow) self = user_data;
  gboolean odt = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "odt"));

  if (response == GTK_RESPONSE_ACCEPT && self->letters[0] != NULL && self->letters[1] != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);
      const char *suffix = odt ? ".odt" : ".pdf";

      if (path != NULL)
        {
          g_autoptr (GTask) task = g_task_new (self, self->cancellable, export_done_cb, NULL);
          ExportJob *job = g_new0 (ExportJob, 1);

          job->old_xml = rpt_letter_to_xml (self->letters[0], NULL);
          job->new_xml = rpt_letter_to_xml (self->letters[1], NULL);
          job->old_label = side_label (self, self->wanted[0], TRUE);
          job->new_label = side_label (self, self->wanted[1], TRUE);
          job->author = new_author (self, &job->date);
          job->path =
            g_str_has_suffix (path, suffix) ? g_strdup (path) : g_strconcat (path, suffix, NULL);
          job->odt = odt;
          g_task_set_task_data (task, job, (GDestroyNotify) export_job_free);
          g_task_run_in_thread (task, export_thread);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
}

static char *
suggested_name (RptCompareWindow *self, gboolean odt)
{
  g_autofree char *title =
    self->letters[1] != NULL ? rpt_letter_file_dup_title_for_letter (self->letters[1]) : NULL;
  g_autofree char *old_part = self->wanted[0] != 0 ? g_strdup_printf ("v%u", self->wanted[0])
                                                   : g_strdup (C_ ("file name", "current"));
  g_autofree char *new_part = self->wanted[1] != 0 ? g_strdup_printf ("v%u", self->wanted[1])
                                                   : g_strdup (C_ ("file name", "current"));
  char *name;

  /* Translators: a file name: the letter, then the two versions compared */
  name = g_strdup_printf (_ ("%s changes %s-%s%s"), title != NULL ? title : _ ("Letter"), old_part,
                          new_part, odt ? ".odt" : ".pdf");
  g_strdelimit (name, "/\\:", ' ');
  return name;
}

static void
export_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptCompareWindow *self = RPT_COMPARE_WINDOW (widget);
  gboolean odt = g_str_equal (g_variant_get_string (param, NULL), "odt");
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = suggested_name (self, odt);
  const char *title = odt ? _ ("Export with Tracked Changes") : _ ("Export Redline as PDF");
  GtkFileChooserNative *chooser;

  if (self->comparison == NULL)
    return;
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _ ("_Export"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_add_mime_type (filter, odt ? "application/vnd.oasis.opendocument.text"
                                             : "application/pdf");
  gtk_file_filter_set_name (filter, title);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_object_set_data (G_OBJECT (chooser), "odt", GINT_TO_POINTER (odt));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_uri_action (GtkWidget *widget, const char *name, GVariant *param)
{
  g_autoptr (GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (g_variant_get_string (param, NULL), NULL, &error))
    adw_toast_overlay_add_toast (RPT_COMPARE_WINDOW (widget)->toast_overlay,
                                 adw_toast_new (error->message));
}

/* --- the window --------------------------------------------------------- */

/**
 * rpt_compare_window_new:
 * @parent: (nullable): the letter's window
 * @document: the letter's document
 * @old_number: the older version, or 0 for the working state
 * @new_number: the newer version, or 0 for the working state
 *
 * Returns: (transfer full): the window, not yet shown
 */
RptCompareWindow *
rpt_compare_window_new (GtkWindow *parent,
                        RptLetterFile *document,
                        guint old_number,
                        guint new_number)
{
  RptCompareWindow *self;

  g_return_val_if_fail (RPT_IS_LETTER_FILE (document), NULL);

  self = g_object_new (RPT_TYPE_COMPARE_WINDOW, "transient-for", parent, NULL);
  self->document = g_object_ref (document);
  self->wanted[0] = old_number;
  self->wanted[1] = new_number;
  rpt_letter_file_list_versions_async (document, self->cancellable, list_versions_cb,
                                       g_object_ref (self));
  return self;
}

/**
 * rpt_compare_window_get_comparison:
 *
 * Returns: (transfer none) (nullable): the comparison shown
 */
RptComparison *
rpt_compare_window_get_comparison (RptCompareWindow *self)
{
  g_return_val_if_fail (RPT_IS_COMPARE_WINDOW (self), NULL);
  return self->comparison;
}

/**
 * rpt_compare_window_get_preview:
 *
 * Returns: (transfer none): the redline's pages
 */
RptPreview *
rpt_compare_window_get_preview (RptCompareWindow *self)
{
  g_return_val_if_fail (RPT_IS_COMPARE_WINDOW (self), NULL);
  return self->preview;
}

GtkListBox *
rpt_compare_window_get_changes_list (RptCompareWindow *self)
{
  g_return_val_if_fail (RPT_IS_COMPARE_WINDOW (self), NULL);
  return self->changes_list;
}

/**
 * rpt_compare_window_select:
 * @old_number: the older version, 0 for the working state
 * @new_number: the newer version, 0 for the working state
 *
 * Compares two other versions, as choosing them in the menus does.
 */
void
rpt_compare_window_select (RptCompareWindow *self, guint old_number, guint new_number)
{
  g_return_if_fail (RPT_IS_COMPARE_WINDOW (self));

  self->filling = TRUE;
  gtk_drop_down_set_selected (self->old_dropdown, choice_index (self, old_number));
  gtk_drop_down_set_selected (self->new_dropdown, choice_index (self, new_number));
  self->filling = FALSE;
  dropdown_changed_cb (self);
}

static void
rpt_compare_window_dispose (GObject *object)
{
  RptCompareWindow *self = RPT_COMPARE_WINDOW (object);

  g_cancellable_cancel (self->cancellable);
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  set_letter (self, 0, NULL);
  set_letter (self, 1, NULL);
  g_clear_object (&self->comparison);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_COMPARE_WINDOW);
  G_OBJECT_CLASS (rpt_compare_window_parent_class)->dispose (object);
}

static void
rpt_compare_window_finalize (GObject *object)
{
  RptCompareWindow *self = RPT_COMPARE_WINDOW (object);

  g_clear_object (&self->document);
  g_clear_object (&self->versions);
  g_clear_object (&self->choices);
  g_array_unref (self->numbers);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (rpt_compare_window_parent_class)->finalize (object);
}

static void
rpt_compare_window_class_init (RptCompareWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_compare_window_dispose;
  object_class->finalize = rpt_compare_window_finalize;

  g_type_ensure (RPT_TYPE_PREVIEW);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-compare-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RptCompareWindow, toast_overlay);
  gtk_widget_class_bind_template_child (widget_class, RptCompareWindow, window_title);
  gtk_widget_class_bind_template_child (widget_class, RptCompareWindow, old_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RptCompareWindow, new_dropdown);
  gtk_widget_class_bind_template_child (widget_class, RptCompareWindow, summary_label);
  gtk_widget_class_bind_template_child (widget_class, RptCompareWindow, changes_list);
  gtk_widget_class_bind_template_child (widget_class, RptCompareWindow, preview);
  gtk_widget_class_bind_template_callback (widget_class, change_activated_cb);
  gtk_widget_class_install_action (widget_class, "compare.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "compare.open-uri", "s", open_uri_action);
}

static void
rpt_compare_window_init (RptCompareWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  self->numbers = g_array_new (FALSE, FALSE, sizeof (guint));
  self->choices = gtk_string_list_new (NULL);
  gtk_drop_down_set_model (self->old_dropdown, G_LIST_MODEL (self->choices));
  gtk_drop_down_set_model (self->new_dropdown, G_LIST_MODEL (self->choices));
  g_signal_connect_object (self->old_dropdown, "notify::selected", G_CALLBACK (dropdown_changed_cb),
                           self, G_CONNECT_SWAPPED);
  g_signal_connect_object (self->new_dropdown, "notify::selected", G_CALLBACK (dropdown_changed_cb),
                           self, G_CONNECT_SWAPPED);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "compare.export", FALSE);
}
