/* rpt-review-actions.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-window"

#include <glib/gi18n.h>

#include "rpt-comment-dialog.h"
#include "rpt-comments-section.h"
#include "rpt-merge-window.h"
#include "rpt-paragraph-editor.h"
#include "rpt-preferences-window.h"
#include "rpt-versions-section.h"
#include "rpt-window-private.h"

/* The window's actions of the review round trip (docs/review.md):
 * comments, a copy sent for review, a reviewer's copy merged back. Each
 * writes to the document file in a worker (rpt_letter_file_run_async()),
 * and says what it did in a toast. */

static RptApplication *
get_app (RptWindow *self)
{
  return RPT_APPLICATION (gtk_window_get_application (GTK_WINDOW (self)));
}

static gboolean
writable (RptWindow *self)
{
  return self->document != NULL && !rpt_letter_file_get_read_only (self->document) &&
         rpt_letter_file_get_version_number (self->document) == 0;
}

void
_rpt_window_update_review_actions (RptWindow *self)
{
  gboolean can = writable (self);

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-comment", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.add-letter-comment", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.reply-comment", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.resolve-comment", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.delete-comment", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.goto-comment", self->document != NULL);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.send-for-review", can);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "win.merge-review", can);
}

/* --- comments ------------------------------------------------------- */

typedef struct
{
  RptWindow *window;
  char *item_id;
  char *quote;
  char *parent_id;
} CommentStart;

static void
comment_start_free (CommentStart *start)
{
  g_object_unref (start->window);
  g_free (start->item_id);
  g_free (start->quote);
  g_free (start->parent_id);
  g_free (start);
}

static RptParagraphEditor *
focused_editor (RptWindow *self)
{
  for (GtkWidget *w = gtk_root_get_focus (GTK_ROOT (self)); w != NULL;
       w = gtk_widget_get_parent (w))
    if (RPT_IS_PARAGRAPH_EDITOR (w))
      return RPT_PARAGRAPH_EDITOR (w);
  return NULL;
}

static void
comment_saved_cb (RptWindow *self)
{
  rpt_window_show_toast (self, _ ("Comment saved"));
}

static void
show_comment_dialog (gpointer user_data)
{
  CommentStart *start = user_data;
  RptWindow *self = start->window;
  RptLetter *letter;
  g_autoptr (RptComment) draft = NULL;
  g_autofree char *author = NULL;
  g_autofree char *heading = NULL;
  g_autofree char *place = NULL;
  RptCommentDialog *dialog;

  if (self->document == NULL || !writable (self))
    {
      comment_start_free (start);
      return;
    }
  letter = rpt_letter_file_get_letter (self->document);
  author = rpt_application_dup_author (get_app (self));
  if (start->parent_id != NULL)
    {
      RptComment *parent = rpt_letter_file_find_comment (self->document, start->parent_id);
      if (parent == NULL)
        {
          comment_start_free (start);
          return;
        }
      draft = rpt_comment_new_reply (parent, author, "");
      /* Translators: the title of the window that writes a reply */
      heading = g_strdup_printf (_ ("Reply to %s"), rpt_comment_get_author (parent));
      place = g_strdup (rpt_comment_get_text (parent));
    }
  else
    {
      RptPart part;
      guint position;
      gpointer item = start->item_id != NULL
                        ? rpt_letter_find_item (letter, start->item_id, &part, &position)
                        : NULL;

      draft = rpt_comment_new (item != NULL ? start->item_id : NULL, author, "");
      rpt_comment_set_quote (draft, start->quote);
      if (item != NULL)
        {
          g_autofree char *where = rpt_comments_section_dup_place (letter, draft);
          /* Translators: the title of the window that writes a comment:
           * "Comment on Fact 3" */
          heading = g_strdup_printf (_ ("Comment on %s"), where);
          if (start->quote != NULL)
            place = g_strdup_printf (_ ("“%s”"), start->quote);
          else if (RPT_IS_PARAGRAPH (item))
            place = rpt_markup_to_plain (rpt_paragraph_get_text (item));
        }
      else
        heading = g_strdup (_ ("Comment on the Letter"));
    }
  dialog = rpt_comment_dialog_new (GTK_WINDOW (self), self->document, draft, heading, place);
  /* Sent, the dialog closes itself; cancelled, it is closed with nothing
   * written. The comment is in the list once written. */
  g_signal_connect_object (dialog, "saved", G_CALLBACK (comment_saved_cb), self, G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  comment_start_free (start);
}

static void
start_comment (RptWindow *self, const char *item_id, const char *quote, const char *parent_id)
{
  CommentStart *start = g_new0 (CommentStart, 1);

  start->window = g_object_ref (self);
  start->item_id = g_strdup (item_id);
  start->quote = g_strdup (quote);
  start->parent_id = g_strdup (parent_id);
  /* A comment records its author: the name is asked for once, first. */
  rpt_preferences_ask_author (GTK_WINDOW (self), rpt_application_get_settings (get_app (self)),
                              show_comment_dialog, start);
}

/* On the item being edited, and on the words selected in it, if any; on
 * the letter as a whole from elsewhere. */
static void
add_comment_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  RptParagraphEditor *editor = focused_editor (self);
  g_autofree char *quote = NULL;
  const char *item = _rpt_window_get_current_item (self);

  if (editor != NULL)
    {
      GtkTextBuffer *buffer = rpt_paragraph_editor_get_buffer (editor);
      GtkTextIter start, end;

      if (gtk_text_buffer_get_selection_bounds (buffer, &start, &end))
        quote = g_strstrip (gtk_text_buffer_get_text (buffer, &start, &end, FALSE));
    }
  start_comment (self, item, quote, NULL);
}

static void
add_letter_comment_action (GtkWidget *widget, const char *name, GVariant *param)
{
  start_comment (RPT_WINDOW (widget), NULL, NULL, NULL);
}

static void
reply_comment_action (GtkWidget *widget, const char *name, GVariant *param)
{
  start_comment (RPT_WINDOW (widget), NULL, NULL, g_variant_get_string (param, NULL));
}

typedef struct
{
  RptWindow *window;
  RptComment *comment;
  gboolean was_resolved;
} Resolve;

static void
resolved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Resolve *r = user_data;
  g_autoptr (GError) error = NULL;

  if (!rpt_letter_file_comment_finish (RPT_LETTER_FILE (source), result, &error))
    {
      /* The list says what the file has. */
      rpt_comment_set_resolved (r->comment, r->was_resolved);
      rpt_window_show_error (r->window, _ ("The comment could not be changed"), error);
    }
  else
    rpt_window_show_toast (r->window,
                           r->was_resolved ? _ ("Comment reopened") : _ ("Comment resolved"));
  g_object_unref (r->window);
  g_object_unref (r->comment);
  g_free (r);
}

static void
resolve_comment_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  RptComment *comment;
  Resolve *r;

  if (self->document == NULL)
    return;
  comment = rpt_letter_file_find_comment (self->document, g_variant_get_string (param, NULL));
  if (comment == NULL)
    return;
  r = g_new0 (Resolve, 1);
  r->window = g_object_ref (self);
  r->comment = g_object_ref (comment);
  r->was_resolved = rpt_comment_get_resolved (comment);
  rpt_comment_set_resolved (comment, !r->was_resolved);
  rpt_letter_file_save_comment_async (self->document, comment, NULL, resolved_cb, r);
}

/* A removed thread can be brought back from the toast: its comments are
 * kept until the toast is gone. The toast is the window's: it holds the
 * window weakly, or the window would never be freed. */
typedef struct
{
  GWeakRef window;
  GPtrArray *removed; /* RptComment: the thread, oldest first */
  guint next;
} Removed;

static void
removed_free (Removed *r)
{
  g_weak_ref_clear (&r->window);
  g_ptr_array_unref (r->removed);
  g_free (r);
}

static Removed *
removed_new (RptWindow *window, GPtrArray *removed)
{
  Removed *r = g_new0 (Removed, 1);

  g_weak_ref_init (&r->window, window);
  r->removed = g_ptr_array_ref (removed);
  return r;
}

static void
restore_next_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Removed *r = user_data;
  g_autoptr (RptWindow) window = g_weak_ref_get (&r->window);
  g_autoptr (GError) error = NULL;

  if (!rpt_letter_file_comment_finish (RPT_LETTER_FILE (source), result, &error))
    {
      if (window != NULL)
        rpt_window_show_error (window, _ ("The comment could not be brought back"), error);
      removed_free (r);
      return;
    }
  if (r->next < r->removed->len)
    {
      RptComment *c = g_ptr_array_index (r->removed, r->next++);
      rpt_letter_file_save_comment_async (RPT_LETTER_FILE (source), c, NULL, restore_next_cb, r);
      return;
    }
  if (window != NULL)
    rpt_window_show_toast (window, _ ("Comment brought back"));
  removed_free (r);
}

static void
undo_remove_cb (AdwToast *toast, Removed *r)
{
  g_autoptr (RptWindow) window = g_weak_ref_get (&r->window);
  Removed *again;

  if (window == NULL || window->document == NULL || r->removed->len == 0)
    return;
  again = removed_new (window, r->removed);
  again->next = 1;
  rpt_letter_file_save_comment_async (window->document, g_ptr_array_index (r->removed, 0), NULL,
                                      restore_next_cb, again);
}

static void
deleted_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Removed *r = user_data;
  g_autoptr (RptWindow) window = g_weak_ref_get (&r->window);
  g_autoptr (GError) error = NULL;
  AdwToast *toast;

  if (!rpt_letter_file_comment_finish (RPT_LETTER_FILE (source), result, &error) || window == NULL)
    {
      if (window != NULL)
        rpt_window_show_error (window, _ ("The comment could not be removed"), error);
      removed_free (r);
      return;
    }
  toast = adw_toast_new (r->removed->len > 1 ? _ ("Comment and its replies removed")
                                             : _ ("Comment removed"));
  adw_toast_set_button_label (toast, _ ("_Undo"));
  g_signal_connect_data (toast, "button-clicked", G_CALLBACK (undo_remove_cb), r,
                         (GClosureNotify) (void (*) (void)) removed_free, 0);
  adw_toast_overlay_add_toast (window->toast_overlay, toast);
}

static void
delete_comment_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  const char *id = g_variant_get_string (param, NULL);
  RptComment *comment;
  GListModel *all;
  g_autoptr (GPtrArray) thread = NULL;

  if (self->document == NULL ||
      (comment = rpt_letter_file_find_comment (self->document, id)) == NULL)
    return;
  thread = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (thread, g_object_ref (comment));
  all = rpt_letter_file_get_comments (self->document);
  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr (RptComment) c = g_list_model_get_item (all, i);
      if (g_strcmp0 (rpt_comment_get_parent_id (c), id) == 0)
        g_ptr_array_add (thread, g_object_ref (c));
    }
  rpt_letter_file_delete_comment_async (self->document, comment, NULL, deleted_cb,
                                        removed_new (self, thread));
}

static void
goto_comment_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);
  RptComment *comment;

  if (self->document == NULL)
    return;
  comment = rpt_letter_file_find_comment (self->document, g_variant_get_string (param, NULL));
  if (comment == NULL)
    return;
  if (rpt_comment_get_parent_id (comment) != NULL)
    {
      RptComment *parent =
        rpt_letter_file_find_comment (self->document, rpt_comment_get_parent_id (comment));
      if (parent != NULL)
        comment = parent;
    }
  if (!rpt_window_reveal_item (self, rpt_comment_get_item_id (comment)))
    rpt_window_show_toast (self, rpt_comment_get_item_id (comment) == NULL
                                   ? _ ("This comment is on the letter as a whole")
                                   : _ ("The paragraph of this comment is no longer in the "
                                        "letter"));
}

/* --- send for review ------------------------------------------------ */

typedef struct
{
  RptWindow *window;
  char *author;
  char *reviewer;
  char *path;
  gboolean odt;
  guint version;
} Send;

static void
send_free (Send *s)
{
  g_object_unref (s->window);
  g_free (s->author);
  g_free (s->reviewer);
  g_free (s->path);
  g_free (s);
}

static gboolean
send_run (RptStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Send *s = data;
  g_autoptr (GListStore) comments = NULL;
  g_autoptr (GBytes) odt = NULL;
  gsize length;
  const char *bytes;

  if (!s->odt)
    return (s->version = rpt_review_send (store, 0, s->author, s->reviewer, s->path, error)) != 0;
  /* The version sent is the one the ODT comes back against. */
  s->version = rpt_review_keep_version (store, s->author, s->reviewer, error);
  if (s->version == 0)
    return FALSE;
  comments = rpt_comments_load (store, error);
  if (comments == NULL)
    return FALSE;
  odt = rpt_review_build_odt (store, s->version, G_LIST_MODEL (comments), s->author, error);
  if (odt == NULL)
    return FALSE;
  bytes = g_bytes_get_data (odt, &length);
  return rpt_file_write_private (s->path, bytes, length, error);
}

static void
sent_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Send *s = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *base = NULL;
  g_autofree char *text = NULL;
  GtkWidget *versions;

  if (!rpt_letter_file_run_finish (RPT_LETTER_FILE (source), result, &error))
    {
      rpt_window_show_error (s->window, _ ("The copy for review could not be made"), error);
      send_free (s);
      return;
    }
  base = g_path_get_basename (s->path);
  /* Translators: %s is a file name, %u a version number */
  text = g_strdup_printf (_ ("Sent for review as %s, from version %u"), base, s->version);
  rpt_window_show_toast (s->window, text);
  versions = rpt_window_get_section_widget (s->window, "versions");
  if (versions != NULL)
    rpt_versions_section_refresh (RPT_VERSIONS_SECTION (versions));
  send_free (s);
}

static void
send_file_cb (GtkNativeDialog *chooser, int response, Send *s)
{
  g_autoptr (GFile) file = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file != NULL)
    s->path = g_file_get_path (file);
  if (s->path == NULL || s->window->document == NULL)
    {
      send_free (s);
      return;
    }
  rpt_letter_file_run_async (s->window->document, send_run, s, NULL, NULL, sent_cb, s);
}

/**
 * _rpt_window_send_for_review_to:
 * @reviewer: (nullable): whom the copy is for
 * @path: the copy to write: a .rapporteur document, or an ODT when @odt
 *
 * Makes the copy for review as Send for Review… does once its file is
 * chosen.
 */
void
_rpt_window_send_for_review_to (RptWindow *self,
                                const char *reviewer,
                                const char *path,
                                gboolean odt)
{
  Send *s;

  g_return_if_fail (RPT_IS_WINDOW (self));
  if (self->document == NULL)
    return;
  s = g_new0 (Send, 1);
  s->window = g_object_ref (self);
  s->author = rpt_application_dup_author (get_app (self));
  s->reviewer = g_strdup (reviewer);
  s->path = g_strdup (path);
  s->odt = odt;
  rpt_letter_file_run_async (self->document, send_run, s, NULL, NULL, sent_cb, s);
}

static void
send_response_cb (AdwMessageDialog *dialog, const char *response, RptWindow *self)
{
  GtkEditable *entry = g_object_get_data (G_OBJECT (dialog), "reviewer");
  AdwComboRow *kind = g_object_get_data (G_OBJECT (dialog), "kind");
  g_autofree char *title = NULL;
  g_autofree char *suggested = NULL;
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;
  Send *s;

  if (!g_str_equal (response, "choose") || self->document == NULL)
    return;
  s = g_new0 (Send, 1);
  s->window = g_object_ref (self);
  s->author = rpt_application_dup_author (get_app (self));
  s->reviewer = g_strstrip (g_strdup (gtk_editable_get_text (entry)));
  if (s->reviewer[0] == '\0')
    g_clear_pointer (&s->reviewer, g_free);
  s->odt = adw_combo_row_get_selected (kind) == 1;

  title = rpt_letter_file_dup_file_name (self->document);
  if (g_str_has_suffix (title, ".rapporteur"))
    title[strlen (title) - strlen (".rapporteur")] = '\0';
  /* Translators: the suggested name of a copy for review: the letter's
   * file name, then the reviewer's */
  suggested = s->reviewer != NULL ? g_strdup_printf (_ ("%s – for %s"), title, s->reviewer)
                                  : g_strdup_printf (_ ("%s – for review"), title);
  {
    g_autofree char *with_ext = g_strconcat (suggested, s->odt ? ".odt" : ".rapporteur", NULL);
    g_free (suggested);
    suggested = g_steal_pointer (&with_ext);
  }
  chooser = gtk_file_chooser_native_new (_ ("Save the Copy for Review"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_SAVE, _ ("_Save"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_chooser_set_current_name (GTK_FILE_CHOOSER (chooser), suggested);
  filter = gtk_file_filter_new ();
  if (s->odt)
    {
      gtk_file_filter_set_name (filter, _ ("ODF text documents"));
      gtk_file_filter_add_suffix (filter, "odt");
    }
  else
    {
      gtk_file_filter_set_name (filter, _ ("Rapporteur documents"));
      gtk_file_filter_add_suffix (filter, "rapporteur");
    }
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (send_file_cb), s);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
show_send_for_review (gpointer user_data)
{
  g_autoptr (RptWindow) self = user_data;
  GtkWidget *dialog, *group, *entry, *kind;
  g_autoptr (GtkStringList) kinds = NULL;

  if (self->document == NULL)
    return;
  dialog = adw_message_dialog_new (
    GTK_WINDOW (self), _ ("Send for Review"),
    _ ("A copy of the letter as it is now, kept as a version. The reviewer edits and comments "
       "on the copy; Merge Review… brings their changes back one by one, while you go on "
       "working here."));
  group = adw_preferences_group_new ();
  entry = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _ ("Reviewer’s name"));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), entry);
  kinds = gtk_string_list_new (NULL);
  gtk_string_list_append (kinds, _ ("Rapporteur document"));
  gtk_string_list_append (kinds, _ ("ODT, for LibreOffice or Word"));
  kind = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (kind), _ ("Copy as"));
  adw_combo_row_set_model (ADW_COMBO_ROW (kind), G_LIST_MODEL (kinds));
  adw_preferences_group_add (ADW_PREFERENCES_GROUP (group), kind);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), group);
  g_object_set_data (G_OBJECT (dialog), "reviewer", entry);
  g_object_set_data (G_OBJECT (dialog), "kind", kind);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "choose",
                                    _ ("_Choose File…"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "choose",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "choose");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (send_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}

static void
send_for_review_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);

  rpt_preferences_ask_author (GTK_WINDOW (self), rpt_application_get_settings (get_app (self)),
                              show_send_for_review, g_object_ref (self));
}

/* --- merge a review ------------------------------------------------- */

typedef struct
{
  RptWindow *window;
  char *path;
  RptReviewCopy *copy;
  RptLetter *ours;
  RptMerge *merge;
} Prepare;

static void
prepare_free (Prepare *p)
{
  g_object_unref (p->window);
  g_free (p->path);
  g_clear_pointer (&p->copy, rpt_review_copy_free);
  g_clear_object (&p->ours);
  g_clear_object (&p->merge);
  g_free (p);
}

/* In the worker: the copy read, its base found, the working state as it
 * is in the file (just saved), and the merge of the three. */
static gboolean
prepare_run (RptStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Prepare *p = data;

  p->copy = rpt_review_copy_load (store, p->path, error);
  if (p->copy == NULL)
    return FALSE;
  p->ours = rpt_store_load (store, error);
  if (p->ours == NULL)
    return FALSE;
  p->merge = rpt_merge_new (p->copy->base_letter, p->ours, p->copy->theirs, error);
  return p->merge != NULL;
}

static void
prepared_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Prepare *p = user_data;
  g_autoptr (GError) error = NULL;
  g_autofree char *author = NULL;
  RptMergeWindow *merge_window;

  if (!rpt_letter_file_run_finish (RPT_LETTER_FILE (source), result, &error))
    {
      rpt_window_show_error (p->window, _ ("This copy cannot be merged"), error);
      prepare_free (p);
      return;
    }
  author = rpt_application_dup_author (get_app (p->window));
  merge_window =
    rpt_merge_window_new (p->window, p->window->document, p->merge, p->copy, p->ours, author);
  p->copy = NULL; /* the merge window's now */
  gtk_window_present (GTK_WINDOW (merge_window));
  prepare_free (p);
}

void _rpt_window_merge_review_path (RptWindow *self, const char *path);

static void
merge_file_cb (GtkNativeDialog *chooser, int response, RptWindow *self)
{
  g_autoptr (GFile) file = NULL;
  g_autofree char *path = NULL;

  if (response == GTK_RESPONSE_ACCEPT)
    file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (chooser));
  g_object_unref (chooser);
  if (file != NULL)
    path = g_file_get_path (file);
  if (path != NULL)
    _rpt_window_merge_review_path (self, path);
  g_object_unref (self); /* the reference taken for the chooser */
}

/**
 * _rpt_window_merge_review_path:
 *
 * Prepares the merge of the reviewer's copy at @path and opens it in a
 * merge window; what the file chooser of Merge Review… does.
 */
void
_rpt_window_merge_review_path (RptWindow *self, const char *path)
{
  Prepare *p;

  g_return_if_fail (RPT_IS_WINDOW (self));
  if (self->document == NULL)
    return;
  p = g_new0 (Prepare, 1);
  p->window = g_object_ref (self);
  p->path = g_strdup (path);
  rpt_letter_file_run_async (self->document, prepare_run, p, NULL, NULL, prepared_cb, p);
}

static void
show_merge_review (gpointer user_data)
{
  RptWindow *self = user_data; /* the reference goes to the chooser */
  GtkFileChooserNative *chooser;
  GtkFileFilter *filter;

  chooser = gtk_file_chooser_native_new (_ ("Merge a Reviewer’s Copy"), GTK_WINDOW (self),
                                         GTK_FILE_CHOOSER_ACTION_OPEN, _ ("_Open"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  filter = gtk_file_filter_new ();
  gtk_file_filter_set_name (filter, _ ("Reviewers’ copies (Rapporteur, ODT)"));
  gtk_file_filter_add_suffix (filter, "rapporteur");
  gtk_file_filter_add_suffix (filter, "odt");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), filter);
  g_object_unref (filter);
  g_signal_connect (chooser, "response", G_CALLBACK (merge_file_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
merge_review_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptWindow *self = RPT_WINDOW (widget);

  /* The merge is a version, which records who merged. */
  rpt_preferences_ask_author (GTK_WINDOW (self), rpt_application_get_settings (get_app (self)),
                              show_merge_review, g_object_ref (self));
}

void
_rpt_window_class_review_actions_init (GtkWidgetClass *widget_class)
{
  gtk_widget_class_install_action (widget_class, "win.add-comment", NULL, add_comment_action);
  gtk_widget_class_install_action (widget_class, "win.add-letter-comment", NULL,
                                   add_letter_comment_action);
  gtk_widget_class_install_action (widget_class, "win.reply-comment", "s", reply_comment_action);
  gtk_widget_class_install_action (widget_class, "win.resolve-comment", "s",
                                   resolve_comment_action);
  gtk_widget_class_install_action (widget_class, "win.delete-comment", "s", delete_comment_action);
  gtk_widget_class_install_action (widget_class, "win.goto-comment", "s", goto_comment_action);
  gtk_widget_class_install_action (widget_class, "win.send-for-review", NULL,
                                   send_for_review_action);
  gtk_widget_class_install_action (widget_class, "win.merge-review", NULL, merge_review_action);
}
