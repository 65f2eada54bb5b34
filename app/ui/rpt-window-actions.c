/* rpt-window-actions.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-window"

#include <glib/gi18n.h>

#include "rpt-compare-window.h"
#include "rpt-exporter.h"
#include "rpt-paragraph-editor.h"
#include "rpt-preferences-window.h"
#include "rpt-section.h"
#include "rpt-versions-section.h"
#include "rpt-window-private.h"

/* The window's actions: what the menus, the buttons, the shortcuts and the
 * tests drive. _rpt_window_update_actions() is the one place that says
 * which are enabled. */

static const char *const section_order[] = {
  "letter",    "mandates", "persons", "summary",  "facts",    "concerns",
  "questions", "annex",    "closing", "versions", "comments",
};

static RptApplication *
get_app (RptWindow *self)
{
  return RPT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

void
_rpt_window_update_actions (RptWindow *self)
{
  RptLetterFile *doc = self->document;
  gboolean has_doc = doc != NULL;
  gboolean writable = has_doc && !rpt_letter_file_get_read_only (doc);
  const char *section = gtk_stack_get_visible_child_name (self->section_stack);

  _rpt_window_update_review_actions (self);
  GtkWidget *widget = section != NULL ? rpt_window_get_section_widget (self, section) : NULL;
  gboolean can_add = writable && widget != NULL && RPT_SECTION_GET_CLASS (widget)->add_item != NULL;

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-version", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.save-as", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.rename", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.export", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.print-preview", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.toggle-preview", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.next-section", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.previous-section", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-item", can_add);
  {
    gboolean can_format = writable && self->last_editor != NULL &&
                          gtk_text_view_get_editable (rpt_paragraph_editor_get_view (
                            RPT_PARAGRAPH_EDITOR (self->last_editor)));
    const char *formats[] = { "win.format-bold", "win.format-italic", "win.format-link",
                              "win.format-footnote" };
    for (guint i = 0; i < G_N_ELEMENTS (formats); i++)
      gtk_widget_action_set_enabled (GTK_WIDGET (self), formats[i], can_format);
  }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-in", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-out", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.zoom-fit", has_doc);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.redo", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.undo-step", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.open-version", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-version", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.compare-versions", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-version", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.restore-shown-version",
                                 has_doc && rpt_letter_file_get_version_number (doc) != 0);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.retry-save", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.primary-menu", has_doc);
}

static void
close_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_window_close (GTK_WINDOW (widget));
}

static void
primary_menu_action (GtkWidget *widget, const char *name, GVariant *param)
{
  gtk_menu_button_popup (RPT_WINDOW (widget)->menu_button);
}

static void
show_sidebar_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);

  adw_leaflet_set_visible_child_name (self->leaflet, "sidebar");
}

static void
toggle_preview_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  gboolean reveal = !adw_flap_get_reveal_flap (self->flap);
  GtkApplication *app = gtk_window_get_application (GTK_WINDOW (self));

  adw_flap_set_reveal_flap (self->flap, reveal);
  if (RPT_IS_APPLICATION (app))
    g_settings_set_boolean (rpt_application_get_settings (RPT_APPLICATION (app)), "show-preview",
                            reveal);
}

static void
step_section (RptWindow *self, int delta)
{
  const char *current = gtk_stack_get_visible_child_name (self->section_stack);
  guint n = G_N_ELEMENTS (section_order);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (section_order[i], current) == 0)
      {
        const char *name = section_order[(i + n + delta) % n];
        GtkWidget *page;

        GtkWidget *focus;

        rpt_window_show_section (self, name);
        /* From the keyboard: the caret goes to the section's first field.
         * (GtkStack already moved it there if it was in the section left.) */
        page = gtk_stack_get_child_by_name (self->section_stack, name);
        focus = gtk_root_get_focus (GTK_ROOT (self));
        if (focus == NULL || !gtk_widget_is_ancestor (focus, page))
          gtk_widget_child_focus (page, GTK_DIR_TAB_FORWARD);
        return;
      }
}

static void
next_section_action (GtkWidget *widget, const char *name, GVariant *param)
{
  step_section (RPT_WINDOW (widget), 1);
}

static void
previous_section_action (GtkWidget *widget, const char *name, GVariant *param)
{
  step_section (RPT_WINDOW (widget), -1);
}

static void
add_item_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  GtkWidget *section = rpt_window_get_section_widget (self, rpt_window_get_section (self));

  if (section != NULL)
    rpt_section_add_item (RPT_SECTION (section));
}

/* --- formatting and zoom -------------------------------------------- */

/* The formatting menu: the text box last typed in, the focus back in it. */
static void
format_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  RptParagraphEditor *editor =
    self->last_editor != NULL ? RPT_PARAGRAPH_EDITOR (self->last_editor) : NULL;

  if (editor == NULL)
    return;
  gtk_widget_grab_focus (GTK_WIDGET (editor));
  if (g_str_equal (name, "win.format-bold"))
    rpt_paragraph_editor_toggle_format (editor, "bold");
  else if (g_str_equal (name, "win.format-italic"))
    rpt_paragraph_editor_toggle_format (editor, "italic");
  else if (g_str_equal (name, "win.format-link"))
    rpt_paragraph_editor_edit_link (editor);
  else
    rpt_paragraph_editor_edit_footnote (editor);
}

static void
zoom_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);

  if (g_str_equal (name, "win.zoom-in"))
    rpt_preview_zoom_in (self->preview);
  else if (g_str_equal (name, "win.zoom-out"))
    rpt_preview_zoom_out (self->preview);
  else
    rpt_preview_set_zoom (self->preview, 0);
}

/* --- undo ----------------------------------------------------------- */

static RptParagraphEditor *
focused_editor (RptWindow *self)
{
  GtkWidget *focus = gtk_root_get_focus (GTK_ROOT (self));
  GtkWidget *editor =
    focus != NULL ? gtk_widget_get_ancestor (focus, RPT_TYPE_PARAGRAPH_EDITOR) : NULL;

  return editor != NULL ? RPT_PARAGRAPH_EDITOR (editor) : NULL;
}

/* Ctrl+Z undoes the newest change: the typing in the text box with the
 * focus (word by word, formatting too: its own history) or the letter's
 * last change (an item added, moved or removed, a field), whichever came
 * last. Ctrl+Shift+Z redoes what the last Ctrl+Z undid. */
static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  RptParagraphEditor *editor = focused_editor (self);
  gint64 text_time = editor != NULL ? rpt_paragraph_editor_get_undo_time (editor) : 0;
  gint64 letter_time = self->history != NULL ? rpt_undo_history_get_undo_time (self->history) : 0;

  if (text_time > 0 && text_time >= letter_time)
    {
      rpt_paragraph_editor_undo (editor);
      g_object_set_data (G_OBJECT (self), "rpt-last-undo", editor);
    }
  else if (letter_time > 0 && rpt_undo_history_undo (self->history))
    g_object_set_data (G_OBJECT (self), "rpt-last-undo", NULL);
  else
    rpt_window_show_toast (self, _ ("Nothing to undo"));
}

static void
redo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  RptParagraphEditor *editor = focused_editor (self);
  gboolean text_last =
    editor != NULL && g_object_get_data (G_OBJECT (self), "rpt-last-undo") == editor;

  if (editor != NULL && rpt_paragraph_editor_can_redo (editor) &&
      (text_last || self->history == NULL || !rpt_undo_history_can_redo (self->history)))
    rpt_paragraph_editor_redo (editor);
  else if (self->history == NULL || !rpt_undo_history_redo (self->history))
    rpt_window_show_toast (self, _ ("Nothing to redo"));
}

/* A toast's Undo: the step it announced, if it is still the last one. */
static void
undo_step_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  guint serial = g_variant_get_uint32 (param);

  if (self->history == NULL)
    return;
  rpt_undo_history_close_step (self->history);
  if (rpt_undo_history_get_serial (self->history) != serial)
    {
      rpt_window_show_toast (self, _ ("Changes were made since: press Ctrl+Z to undo them one "
                                      "by one"));
      return;
    }
  rpt_undo_history_undo (self->history);
}

static void
retry_save_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RptWindow) self = user_data;
  g_autoptr (GError) error = NULL;

  if (rpt_letter_file_save_finish (RPT_LETTER_FILE (source), result, &error))
    rpt_window_show_toast (self, _ ("Saved"));
}

static void
retry_save_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);

  if (self->document != NULL)
    rpt_letter_file_save_async (self->document, NULL, retry_save_cb, g_object_ref (self));
}

/* --- export --------------------------------------------------------- */

typedef struct
{
  RptWindow *window;
  char *path;
  gboolean keep_version; /* the text that went out stays findable */
} ExportJob;

static void
export_job_free (ExportJob *job)
{
  g_object_unref (job->window);
  g_free (job->path);
  g_free (job);
}

static void refresh_versions (RptWindow *self);

static void
export_toast (RptWindow *self, const char *path, guint version)
{
  g_autofree char *base = g_path_get_basename (path);
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  g_autofree char *text = NULL;
  AdwToast *toast;

  if (version != 0)
    /* Translators: %s is a file name, %u a version number */
    text = g_strdup_printf (_ ("Exported to %s and kept as version %u"), base, version);
  else
    /* Translators: %s is a file name */
    text = g_strdup_printf (_ ("Exported to %s"), base);
  toast = adw_toast_new (text);
  adw_toast_set_button_label (toast, _ ("_Open"));
  adw_toast_set_action_name (toast, "win.open-uri");
  adw_toast_set_action_target_value (toast, g_variant_new_string (uri));
  adw_toast_set_timeout (toast, 8);
  adw_toast_overlay_add_toast (self->toast_overlay, toast);
}

static void
export_version_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ExportJob *job = user_data;
  g_autoptr (GError) error = NULL;
  guint number = rpt_letter_file_save_version_finish (RPT_LETTER_FILE (source), result, &error);

  if (number == 0)
    {
      /* The file went out; say so, and that its version is missing. */
      export_toast (job->window, job->path, 0);
      rpt_window_show_error (job->window, _ ("The Exported Text Was Not Kept as a Version"), error);
    }
  else
    {
      export_toast (job->window, job->path, number);
      refresh_versions (job->window);
    }
  export_job_free (job);
}

static void
export_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  ExportJob *job = user_data;
  g_autoptr (GError) error = NULL;
  RptWindow *self = job->window;

  self->busy = FALSE;
  if (!rpt_exporter_finish (result, &error))
    {
      g_autoptr (GError) shown = NULL;
      if (g_error_matches (error, RPT_ERROR, RPT_ERROR_NO_SPACE))
        shown = g_error_new (RPT_ERROR, RPT_ERROR_NO_SPACE,
                             _ ("%s\n\nThe disk is full. Free some space or choose another place, "
                                "then export again."),
                             error->message);
      else if (g_error_matches (error, RPT_ERROR, RPT_ERROR_READ_ONLY))
        shown =
          g_error_new (RPT_ERROR, RPT_ERROR_READ_ONLY,
                       _ ("%s\n\nYou cannot write in that folder. Choose another one, such as "
                          "your Documents folder."),
                       error->message);
      rpt_window_show_error (self, _ ("Export Failed"), shown != NULL ? shown : error);
    }
  else if (job->keep_version && self->document != NULL &&
           rpt_letter_file_get_version_number (self->document) == 0 &&
           !rpt_letter_file_get_read_only (self->document))
    {
      g_autofree char *author = rpt_application_dup_author (get_app (self));
      g_autofree char *base = g_path_get_basename (job->path);
      /* Translators: the message of the version kept when a letter is
       * exported; %s is the file's name */
      g_autofree char *message = g_strdup_printf (_ ("Exported as %s"), base);
      rpt_letter_file_save_version_async (self->document, author, message, NULL,
                                          export_version_saved_cb, job);
      return;
    }
  else
    export_toast (self, job->path, 0);
  export_job_free (job);
}

static void
export_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  RptWindow *self = RPT_WINDOW (user_data);
  RptExporterFormat format = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (dialog), "format"));

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        {
          ExportJob *job = g_new0 (ExportJob, 1);
          const char *suffix = rpt_exporter_format_get_suffix (format);

          if (!g_str_has_suffix (path, suffix))
            {
              char *with = g_strconcat (path, suffix, NULL);
              g_free (path);
              path = with;
            }
          g_autofree char *author = rpt_application_dup_export_author (get_app (self));
          g_autofree char *folder = g_path_get_dirname (path);

          rpt_exporter_remember_folder (
            rpt_application_get_settings (get_app (self)),
            rpt_letter_get_id (rpt_letter_file_get_letter (self->document)), folder);
          job->window = g_object_ref (self);
          job->path = g_strdup (path);
          job->keep_version =
            g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "version"),
                       "true") == 0;
          rpt_exporter_async_with_comments (
            rpt_letter_file_get_letter (self->document), format, path, author,
            g_strcmp0 (gtk_file_chooser_get_choice (GTK_FILE_CHOOSER (dialog), "comments"),
                       "true") == 0
              ? rpt_letter_file_get_comments (self->document)
              : NULL,
            NULL, export_done_cb, job);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

/* The name to suggest for a file of the letter: its document's name when
 * it has one, else the window's title. */
static char *
dup_fallback_name (RptWindow *self)
{
  char *name = rpt_letter_file_dup_file_name (self->document);

  return name != NULL ? name : rpt_letter_file_dup_title (self->document);
}

static void
set_chooser_folder (RptWindow *self, GtkFileChooser *chooser)
{
  g_autoptr (GFile) folder =
    rpt_exporter_dup_folder (rpt_application_get_settings (get_app (self)),
                             rpt_letter_get_id (rpt_letter_file_get_letter (self->document)));

  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
show_export_chooser (RptWindow *self, RptExporterFormat format)
{
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *suggested = NULL;
  g_autofree char *fallback = NULL;
  GtkFileChooserNative *chooser;
  const char *title;

  if (self->document == NULL)
    return;
  switch (format)
    {
    case RPT_EXPORTER_PDF:
      title = _ ("Export as PDF");
      break;
    case RPT_EXPORTER_ODT:
      title = _ ("Export as ODT");
      break;
    case RPT_EXPORTER_XML:
      title = _ ("Export as Letter XML");
      break;
    case RPT_EXPORTER_DOCUMENT:
    default:
      title = _ ("Save a Copy");
      break;
    }
  chooser = gtk_file_chooser_native_new (title, GTK_WINDOW (self), GTK_FILE_CHOOSER_ACTION_SAVE,
                                         _ ("_Export"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_add_mime_type (filter, rpt_exporter_format_get_mime_type (format));
  gtk_file_filter_add_suffix (filter, rpt_exporter_format_get_suffix (format) + 1);
  gtk_file_filter_set_name (filter, title);
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  /* In the folder this letter went to last, named after its reference. */
  set_chooser_folder (self, GTK_FILE_CHOOSER (chooser));
  fallback = dup_fallback_name (self);
  suggested =
    rpt_exporter_dup_suggested_name (rpt_letter_file_get_letter (self->document), format, fallback);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  /* What went out can always be found and compared: on by default for
   * PDF, the form letters are sent in. */
  if (format != RPT_EXPORTER_DOCUMENT && rpt_letter_file_get_version_number (self->document) == 0 &&
      !rpt_letter_file_get_read_only (self->document))
    {
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "version",
                                   _ ("Keep the exported text as a version"), NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "version",
                                   format == RPT_EXPORTER_PDF ? "true" : "false");
    }
  /* Comments stay out of the letter unless asked for: an ODT for a
   * reviewer in LibreOffice may carry them as annotations. */
  if (format == RPT_EXPORTER_ODT &&
      g_list_model_get_n_items (rpt_letter_file_get_comments (self->document)) > 0)
    {
      gtk_file_chooser_add_choice (GTK_FILE_CHOOSER (chooser), "comments",
                                   _ ("Include the open comments as annotations"), NULL, NULL);
      gtk_file_chooser_set_choice (GTK_FILE_CHOOSER (chooser), "comments", "false");
    }
  g_object_set_data (G_OBJECT (chooser), "format", GINT_TO_POINTER (format));
  g_signal_connect (chooser, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

typedef struct
{
  RptWindow *window;
  RptExporterFormat format;
} ExportStart;

static void
export_author_ready_cb (gpointer user_data)
{
  ExportStart *start = user_data;

  show_export_chooser (start->window, start->format);
  g_object_unref (start->window);
  g_free (start);
}

static void
export_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  const char *format_name = g_variant_get_string (param, NULL);
  RptExporterFormat format;
  ExportStart *start;

  if (self->document == NULL || !rpt_exporter_format_from_string (format_name, &format))
    return;
  if (!rpt_exporter_format_is_available (format))
    {
      g_autoptr (GError) error = g_error_new (
        G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
        _ ("This build of Rapporteur cannot write this format yet. Export as PDF or letter XML."));
      rpt_window_show_error (self, _ ("Export Not Available"), error);
      return;
    }
  /* The file records its author: the name is asked for once, first. */
  start = g_new0 (ExportStart, 1);
  start->window = g_object_ref (self);
  start->format = format;
  rpt_preferences_ask_author (GTK_WINDOW (self), rpt_application_get_settings (get_app (self)),
                              export_author_ready_cb, start);
}

/* --- save as, rename ------------------------------------------------ */

static void
moved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RptWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  gboolean copy = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (self), "rpt-moving-copy"));

  if (!rpt_letter_file_move_finish (RPT_LETTER_FILE (source), result, &error))
    {
      rpt_window_show_error (
        self, copy ? _ ("The Letter Could Not Be Saved") : _ ("The Letter Could Not Be Renamed"),
        error);
      return;
    }
  {
    g_autofree char *base =
      g_path_get_basename (rpt_letter_file_get_path (RPT_LETTER_FILE (source)));
    /* Translators: %s is a file name */
    g_autofree char *text = g_strdup_printf (copy ? _ ("Saved as %s") : _ ("Renamed to %s"), base);
    rpt_window_show_toast (self, text);
  }
}

static void
move_to (RptWindow *self, const char *path, gboolean copy)
{
  GtkWindow *owner = rpt_application_find_window_for_path (get_app (self), path);

  if (owner != NULL && owner != GTK_WINDOW (self))
    {
      g_autoptr (GError) error =
        g_error_new (RPT_ERROR, RPT_ERROR_EXISTS,
                     _ ("%s is open in another window. Close it, or choose another name."), path);
      rpt_window_show_error (self, _ ("The Letter Could Not Be Saved"), error);
      return;
    }
  g_object_set_data (G_OBJECT (self), "rpt-moving-copy", GINT_TO_POINTER (copy));
  rpt_letter_file_move_async (self->document, path, copy, NULL, moved_cb, g_object_ref (self));
}

static char *
with_suffix (const char *path)
{
  return g_str_has_suffix (path, ".rapporteur") ? g_strdup (path)
                                                : g_strconcat (path, ".rapporteur", NULL);
}

static void
save_as_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  RptWindow *self = RPT_WINDOW (user_data);

  if (response == GTK_RESPONSE_ACCEPT && self->document != NULL)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *chosen = g_file_get_path (file);
      g_autofree char *path = chosen != NULL ? with_suffix (chosen) : NULL;

      if (path != NULL)
        {
          g_autofree char *folder = g_path_get_dirname (path);
          rpt_exporter_remember_folder (
            rpt_application_get_settings (get_app (self)),
            rpt_letter_get_id (rpt_letter_file_get_letter (self->document)), folder);
          move_to (self, path, TRUE);
        }
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_object_unref (self);
}

/* Save As: the letter, with its versions, where the drafter chooses; the
 * window goes on with that file (a draft leaves the drafts folder). */
static void
save_as_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  g_autoptr (GtkFileFilter) filter = gtk_file_filter_new ();
  g_autofree char *fallback = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;

  if (self->document == NULL || rpt_letter_file_get_read_only (self->document))
    return;
  chooser = gtk_file_chooser_native_new (_ ("Save Letter As"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (filter, _ ("Letters"));
  gtk_file_filter_add_mime_type (filter, "application/x-rapporteur");
  gtk_file_filter_add_suffix (filter, "rapporteur");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  set_chooser_folder (self, GTK_FILE_CHOOSER (chooser));
  fallback = dup_fallback_name (self);
  suggested = rpt_exporter_dup_suggested_name (rpt_letter_file_get_letter (self->document),
                                               RPT_EXPORTER_DOCUMENT, fallback);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  g_signal_connect (chooser, "response", G_CALLBACK (save_as_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
rename_response_cb (AdwMessageDialog *dialog, const char *response, RptWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *name = NULL;
  g_autofree char *dir = NULL;
  g_autofree char *file = NULL;
  g_autofree char *path = NULL;
  const char *current;

  if (!g_str_equal (response, "rename") || self->document == NULL)
    return;
  name = rpt_text_sanitize_line (gtk_editable_get_text (entry));
  g_strstrip (name);
  if (g_str_has_suffix (name, ".rapporteur"))
    name[strlen (name) - strlen (".rapporteur")] = '\0';
  if (name[0] == '\0' || name[0] == '.' || strchr (name, '/') != NULL)
    {
      g_autoptr (GError) error =
        g_error_new (RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT,
                     _ ("A letter’s name cannot be empty, start with a dot or contain a slash."));
      rpt_window_show_error (self, _ ("The Letter Could Not Be Renamed"), error);
      return;
    }
  current = rpt_letter_file_get_path (self->document);
  dir = current != NULL ? g_path_get_dirname (current) : rpt_letter_file_dup_drafts_dir ();
  file = g_strconcat (name, ".rapporteur", NULL);
  path = g_build_filename (dir, file, NULL);
  move_to (self, path, FALSE);
}

/* Rename: a name of the drafter's choice, in the same folder. */
static void
rename_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  g_autofree char *current = NULL;
  g_autofree char *fallback = NULL;
  GtkWidget *dialog, *entry;

  if (self->document == NULL || rpt_letter_file_get_read_only (self->document))
    return;
  current = rpt_letter_file_dup_file_name (self->document);
  if (current == NULL)
    {
      g_autofree char *suggested = NULL;
      fallback = rpt_letter_file_dup_title (self->document);
      suggested = rpt_exporter_dup_suggested_name (rpt_letter_file_get_letter (self->document),
                                                   RPT_EXPORTER_DOCUMENT, fallback);
      current = g_strndup (suggested, strlen (suggested) - strlen (".rapporteur"));
    }
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Rename Letter"),
                                   _ ("The letter’s file takes this name, in the same folder."));
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), current);
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Name"),
                                  -1);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "rename",
                                    _ ("_Rename"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "rename",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "rename");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (rename_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
open_uri_action (GtkWidget *widget, const char *name, GVariant *param)
{
  const char *uri = g_variant_get_string (param, NULL);
  g_autoptr (GError) error = NULL;

  if (!g_app_info_launch_default_for_uri (uri, NULL, &error))
    rpt_window_show_error (RPT_WINDOW (widget), _ ("Cannot Open the File"), error);
}

/* --- printing ------------------------------------------------------- */

static void
begin_print_cb (GtkPrintOperation *op, GtkPrintContext *context, RptPageSource *pages)
{
  gtk_print_operation_set_n_pages (op, (int) rpt_page_source_get_n_pages (pages));
}

static void
draw_page_cb (GtkPrintOperation *op, GtkPrintContext *context, int page, RptPageSource *pages)
{
  cairo_t *cr = gtk_print_context_get_cairo_context (context);
  double w, h, scale;

  /* The same pages as the preview and the PDF, scaled to the paper. */
  rpt_page_source_get_page_size (pages, (guint) page, &w, &h);
  scale =
    MIN (gtk_print_context_get_width (context) / w, gtk_print_context_get_height (context) / h);
  cairo_scale (cr, scale, scale);
  rpt_page_source_draw_page (pages, (guint) page, cr);
}

static void
run_print (RptWindow *self, RptPageSource *pages, GtkPrintOperationAction action)
{
  g_autoptr (GtkPrintOperation) op = gtk_print_operation_new ();
  g_autoptr (GtkPageSetup) setup = gtk_page_setup_new ();
  g_autoptr (GtkPaperSize) a4 = gtk_paper_size_new (GTK_PAPER_NAME_A4);
  g_autoptr (GError) error = NULL;
  g_autofree char *title = NULL;

  gtk_page_setup_set_paper_size_and_default_margins (setup, a4);
  gtk_page_setup_set_top_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_bottom_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_left_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_page_setup_set_right_margin (setup, 0, GTK_UNIT_POINTS);
  gtk_print_operation_set_default_page_setup (op, setup);
  gtk_print_operation_set_use_full_page (op, TRUE);
  gtk_print_operation_set_unit (op, GTK_UNIT_POINTS);
  title = rpt_letter_file_dup_title (self->document);
  gtk_print_operation_set_job_name (op, title);
  gtk_print_operation_set_embed_page_setup (op, TRUE);
  g_signal_connect_object (op, "begin-print", G_CALLBACK (begin_print_cb), pages, 0);
  g_signal_connect_object (op, "draw-page", G_CALLBACK (draw_page_cb), pages, 0);
  if (gtk_print_operation_run (op, action, GTK_WINDOW (self), &error) ==
      GTK_PRINT_OPERATION_RESULT_ERROR)
    rpt_window_show_error (self, _ ("Printing Failed"), error);
}

static void
print_pages_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  GError *error = NULL;
  RptPageSource *pages = rpt_page_source_new_for_xml (task_data, &error);

  if (pages == NULL)
    g_task_return_error (task, error);
  else
    g_task_return_pointer (task, pages, g_object_unref);
}

static void
print_pages_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RptWindow *self = RPT_WINDOW (source);
  g_autoptr (GError) error = NULL;
  g_autoptr (RptPageSource) pages = g_task_propagate_pointer (G_TASK (result), &error);

  if (pages == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rpt_window_show_error (self, _ ("Printing Failed"), error);
      return;
    }
  if (self->document != NULL)
    run_print (self, pages, GPOINTER_TO_INT (user_data));
}

/* The pages are laid out afresh in a worker, as for an export: the
 * preview's layout belongs to the preview's thread. */
static void
print (RptWindow *self, GtkPrintOperationAction action)
{
  g_autoptr (GTask) task = NULL;

  if (self->document == NULL)
    return;
  task = g_task_new (self, self->cancellable, print_pages_cb, GINT_TO_POINTER (action));
  g_task_set_source_tag (task, print);
  g_task_set_task_data (task, rpt_letter_to_xml (rpt_letter_file_get_letter (self->document), NULL),
                        g_free);
  g_task_run_in_thread (task, print_pages_thread);
}

static void
print_action (GtkWidget *widget, const char *name, GVariant *param)
{
  print (RPT_WINDOW (widget), GTK_PRINT_OPERATION_ACTION_PRINT_DIALOG);
}

static void
print_preview_action (GtkWidget *widget, const char *name, GVariant *param)
{
  print (RPT_WINDOW (widget), GTK_PRINT_OPERATION_ACTION_PREVIEW);
}

/* --- versions ------------------------------------------------------- */

static void
refresh_versions (RptWindow *self)
{
  GtkWidget *section = rpt_window_get_section_widget (self, "versions");

  if (section != NULL)
    rpt_versions_section_refresh (RPT_VERSIONS_SECTION (section));
}

static void
save_version_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RptWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  guint number = rpt_letter_file_save_version_finish (RPT_LETTER_FILE (source), result, &error);

  if (number == 0)
    {
      rpt_window_show_error (self, _ ("The Version Could Not Be Saved"), error);
      return;
    }
  {
    g_autofree char *text = g_strdup_printf (_ ("Saved as version %u"), number);
    rpt_window_show_toast (self, text);
  }
  refresh_versions (self);
}

static void
save_version_response_cb (AdwMessageDialog *dialog, const char *response, RptWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "entry");
  g_autofree char *author = NULL;

  if (!g_str_equal (response, "save") || self->document == NULL)
    return;
  author = rpt_application_dup_author (get_app (self));
  rpt_letter_file_save_version_async (self->document, author, gtk_editable_get_text (entry), NULL,
                                      save_version_done_cb, g_object_ref (self));
}

static void
save_version_entry_activate_cb (GtkEntry *entry, AdwMessageDialog *dialog)
{
  adw_message_dialog_response (dialog, "save");
  gtk_window_close (GTK_WINDOW (dialog));
}

static void
show_save_version (gpointer user_data)
{
  g_autoptr (RptWindow) self = user_data;
  GtkWidget *dialog;
  GtkWidget *entry;

  if (self->document == NULL)
    return;
  dialog = adw_message_dialog_new (GTK_WINDOW (self), _ ("Save Version"),
                                   _ ("Keep the letter as it is now as a named version, to compare "
                                      "with or go back to."));
  entry = gtk_entry_new ();
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("What changed, e.g. “Draft for review”"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), FALSE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Version message"), -1);
  g_signal_connect (entry, "activate", G_CALLBACK (save_version_entry_activate_cb), dialog);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  g_object_set_data (G_OBJECT (dialog), "entry", entry);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "save",
                                    _ ("_Save"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "save",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "save");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (save_version_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

/* A version records its author: the name is asked for once, first. */
static void
save_version_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);

  rpt_preferences_ask_author (GTK_WINDOW (self), rpt_application_get_settings (get_app (self)),
                              show_save_version, g_object_ref (self));
}

static void
load_version_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RptWindow) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = NULL;
  g_autoptr (RptLetterFile) doc = NULL;
  guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (self), "loading-version"));
  RptWindow *window;

  letter = rpt_letter_file_load_version_finish (RPT_LETTER_FILE (source), result, &error);
  if (letter == NULL)
    {
      rpt_window_show_error (self, _ ("Cannot Open the Version"), error);
      return;
    }
  doc = rpt_letter_file_new_for_version (RPT_LETTER_FILE (source), letter, number);
  {
    GtkWidget *section = rpt_window_get_section_widget (self, "versions");
    RptVersion *version =
      section != NULL ? rpt_versions_section_find_version (RPT_VERSIONS_SECTION (section), number)
                      : NULL;
    if (version != NULL)
      rpt_letter_file_set_version_message (doc, rpt_version_get_message (version));
  }
  window = rpt_window_new (get_app (self));
  rpt_window_set_document (window, doc);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_version_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  guint number = g_variant_get_uint32 (param);

  if (self->document == NULL)
    return;
  g_object_set_data (G_OBJECT (self), "loading-version", GUINT_TO_POINTER (number));
  rpt_letter_file_load_version_async (self->document, number, NULL, load_version_cb,
                                      g_object_ref (self));
}

static void
open_compare (RptWindow *self, guint old_number, guint new_number)
{
  RptCompareWindow *window;

  if (self->document == NULL)
    return;
  window = rpt_compare_window_new (GTK_WINDOW (self), self->document, old_number, new_number);
  gtk_window_present (GTK_WINDOW (window));
}

static void
compare_version_action (GtkWidget *widget, const char *name, GVariant *param)
{
  open_compare (RPT_WINDOW (widget), g_variant_get_uint32 (param), 0);
}

static void
compare_versions_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  GtkWidget *section = rpt_window_get_section_widget (self, "versions");

  if (section != NULL && rpt_versions_section_get_n_versions (RPT_VERSIONS_SECTION (section)) == 0)
    {
      rpt_window_show_toast (self, _ ("Save a version first: the comparison shows what changed "
                                      "since a version"));
      return;
    }
  /* The newest version against the working state; the window offers the rest. */
  open_compare (self, RPT_COMPARE_NEWEST_VERSION, 0);
}

typedef struct
{
  RptWindow *window;
  guint number; /* restored */
  guint backup; /* the state before, kept as a version */
} Restore;

static void
restore_free (Restore *r)
{
  g_object_unref (r->window);
  g_free (r);
}

static void
restored_version_saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Restore *r = user_data;
  g_autoptr (GError) error = NULL;
  guint number = rpt_letter_file_save_version_finish (RPT_LETTER_FILE (source), result, &error);
  g_autofree char *text = NULL;

  if (number == 0)
    {
      rpt_window_show_error (r->window, _ ("The Restored Letter Was Not Kept as a Version"), error);
      restore_free (r);
      return;
    }
  if (r->backup != 0)
    text = g_strdup_printf (_ ("Version %u restored as version %u; the state before it is "
                               "version %u"),
                            r->number, number, r->backup);
  else
    text = g_strdup_printf (_ ("Version %u restored as version %u"), r->number, number);
  rpt_window_show_toast (r->window, text);
  refresh_versions (r->window);
  restore_free (r);
}

/* Restoring is itself a version: history only ever grows, so what was
 * restored, and when, stays in it. */
static void
restore_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Restore *r = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *author = NULL;
  g_autofree char *message = NULL;

  if (!rpt_letter_file_restore_version_finish (RPT_LETTER_FILE (source), result, &r->backup,
                                               &error))
    {
      rpt_window_show_error (r->window, _ ("The Version Could Not Be Restored"), error);
      restore_free (r);
      return;
    }
  author = rpt_application_dup_author (get_app (r->window));
  /* Translators: the message of the version a restore makes */
  message = g_strdup_printf (_ ("Restored version %u"), r->number);
  rpt_letter_file_save_version_async (RPT_LETTER_FILE (source), author, message, NULL,
                                      restored_version_saved_cb, r);
}

static void
restore_response_cb (AdwMessageDialog *dialog, const char *response, RptWindow *self)
{
  guint number = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "number"));
  g_autofree char *author = NULL;
  Restore *r;

  if (!g_str_equal (response, "restore") || self->document == NULL)
    return;
  author = rpt_application_dup_author (get_app (self));
  r = g_new0 (Restore, 1);
  r->window = g_object_ref (self);
  r->number = number;
  rpt_letter_file_restore_version_async (self->document, number, author, NULL, restore_done_cb, r);
}

static void
restore_version (RptWindow *self, RptWindow *target, guint number)
{
  GtkWidget *dialog;
  g_autofree char *heading = g_strdup_printf (_ ("Restore Version %u?"), number);

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _ ("The letter as it is now is kept as a version first, and "
                                      "the restored letter becomes a new version: nothing is lost "
                                      "and the history only grows."));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "restore",
                                    _ ("_Restore"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "restore",
                                              ADW_RESPONSE_SUGGESTED);
  g_object_set_data (G_OBJECT (dialog), "number", GUINT_TO_POINTER (number));
  g_signal_connect_object (dialog, "response", G_CALLBACK (restore_response_cb), target, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
restore_version_action (GtkWidget *widget, const char *name, GVariant *param)
{
  restore_version (RPT_WINDOW (widget), RPT_WINDOW (widget), g_variant_get_uint32 (param));
}

static void
restore_shown_version_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  RptApplication *app = get_app (self);
  const char *path = rpt_letter_file_get_path (self->document);
  GtkWindow *owner = path != NULL ? rpt_application_find_window_for_path (app, path) : NULL;

  if (owner == NULL)
    {
      rpt_window_show_toast (self, _ ("Open the letter itself to restore this version"));
      return;
    }
  restore_version (self, RPT_WINDOW (owner), rpt_letter_file_get_version_number (self->document));
}

void
_rpt_window_class_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.close", NULL, close_action);
  gtk_widget_class_install_action (widget_class, "win.primary-menu", NULL, primary_menu_action);
  gtk_widget_class_install_action (widget_class, "win.show-sidebar", NULL, show_sidebar_action);
  gtk_widget_class_install_action (widget_class, "win.toggle-preview", NULL, toggle_preview_action);
  gtk_widget_class_install_action (widget_class, "win.next-section", NULL, next_section_action);
  gtk_widget_class_install_action (widget_class, "win.previous-section", NULL,
                                   previous_section_action);
  gtk_widget_class_install_action (widget_class, "win.add-item", NULL, add_item_action);
  gtk_widget_class_install_action (widget_class, "win.format-bold", NULL, format_action);
  gtk_widget_class_install_action (widget_class, "win.format-italic", NULL, format_action);
  gtk_widget_class_install_action (widget_class, "win.format-link", NULL, format_action);
  gtk_widget_class_install_action (widget_class, "win.format-footnote", NULL, format_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-in", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-out", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.zoom-fit", NULL, zoom_action);
  gtk_widget_class_install_action (widget_class, "win.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "win.redo", NULL, redo_action);
  gtk_widget_class_install_action (widget_class, "win.undo-step", "u", undo_step_action);
  gtk_widget_class_install_action (widget_class, "win.retry-save", NULL, retry_save_action);
  gtk_widget_class_install_action (widget_class, "win.export", "s", export_action);
  gtk_widget_class_install_action (widget_class, "win.save-as", NULL, save_as_action);
  gtk_widget_class_install_action (widget_class, "win.rename", NULL, rename_action);
  gtk_widget_class_install_action (widget_class, "win.open-uri", "s", open_uri_action);
  gtk_widget_class_install_action (widget_class, "win.print", NULL, print_action);
  gtk_widget_class_install_action (widget_class, "win.print-preview", NULL, print_preview_action);
  gtk_widget_class_install_action (widget_class, "win.save-version", NULL, save_version_action);
  gtk_widget_class_install_action (widget_class, "win.open-version", "u", open_version_action);
  gtk_widget_class_install_action (widget_class, "win.compare-version", "u",
                                   compare_version_action);
  gtk_widget_class_install_action (widget_class, "win.compare-versions", NULL,
                                   compare_versions_action);
  gtk_widget_class_install_action (widget_class, "win.restore-version", "u",
                                   restore_version_action);
  gtk_widget_class_install_action (widget_class, "win.restore-shown-version", NULL,
                                   restore_shown_version_action);
}
