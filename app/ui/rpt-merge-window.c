/* rpt-merge-window.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-merge-window"

#include <glib/gi18n.h>

#include "rpt-merge-window.h"
#include "rpt-paragraph-editor.h"
#include "rpt-preview.h"
#include "rpt-versions-section.h"

/**
 * RptMergeWindow:
 *
 * A reviewer's copy, merged change by change (docs/review.md). On the
 * left, every change the reviewer made against the version the copy came
 * from: a clean change is accepted unless switched off, a conflict waits
 * until the drafter keeps their own text, takes the reviewer's or writes
 * the text; what could not be placed is listed, kept as comments. On the
 * right, the letter as it will be, as a redline against the drafter's. The
 * window is modal: the drafter's letter stays as the merge found it.
 * Merge writes the result as the working state and a version named after
 * the reviewer, with the reviewer's comments.
 */
struct _RptMergeWindow
{
  AdwWindow parent_instance;

  RptLetterFile *document;
  RptMerge *merge;
  RptReviewCopy *copy;
  RptLetter *ours;
  RptLetter *result;
  char *author;
  char *reviewer;
  guint refresh_id;
  gboolean applying;

  AdwWindowTitle *title;
  GtkButton *merge_button;
  GtkLabel *summary;
  GtkListBox *list;
  RptPreview *preview;
  GtkWidget *content;
};

G_DEFINE_FINAL_TYPE (RptMergeWindow, rpt_merge_window, ADW_TYPE_WINDOW)

static void update (RptMergeWindow *self);

/* --- the result ------------------------------------------------------- */

static gboolean
refresh_cb (gpointer user_data)
{
  RptMergeWindow *self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) result = NULL;

  self->refresh_id = 0;
  if (self->merge == NULL)
    return G_SOURCE_REMOVE;
  result = rpt_merge_dup_result_so_far (self->merge, &error);
  if (result == NULL)
    {
      gtk_label_set_text (self->summary, error->message);
      return G_SOURCE_REMOVE;
    }
  g_set_object (&self->result, result);
  rpt_preview_set_letter (self->preview, self->result);
  return G_SOURCE_REMOVE;
}

static void
queue_refresh (RptMergeWindow *self)
{
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  /* Controls that change as the window is disposed ask too: not then. */
  if (self->merge == NULL)
    return;
  self->refresh_id = g_timeout_add (150, refresh_cb, self);
}

static void
update (RptMergeWindow *self)
{
  guint n, pending;
  guint accepted = 0;
  g_autofree char *text = NULL;

  if (self->merge == NULL)
    return;
  n = rpt_merge_get_n_changes (self->merge);
  pending = rpt_merge_get_n_pending (self->merge);
  for (guint i = 0; i < n; i++)
    {
      RptMergeChange *c = rpt_merge_get_change (self->merge, i);
      if (c->status != RPT_MERGE_SAME &&
          (c->decision == RPT_MERGE_ACCEPTED || c->decision == RPT_MERGE_EDITED))
        accepted++;
    }
  if (pending > 0)
    /* Translators: the merge window's summary */
    text = g_strdup_printf (g_dngettext (NULL, "%u conflict waits for your decision",
                                         "%u conflicts wait for your decision", pending),
                            pending);
  else
    text = g_strdup_printf (
      g_dngettext (NULL, "%u of %u changes will be applied", "%u of %u changes will be applied", n),
      accepted, n);
  gtk_label_set_text (self->summary, text);
  gtk_widget_set_sensitive (GTK_WIDGET (self->merge_button), pending == 0 && !self->applying);
  gtk_widget_set_tooltip_text (
    GTK_WIDGET (self->merge_button),
    pending > 0 ? _ ("Decide every conflict first")
                : _ ("Merge the accepted changes into a new version (Ctrl+Return)"));
  queue_refresh (self);
}

/* --- the rows --------------------------------------------------------- */

static void sync_row (RptMergeWindow *self, GtkWidget *row);

static void
switch_cb (GtkSwitch *sw, GParamSpec *pspec, RptMergeWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (sw), "index"));

  if (g_object_get_data (G_OBJECT (sw), "syncing") != NULL)
    return;
  rpt_merge_window_decide (self, index,
                           gtk_switch_get_active (sw) ? RPT_MERGE_ACCEPTED : RPT_MERGE_REJECTED);
}

static void
side_cb (GtkToggleButton *button, RptMergeWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  RptMergeDecision decision = GPOINTER_TO_INT (g_object_get_data (G_OBJECT (button), "decision"));

  if (g_object_get_data (G_OBJECT (button), "syncing") != NULL ||
      !gtk_toggle_button_get_active (button))
    return;
  rpt_merge_window_decide (self, index, decision);
}

static void
edit_response_cb (AdwMessageDialog *dialog, const char *response, RptMergeWindow *self)
{
  RptParagraphEditor *editor = g_object_get_data (G_OBJECT (dialog), "editor");
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (dialog), "index"));
  g_autoptr (GError) error = NULL;

  if (!g_str_equal (response, "use"))
    return;
  if (!rpt_merge_window_resolve_text (self, index, rpt_paragraph_editor_get_markup (editor),
                                      &error))
    {
      GtkWidget *alert =
        adw_message_dialog_new (GTK_WINDOW (self), _ ("The text cannot be used"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _ ("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
    }
}

static GtkWidget *
side_text (const char *heading, const char *markup)
{
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 2);
  GtkWidget *label = gtk_label_new (heading);
  g_autofree char *plain = rpt_markup_to_plain (markup != NULL ? markup : "");
  GtkWidget *text = gtk_label_new (plain);

  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_widget_add_css_class (label, "heading");
  gtk_label_set_xalign (GTK_LABEL (text), 0);
  gtk_label_set_wrap (GTK_LABEL (text), TRUE);
  gtk_label_set_wrap_mode (GTK_LABEL (text), PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (GTK_LABEL (text), TRUE);
  gtk_label_set_max_width_chars (GTK_LABEL (text), 60);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), text);
  return box;
}

static void
edit_clicked_cb (GtkButton *button, RptMergeWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (button), "index"));
  RptMergeChange *c = rpt_merge_get_change (self->merge, index);
  g_autofree char *mine = rpt_merge_dup_conflict_text (self->merge, index, FALSE);
  g_autofree char *theirs = rpt_merge_dup_conflict_text (self->merge, index, TRUE);
  g_autofree char *heading = g_strdup_printf (_ ("Settle %s"), c->label);
  GtkWidget *dialog, *box, *editor;

  dialog = adw_message_dialog_new (GTK_WINDOW (self), heading,
                                   _ ("You and the reviewer changed the same words. Write the "
                                      "text the letter should have."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  gtk_box_append (GTK_BOX (box), side_text (_ ("Yours"), mine));
  gtk_box_append (GTK_BOX (box), side_text (_ ("The reviewer’s"), theirs));
  editor = rpt_paragraph_editor_new ();
  rpt_paragraph_editor_set_label (RPT_PARAGRAPH_EDITOR (editor), _ ("The text to keep"));
  rpt_paragraph_editor_set_markup (RPT_PARAGRAPH_EDITOR (editor), c->resolution != NULL
                                                                    ? c->resolution
                                                                  : theirs != NULL ? theirs
                                                                                   : "");
  gtk_widget_add_css_class (editor, "card");
  gtk_box_append (GTK_BOX (box), editor);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  g_object_set_data (G_OBJECT (dialog), "editor", editor);
  g_object_set_data (G_OBJECT (dialog), "index", GUINT_TO_POINTER (index));
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"), "use",
                                    _ ("_Use This Text"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "use",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  g_signal_connect_object (dialog, "response", G_CALLBACK (edit_response_cb), self, 0);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (
    GTK_WIDGET (rpt_paragraph_editor_get_view (RPT_PARAGRAPH_EDITOR (editor))));
}

static GtkWidget *
toggle (const char *label, const char *a11y, guint index, RptMergeDecision decision)
{
  GtkWidget *button = gtk_toggle_button_new_with_mnemonic (label);

  g_object_set_data (G_OBJECT (button), "index", GUINT_TO_POINTER (index));
  g_object_set_data (G_OBJECT (button), "decision", GINT_TO_POINTER (decision));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return button;
}

static GtkWidget *
change_row (RptMergeWindow *self, guint index)
{
  RptMergeChange *c = rpt_merge_get_change (self->merge, index);
  GtkWidget *row = adw_action_row_new ();
  g_autofree char *subtitle = NULL;
  g_autofree char *a11y = NULL;

  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), c->label);
  switch (c->status)
    {
    case RPT_MERGE_CONFLICT:
      /* Translators: a conflict in the merge window: what the reviewer
       * did; what you did */
      subtitle = g_strdup_printf (_ ("Conflict: %s; %s"), c->description,
                                  c->reason != NULL ? c->reason : "");
      break;
    case RPT_MERGE_SAME:
      /* Translators: a change the drafter made too */
      subtitle = g_strdup_printf (_ ("%s, already in your letter"), c->description);
      break;
    case RPT_MERGE_CLEAN:
    default:
      subtitle = g_strdup (c->description);
      break;
    }
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  g_object_set_data (G_OBJECT (row), "index", GUINT_TO_POINTER (index));
  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), TRUE);

  if (c->status == RPT_MERGE_CLEAN)
    {
      GtkWidget *sw = gtk_switch_new ();
      gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
      g_object_set_data (G_OBJECT (sw), "index", GUINT_TO_POINTER (index));
      /* Translators: the switch of one change in the merge window */
      a11y = g_strdup_printf (_ ("Accept the change to %s"), c->label);
      gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
      g_signal_connect_object (sw, "notify::active", G_CALLBACK (switch_cb), self, 0);
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
      g_object_set_data (G_OBJECT (row), "switch", sw);
    }
  else if (c->status == RPT_MERGE_CONFLICT)
    {
      GtkWidget *box = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 0);
      g_autofree char *mine_label = g_strdup_printf (_ ("Keep your version of %s"), c->label);
      g_autofree char *theirs_label = g_strdup_printf (_ ("Take the reviewer’s %s"), c->label);
      GtkWidget *mine = toggle (_ ("M_ine"), mine_label, index, RPT_MERGE_REJECTED);
      GtkWidget *theirs = toggle (_ ("_Theirs"), theirs_label, index, RPT_MERGE_ACCEPTED);
      g_autofree char *text = rpt_merge_dup_conflict_text (self->merge, index, TRUE);
      g_autofree char *own = rpt_merge_dup_conflict_text (self->merge, index, FALSE);

      gtk_widget_add_css_class (box, "linked");
      gtk_widget_set_valign (box, GTK_ALIGN_CENTER);
      gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (theirs), GTK_TOGGLE_BUTTON (mine));
      g_signal_connect_object (mine, "toggled", G_CALLBACK (side_cb), self, 0);
      g_signal_connect_object (theirs, "toggled", G_CALLBACK (side_cb), self, 0);
      gtk_box_append (GTK_BOX (box), mine);
      gtk_box_append (GTK_BOX (box), theirs);
      g_object_set_data (G_OBJECT (row), "mine", mine);
      g_object_set_data (G_OBJECT (row), "theirs", theirs);
      if (text != NULL || own != NULL)
        {
          g_autofree char *edit_label = g_strdup_printf (_ ("Write the text of %s"), c->label);
          GtkWidget *edit = gtk_toggle_button_new_with_mnemonic (_ ("_Edit…"));
          g_object_set_data (G_OBJECT (edit), "index", GUINT_TO_POINTER (index));
          gtk_accessible_update_property (GTK_ACCESSIBLE (edit), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          edit_label, -1);
          g_signal_connect_object (edit, "clicked", G_CALLBACK (edit_clicked_cb), self, 0);
          gtk_box_append (GTK_BOX (box), edit);
          g_object_set_data (G_OBJECT (row), "edit", edit);
        }
      adw_action_row_add_suffix (ADW_ACTION_ROW (row), box);
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("dialog-warning-symbolic"));
    }
  sync_row (self, row);
  return row;
}

/* Decisions → the row's controls, without deciding again. */
static void
sync_row (RptMergeWindow *self, GtkWidget *row)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));
  RptMergeChange *c = rpt_merge_get_change (self->merge, index);
  GtkWidget *sw = g_object_get_data (G_OBJECT (row), "switch");
  GtkWidget *widgets[] = { g_object_get_data (G_OBJECT (row), "mine"),
                           g_object_get_data (G_OBJECT (row), "theirs"),
                           g_object_get_data (G_OBJECT (row), "edit") };

  if (sw != NULL)
    {
      g_object_set_data (G_OBJECT (sw), "syncing", GINT_TO_POINTER (1));
      gtk_switch_set_active (GTK_SWITCH (sw), c->decision == RPT_MERGE_ACCEPTED);
      g_object_set_data (G_OBJECT (sw), "syncing", NULL);
    }
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (widgets[i] != NULL)
      g_object_set_data (G_OBJECT (widgets[i]), "syncing", GINT_TO_POINTER (1));
  if (widgets[0] != NULL)
    {
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (widgets[0]),
                                    c->decision == RPT_MERGE_REJECTED);
      gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (widgets[1]),
                                    c->decision == RPT_MERGE_ACCEPTED);
      if (c->decision != RPT_MERGE_REJECTED && c->decision != RPT_MERGE_ACCEPTED)
        {
          /* Neither side: a group of toggles cannot show that; untoggle. */
          gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (widgets[1]), NULL);
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (widgets[0]), FALSE);
          gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (widgets[1]), FALSE);
          gtk_toggle_button_set_group (GTK_TOGGLE_BUTTON (widgets[1]),
                                       GTK_TOGGLE_BUTTON (widgets[0]));
        }
    }
  if (widgets[2] != NULL)
    gtk_toggle_button_set_active (GTK_TOGGLE_BUTTON (widgets[2]), c->decision == RPT_MERGE_EDITED);
  for (guint i = 0; i < G_N_ELEMENTS (widgets); i++)
    if (widgets[i] != NULL)
      g_object_set_data (G_OBJECT (widgets[i]), "syncing", NULL);
}

static void
sync_rows (RptMergeWindow *self)
{
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (g_object_get_data (G_OBJECT (row), "change") != NULL)
      sync_row (self, row);
}

static void
row_activated_cb (GtkListBox *list, GtkListBoxRow *row, RptMergeWindow *self)
{
  guint index = GPOINTER_TO_UINT (g_object_get_data (G_OBJECT (row), "index"));
  RptMergeChange *c;

  if (g_object_get_data (G_OBJECT (row), "change") == NULL || self->merge == NULL)
    return;
  c = rpt_merge_get_change (self->merge, index);
  if (c->item != NULL)
    rpt_preview_reveal_item (self->preview, c->item->id);
  else if (c->field != NULL)
    {
      g_autofree char *id = g_strconcat ("field-", c->field->name, NULL);
      rpt_preview_reveal_item (self->preview, id);
    }
}

/* --- deciding --------------------------------------------------------- */

void
rpt_merge_window_decide (RptMergeWindow *self, guint index, RptMergeDecision decision)
{
  g_return_if_fail (RPT_IS_MERGE_WINDOW (self));

  /* a control's signal as the window is disposed */
  if (self->merge == NULL)
    return;
  rpt_merge_decide (self->merge, index, decision);
  sync_rows (self);
  update (self);
}

gboolean
rpt_merge_window_resolve_text (RptMergeWindow *self,
                               guint index,
                               const char *markup,
                               GError **error)
{
  g_return_val_if_fail (RPT_IS_MERGE_WINDOW (self), FALSE);

  if (!rpt_merge_resolve_text (self->merge, index, markup, error))
    return FALSE;
  sync_rows (self);
  update (self);
  return TRUE;
}

static void
accept_all_cb (RptMergeWindow *self)
{
  rpt_merge_decide_all (self->merge, RPT_MERGE_ACCEPTED);
  sync_rows (self);
  update (self);
}

static void
reject_all_cb (RptMergeWindow *self)
{
  rpt_merge_decide_all (self->merge, RPT_MERGE_REJECTED);
  sync_rows (self);
  update (self);
}

/* --- merging ---------------------------------------------------------- */

typedef struct
{
  RptMergeWindow *window;
  RptLetter *result;
  GListModel *comments;
  char *author;
  char *reviewer;
  guint number;
} Apply;

static void
apply_free (Apply *a)
{
  g_object_unref (a->window);
  g_object_unref (a->result);
  g_object_unref (a->comments);
  g_free (a->author);
  g_free (a->reviewer);
  g_free (a);
}

static gboolean
apply_run (RptStore *store, gpointer data, GCancellable *cancellable, GError **error)
{
  Apply *a = data;

  a->number = rpt_review_apply (store, a->result, a->comments, a->author, a->reviewer, error);
  return a->number != 0;
}

static void
comments_reloaded_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RptWindow) parent = user_data;
  g_autoptr (GError) error = NULL;

  if (!rpt_letter_file_comment_finish (RPT_LETTER_FILE (source), result, &error))
    rpt_window_show_error (parent, _ ("The comments could not be read again"), error);
}

static void
applied_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  Apply *a = user_data;
  RptMergeWindow *self = a->window;
  RptWindow *parent = RPT_WINDOW (gtk_window_get_transient_for (GTK_WINDOW (self)));
  g_autoptr (GError) error = NULL;
  g_autofree char *text = NULL;
  GtkWidget *versions;

  self->applying = FALSE;
  if (!rpt_letter_file_run_finish (RPT_LETTER_FILE (source), result, &error))
    {
      GtkWidget *alert = adw_message_dialog_new (
        GTK_WINDOW (self), _ ("The review could not be merged"), error->message);
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (alert), "close", _ ("_Close"));
      gtk_window_present (GTK_WINDOW (alert));
      gtk_widget_set_sensitive (self->content, TRUE);
      update (self);
      apply_free (a);
      return;
    }
  /* The merged letter is the document's now, as the file has it. */
  rpt_letter_file_take_saved_letter (self->document, a->result);
  if (parent != NULL)
    {
      rpt_letter_file_reload_comments_async (self->document, NULL, comments_reloaded_cb,
                                             g_object_ref (parent));
      /* Translators: %s is the reviewer, %u a version number */
      text = g_strdup_printf (_ ("Review by %s merged as version %u"), a->reviewer, a->number);
      rpt_window_show_toast (parent, text);
      versions = rpt_window_get_section_widget (parent, "versions");
      if (versions != NULL)
        rpt_versions_section_refresh (RPT_VERSIONS_SECTION (versions));
    }
  apply_free (a);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * rpt_merge_window_apply:
 *
 * Writes the result, as the Merge button does; the window closes once the
 * document has it.
 */
void
rpt_merge_window_apply (RptMergeWindow *self)
{
  g_autoptr (GError) error = NULL;
  RptLetter *result;
  Apply *a;

  g_return_if_fail (RPT_IS_MERGE_WINDOW (self));

  if (self->applying)
    return;
  result = rpt_merge_dup_result (self->merge, &error);
  if (result == NULL)
    {
      gtk_label_set_text (self->summary, error->message);
      return;
    }
  self->applying = TRUE;
  gtk_widget_set_sensitive (self->content, FALSE);
  gtk_widget_set_sensitive (GTK_WIDGET (self->merge_button), FALSE);
  a = g_new0 (Apply, 1);
  a->window = g_object_ref (self);
  a->result = result;
  a->comments = g_object_ref (G_LIST_MODEL (self->copy->comments));
  a->author = g_strdup (self->author);
  a->reviewer = g_strdup (self->reviewer);
  rpt_letter_file_run_async (self->document, apply_run, a, NULL, NULL, applied_cb, a);
}

static void
merge_clicked_cb (RptMergeWindow *self)
{
  rpt_merge_window_apply (self);
}

/* --- the window ------------------------------------------------------- */

static GtkWidget *
build_list (RptMergeWindow *self)
{
  guint n = rpt_merge_get_n_changes (self->merge);

  self->list = GTK_LIST_BOX (gtk_list_box_new ());
  gtk_list_box_set_selection_mode (self->list, GTK_SELECTION_NONE);
  gtk_widget_add_css_class (GTK_WIDGET (self->list), "boxed-list");
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("The reviewer’s changes"), -1);
  g_signal_connect_object (self->list, "row-activated", G_CALLBACK (row_activated_cb), self, 0);
  for (guint i = 0; i < n; i++)
    {
      GtkWidget *row = change_row (self, i);
      g_object_set_data (G_OBJECT (row), "change", GINT_TO_POINTER (1));
      gtk_list_box_append (self->list, row);
    }
  if (n == 0)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row),
                                     _ ("The reviewer changed nothing in the letter"));
      gtk_list_box_append (self->list, row);
    }
  {
    guint n_comments = g_list_model_get_n_items (G_LIST_MODEL (self->copy->comments));
    guint n_kept = self->copy->unplaced->len;

    if (n_comments > n_kept)
      {
        GtkWidget *row = adw_action_row_new ();
        g_autofree char *title =
          g_strdup_printf (g_dngettext (NULL, "%u comment comes with the review",
                                        "%u comments come with the review", n_comments - n_kept),
                           n_comments - n_kept);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
        adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                     _ ("Added to the Comments with the merge; those you have "
                                        "already are not added twice"));
        adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                   gtk_image_new_from_icon_name ("user-available-symbolic"));
        gtk_list_box_append (self->list, row);
      }
  }
  for (guint i = 0; i < self->copy->unplaced->len; i++)
    {
      GtkWidget *row = adw_action_row_new ();
      adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
      adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Kept as a comment"));
      adw_action_row_set_subtitle (ADW_ACTION_ROW (row),
                                   g_ptr_array_index (self->copy->unplaced, i));
      adw_action_row_add_prefix (ADW_ACTION_ROW (row),
                                 gtk_image_new_from_icon_name ("user-available-symbolic"));
      gtk_list_box_append (self->list, row);
    }
  return GTK_WIDGET (self->list);
}

/**
 * rpt_merge_window_new:
 * @merge: the merge of @copy into @ours
 * @copy: (transfer full): the reviewer's copy
 * @ours: the drafter's letter the merge was made against
 * @author: who merges, for the version
 */
RptMergeWindow *
rpt_merge_window_new (RptWindow *parent,
                      RptLetterFile *document,
                      RptMerge *merge,
                      RptReviewCopy *copy,
                      RptLetter *ours,
                      const char *author)
{
  RptMergeWindow *self;
  GtkWidget *toolbar, *header, *cancel, *bar, *accept_all, *reject_all, *paned, *scroller, *box;
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  const char *reviewer = copy->base->reviewer;

  g_return_val_if_fail (RPT_IS_MERGE (merge), NULL);

  self = g_object_new (RPT_TYPE_MERGE_WINDOW, "modal", TRUE, "transient-for", parent,
                       "default-width", 1100, "default-height", 760, NULL);
  self->document = g_object_ref (document);
  self->merge = g_object_ref (merge);
  self->copy = copy;
  self->ours = g_object_ref (ours);
  self->author = g_strdup (author);
  self->reviewer =
    g_strdup (reviewer != NULL && reviewer[0] != '\0' ? reviewer : _ ("the reviewer"));

  /* Translators: the merge window's title; %s is the reviewer */
  title = g_strdup_printf (_ ("Merge the Review by %s"), self->reviewer);
  /* Translators: under the merge window's title */
  subtitle = g_strdup_printf (_ ("Against version %u"), copy->base->version);
  gtk_window_set_title (GTK_WINDOW (self), title);

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  self->title = ADW_WINDOW_TITLE (adw_window_title_new (title, subtitle));
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), GTK_WIDGET (self->title));
  cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->merge_button = GTK_BUTTON (gtk_button_new_with_mnemonic (_ ("_Merge")));
  gtk_widget_add_css_class (GTK_WIDGET (self->merge_button), "suggested-action");
  g_signal_connect_swapped (self->merge_button, "clicked", G_CALLBACK (merge_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->merge_button));
  gtk_box_append (GTK_BOX (toolbar), header);

  self->content = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_vexpand (self->content, TRUE);
  bar = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  gtk_widget_set_margin_top (bar, 6);
  gtk_widget_set_margin_bottom (bar, 6);
  gtk_widget_set_margin_start (bar, 12);
  gtk_widget_set_margin_end (bar, 12);
  self->summary = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->summary, 0);
  gtk_label_set_wrap (self->summary, TRUE);
  gtk_widget_set_hexpand (GTK_WIDGET (self->summary), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->summary), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Where the merge stands"), -1);
  accept_all = gtk_button_new_with_mnemonic (_ ("_Accept All"));
  reject_all = gtk_button_new_with_mnemonic (_ ("_Reject All"));
  gtk_widget_set_tooltip_text (accept_all, _ ("Take every change, the reviewer’s side of every "
                                              "conflict included"));
  gtk_widget_set_tooltip_text (reject_all, _ ("Keep your letter as it is"));
  g_signal_connect_swapped (accept_all, "clicked", G_CALLBACK (accept_all_cb), self);
  g_signal_connect_swapped (reject_all, "clicked", G_CALLBACK (reject_all_cb), self);
  gtk_box_append (GTK_BOX (bar), GTK_WIDGET (self->summary));
  gtk_box_append (GTK_BOX (bar), accept_all);
  gtk_box_append (GTK_BOX (bar), reject_all);
  gtk_box_append (GTK_BOX (self->content), bar);

  paned = gtk_paned_new (GTK_ORIENTATION_HORIZONTAL);
  gtk_widget_set_vexpand (paned, TRUE);
  gtk_paned_set_position (GTK_PANED (paned), 460);
  scroller = gtk_scrolled_window_new ();
  gtk_scrolled_window_set_policy (GTK_SCROLLED_WINDOW (scroller), GTK_POLICY_NEVER,
                                  GTK_POLICY_AUTOMATIC);
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  gtk_widget_set_margin_top (box, 6);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_box_append (GTK_BOX (box), build_list (self));
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), box);
  gtk_paned_set_start_child (GTK_PANED (paned), scroller);
  gtk_paned_set_shrink_start_child (GTK_PANED (paned), FALSE);
  self->preview = g_object_new (RPT_TYPE_PREVIEW, NULL);
  gtk_paned_set_end_child (GTK_PANED (paned), GTK_WIDGET (self->preview));
  gtk_box_append (GTK_BOX (self->content), paned);
  gtk_box_append (GTK_BOX (toolbar), self->content);
  adw_window_set_content (ADW_WINDOW (self), toolbar);

  rpt_preview_set_compare_with (self->preview, self->ours, _ ("Your letter"),
                                _ ("With the review"));
  update (self);
  /* The first result at once, instead of the refresh update() queued:
   * that one would outlive the window if it closed first. */
  g_clear_handle_id (&self->refresh_id, g_source_remove);
  refresh_cb (self);

  /* The keyboard starts on the first change, where the decisions are. */
  {
    GtkListBoxRow *first = gtk_list_box_get_row_at_index (self->list, 0);
    gtk_window_set_focus (GTK_WINDOW (self),
                          first != NULL ? GTK_WIDGET (first) : GTK_WIDGET (self->merge_button));
  }
  return self;
}

RptMerge *
rpt_merge_window_get_merge (RptMergeWindow *self)
{
  g_return_val_if_fail (RPT_IS_MERGE_WINDOW (self), NULL);
  return self->merge;
}

GtkListBox *
rpt_merge_window_get_changes_list (RptMergeWindow *self)
{
  g_return_val_if_fail (RPT_IS_MERGE_WINDOW (self), NULL);
  return self->list;
}

GtkWidget *
rpt_merge_window_get_preview (RptMergeWindow *self)
{
  g_return_val_if_fail (RPT_IS_MERGE_WINDOW (self), NULL);
  return GTK_WIDGET (self->preview);
}

static gboolean
close_request (GtkWindow *window)
{
  /* Closed while merging: the merge ends, and the document has it. */
  return RPT_MERGE_WINDOW (window)->applying;
}

static void
rpt_merge_window_dispose (GObject *object)
{
  RptMergeWindow *self = RPT_MERGE_WINDOW (object);

  g_clear_handle_id (&self->refresh_id, g_source_remove);
  g_clear_object (&self->document);
  g_clear_object (&self->merge);
  g_clear_pointer (&self->copy, rpt_review_copy_free);
  g_clear_object (&self->ours);
  g_clear_object (&self->result);
  G_OBJECT_CLASS (rpt_merge_window_parent_class)->dispose (object);
}

static void
rpt_merge_window_finalize (GObject *object)
{
  RptMergeWindow *self = RPT_MERGE_WINDOW (object);

  g_free (self->author);
  g_free (self->reviewer);
  G_OBJECT_CLASS (rpt_merge_window_parent_class)->finalize (object);
}

static gboolean
close_shortcut_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (widget));
  return TRUE;
}

/* Ctrl+Return merges from anywhere in the window, as the comment dialog
 * sends: only once every conflict is decided (the button says so). */
static gboolean
merge_shortcut_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  RptMergeWindow *self = RPT_MERGE_WINDOW (widget);

  if (gtk_widget_is_sensitive (GTK_WIDGET (self->merge_button)))
    gtk_widget_activate (GTK_WIDGET (self->merge_button));
  else
    gtk_widget_error_bell (widget);
  return TRUE;
}

static void
rpt_merge_window_class_init (RptMergeWindowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_merge_window_dispose;
  object_class->finalize = rpt_merge_window_finalize;
  GTK_WINDOW_CLASS (klass)->close_request = close_request;
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, close_shortcut_cb, NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Return, GDK_CONTROL_MASK, merge_shortcut_cb,
                                NULL);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_KP_Enter, GDK_CONTROL_MASK, merge_shortcut_cb,
                                NULL);
}

static void
rpt_merge_window_init (RptMergeWindow *self)
{
}
