/* rpt-reference-page.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-reference-page"

#include <glib/gi18n.h>

#include "rpt-application.h"
#include "rpt-reference-item.h"
#include "rpt-reference-page.h"
#include "rpt-window.h"

/**
 * RptReferencePage:
 *
 * The Reference Data page of Preferences (docs/reference-data.md): the
 * data letters draw on, to see and correct (RptReferenceBrowser, a
 * subpage), and the user's corrections, each with what it changed, who
 * made it and why, to remove, and to share with an office as a file.
 *
 * Corrections are written in a worker thread (the file is read afresh,
 * changed, written whole), then the data is read again with them
 * (rpt_reference_reload_default()) and every open letter follows: its
 * preview and its checks (rpt_window_reference_changed()). An import is
 * checked whole first (rpt_overrides_merge()): a bad row or a conflict
 * and nothing changes; the user says which side wins a conflict.
 */
struct _RptReferencePage
{
  AdwPreferencesPage parent_instance;

  GSettings *settings;
  gboolean disposed;
  RptReferenceBrowser *browser; /* made when first shown */
  GListModel *items;            /* the rows of the data in use */
  gboolean busy;
  GQueue waiting;       /* Job: asked for while another was written */
  GtkWidget *opener;    /* (weak): the row that showed the browser */
  int focus_correction; /* the correction to focus once the list is made, or -1 */

  AdwActionRow *browse_row;
  AdwActionRow *unverified_row;
  AdwActionRow *stale_row;
  GtkWidget *import_button;
  AdwPreferencesGroup *corrections_group;
  GtkListBox *corrections_list;
};

G_DEFINE_FINAL_TYPE (RptReferencePage, rpt_reference_page, ADW_TYPE_PREFERENCES_PAGE)

enum
{
  PROP_0,
  PROP_BUSY,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void rebuild (RptReferencePage *self);

/* --- around ---------------------------------------------------------- */

/**
 * rpt_reference_changed_in_windows:
 *
 * Every open letter of the application follows the new reference data:
 * its preview and its checks.
 */
void
rpt_reference_changed_in_windows (RptReference *reference)
{
  GApplication *app = g_application_get_default ();

  if (!GTK_IS_APPLICATION (app))
    return;
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (app)); l != NULL; l = l->next)
    if (RPT_IS_WINDOW (l->data))
      rpt_window_reference_changed (RPT_WINDOW (l->data), reference);
}

static GtkWindow *
get_window (RptReferencePage *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return GTK_IS_WINDOW (root) ? GTK_WINDOW (root) : NULL;
}

static void
toast (RptReferencePage *self, const char *text)
{
  GtkWindow *window = get_window (self);

  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_add_toast (ADW_PREFERENCES_WINDOW (window), adw_toast_new (text));
}

static void
show_message (RptReferencePage *self, const char *heading, const char *body)
{
  GtkWidget *dialog = adw_message_dialog_new (get_window (self), heading, body);

  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "close", _ ("_Close"));
  gtk_window_present (GTK_WINDOW (dialog));
}

static char *
dup_author (RptReferencePage *self)
{
  g_autofree char *name = NULL;

  if (self->settings == NULL)
    return NULL;
  name = g_strstrip (g_settings_get_string (self->settings, "author-name"));
  if (name[0] != '\0')
    return g_steal_pointer (&name);
  return rpt_dup_account_name ();
}

static void
set_busy (RptReferencePage *self, gboolean busy)
{
  if (self->busy == busy)
    return;
  self->busy = busy;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_BUSY]);
}

/* --- jobs ------------------------------------------------------------ */

typedef enum
{
  JOB_SET,
  JOB_REMOVE,
  JOB_IMPORT,
  JOB_EXPORT,
} JobKind;

typedef struct
{
  JobKind kind;
  RptReference *reference; /* what the values are checked against */
  char *overrides_path;
  RptOverrideTable table;
  char *key;
  char *field;
  char *value;
  char *author;
  char *note;
  char *path; /* the file imported or exported */
  RptOverridesConflicts policy;
  /* results */
  RptReference *new_reference; /* the default, once reloaded */
  GPtrArray *conflicts;        /* RptOverrideConflict */
  GPtrArray *notes;            /* char *: what an import found worth saying */
  guint added, replaced, same, exported;
} Job;

static void
job_free (Job *job)
{
  g_clear_object (&job->reference);
  g_free (job->overrides_path);
  g_free (job->key);
  g_free (job->field);
  g_free (job->value);
  g_free (job->author);
  g_free (job->note);
  g_free (job->path);
  g_clear_pointer (&job->conflicts, g_ptr_array_unref);
  g_clear_pointer (&job->notes, g_ptr_array_unref);
  g_free (job);
}

static Job *
job_new (JobKind kind)
{
  Job *job = g_new0 (Job, 1);

  job->kind = kind;
  job->reference = g_object_ref (rpt_reference_get_default ());
  job->overrides_path = rpt_reference_dup_default_overrides_path ();
  job->notes = g_ptr_array_new_with_free_func (g_free);
  return job;
}

/* What an import says besides its counts: corrections no longer needed,
 * data that moved since a correction was made (as the command line). */
static void
note_provenance (Job *job, RptOverrides *theirs)
{
  for (guint i = 0; i < rpt_overrides_get_n_overrides (theirs); i++)
    {
      const RptOverride *o = rpt_overrides_get_override (theirs, i);
      g_autofree char *data =
        rpt_reference_dup_data_value (job->reference, o->table, o->key, o->field);
      g_autofree char *row = rpt_reference_dup_row_title (job->reference, o->table, o->key);
      const char *label = rpt_override_field_get_label (o->table, o->field);

      if (g_strcmp0 (data, o->value) == 0)
        g_ptr_array_add (job->notes,
                         /* Translators: an import's note: a row, a value, what
                          * the correction and the data say */
                         g_strdup_printf (_ ("%s, %s: the data already says “%s”; the correction "
                                             "is not needed."),
                                          row, label, o->value));
      else if (o->original != NULL && g_strcmp0 (data, o->original) != 0)
        g_ptr_array_add (
          job->notes,
          g_strdup_printf (_ ("%s, %s: the correction was made when the data said “%s”; it now "
                              "says “%s”."),
                           row, label, o->original, data != NULL ? data : _ ("nothing")));
    }
}

static gboolean
run_import (Job *job, RptOverrides *ours, GError **error)
{
  g_autofree char *data = NULL;
  g_autoptr (RptOverrides) theirs = NULL;
  g_autoptr (RptOverrides) merged = NULL;
  gsize length = 0;

  if (!rpt_file_read_bounded (job->path, RPT_REFERENCE_FILE_MAX_SIZE, &data, &length, error))
    return FALSE;
  theirs = rpt_overrides_new_from_data (data, length, job->path, error);
  if (theirs == NULL)
    return FALSE;
  merged = rpt_overrides_merge (ours, theirs, job->reference, job->policy, &job->conflicts, error);
  if (merged == NULL)
    return FALSE;
  for (guint i = 0; i < rpt_overrides_get_n_overrides (theirs); i++)
    {
      const RptOverride *o = rpt_overrides_get_override (theirs, i);
      const RptOverride *mine = rpt_overrides_lookup (ours, o->table, o->key, o->field);
      const RptOverride *kept = rpt_overrides_lookup (merged, o->table, o->key, o->field);

      if (mine == NULL)
        job->added++;
      else if (g_strcmp0 (mine->value, o->value) == 0)
        job->same++;
      else if (kept != NULL && g_strcmp0 (kept->value, o->value) == 0)
        job->replaced++;
    }
  note_provenance (job, theirs);
  return rpt_overrides_save (merged, job->overrides_path, error);
}

static void
job_thread (GTask *task, gpointer source, gpointer task_data, GCancellable *cancellable)
{
  Job *job = task_data;
  g_autoptr (RptOverrides) ours = NULL;
  g_autoptr (GError) error = NULL;
  gboolean ok = FALSE;

  /* The file as it is now: another window, or the command line, may have
   * written it since this data was read. */
  ours = rpt_overrides_load (job->overrides_path, &error);
  if (ours == NULL)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  switch (job->kind)
    {
    case JOB_SET:
      ok = rpt_overrides_set (ours, job->reference, job->table, job->key, job->field, job->value,
                              job->author, job->note, &error) &&
           rpt_overrides_save (ours, job->overrides_path, &error);
      break;
    case JOB_REMOVE:
      if (!rpt_overrides_remove (ours, job->table, job->key, job->field))
        ok = TRUE; /* already gone: the data is read again all the same */
      else
        ok = rpt_overrides_save (ours, job->overrides_path, &error);
      break;
    case JOB_IMPORT:
      ok = run_import (job, ours, &error);
      break;
    case JOB_EXPORT:
      {
        gsize length = 0;
        g_autofree char *data = rpt_overrides_to_data (ours, &length);

        job->exported = rpt_overrides_get_n_overrides (ours);
        if (rpt_file_write_private (job->path, data, length, &error))
          g_task_return_boolean (task, TRUE);
        else
          g_task_return_error (task, g_steal_pointer (&error));
        return;
      }
    default:
      g_assert_not_reached ();
    }
  if (!ok)
    {
      g_task_return_error (task, g_steal_pointer (&error));
      return;
    }
  job->new_reference = rpt_reference_reload_default ();
  g_task_return_boolean (task, TRUE);
}

static void
set_reference (RptReferencePage *self, RptReference *reference)
{
  rebuild (self);
  if (self->browser != NULL)
    rpt_reference_browser_set_reference (self->browser, reference, self->items);
  rpt_reference_changed_in_windows (reference);
}

/* "A. Drafter, 2026-04-04", or the date alone. */
static char *
who_and_when (const RptOverride *o)
{
  if (o->author != NULL && o->author[0] != '\0')
    /* Translators: who made a correction and when: "A. Drafter, 2026-04-04" */
    return g_strdup_printf (_ ("%s, %s"), o->author, o->date);
  return g_strdup (o->date);
}

static char *
describe_conflicts (Job *job)
{
  GString *text = g_string_new (
    _ ("The file corrects values you corrected differently. Nothing has been imported yet: "
       "choose which corrections to keep.\n"));

  for (guint i = 0; job->conflicts != NULL && i < job->conflicts->len; i++)
    {
      const RptOverrideConflict *c = job->conflicts->pdata[i];
      g_autofree char *row =
        rpt_reference_dup_row_title (job->reference, c->ours->table, c->ours->key);

      g_autofree char *ours = who_and_when (c->ours);
      g_autofree char *theirs = who_and_when (c->theirs);

      g_string_append_c (text, '\n');
      /* Translators: one conflict of an import: the row, the value, yours
       * (value, who and when), the file's (value, who and when) */
      g_string_append_printf (text, _ ("%s, %s: yours “%s” (%s), the file’s “%s” (%s)"), row,
                              rpt_override_field_get_label (c->ours->table, c->ours->field),
                              c->ours->value, ours, c->theirs->value, theirs);
    }
  return g_string_free (text, FALSE);
}

static void run_job (RptReferencePage *self, Job *job);

static void
conflicts_response_cb (AdwMessageDialog *dialog, const char *response, RptReferencePage *self)
{
  const char *path = g_object_get_data (G_OBJECT (dialog), "path");
  Job *job;

  if (g_str_equal (response, "cancel"))
    {
      toast (self, _ ("Nothing was imported"));
      return;
    }
  job = job_new (JOB_IMPORT);
  job->path = g_strdup (path);
  job->policy = g_str_equal (response, "theirs") ? RPT_OVERRIDES_CONFLICTS_TAKE_THEIRS
                                                 : RPT_OVERRIDES_CONFLICTS_KEEP_OURS;
  run_job (self, job);
}

static void
show_conflicts (RptReferencePage *self, Job *job)
{
  g_autofree char *body = describe_conflicts (job);
  GtkWidget *dialog =
    adw_message_dialog_new (get_window (self), _ ("Your Corrections and the File’s Differ"), body);

  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "ours",
                                    _ ("_Keep Mine"), "theirs", _ ("_Take the File’s"), NULL);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_object_set_data_full (G_OBJECT (dialog), "path", g_strdup (job->path), g_free);
  g_signal_connect_object (dialog, "response", G_CALLBACK (conflicts_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
import_done (RptReferencePage *self, Job *job)
{
  g_autofree char *counts = NULL;

  /* Translators: after an import: how many corrections were new, replaced
   * the user's own, or were the same */
  counts = g_strdup_printf (_ ("Imported: %u new, %u replacing yours, %u the same as yours"),
                            job->added, job->replaced, job->same);
  if (job->notes->len == 0)
    {
      toast (self, counts);
      return;
    }
  {
    GString *body = g_string_new (counts);

    for (guint i = 0; i < job->notes->len; i++)
      g_string_append_printf (body, "\n\n%s", (const char *) job->notes->pdata[i]);
    show_message (self, _ ("Corrections Imported"), body->str);
    g_string_free (body, TRUE);
  }
}

static void start_job (RptReferencePage *self, Job *job);

static void
job_done_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  RptReferencePage *self = RPT_REFERENCE_PAGE (source);
  Job *job = g_task_get_task_data (G_TASK (result));
  g_autoptr (GError) error = NULL;

  /* One at a time: each reads the file as the one before left it. */
  if (!g_queue_is_empty (&self->waiting))
    start_job (self, g_queue_pop_head (&self->waiting));
  else
    set_busy (self, FALSE);
  /* Closed meanwhile: what was written is in force all the same, and the
   * letters follow it. */
  if (self->disposed)
    {
      if (g_task_propagate_boolean (G_TASK (result), NULL) && job->new_reference != NULL)
        rpt_reference_changed_in_windows (job->new_reference);
      return;
    }
  if (!g_task_propagate_boolean (G_TASK (result), &error))
    {
      switch (job->kind)
        {
        case JOB_IMPORT:
          if (job->conflicts != NULL && job->conflicts->len > 0 &&
              job->policy == RPT_OVERRIDES_CONFLICTS_FAIL)
            show_conflicts (self, job);
          else
            {
              g_autofree char *body =
                g_strdup_printf (_ ("%s\n\nNothing was imported: your corrections are as they "
                                    "were."),
                                 error->message);
              show_message (self, _ ("The Corrections Could Not Be Imported"), body);
            }
          break;
        case JOB_EXPORT:
          show_message (self, _ ("The Corrections Could Not Be Exported"), error->message);
          break;
        case JOB_SET:
          if (self->browser != NULL)
            rpt_reference_browser_show_field_error (self->browser, job->field, error->message);
          else
            show_message (self, _ ("The Correction Was Not Made"), error->message);
          break;
        case JOB_REMOVE:
        default:
          show_message (self, _ ("The Correction Was Not Removed"), error->message);
          break;
        }
      return;
    }
  if (job->new_reference != NULL)
    set_reference (self, job->new_reference);
  switch (job->kind)
    {
    case JOB_SET:
      toast (self, _ ("Corrected: letters use the new value"));
      break;
    case JOB_REMOVE:
      toast (self, _ ("Correction removed: letters use the data’s own value"));
      break;
    case JOB_IMPORT:
      import_done (self, job);
      break;
    case JOB_EXPORT:
      {
        g_autofree char *base = g_path_get_basename (job->path);
        g_autofree char *text =
          g_strdup_printf (g_dngettext (NULL, "%u correction exported to %s",
                                        "%u corrections exported to %s", job->exported),
                           job->exported, base);
        toast (self, text);
        break;
      }
    default:
      break;
    }
}

static void
start_job (RptReferencePage *self, Job *job)
{
  /* Not cancelled when the window closes: a correction is written whole
   * or not at all, and the letters must follow what was written. */
  g_autoptr (GTask) task = g_task_new (self, NULL, job_done_cb, NULL);

  g_task_set_source_tag (task, run_job);
  g_task_set_task_data (task, job, (GDestroyNotify) job_free);
  set_busy (self, TRUE);
  g_task_run_in_thread (task, job_thread);
}

/* The page stays usable while a job runs (no part of it greyed, which
 * would take the focus from the user): what is asked for meanwhile waits
 * its turn. */
static void
run_job (RptReferencePage *self, Job *job)
{
  if (self->busy)
    g_queue_push_tail (&self->waiting, job);
  else
    start_job (self, job);
}

/* --- API ------------------------------------------------------------- */

/**
 * rpt_reference_page_set_value:
 * @note: (nullable): why, or the source
 *
 * Corrects one value (a title, resolutions, a treaty's dates…) in the
 * user's corrections, with the user's name and today's date. A value the
 * data cannot take is refused at once, under its field.
 */
void
rpt_reference_page_set_value (RptReferencePage *self,
                              RptOverrideTable table,
                              const char *key,
                              const char *field,
                              const char *value,
                              const char *note)
{
  g_autoptr (RptOverrides) scratch = rpt_overrides_new ();
  g_autoptr (GError) error = NULL;
  g_autofree char *author = NULL;
  Job *job;

  g_return_if_fail (RPT_IS_REFERENCE_PAGE (self));

  author = dup_author (self);
  /* Checked here first, against the data in use: the row, the field, the
   * value; nothing is written for a value that would be refused. */
  if (!rpt_overrides_set (scratch, rpt_reference_get_default (), table, key, field, value, author,
                          note, &error))
    {
      if (self->browser != NULL)
        rpt_reference_browser_show_field_error (self->browser, field, error->message);
      else
        show_message (self, _ ("The Correction Was Not Made"), error->message);
      return;
    }
  job = job_new (JOB_SET);
  job->table = table;
  job->key = g_strdup (key);
  job->field = g_strdup (field);
  job->value = g_strdup (value);
  job->author = g_steal_pointer (&author);
  job->note = g_strdup (note);
  run_job (self, job);
}

void
rpt_reference_page_remove_correction (RptReferencePage *self,
                                      RptOverrideTable table,
                                      const char *key,
                                      const char *field)
{
  Job *job;

  g_return_if_fail (RPT_IS_REFERENCE_PAGE (self));

  job = job_new (JOB_REMOVE);
  job->table = table;
  job->key = g_strdup (key);
  job->field = g_strdup (field);
  run_job (self, job);
}

/**
 * rpt_reference_page_import_path:
 *
 * Imports the corrections of @path, checked whole first: a bad row and
 * nothing is imported (a dialog says why); corrections that differ from
 * the user's are shown, and the user chooses.
 */
void
rpt_reference_page_import_path (RptReferencePage *self, const char *path)
{
  Job *job;

  g_return_if_fail (RPT_IS_REFERENCE_PAGE (self));

  job = job_new (JOB_IMPORT);
  job->path = g_strdup (path);
  job->policy = RPT_OVERRIDES_CONFLICTS_FAIL;
  run_job (self, job);
}

void
rpt_reference_page_export_path (RptReferencePage *self, const char *path)
{
  Job *job;

  g_return_if_fail (RPT_IS_REFERENCE_PAGE (self));

  job = job_new (JOB_EXPORT);
  job->path = g_strdup (path);
  run_job (self, job);
}

gboolean
rpt_reference_page_get_busy (RptReferencePage *self)
{
  g_return_val_if_fail (RPT_IS_REFERENCE_PAGE (self), FALSE);
  return self->busy;
}

void
rpt_reference_page_set_settings (RptReferencePage *self, GSettings *settings)
{
  g_return_if_fail (RPT_IS_REFERENCE_PAGE (self));
  g_set_object (&self->settings, settings);
}

/**
 * rpt_reference_page_get_corrections_list:
 *
 * Returns: (transfer none): the list of the user's corrections
 */
GtkListBox *
rpt_reference_page_get_corrections_list (RptReferencePage *self)
{
  g_return_val_if_fail (RPT_IS_REFERENCE_PAGE (self), NULL);
  return self->corrections_list;
}

/* --- the browser ----------------------------------------------------- */

static void
browser_apply_cb (RptReferencePage *self,
                  guint table,
                  const char *key,
                  const char *field,
                  const char *value,
                  const char *note)
{
  rpt_reference_page_set_value (self, table, key, field, value, note);
}

static void
browser_remove_cb (RptReferencePage *self, guint table, const char *key, const char *field)
{
  rpt_reference_page_remove_correction (self, table, key, field);
}

static void
browser_close_cb (RptReferencePage *self)
{
  GtkWindow *window = get_window (self);

  if (ADW_IS_PREFERENCES_WINDOW (window))
    adw_preferences_window_close_subpage (ADW_PREFERENCES_WINDOW (window));
  /* Back where the user left the page. */
  if (self->opener == NULL || !gtk_widget_grab_focus (self->opener))
    gtk_widget_grab_focus (GTK_WIDGET (self->browse_row));
}

static void
set_opener (RptReferencePage *self, GtkWidget *row)
{
  g_set_weak_pointer (&self->opener, row);
}

/**
 * rpt_reference_page_show_browser:
 *
 * Shows the reference data's list in the preferences window, as a
 * subpage.
 *
 * Returns: (transfer none): the browser
 */
RptReferenceBrowser *
rpt_reference_page_show_browser (RptReferencePage *self)
{
  GtkWindow *window;

  g_return_val_if_fail (RPT_IS_REFERENCE_PAGE (self), NULL);

  if (self->browser == NULL)
    {
      self->browser = g_object_ref_sink (g_object_new (RPT_TYPE_REFERENCE_BROWSER, NULL));
      rpt_reference_browser_set_reference (self->browser, rpt_reference_get_default (),
                                           self->items);
      g_signal_connect_object (self->browser, "apply", G_CALLBACK (browser_apply_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->browser, "remove", G_CALLBACK (browser_remove_cb), self,
                               G_CONNECT_SWAPPED);
      g_signal_connect_object (self->browser, "close", G_CALLBACK (browser_close_cb), self,
                               G_CONNECT_SWAPPED);
    }
  window = get_window (self);
  if (ADW_IS_PREFERENCES_WINDOW (window) &&
      gtk_widget_get_parent (GTK_WIDGET (self->browser)) == NULL)
    adw_preferences_window_present_subpage (ADW_PREFERENCES_WINDOW (window),
                                            GTK_WIDGET (self->browser));
  return self->browser;
}

static void
browse_activated_cb (RptReferencePage *self)
{
  RptReferenceBrowser *browser = rpt_reference_page_show_browser (self);

  set_opener (self, GTK_WIDGET (self->browse_row));
  rpt_reference_browser_set_filter (browser, RPT_REFERENCE_FILTER_ALL);
  rpt_reference_browser_show_list (browser);
}

static void
unverified_activated_cb (RptReferencePage *self)
{
  RptReferenceBrowser *browser = rpt_reference_page_show_browser (self);

  set_opener (self, GTK_WIDGET (self->unverified_row));
  rpt_reference_browser_set_search (browser, NULL);
  rpt_reference_browser_set_filter (browser, RPT_REFERENCE_FILTER_UNVERIFIED);
  rpt_reference_browser_show_list (browser);
}

static void
stale_activated_cb (RptReferencePage *self)
{
  RptReferenceBrowser *browser = rpt_reference_page_show_browser (self);

  set_opener (self, GTK_WIDGET (self->stale_row));
  rpt_reference_browser_set_search (browser, NULL);
  rpt_reference_browser_set_filter (browser, RPT_REFERENCE_FILTER_STALE);
  rpt_reference_browser_show_list (browser);
}

/* --- the corrections ------------------------------------------------- */

static void
correction_activated_cb (AdwActionRow *row, RptReferencePage *self)
{
  RptReferenceBrowser *browser = rpt_reference_page_show_browser (self);

  set_opener (self, GTK_WIDGET (row));
  rpt_reference_browser_show_row (browser,
                                  GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "table")),
                                  g_object_get_data (G_OBJECT (row), "key"));
}

static void
correction_remove_cb (GtkButton *button, RptReferencePage *self)
{
  GtkWidget *row = gtk_widget_get_ancestor (GTK_WIDGET (button), ADW_TYPE_ACTION_ROW);

  /* The row goes: the focus goes to the one that takes its place. */
  self->focus_correction = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (row), "index"));
  rpt_reference_page_remove_correction (
    self, GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "table")),
    g_object_get_data (G_OBJECT (row), "key"), g_object_get_data (G_OBJECT (row), "field"));
}

static GtkWidget *
correction_row (RptReferencePage *self, RptReference *reference, const RptOverride *o, int index)
{
  g_autofree char *row_title = rpt_reference_dup_row_title (reference, o->table, o->key);
  g_autofree char *data = rpt_reference_dup_data_value (reference, o->table, o->key, o->field);
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *who = NULL;
  g_autofree char *a11y = NULL;
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  /* Translators: a correction: the row it is of, and the value */
  title =
    g_strdup_printf (_ ("%s: %s"), row_title, rpt_override_field_get_label (o->table, o->field));
  if (o->author != NULL && o->author[0] != '\0')
    /* Translators: "by A. Drafter on 2026-04-04" */
    who = g_strdup_printf (_ ("by %s on %s"), o->author, o->date);
  else
    /* Translators: "on 2026-04-04" */
    who = g_strdup_printf (_ ("on %s"), o->date);
  /* Translators: a correction: the value, what the data says, who and
   * when, why: "“61/12” (the data says “52/4”), by A. Drafter on
   * 2026-04-04: A/HRC/RES/61/12" */
  subtitle = g_strdup_printf (_ ("“%s” (the data says “%s”), %s%s%s"), o->value,
                              data != NULL ? data : _ ("nothing"), who,
                              o->note != NULL ? _ (": ") : "", o->note != NULL ? o->note : "");
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);
  g_object_set_data (G_OBJECT (row), "table", GUINT_TO_POINTER (o->table));
  g_object_set_data (G_OBJECT (row), "index", GINT_TO_POINTER (index));
  g_object_set_data_full (G_OBJECT (row), "key", g_strdup (o->key), g_free);
  g_object_set_data_full (G_OBJECT (row), "field", g_strdup (o->field), g_free);
  g_signal_connect (row, "activated", G_CALLBACK (correction_activated_cb), self);
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _ ("Remove the correction"));
  /* Translators: the accessible name of a correction's remove button */
  a11y = g_strdup_printf (_ ("Remove the correction of %s"), title);
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  g_signal_connect (remove, "clicked", G_CALLBACK (correction_remove_cb), self);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), remove);
  return row;
}

/* The corrections in force, what is wrong with the user's files, and
 * where they are kept; how much of the data is doubtful. */
static void
rebuild (RptReferencePage *self)
{
  RptReference *reference = rpt_reference_get_default ();
  RptOverrides *overrides = rpt_reference_get_overrides (reference);
  const char *const *problems = rpt_reference_get_problems (reference);
  g_autofree char *path = rpt_reference_dup_default_overrides_path ();
  g_autofree char *description = NULL;
  g_autofree char *counts = NULL;
  guint n = overrides != NULL ? rpt_overrides_get_n_overrides (overrides) : 0;
  guint n_mandates = 0, n_states = 0, n_treaties = 0, n_unverified = 0, n_stale = 0;
  GtkWidget *focus = NULL;
  GtkWidget *child;

  g_clear_object (&self->items);
  self->items = rpt_reference_items_new (reference);
  for (guint i = 0; i < g_list_model_get_n_items (self->items); i++)
    {
      g_autoptr (RptReferenceItem) item = g_list_model_get_item (self->items, i);

      switch (rpt_reference_item_get_table (item))
        {
        case RPT_OVERRIDE_TABLE_MANDATES:
          n_mandates++;
          break;
        case RPT_OVERRIDE_TABLE_COUNTRIES:
          n_states++;
          break;
        case RPT_OVERRIDE_TABLE_TREATIES:
        default:
          n_treaties++;
          break;
        }
      if (!rpt_reference_item_get_verified (item))
        n_unverified++;
      if (rpt_reference_item_get_stale (item))
        n_stale++;
    }

  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self->corrections_list))) != NULL)
    gtk_list_box_remove (self->corrections_list, child);

  /* Never silent: a correction the data cannot use is said here. */
  for (guint i = 0; problems != NULL && problems[i] != NULL; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      GtkWidget *icon = gtk_image_new_from_icon_name ("dialog-warning-symbolic");

      gtk_widget_add_css_class (icon, "warning");
      gtk_accessible_update_property (GTK_ACCESSIBLE (icon), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                      _ ("Warning"), -1);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), problems[i]);
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row), icon);
      gtk_list_box_append (self->corrections_list, row);
    }
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row =
        correction_row (self, reference, rpt_overrides_get_override (overrides, i), (int) i);

      gtk_list_box_append (self->corrections_list, row);
      /* After a removal, the correction that took its place, or the
       * last one. */
      if (self->focus_correction >= 0 && i == MIN ((guint) self->focus_correction, n - 1))
        focus = row;
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();

      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("No corrections yet"));
      gtk_widget_add_css_class (row, "dim-label");
      gtk_list_box_append (self->corrections_list, row);
    }
  if (self->focus_correction >= 0)
    {
      /* None left: on the way to bring some in. */
      gtk_widget_grab_focus (focus != NULL ? focus : self->import_button);
      self->focus_correction = -1;
    }

  /* Translators: %s is the file the corrections are kept in */
  description = g_strdup_printf (
    _ ("Kept for you in %s. Export them to share them with your office; a colleague’s file is "
       "checked whole when you import it, and nothing is imported if a row is wrong."),
    path);
  adw_preferences_group_set_description (self->corrections_group, description);
  /* Translators: "59 mandates, 195 States, 2408 treaty participations" */
  counts = g_strdup_printf (_ ("%u mandates, %u States, %u treaty participations"), n_mandates,
                            n_states, n_treaties);
  adw_action_row_set_subtitle (self->browse_row, counts);

  /* Never silent: how much of the data is doubtful, one step from it. */
  gtk_widget_set_visible (GTK_WIDGET (self->unverified_row), n_unverified > 0);
  {
    g_autofree char *text = g_strdup_printf (
      g_dngettext (NULL, "%u row not checked in a source: letters that use it say so",
                   "%u rows not checked in a source: letters that use them say so", n_unverified),
      n_unverified);
    adw_action_row_set_subtitle (self->unverified_row, text);
  }
  gtk_widget_set_visible (GTK_WIDGET (self->stale_row), n_stale > 0);
  {
    g_autofree char *text = g_strdup_printf (
      g_dngettext (NULL, "%u row as of more than three years ago: it has probably changed since",
                   "%u rows as of more than three years ago: they have probably changed since",
                   n_stale),
      n_stale);
    adw_action_row_set_subtitle (self->stale_row, text);
  }
}

/* --- files ----------------------------------------------------------- */

static void
import_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  g_autoptr (RptReferencePage) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      if (path != NULL)
        rpt_reference_page_import_path (self, path);
    }
  g_object_unref (dialog);
}

static void
export_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  g_autoptr (RptReferencePage) self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = file != NULL ? g_file_get_path (file) : NULL;

      /* The name as chosen: the chooser asked before replacing a file. */
      if (path != NULL)
        rpt_reference_page_export_path (self, path);
    }
  g_object_unref (dialog);
}

static GtkFileFilter *
csv_filter (void)
{
  GtkFileFilter *filter = gtk_file_filter_new ();

  gtk_file_filter_set_name (filter, _ ("Corrections (CSV)"));
  gtk_file_filter_add_mime_type (filter, "text/csv");
  gtk_file_filter_add_suffix (filter, "csv");
  return filter;
}

/* Where a file chooser opens: the user's documents, not the folder the
 * program happened to be started in. */
static void
open_in_documents (GtkFileChooser *chooser)
{
  const char *dir = g_get_user_special_dir (G_USER_DIRECTORY_DOCUMENTS);
  g_autoptr (GFile) folder = NULL;

  if (dir == NULL || !g_file_test (dir, G_FILE_TEST_IS_DIR))
    dir = g_get_home_dir ();
  folder = g_file_new_for_path (dir);
  gtk_file_chooser_set_current_folder (chooser, folder, NULL);
}

static void
import_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptReferencePage *self = RPT_REFERENCE_PAGE (widget);
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_ ("Import Corrections"), get_window (self),
                                 GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Import"), _ ("_Cancel"));

  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv_filter ());
  open_in_documents (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (import_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

static void
export_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptReferencePage *self = RPT_REFERENCE_PAGE (widget);
  GtkFileChooserNative *dialog =
    gtk_file_chooser_native_new (_ ("Export Corrections"), get_window (self),
                                 GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Export"), _ ("_Cancel"));

  /* Translators: the file name offered for exported corrections */
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (dialog), _ ("reference-corrections.csv"));
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (dialog), csv_filter ());
  open_in_documents (GTK_FILE_CHOOSER (dialog));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (dialog), TRUE);
  g_signal_connect (dialog, "response", G_CALLBACK (export_response_cb), g_object_ref (self));
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (dialog));
}

/* --- GObject --------------------------------------------------------- */

static void
rpt_reference_page_dispose (GObject *object)
{
  RptReferencePage *self = RPT_REFERENCE_PAGE (object);

  self->disposed = TRUE;
  g_clear_weak_pointer (&self->opener);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_REFERENCE_PAGE);
  g_clear_object (&self->browser);
  g_clear_object (&self->items);
  g_clear_object (&self->settings);
  G_OBJECT_CLASS (rpt_reference_page_parent_class)->dispose (object);
}

static void
rpt_reference_page_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptReferencePage *self = RPT_REFERENCE_PAGE (object);

  switch (prop_id)
    {
    case PROP_BUSY:
      g_value_set_boolean (value, self->busy);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_reference_page_class_init (RptReferencePageClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_reference_page_dispose;
  object_class->get_property = rpt_reference_page_get_property;

  properties[PROP_BUSY] = g_param_spec_boolean (
    "busy", NULL, NULL, FALSE, G_PARAM_READABLE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RPT_TYPE_REFERENCE_BROWSER);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-reference-page.ui");
  gtk_widget_class_bind_template_child (widget_class, RptReferencePage, browse_row);
  gtk_widget_class_bind_template_child (widget_class, RptReferencePage, unverified_row);
  gtk_widget_class_bind_template_child (widget_class, RptReferencePage, stale_row);
  gtk_widget_class_bind_template_child (widget_class, RptReferencePage, import_button);
  gtk_widget_class_bind_template_child (widget_class, RptReferencePage, corrections_group);
  gtk_widget_class_bind_template_child (widget_class, RptReferencePage, corrections_list);
  gtk_widget_class_bind_template_callback (widget_class, browse_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, unverified_activated_cb);
  gtk_widget_class_bind_template_callback (widget_class, stale_activated_cb);
  gtk_widget_class_install_action (widget_class, "reference.import", NULL, import_action);
  gtk_widget_class_install_action (widget_class, "reference.export", NULL, export_action);
}

static void
rpt_reference_page_init (RptReferencePage *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->focus_correction = -1;
  rebuild (self);
}
