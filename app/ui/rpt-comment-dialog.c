/* rpt-comment-dialog.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-comment-dialog"

#include <glib/gi18n.h>

#include "rpt-comment-dialog.h"

/**
 * RptCommentDialog:
 *
 * Writes a comment or a reply. It closes only once the comment is in the
 * file: should the write fail (a full disk, a read-only file), the text
 * stays in the box with the reason above it, and nothing typed is lost.
 * Ctrl+Return sends, Escape cancels; the focus goes back where it was.
 */
struct _RptCommentDialog
{
  AdwWindow parent_instance;

  RptLetterFile *document;
  RptComment *draft; /* what is sent, its text from the box */
  GCancellable *cancellable;
  gboolean sending;

  GtkTextView *text_view;
  GtkLabel *error_label;
  GtkButton *send_button;
};

G_DEFINE_FINAL_TYPE (RptCommentDialog, rpt_comment_dialog, ADW_TYPE_WINDOW)

enum
{
  SAVED,
  N_SIGNALS
};

static guint signals[N_SIGNALS];

static char *
dup_text (RptCommentDialog *self)
{
  GtkTextBuffer *buffer = gtk_text_view_get_buffer (self->text_view);
  GtkTextIter start, end;
  g_autofree char *text = NULL;

  gtk_text_buffer_get_bounds (buffer, &start, &end);
  text = gtk_text_buffer_get_text (buffer, &start, &end, FALSE);
  return g_strstrip (g_steal_pointer (&text));
}

static void
update_send (RptCommentDialog *self)
{
  g_autofree char *text = dup_text (self);

  gtk_widget_set_sensitive (GTK_WIDGET (self->send_button), !self->sending && text[0] != '\0');
}

static void
saved_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RptCommentDialog) self = user_data;
  g_autoptr (GError) error = NULL;

  self->sending = FALSE;
  if (!rpt_letter_file_comment_finish (RPT_LETTER_FILE (source), result, &error))
    {
      if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        return;
      gtk_label_set_text (self->error_label, error->message);
      gtk_widget_set_visible (GTK_WIDGET (self->error_label), TRUE);
      gtk_text_view_set_editable (self->text_view, TRUE);
      update_send (self);
      gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
      return;
    }
  g_signal_emit (self, signals[SAVED], 0);
  gtk_window_destroy (GTK_WINDOW (self));
}

/**
 * rpt_comment_dialog_send:
 *
 * Writes the comment with the box's text, as the Comment button does.
 */
void
rpt_comment_dialog_send (RptCommentDialog *self)
{
  g_autofree char *text = NULL;

  g_return_if_fail (RPT_IS_COMMENT_DIALOG (self));

  text = dup_text (self);
  if (self->sending || text[0] == '\0')
    return;
  self->sending = TRUE;
  gtk_text_view_set_editable (self->text_view, FALSE);
  update_send (self);
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  rpt_comment_set_text (self->draft, text);
  rpt_letter_file_save_comment_async (self->document, self->draft, self->cancellable, saved_cb,
                                      g_object_ref (self));
}

static void
send_clicked_cb (RptCommentDialog *self)
{
  rpt_comment_dialog_send (self);
}

static gboolean
send_shortcut_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  rpt_comment_dialog_send (RPT_COMMENT_DIALOG (widget));
  return TRUE;
}

static gboolean
cancel_shortcut_cb (GtkWidget *widget, GVariant *args, gpointer user_data)
{
  gtk_window_close (GTK_WINDOW (widget));
  return TRUE;
}

/**
 * rpt_comment_dialog_new:
 * @draft: the comment or reply to write, without its text yet
 * @heading: what the window says it does ("Comment on Fact 3")
 * @place: (nullable): what the comment is on, shown above the box: the
 *   words quoted, or the paragraph's beginning
 */
RptCommentDialog *
rpt_comment_dialog_new (GtkWindow *parent,
                        RptLetterFile *document,
                        RptComment *draft,
                        const char *heading,
                        const char *place)
{
  RptCommentDialog *self;
  GtkWidget *toolbar, *header, *title, *cancel, *box, *label, *scroller;

  g_return_val_if_fail (RPT_IS_LETTER_FILE (document), NULL);
  g_return_val_if_fail (RPT_IS_COMMENT (draft), NULL);

  self = g_object_new (RPT_TYPE_COMMENT_DIALOG, "modal", TRUE, "transient-for", parent,
                       "default-width", 480, "default-height", 320, "title", heading, NULL);
  self->document = g_object_ref (document);
  self->draft = g_object_ref (draft);

  toolbar = gtk_box_new (GTK_ORIENTATION_VERTICAL, 0);
  header = adw_header_bar_new ();
  adw_header_bar_set_show_end_title_buttons (ADW_HEADER_BAR (header), FALSE);
  adw_header_bar_set_show_start_title_buttons (ADW_HEADER_BAR (header), FALSE);
  title = adw_window_title_new (heading, NULL);
  adw_header_bar_set_title_widget (ADW_HEADER_BAR (header), title);
  cancel = gtk_button_new_with_mnemonic (_ ("_Cancel"));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (cancel), "window.close");
  adw_header_bar_pack_start (ADW_HEADER_BAR (header), cancel);
  self->send_button = GTK_BUTTON (gtk_button_new_with_mnemonic (
    rpt_comment_get_parent_id (draft) != NULL ? _ ("_Reply") : _ ("C_omment")));
  gtk_widget_add_css_class (GTK_WIDGET (self->send_button), "suggested-action");
  gtk_widget_set_tooltip_text (GTK_WIDGET (self->send_button), _ ("Send (Ctrl+Return)"));
  g_signal_connect_swapped (self->send_button, "clicked", G_CALLBACK (send_clicked_cb), self);
  adw_header_bar_pack_end (ADW_HEADER_BAR (header), GTK_WIDGET (self->send_button));
  gtk_box_append (GTK_BOX (toolbar), header);

  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  gtk_widget_set_margin_top (box, 12);
  gtk_widget_set_margin_bottom (box, 12);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  if (place != NULL && place[0] != '\0')
    {
      label = gtk_label_new (place);
      gtk_label_set_xalign (GTK_LABEL (label), 0);
      gtk_label_set_wrap (GTK_LABEL (label), TRUE);
      gtk_label_set_wrap_mode (GTK_LABEL (label), PANGO_WRAP_WORD_CHAR);
      gtk_label_set_lines (GTK_LABEL (label), 4);
      gtk_label_set_ellipsize (GTK_LABEL (label), PANGO_ELLIPSIZE_END);
      gtk_widget_add_css_class (label, "dim-label");
      gtk_box_append (GTK_BOX (box), label);
    }
  self->error_label = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (self->error_label, 0);
  gtk_label_set_wrap (self->error_label, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (self->error_label), "error");
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), FALSE);
  gtk_box_append (GTK_BOX (box), GTK_WIDGET (self->error_label));
  self->text_view = GTK_TEXT_VIEW (gtk_text_view_new ());
  gtk_text_view_set_wrap_mode (self->text_view, GTK_WRAP_WORD_CHAR);
  gtk_text_view_set_top_margin (self->text_view, 6);
  gtk_text_view_set_bottom_margin (self->text_view, 6);
  gtk_text_view_set_left_margin (self->text_view, 6);
  gtk_text_view_set_right_margin (self->text_view, 6);
  gtk_accessible_update_property (
    GTK_ACCESSIBLE (self->text_view), GTK_ACCESSIBLE_PROPERTY_LABEL,
    rpt_comment_get_parent_id (draft) != NULL ? _ ("Reply") : _ ("Comment"), -1);
  g_signal_connect_swapped (gtk_text_view_get_buffer (self->text_view), "changed",
                            G_CALLBACK (update_send), self);
  scroller = gtk_scrolled_window_new ();
  gtk_widget_set_vexpand (scroller, TRUE);
  gtk_widget_add_css_class (scroller, "card");
  gtk_scrolled_window_set_child (GTK_SCROLLED_WINDOW (scroller), GTK_WIDGET (self->text_view));
  gtk_box_append (GTK_BOX (box), scroller);
  gtk_box_append (GTK_BOX (toolbar), box);
  adw_window_set_content (ADW_WINDOW (self), toolbar);
  update_send (self);
  gtk_widget_grab_focus (GTK_WIDGET (self->text_view));
  return self;
}

/**
 * rpt_comment_dialog_get_buffer:
 *
 * Returns: (transfer none): the box the comment is typed in
 */
GtkTextBuffer *
rpt_comment_dialog_get_buffer (RptCommentDialog *self)
{
  g_return_val_if_fail (RPT_IS_COMMENT_DIALOG (self), NULL);
  return gtk_text_view_get_buffer (self->text_view);
}

static gboolean
close_request_cb (GtkWindow *window)
{
  RptCommentDialog *self = RPT_COMMENT_DIALOG (window);

  /* Closed while writing: the write ends, and the comment is in the file. */
  if (self->sending)
    return TRUE;
  return FALSE;
}

static void
rpt_comment_dialog_dispose (GObject *object)
{
  RptCommentDialog *self = RPT_COMMENT_DIALOG (object);

  g_clear_object (&self->document);
  g_clear_object (&self->draft);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (rpt_comment_dialog_parent_class)->dispose (object);
}

static void
rpt_comment_dialog_class_init (RptCommentDialogClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  GtkWindowClass *window_class = GTK_WINDOW_CLASS (klass);

  object_class->dispose = rpt_comment_dialog_dispose;
  window_class->close_request = close_request_cb;

  /**
   * RptCommentDialog::saved:
   *
   * The comment is in the file; the dialog closes.
   */
  signals[SAVED] = g_signal_new ("saved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST, 0, NULL,
                                 NULL, NULL, G_TYPE_NONE, 0);
  gtk_widget_class_add_binding (widget_class, GDK_KEY_Escape, 0, cancel_shortcut_cb, NULL);
}

static void
rpt_comment_dialog_init (RptCommentDialog *self)
{
  /* Before the text box, which would take Ctrl+Return for a new line. */
  GtkEventController *shortcuts = gtk_shortcut_controller_new ();

  gtk_event_controller_set_propagation_phase (shortcuts, GTK_PHASE_CAPTURE);
  gtk_shortcut_controller_add_shortcut (
    GTK_SHORTCUT_CONTROLLER (shortcuts),
    gtk_shortcut_new (
      gtk_alternative_trigger_new (gtk_keyval_trigger_new (GDK_KEY_Return, GDK_CONTROL_MASK),
                                   gtk_keyval_trigger_new (GDK_KEY_KP_Enter, GDK_CONTROL_MASK)),
      gtk_callback_action_new (send_shortcut_cb, NULL, NULL)));
  gtk_widget_add_controller (GTK_WIDGET (self), shortcuts);
  self->cancellable = g_cancellable_new ();
}
