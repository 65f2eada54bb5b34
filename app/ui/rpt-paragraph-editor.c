/* rpt-paragraph-editor.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-paragraph-editor"

#include <adwaita.h>
#include <glib/gi18n.h>

#include "rpt-core.h"
#include "rpt-item-list.h"
#include "rpt-paragraph-editor.h"
#include "rpt-section.h"
#include "rpt-shortcuts.h"
#include "rpt-text-markup.h"

/**
 * RptParagraphEditor:
 *
 * Paragraph text with bold and italic (Ctrl+B, Ctrl+I) and undo. Its
 * `markup` property is the text as the model's canonical inline markup:
 * bound both ways to a paragraph's `text`, each keystroke reaches the model
 * and a change in the model (a restored version) reaches the buffer.
 * Links, notes and treaty-status fields that came from the model are kept
 * exactly, though they cannot be made here.
 */
struct _RptParagraphEditor
{
  GtkWidget parent_instance;

  GtkTextView *view;
  GtkTextBuffer *buffer;
  char *markup;
  char *label; /* what assistive technologies call the text box */
  gboolean loading;
  gboolean in_insert;
  /* Undo keeps the paragraph as markup, step by step, so that undoing a
   * deletion brings back its bold and italic, and Ctrl+B is undone like
   * typing (GtkTextBuffer's own history keeps text only). */
  GPtrArray *undo; /* UndoStep, newest last */
  GPtrArray *redo;
  gboolean history_attached;
  gint64 last_step;
  int last_kind;
  int pending_kind;
  int cursor;
  /* Ctrl+B with nothing selected: what to type next in. */
  gboolean pending_bold;
  gboolean pending_italic;
  int pending_offset;
  guint reveal_tick;
  guint reveal_frames;
};

G_DEFINE_FINAL_TYPE (RptParagraphEditor, rpt_paragraph_editor, GTK_TYPE_WIDGET)

enum
{
  PROP_0,
  PROP_MARKUP,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

GtkWidget *
rpt_paragraph_editor_new (void)
{
  return g_object_new (RPT_TYPE_PARAGRAPH_EDITOR, NULL);
}

const char *
rpt_paragraph_editor_get_markup (RptParagraphEditor *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPH_EDITOR (self), NULL);
  return self->markup;
}

GtkTextView *
rpt_paragraph_editor_get_view (RptParagraphEditor *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPH_EDITOR (self), NULL);
  return self->view;
}

GtkTextBuffer *
rpt_paragraph_editor_get_buffer (RptParagraphEditor *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPH_EDITOR (self), NULL);
  return self->buffer;
}

static void
show_fields (RptParagraphEditor *self)
{
  GtkTextIter iter;

  /* A treaty-status field reads as what it will say. */
  gtk_text_buffer_get_start_iter (self->buffer, &iter);
  do
    {
      GtkTextChildAnchor *anchor = gtk_text_iter_get_child_anchor (&iter);
      if (anchor != NULL)
        {
          const char *instrument = g_object_get_data (G_OBJECT (anchor), RPT_TEXT_INSTRUMENT_KEY);
          /* Translators: a field in a paragraph, filled in from treaty data */
          g_autofree char *text = g_strdup_printf (_ ("[%s ratification]"), instrument);
          GtkWidget *label = gtk_label_new (text);
          gtk_widget_add_css_class (label, "treaty-field");
          gtk_widget_set_tooltip_text (label, _ ("Filled in from the treaty data in the letter"));
          gtk_text_view_add_child_at_anchor (self->view, label, anchor);
        }
    }
  while (gtk_text_iter_forward_char (&iter));
}

typedef struct
{
  char *markup;
  int cursor;
  gint64 time; /* of the last change the step undoes */
} UndoStep;

enum
{
  EDIT_TYPING,
  EDIT_DELETING,
  EDIT_FORMATTING,
};

/* Typing within this long of the last step joins it. */
#define UNDO_GROUP_USEC (G_USEC_PER_SEC)
#define UNDO_MAX_STEPS 500

static void
undo_step_free (UndoStep *step)
{
  g_free (step->markup);
  g_free (step);
}

static UndoStep *
undo_step_new (const char *markup, int cursor)
{
  UndoStep *step = g_new0 (UndoStep, 1);

  step->markup = g_strdup (markup);
  step->cursor = cursor;
  step->time = g_get_monotonic_time ();
  return step;
}

static void
load_markup (RptParagraphEditor *self, const char *markup)
{
  g_autoptr (GError) error = NULL;

  self->loading = TRUE;
  if (!rpt_text_buffer_set_markup (self->buffer, markup, &error))
    {
      g_autofree char *plain = rpt_markup_to_plain (markup);
      /* Not the parser's message: it may quote the letter's text, and
       * warnings go to the system journal. */
      g_warning ("A paragraph is not valid markup; it is shown as plain text");
      gtk_text_buffer_set_text (self->buffer, plain, -1);
    }
  self->loading = FALSE;
  show_fields (self);
}

void
rpt_paragraph_editor_set_markup (RptParagraphEditor *self, const char *markup)
{
  g_return_if_fail (RPT_IS_PARAGRAPH_EDITOR (self));

  if (markup == NULL)
    markup = "";
  if (g_strcmp0 (self->markup, markup) == 0)
    return;

  /* Text from the model (a restored version) is where undo starts, unless
   * the history belongs to the paragraph (rpt_paragraph_editor_attach_history):
   * its steps are whole states, still good to go back to. */
  load_markup (self, markup);
  if (!self->history_attached)
    {
      g_ptr_array_set_size (self->undo, 0);
      g_ptr_array_set_size (self->redo, 0);
    }
  self->last_step = 0;

  g_free (self->markup);
  self->markup = g_strdup (markup);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKUP]);
}

#define HISTORY_KEY "rpt-text-history"

typedef struct
{
  GPtrArray *undo;
  GPtrArray *redo;
} TextHistory;

static void
text_history_free (TextHistory *history)
{
  g_ptr_array_unref (history->undo);
  g_ptr_array_unref (history->redo);
  g_free (history);
}

/**
 * rpt_paragraph_editor_attach_history:
 * @owner: the paragraph (or other item) the editor shows
 * @property: (nullable): the property of @owner it edits, when @owner has
 *   more than one text ("reply-comment", "sentence"); %NULL for "text"
 *
 * Keeps the editor's undo history on @owner rather than in the editor:
 * rows are made and dropped as they scroll, the history of the text
 * stays with the text. Call it once the markup is bound.
 */
void
rpt_paragraph_editor_attach_history (RptParagraphEditor *self, GObject *owner, const char *property)
{
  g_autofree char *key = NULL;
  TextHistory *history;

  g_return_if_fail (RPT_IS_PARAGRAPH_EDITOR (self));
  g_return_if_fail (G_IS_OBJECT (owner));

  key = property != NULL ? g_strconcat (HISTORY_KEY, ":", property, NULL) : g_strdup (HISTORY_KEY);
  history = g_object_get_data (owner, key);
  if (history == NULL)
    {
      history = g_new0 (TextHistory, 1);
      history->undo = g_ptr_array_ref (self->undo);
      history->redo = g_ptr_array_ref (self->redo);
      g_object_set_data_full (owner, key, history, (GDestroyNotify) text_history_free);
    }
  else
    {
      g_ptr_array_unref (self->undo);
      g_ptr_array_unref (self->redo);
      self->undo = g_ptr_array_ref (history->undo);
      self->redo = g_ptr_array_ref (history->redo);
    }
  self->history_attached = TRUE;
}

/**
 * rpt_paragraph_editor_can_undo:
 *
 * Returns: whether the text has steps to undo (else Ctrl+Z undoes the
 *   letter's last change: RptUndoHistory)
 */
gboolean
rpt_paragraph_editor_can_undo (RptParagraphEditor *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPH_EDITOR (self), FALSE);
  return gtk_text_view_get_editable (self->view) && self->undo->len > 0;
}

/**
 * rpt_paragraph_editor_get_undo_time:
 *
 * Returns: the monotonic time of the change Ctrl+Z would undo here, 0 if
 *   none: Ctrl+Z undoes the newest change, here or in the letter
 */
gint64
rpt_paragraph_editor_get_undo_time (RptParagraphEditor *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPH_EDITOR (self), 0);
  if (!rpt_paragraph_editor_can_undo (self))
    return 0;
  return ((UndoStep *) g_ptr_array_index (self->undo, self->undo->len - 1))->time;
}

gboolean
rpt_paragraph_editor_can_redo (RptParagraphEditor *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPH_EDITOR (self), FALSE);
  return gtk_text_view_get_editable (self->view) && self->redo->len > 0;
}

void
rpt_paragraph_editor_set_label (RptParagraphEditor *self, const char *label)
{
  g_return_if_fail (RPT_IS_PARAGRAPH_EDITOR (self));
  g_free (self->label);
  self->label = g_strdup (label);
  gtk_accessible_update_property (GTK_ACCESSIBLE (self->view), GTK_ACCESSIBLE_PROPERTY_LABEL, label,
                                  -1);
}

/**
 * rpt_paragraph_editor_get_label:
 *
 * Returns: (nullable): the label given to assistive technologies
 *   (rpt_paragraph_editor_set_label()), for tests: GTK 4.8 reads
 *   accessible properties back only through its test backend
 */
const char *
rpt_paragraph_editor_get_label (RptParagraphEditor *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPH_EDITOR (self), NULL);
  return self->label;
}

void
rpt_paragraph_editor_set_editable (RptParagraphEditor *self, gboolean editable)
{
  g_return_if_fail (RPT_IS_PARAGRAPH_EDITOR (self));
  gtk_text_view_set_editable (self->view, editable);
  gtk_text_view_set_cursor_visible (self->view, editable);
}

int
rpt_paragraph_editor_get_cursor (RptParagraphEditor *self)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &iter, gtk_text_buffer_get_insert (self->buffer));
  return gtk_text_iter_get_offset (&iter);
}

void
rpt_paragraph_editor_set_cursor (RptParagraphEditor *self, int offset)
{
  GtkTextIter iter;

  gtk_text_buffer_get_iter_at_offset (self->buffer, &iter, offset);
  gtk_text_buffer_place_cursor (self->buffer, &iter);
}

/* Before a change reaches the model: keep the state before it, unless the
 * change continues the last one (typing on within a second). */
static void
record_step (RptParagraphEditor *self)
{
  gint64 now = g_get_monotonic_time ();
  int kind = self->pending_kind;

  self->pending_kind = EDIT_TYPING;
  g_ptr_array_set_size (self->redo, 0);
  if (kind != EDIT_FORMATTING && kind == self->last_kind && self->last_step != 0 &&
      now - self->last_step < UNDO_GROUP_USEC)
    {
      self->last_step = now;
      if (self->undo->len > 0)
        ((UndoStep *) g_ptr_array_index (self->undo, self->undo->len - 1))->time = now;
      return;
    }
  if (self->undo->len >= UNDO_MAX_STEPS)
    g_ptr_array_remove_index (self->undo, 0);
  g_ptr_array_add (self->undo, undo_step_new (self->markup, self->cursor));
  self->last_step = kind == EDIT_FORMATTING ? 0 : now;
  self->last_kind = kind;
}

static void
sync_to_model (RptParagraphEditor *self)
{
  g_autofree char *markup = NULL;

  if (self->loading || self->in_insert)
    return;
  markup = rpt_text_buffer_dup_markup (self->buffer);
  if (g_strcmp0 (markup, self->markup) == 0)
    return;
  record_step (self);
  g_free (self->markup);
  self->markup = g_steal_pointer (&markup);
  self->cursor = rpt_paragraph_editor_get_cursor (self);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKUP]);
}

static void
apply_step (RptParagraphEditor *self, GPtrArray *from, GPtrArray *to)
{
  UndoStep *step;

  if (from->len == 0)
    return;
  step = g_ptr_array_steal_index (from, from->len - 1);
  g_ptr_array_add (to, undo_step_new (self->markup, rpt_paragraph_editor_get_cursor (self)));
  load_markup (self, step->markup);
  g_free (self->markup);
  self->markup = g_strdup (step->markup);
  rpt_paragraph_editor_set_cursor (self, step->cursor);
  self->cursor = step->cursor;
  self->last_step = 0;
  undo_step_free (step);
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_MARKUP]);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

void
rpt_paragraph_editor_undo (RptParagraphEditor *self)
{
  g_return_if_fail (RPT_IS_PARAGRAPH_EDITOR (self));
  if (gtk_text_view_get_editable (self->view))
    apply_step (self, self->undo, self->redo);
}

void
rpt_paragraph_editor_redo (RptParagraphEditor *self)
{
  g_return_if_fail (RPT_IS_PARAGRAPH_EDITOR (self));
  if (gtk_text_view_get_editable (self->view))
    apply_step (self, self->redo, self->undo);
}

static void
undo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  rpt_paragraph_editor_undo (RPT_PARAGRAPH_EDITOR (widget));
}

static void
redo_action (GtkWidget *widget, const char *name, GVariant *param)
{
  rpt_paragraph_editor_redo (RPT_PARAGRAPH_EDITOR (widget));
}

/**
 * rpt_paragraph_editor_toggle_format:
 * @tag_name: RPT_TEXT_TAG_BOLD or RPT_TEXT_TAG_ITALIC
 *
 * Over a selection: removes the format if all of it has it, else applies
 * it. With no selection: what is typed next has the format, or not.
 */
void
rpt_paragraph_editor_toggle_format (RptParagraphEditor *self, const char *tag_name)
{
  GtkTextTag *tag;
  GtkTextIter start, end, iter;
  gboolean all = TRUE;

  g_return_if_fail (RPT_IS_PARAGRAPH_EDITOR (self));

  if (!gtk_text_view_get_editable (self->view))
    return;
  tag = gtk_text_tag_table_lookup (gtk_text_buffer_get_tag_table (self->buffer), tag_name);
  if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    {
      gboolean *pending =
        g_str_equal (tag_name, RPT_TEXT_TAG_BOLD) ? &self->pending_bold : &self->pending_italic;
      if (self->pending_offset != gtk_text_iter_get_offset (&start))
        {
          self->pending_bold = self->pending_italic = FALSE;
          self->pending_offset = gtk_text_iter_get_offset (&start);
        }
      *pending = !*pending;
      return;
    }
  for (iter = start; gtk_text_iter_compare (&iter, &end) < 0; gtk_text_iter_forward_char (&iter))
    if (!gtk_text_iter_has_tag (&iter, tag))
      {
        all = FALSE;
        break;
      }
  self->pending_kind = EDIT_FORMATTING;
  gtk_text_buffer_begin_user_action (self->buffer);
  if (all)
    gtk_text_buffer_remove_tag (self->buffer, tag, &start, &end);
  else
    gtk_text_buffer_apply_tag (self->buffer, tag, &start, &end);
  gtk_text_buffer_end_user_action (self->buffer);
  sync_to_model (self);
}

static void
bold_action (GtkWidget *widget, const char *name, GVariant *param)
{
  rpt_paragraph_editor_toggle_format (RPT_PARAGRAPH_EDITOR (widget), RPT_TEXT_TAG_BOLD);
}

static void
italic_action (GtkWidget *widget, const char *name, GVariant *param)
{
  rpt_paragraph_editor_toggle_format (RPT_PARAGRAPH_EDITOR (widget), RPT_TEXT_TAG_ITALIC);
}

/* --- links and footnotes ------------------------------------------- */

typedef struct
{
  RptParagraphEditor *editor;
  GtkEditable *entry;
  GtkTextMark *start;
  GtkTextMark *end;
  GtkTextTag *tag; /* the link or note edited, NULL for a new one */
} SpanEdit;

static void
span_edit_free (SpanEdit *edit)
{
  GtkTextBuffer *buffer = edit->editor->buffer;

  gtk_text_buffer_delete_mark (buffer, edit->start);
  gtk_text_buffer_delete_mark (buffer, edit->end);
  g_clear_object (&edit->tag);
  g_object_unref (edit->editor);
  g_free (edit);
}

static void
span_edit_closure_free (gpointer data, GClosure *closure)
{
  span_edit_free (data);
}

static gboolean
return_focus_cb (gpointer data)
{
  RptParagraphEditor *self = data;
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  /* From nothing: after a modal window GTK's record of where the focus is
   * can be stale. */
  if (root != NULL)
    {
      gtk_root_set_focus (root, NULL);
      gtk_widget_grab_focus (GTK_WIDGET (self->view));
      if (GTK_IS_WINDOW (root))
        gtk_window_set_focus_visible (GTK_WINDOW (root), TRUE);
    }
  g_object_unref (self);
  return G_SOURCE_REMOVE;
}

/**
 * rpt_link_clean_address:
 *
 * Returns: (nullable): @text as a link's address ("ohchr.org" becomes
 *   "https://ohchr.org"), or %NULL if it is not a web or mail address
 */
char *
rpt_link_clean_address (const char *text)
{
  g_autofree char *trimmed = g_strstrip (g_strdup (text != NULL ? text : ""));
  g_autofree char *full = NULL;
  const char *scheme;

  if (trimmed[0] == '\0' || strpbrk (trimmed, " \t\n<>\"") != NULL)
    return NULL;
  scheme = g_uri_peek_scheme (trimmed);
  if (scheme == NULL)
    full = g_strconcat (strchr (trimmed, '@') != NULL ? "mailto:" : "https://", trimmed, NULL);
  else if (g_str_equal (scheme, "http") || g_str_equal (scheme, "https") ||
           g_str_equal (scheme, "mailto"))
    full = g_steal_pointer (&trimmed);
  else
    return NULL;
  if (!g_uri_is_valid (full, G_URI_FLAGS_NONE, NULL))
    return NULL;
  return g_steal_pointer (&full);
}

static SpanEdit *
span_edit_new (RptParagraphEditor *self, const char *key)
{
  SpanEdit *edit = g_new0 (SpanEdit, 1);
  GtkTextIter start, end, caret;

  edit->editor = g_object_ref (self);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &caret,
                                    gtk_text_buffer_get_insert (self->buffer));
  edit->tag = rpt_text_buffer_find_span (self->buffer, key, &caret, &start, &end);
  if (edit->tag != NULL)
    g_object_ref (edit->tag);
  else if (!gtk_text_buffer_get_selection_bounds (self->buffer, &start, &end))
    start = end = caret;
  edit->start = gtk_text_buffer_create_mark (self->buffer, NULL, &start, TRUE);
  edit->end = gtk_text_buffer_create_mark (self->buffer, NULL, &end, FALSE);
  return edit;
}

static GtkWidget *
span_dialog_new (RptParagraphEditor *self,
                 SpanEdit *edit,
                 const char *heading,
                 const char *body,
                 const char *placeholder,
                 const char *text,
                 const char *apply,
                 const char *remove)
{
  GtkWidget *dialog =
    adw_message_dialog_new (GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))), heading, body);
  GtkWidget *entry = gtk_entry_new ();

  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), placeholder);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  placeholder, -1);
  gtk_editable_set_text (GTK_EDITABLE (entry), text != NULL ? text : "");
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), entry);
  edit->entry = GTK_EDITABLE (entry);
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Cancel"));
  if (edit->tag != NULL)
    {
      adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "remove", remove);
      adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "remove",
                                                  ADW_RESPONSE_DESTRUCTIVE);
    }
  adw_message_dialog_add_response (ADW_MESSAGE_DIALOG (dialog), "apply", apply);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "apply",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "apply");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  return dialog;
}

static void
link_response_cb (AdwMessageDialog *dialog, const char *response, SpanEdit *edit)
{
  RptParagraphEditor *self = edit->editor;
  GtkTextIter start, end;
  g_autofree char *href = NULL;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, edit->start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, edit->end);
  self->pending_kind = EDIT_FORMATTING;
  if (g_str_equal (response, "remove") && edit->tag != NULL)
    gtk_text_buffer_remove_tag (self->buffer, edit->tag, &start, &end);
  else if (g_str_equal (response, "apply"))
    {
      href = rpt_link_clean_address (gtk_editable_get_text (edit->entry));
      if (href == NULL)
        {
          g_autofree char *msg =
            g_strdup_printf (_ ("“%s” is not a web or mail address: the link was not made"),
                             gtk_editable_get_text (edit->entry));
          rpt_section_show_toast (GTK_WIDGET (self), msg);
        }
      else if (edit->tag != NULL)
        {
          /* The same link, another address: a formatting step. */
          g_object_set_data_full (G_OBJECT (edit->tag), RPT_TEXT_HREF_KEY, g_strdup (href), g_free);
          sync_to_model (self);
        }
      else
        {
          GtkTextTag *tag = rpt_text_buffer_new_link_tag (self->buffer, href);

          /* One step for the whole edit: the model hears of it once. */
          self->loading = TRUE;
          /* No text chosen: the address is the link's text. */
          if (gtk_text_iter_equal (&start, &end))
            {
              int offset = gtk_text_iter_get_offset (&start);
              gtk_text_buffer_insert (self->buffer, &start, href, -1);
              gtk_text_buffer_get_iter_at_offset (self->buffer, &start, offset);
              gtk_text_buffer_get_iter_at_mark (self->buffer, &end, edit->end);
            }
          gtk_text_buffer_apply_tag (self->buffer, tag, &start, &end);
          self->loading = FALSE;
          self->pending_kind = EDIT_FORMATTING;
          sync_to_model (self);
        }
    }
  self->pending_kind = EDIT_TYPING;
  g_idle_add (return_focus_cb, g_object_ref (self));
}

/**
 * rpt_paragraph_editor_edit_link:
 *
 * Makes the text chosen a link, or changes or removes the link at the
 * caret, asking for its address.
 */
void
rpt_paragraph_editor_edit_link (RptParagraphEditor *self)
{
  SpanEdit *edit;
  GtkWidget *dialog;
  const char *href;

  g_return_if_fail (RPT_IS_PARAGRAPH_EDITOR (self));

  if (!gtk_text_view_get_editable (self->view))
    return;
  edit = span_edit_new (self, RPT_TEXT_HREF_KEY);
  href = edit->tag != NULL ? g_object_get_data (G_OBJECT (edit->tag), RPT_TEXT_HREF_KEY) : NULL;
  dialog = span_dialog_new (self, edit, edit->tag != NULL ? _ ("Edit Link") : _ ("Add Link"),
                            _ ("The address the text links to: a web page, or an e-mail address."),
                            _ ("Address, e.g. https://www.ohchr.org"), href,
                            edit->tag != NULL ? _ ("_Change") : _ ("_Add"), _ ("_Remove Link"));
  g_signal_connect_data (dialog, "response", G_CALLBACK (link_response_cb), edit,
                         span_edit_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
footnote_response_cb (AdwMessageDialog *dialog, const char *response, SpanEdit *edit)
{
  RptParagraphEditor *self = edit->editor;
  guint removed = 0;
  g_autofree char *clean =
    rpt_text_sanitize (gtk_editable_get_text (edit->entry), -1, FALSE, &removed);
  g_autofree char *text = g_strstrip (g_strdup (clean));
  GtkTextIter start, end;

  gtk_text_buffer_get_iter_at_mark (self->buffer, &start, edit->start);
  gtk_text_buffer_get_iter_at_mark (self->buffer, &end, edit->end);
  if (g_str_equal (response, "remove") && edit->tag != NULL)
    gtk_text_buffer_delete_interactive (self->buffer, &start, &end, TRUE);
  else if (g_str_equal (response, "apply") && text[0] != '\0')
    {
      GtkTextTag *tag = edit->tag;
      int offset;

      /* One step for the whole edit: the model hears of it once. */
      self->loading = TRUE;
      if (tag != NULL)
        gtk_text_buffer_delete (self->buffer, &start, &end);
      else
        {
          /* A new note goes after the text chosen, at its end. */
          start = end;
          tag = rpt_text_buffer_new_note_tag (self->buffer);
        }
      offset = gtk_text_iter_get_offset (&start);
      gtk_text_buffer_insert (self->buffer, &start, text, -1);
      gtk_text_buffer_get_iter_at_offset (self->buffer, &end, offset + g_utf8_strlen (text, -1));
      gtk_text_buffer_get_iter_at_offset (self->buffer, &start, offset);
      gtk_text_buffer_apply_tag (self->buffer, tag, &start, &end);
      gtk_text_buffer_place_cursor (self->buffer, &end);
      self->loading = FALSE;
      self->pending_kind = EDIT_FORMATTING;
      sync_to_model (self);
    }
  else if (g_str_equal (response, "apply"))
    rpt_section_show_toast (GTK_WIDGET (self), _ ("A footnote needs some text: none was added"));
  g_idle_add (return_focus_cb, g_object_ref (self));
}

/**
 * rpt_paragraph_editor_edit_footnote:
 *
 * Adds a footnote at the caret (after the text chosen), or changes or
 * removes the footnote at the caret, asking for its text.
 */
void
rpt_paragraph_editor_edit_footnote (RptParagraphEditor *self)
{
  g_autofree char *text = NULL;
  SpanEdit *edit;
  GtkWidget *dialog;

  g_return_if_fail (RPT_IS_PARAGRAPH_EDITOR (self));

  if (!gtk_text_view_get_editable (self->view))
    return;
  edit = span_edit_new (self, RPT_TEXT_NOTE_KEY);
  if (edit->tag != NULL)
    {
      GtkTextIter start, end;
      gtk_text_buffer_get_iter_at_mark (self->buffer, &start, edit->start);
      gtk_text_buffer_get_iter_at_mark (self->buffer, &end, edit->end);
      text = gtk_text_buffer_get_text (self->buffer, &start, &end, FALSE);
    }
  dialog =
    span_dialog_new (self, edit, edit->tag != NULL ? _ ("Edit Footnote") : _ ("Add Footnote"),
                     _ ("The note's text, printed at the foot of the page; its number "
                        "goes where the caret is."),
                     _ ("Text of the footnote"), text,
                     edit->tag != NULL ? _ ("_Change") : _ ("_Add"), _ ("_Remove Footnote"));
  g_signal_connect_data (dialog, "response", G_CALLBACK (footnote_response_cb), edit,
                         span_edit_closure_free, 0);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
link_action (GtkWidget *widget, const char *name, GVariant *param)
{
  rpt_paragraph_editor_edit_link (RPT_PARAGRAPH_EDITOR (widget));
}

static void
footnote_action (GtkWidget *widget, const char *name, GVariant *param)
{
  rpt_paragraph_editor_edit_footnote (RPT_PARAGRAPH_EDITOR (widget));
}

static void
insert_text_cb (GtkTextBuffer *buffer,
                GtkTextIter *location,
                char *text,
                int len,
                RptParagraphEditor *self)
{
  g_autofree char *clean = NULL;
  guint removed = 0;

  if (self->loading)
    return;
  if (rpt_text_is_clean (text, FALSE))
    {
      /* One sync to the model when the insertion is complete, formatted. */
      self->in_insert = TRUE;
      return;
    }
  /* Control characters from a paste: XML cannot hold them, so they never
   * reach the model; say so rather than change the text silently. */
  g_signal_stop_emission_by_name (buffer, "insert-text");
  clean = rpt_text_sanitize (text, len, FALSE, &removed);
  gtk_text_buffer_insert (buffer, location, clean, -1);
  if (removed > 0)
    {
      g_autofree char *msg = g_strdup_printf (
        g_dngettext (NULL, "%u control character was removed from the pasted text",
                     "%u control characters were removed from the pasted text", removed),
        removed);
      rpt_section_show_toast (GTK_WIDGET (self), msg);
    }
}

static void
insert_text_after_cb (GtkTextBuffer *buffer,
                      GtkTextIter *location,
                      char *text,
                      int len,
                      RptParagraphEditor *self)
{
  GtkTextTagTable *table = gtk_text_buffer_get_tag_table (buffer);
  GtkTextIter start = *location;
  GtkTextIter before;
  const char *names[] = { RPT_TEXT_TAG_BOLD, RPT_TEXT_TAG_ITALIC };
  gboolean pending[] = { self->pending_bold, self->pending_italic };
  glong n_chars;

  if (self->loading || !self->in_insert)
    return;
  n_chars = g_utf8_strlen (text, len);
  gtk_text_iter_backward_chars (&start, n_chars);
  before = start;
  /* Typing goes on in the format of the character before, as in a word
   * processor; Ctrl+B or Ctrl+I with no selection flips that. */
  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      GtkTextTag *tag = gtk_text_tag_table_lookup (table, names[i]);
      gboolean on = FALSE;

      before = start;
      if (gtk_text_iter_backward_char (&before))
        on = gtk_text_iter_has_tag (&before, tag);
      if (self->pending_offset == gtk_text_iter_get_offset (&start) && pending[i])
        on = !on;
      if (on)
        gtk_text_buffer_apply_tag (buffer, tag, &start, location);
      else
        gtk_text_buffer_remove_tag (buffer, tag, &start, location);
    }
  /* From here on the character before carries the choice. */
  self->pending_bold = self->pending_italic = FALSE;
  self->pending_offset = -1;
  self->in_insert = FALSE;
  sync_to_model (self);
}

static void
delete_range_cb (GtkTextBuffer *buffer,
                 GtkTextIter *start,
                 GtkTextIter *end,
                 RptParagraphEditor *self)
{
  if (!self->loading)
    self->pending_kind = EDIT_DELETING;
}

/* The caret stays in view as the drafter types or moves it: the window
 * scrolls (the text box itself never does; it is as tall as its text).
 * Measured a frame after the change, once the text box has its new
 * height. */
static gboolean
reveal_tick_cb (GtkWidget *widget, GdkFrameClock *clock, gpointer user_data)
{
  RptParagraphEditor *self = RPT_PARAGRAPH_EDITOR (widget);
  GdkRectangle strong;
  int x, y;

  if (++self->reveal_frames < 2)
    return G_SOURCE_CONTINUE;
  self->reveal_tick = 0;
  if (!gtk_widget_has_focus (GTK_WIDGET (self->view)))
    return G_SOURCE_REMOVE;
  gtk_text_view_get_cursor_locations (self->view, NULL, &strong, NULL);
  gtk_text_view_buffer_to_window_coords (self->view, GTK_TEXT_WINDOW_WIDGET, strong.x, strong.y, &x,
                                         &y);
  rpt_scroll_reveal (GTK_WIDGET (self->view),
                     &GRAPHENE_RECT_INIT (x, y, 1, MAX (strong.height, 1)));
  return G_SOURCE_REMOVE;
}

static void
queue_reveal (RptParagraphEditor *self)
{
  self->reveal_frames = 0;
  if (self->reveal_tick == 0 && !self->loading && gtk_widget_get_mapped (GTK_WIDGET (self)))
    self->reveal_tick =
      gtk_widget_add_tick_callback (GTK_WIDGET (self), reveal_tick_cb, NULL, NULL);
}

static void
mark_set_cb (GtkTextBuffer *buffer,
             GtkTextIter *location,
             GtkTextMark *mark,
             RptParagraphEditor *self)
{
  if (mark == gtk_text_buffer_get_insert (buffer))
    queue_reveal (self);
}

static void
buffer_changed_cb (RptParagraphEditor *self)
{
  queue_reveal (self);
  sync_to_model (self);
  gtk_widget_queue_resize (GTK_WIDGET (self));
}

static void
focus_enter_cb (RptParagraphEditor *self)
{
  queue_reveal (self);
}

static void
focus_leave_cb (RptParagraphEditor *self)
{
  self->pending_bold = self->pending_italic = FALSE;
}

static void
rpt_paragraph_editor_dispose (GObject *object)
{
  RptParagraphEditor *self = RPT_PARAGRAPH_EDITOR (object);

  if (self->reveal_tick != 0)
    gtk_widget_remove_tick_callback (GTK_WIDGET (self), self->reveal_tick);
  self->reveal_tick = 0;
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_PARAGRAPH_EDITOR);
  {
    GtkWidget *child;
    while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
      gtk_widget_unparent (child);
  }
  G_OBJECT_CLASS (rpt_paragraph_editor_parent_class)->dispose (object);
}

static void
rpt_paragraph_editor_finalize (GObject *object)
{
  RptParagraphEditor *self = RPT_PARAGRAPH_EDITOR (object);

  g_free (self->markup);
  g_free (self->label);
  g_ptr_array_unref (self->undo);
  g_ptr_array_unref (self->redo);
  G_OBJECT_CLASS (rpt_paragraph_editor_parent_class)->finalize (object);
}

static void
rpt_paragraph_editor_get_property (GObject *object, guint prop_id, GValue *value, GParamSpec *pspec)
{
  RptParagraphEditor *self = RPT_PARAGRAPH_EDITOR (object);

  switch (prop_id)
    {
    case PROP_MARKUP:
      g_value_set_string (value, self->markup);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_paragraph_editor_set_property (GObject *object,
                                   guint prop_id,
                                   const GValue *value,
                                   GParamSpec *pspec)
{
  RptParagraphEditor *self = RPT_PARAGRAPH_EDITOR (object);

  switch (prop_id)
    {
    case PROP_MARKUP:
      rpt_paragraph_editor_set_markup (self, g_value_get_string (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

/* GtkTextView in GTK 4.8 reports the height of the lines it has laid out
 * so far, at the width it had before; outside a scrolled window that can
 * leave a paragraph showing two lines of ten. The editor asks Pango for the
 * height the text needs at the width it is offered instead. */
static int
text_height_for_width (RptParagraphEditor *self, int width)
{
  GtkTextView *view = self->view;
  GtkTextIter start, end;
  g_autofree char *text = NULL;
  g_autoptr (PangoLayout) layout = NULL;
  int inner, height;

  gtk_text_buffer_get_bounds (self->buffer, &start, &end);
  text = gtk_text_buffer_get_slice (self->buffer, &start, &end, TRUE);
  /* A field is shown as a short label; a trailing newline still takes a line. */
  layout = gtk_widget_create_pango_layout (GTK_WIDGET (view), text[0] != '\0' ? text : " ");
  inner = width - gtk_text_view_get_left_margin (view) - gtk_text_view_get_right_margin (view);
  pango_layout_set_width (layout, MAX (inner, 1) * PANGO_SCALE);
  pango_layout_set_wrap (layout, PANGO_WRAP_WORD_CHAR);
  pango_layout_set_spacing (layout, gtk_text_view_get_pixels_inside_wrap (view) * PANGO_SCALE);
  pango_layout_get_pixel_size (layout, NULL, &height);
  if (g_str_has_suffix (text, "\n"))
    height += height / MAX (pango_layout_get_line_count (layout), 1);
  return height + gtk_text_view_get_top_margin (view) + gtk_text_view_get_bottom_margin (view) +
         2 * pango_layout_get_line_count (layout);
}

static void
rpt_paragraph_editor_measure (GtkWidget *widget,
                              GtkOrientation orientation,
                              int for_size,
                              int *minimum,
                              int *natural,
                              int *minimum_baseline,
                              int *natural_baseline)
{
  RptParagraphEditor *self = RPT_PARAGRAPH_EDITOR (widget);

  gtk_widget_measure (GTK_WIDGET (self->view), orientation, for_size, minimum, natural, NULL, NULL);
  if (orientation == GTK_ORIENTATION_VERTICAL && for_size > 0)
    {
      int needed = text_height_for_width (self, for_size);
      *minimum = MAX (*minimum, needed);
      *natural = MAX (*natural, needed);
    }
}

static GtkSizeRequestMode
rpt_paragraph_editor_get_request_mode (GtkWidget *widget)
{
  return GTK_SIZE_REQUEST_HEIGHT_FOR_WIDTH;
}

static void
rpt_paragraph_editor_size_allocate (GtkWidget *widget, int width, int height, int baseline)
{
  gtk_widget_allocate (GTK_WIDGET (RPT_PARAGRAPH_EDITOR (widget)->view), width, height, baseline,
                       NULL);
}

static gboolean
rpt_paragraph_editor_grab_focus (GtkWidget *widget)
{
  return gtk_widget_grab_focus (GTK_WIDGET (RPT_PARAGRAPH_EDITOR (widget)->view));
}

/* Into the text box and, from it, out: GTK's own traversal of a widget
 * whose grab_focus gives the focus to a child would give it back to the
 * child on Shift+Tab, and the focus could not leave backwards. */
static gboolean
rpt_paragraph_editor_focus (GtkWidget *widget, GtkDirectionType direction)
{
  return gtk_widget_child_focus (GTK_WIDGET (RPT_PARAGRAPH_EDITOR (widget)->view), direction);
}

static void
rpt_paragraph_editor_class_init (RptParagraphEditorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_paragraph_editor_dispose;
  object_class->finalize = rpt_paragraph_editor_finalize;
  object_class->get_property = rpt_paragraph_editor_get_property;
  object_class->set_property = rpt_paragraph_editor_set_property;
  widget_class->grab_focus = rpt_paragraph_editor_grab_focus;
  widget_class->focus = rpt_paragraph_editor_focus;
  widget_class->measure = rpt_paragraph_editor_measure;
  widget_class->get_request_mode = rpt_paragraph_editor_get_request_mode;
  widget_class->size_allocate = rpt_paragraph_editor_size_allocate;

  properties[PROP_MARKUP] = g_param_spec_string (
    "markup", NULL, NULL, "", G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS | G_PARAM_EXPLICIT_NOTIFY);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-paragraph-editor.ui");
  gtk_widget_class_bind_template_child (widget_class, RptParagraphEditor, view);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphEditor, buffer);
  gtk_widget_class_bind_template_callback (widget_class, focus_enter_cb);
  gtk_widget_class_bind_template_callback (widget_class, focus_leave_cb);
  gtk_widget_class_set_css_name (widget_class, "paragrapheditor");

  gtk_widget_class_install_action (widget_class, "editor.bold", NULL, bold_action);
  gtk_widget_class_install_action (widget_class, "editor.italic", NULL, italic_action);
  gtk_widget_class_install_action (widget_class, "editor.link", NULL, link_action);
  gtk_widget_class_install_action (widget_class, "editor.footnote", NULL, footnote_action);
  gtk_widget_class_install_action (widget_class, "editor.undo", NULL, undo_action);
  gtk_widget_class_install_action (widget_class, "editor.redo", NULL, redo_action);
}

static void
rpt_paragraph_editor_init (RptParagraphEditor *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  self->markup = g_strdup ("");
  self->pending_offset = -1;
  self->undo = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_step_free);
  self->redo = g_ptr_array_new_with_free_func ((GDestroyNotify) undo_step_free);
  g_signal_connect (self->buffer, "delete-range", G_CALLBACK (delete_range_cb), self);
  g_signal_connect (self->buffer, "mark-set", G_CALLBACK (mark_set_cb), self);
  /* Ahead of the text view's own keys, so that Ctrl+Z is ours. */
  gtk_widget_add_controller (GTK_WIDGET (self),
                             GTK_EVENT_CONTROLLER (rpt_shortcuts_new_controller ("editor.")));
  rpt_text_buffer_prepare (self->buffer);
  g_signal_connect (self->buffer, "insert-text", G_CALLBACK (insert_text_cb), self);
  g_signal_connect_after (self->buffer, "insert-text", G_CALLBACK (insert_text_after_cb), self);
  g_signal_connect_swapped (self->buffer, "changed", G_CALLBACK (buffer_changed_cb), self);
  /* Formatting changes, from Ctrl+B or from undo, are changes too. */
  g_signal_connect_object (self->buffer, "apply-tag", G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
  g_signal_connect_object (self->buffer, "remove-tag", G_CALLBACK (buffer_changed_cb), self,
                           G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}
