/* rpt-comments-section.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-comments-section"

#include <glib/gi18n.h>

#include "rpt-comments-section.h"

/**
 * RptCommentsSection:
 *
 * The document's comments, each thread followed by its replies, oldest
 * first; resolved threads hidden unless asked for. Each comment says where
 * it is ("Fact 3", and the words it is on) and offers to go there, to
 * reply, to resolve or reopen its thread, and to remove it. The list makes
 * rows for what is on screen only (GtkListView): a letter may gather
 * thousands of comments over its reviews.
 *
 * The changes themselves are the window's actions (win.reply-comment,
 * win.resolve-comment, win.delete-comment, win.goto-comment), which write
 * to the file first: the list shows what the file has.
 */
struct _RptCommentsSection
{
  RptSection parent_instance;

  RptLetterFile *document;
  GListModel *comments; /* the document's, in its order */
  GListStore *shown;    /* threads in order, filtered */
  guint n_open;
  guint n_resolved;

  GtkLabel *count_label;
  GtkLabel *error_label;
  GtkCheckButton *show_resolved;
  GtkListView *list;
};

G_DEFINE_FINAL_TYPE (RptCommentsSection, rpt_comments_section, RPT_TYPE_SECTION)

/**
 * rpt_comments_section_dup_place:
 *
 * Returns: (transfer full): where @comment is, for people: "Fact 3", "the
 *   letter", "a paragraph no longer in the letter"
 */
char *
rpt_comments_section_dup_place (RptLetter *letter, RptComment *comment)
{
  const char *item = rpt_comment_get_item_id (comment);
  char *label;

  if (item == NULL)
    /* Translators: where a comment is, within "Comment on %s" and
     * "…, on %s": lower case */
    return g_strdup (_ ("the letter"));
  if (letter != NULL && (label = rpt_letter_dup_item_label (letter, item)) != NULL)
    return label;
  /* Translators: where a comment is, within "…, on %s": lower case */
  return g_strdup (_ ("a paragraph no longer in the letter"));
}

/* Threads, oldest first, each followed by its replies; a reply whose
 * comment is gone stands as a thread of its own. */
static void
rebuild (RptCommentsSection *self)
{
  g_autoptr (GHashTable) ids = g_hash_table_new (g_str_hash, g_str_equal);
  g_autoptr (GHashTable) replies =
    g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_ptr_array_unref);
  g_autoptr (GPtrArray) order = g_ptr_array_new_with_free_func (g_object_unref);
  gboolean with_resolved = gtk_check_button_get_active (self->show_resolved);
  guint n = self->comments != NULL ? g_list_model_get_n_items (self->comments) : 0;
  g_autofree char *count = NULL;

  self->n_open = self->n_resolved = 0;
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RptComment) c = g_list_model_get_item (self->comments, i);
      g_hash_table_add (ids, (gpointer) rpt_comment_get_id (c));
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RptComment) c = g_list_model_get_item (self->comments, i);
      const char *parent = rpt_comment_get_parent_id (c);
      GPtrArray *list;

      if (parent == NULL || !g_hash_table_contains (ids, parent))
        continue;
      list = g_hash_table_lookup (replies, parent);
      if (list == NULL)
        g_hash_table_insert (replies, (gpointer) parent, list = g_ptr_array_new ());
      g_ptr_array_add (list, c); /* the document's list holds it */
    }
  for (guint i = 0; i < n; i++)
    {
      g_autoptr (RptComment) c = g_list_model_get_item (self->comments, i);
      const char *parent = rpt_comment_get_parent_id (c);
      GPtrArray *list;

      if (parent != NULL && g_hash_table_contains (ids, parent))
        continue;
      if (rpt_comment_get_resolved (c))
        self->n_resolved++;
      else
        self->n_open++;
      if (rpt_comment_get_resolved (c) && !with_resolved)
        continue;
      g_ptr_array_add (order, g_object_ref (c));
      list = g_hash_table_lookup (replies, rpt_comment_get_id (c));
      for (guint j = 0; list != NULL && j < list->len; j++)
        g_ptr_array_add (order, g_object_ref (g_ptr_array_index (list, j)));
    }
  g_list_store_splice (self->shown, 0, g_list_model_get_n_items (G_LIST_MODEL (self->shown)),
                       order->pdata, order->len);

  if (self->n_open == 0 && self->n_resolved == 0)
    count = g_strdup (_ ("No comments yet"));
  else if (self->n_resolved == 0)
    count = g_strdup_printf (
      g_dngettext (NULL, "%u open comment", "%u open comments", self->n_open), self->n_open);
  else
    {
      /* Each number agrees with its own words: gettext picks a plural
       * form from one number only. */
      g_autofree char *open = g_strdup_printf (
        g_dngettext (NULL, "%u open comment", "%u open comments", self->n_open), self->n_open);
      g_autofree char *resolved = g_strdup_printf (
        /* Translators: comments that are resolved, after "3 open comments, " */
        g_dngettext (NULL, "%u resolved", "%u resolved", self->n_resolved), self->n_resolved);

      /* Translators: "3 open comments" and "2 resolved" */
      count = g_strdup_printf (_ ("%s, %s"), open, resolved);
    }
  gtk_label_set_text (self->count_label, count);
}

static void
comments_changed_cb (RptCommentsSection *self)
{
  rebuild (self);
}

/* --- rows ------------------------------------------------------------ */

typedef struct
{
  GtkWidget *box;
  GtkLabel *heading;
  GtkLabel *quote;
  GtkLabel *text;
  GtkButton *go_to;
  GtkButton *reply;
  GtkButton *resolve;
  GtkButton *remove;
} Row;

static GtkWidget *
row_button (const char *label, const char *action)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  /* The action is set with its target, once the row shows a comment. */
  g_object_set_data (G_OBJECT (button), "action", (gpointer) action);
  gtk_widget_add_css_class (button, "flat");
  return button;
}

static void
setup_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RptCommentsSection *self)
{
  Row *row = g_new0 (Row, 1);
  GtkWidget *buttons;

  row->box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 4);
  gtk_widget_add_css_class (row->box, "card");
  gtk_widget_add_css_class (row->box, "rpt-comment");
  gtk_widget_set_margin_top (row->box, 6);
  gtk_widget_set_margin_bottom (row->box, 0);
  row->heading = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->heading, 0);
  gtk_label_set_wrap (row->heading, TRUE);
  gtk_widget_add_css_class (GTK_WIDGET (row->heading), "heading");
  row->quote = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->quote, 0);
  gtk_label_set_wrap (row->quote, TRUE);
  gtk_label_set_wrap_mode (row->quote, PANGO_WRAP_WORD_CHAR);
  gtk_widget_add_css_class (GTK_WIDGET (row->quote), "dim-label");
  row->text = GTK_LABEL (gtk_label_new (NULL));
  gtk_label_set_xalign (row->text, 0);
  gtk_label_set_wrap (row->text, TRUE);
  gtk_label_set_wrap_mode (row->text, PANGO_WRAP_WORD_CHAR);
  gtk_label_set_selectable (row->text, TRUE);
  buttons = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 6);
  row->go_to = GTK_BUTTON (row_button (_ ("_Go To"), "win.goto-comment"));
  row->reply = GTK_BUTTON (row_button (_ ("_Reply…"), "win.reply-comment"));
  row->resolve = GTK_BUTTON (row_button (NULL, "win.resolve-comment"));
  gtk_button_set_use_underline (row->resolve, TRUE);
  row->remove = GTK_BUTTON (row_button (_ ("Re_move"), "win.delete-comment"));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (row->go_to));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (row->reply));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (row->resolve));
  gtk_box_append (GTK_BOX (buttons), GTK_WIDGET (row->remove));
  gtk_widget_set_margin_start (GTK_WIDGET (row->heading), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (row->heading), 12);
  gtk_widget_set_margin_top (GTK_WIDGET (row->heading), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (row->quote), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (row->quote), 12);
  gtk_widget_set_margin_start (GTK_WIDGET (row->text), 12);
  gtk_widget_set_margin_end (GTK_WIDGET (row->text), 12);
  gtk_widget_set_margin_start (buttons, 6);
  gtk_widget_set_margin_bottom (buttons, 6);
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->heading));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->quote));
  gtk_box_append (GTK_BOX (row->box), GTK_WIDGET (row->text));
  gtk_box_append (GTK_BOX (row->box), buttons);
  g_object_set_data_full (G_OBJECT (item), "row", row, g_free);
  gtk_list_item_set_child (item, row->box);
}

static void
set_target (GtkButton *button, const char *id, const char *a11y)
{
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_string (id));
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button),
                                  g_object_get_data (G_OBJECT (button), "action"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
}

static void
bind_cb (GtkSignalListItemFactory *factory, GtkListItem *item, RptCommentsSection *self)
{
  Row *row = g_object_get_data (G_OBJECT (item), "row");
  RptComment *comment = gtk_list_item_get_item (item);
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  gboolean reply =
    rpt_comment_get_parent_id (comment) != NULL && self->document != NULL &&
    rpt_letter_file_find_comment (self->document, rpt_comment_get_parent_id (comment)) != NULL;
  gboolean writable = rpt_section_get_writable (RPT_SECTION (self));
  g_autoptr (GDateTime) local = g_date_time_to_local (rpt_comment_get_created (comment));
  g_autofree char *when = g_date_time_format (local, "%x %H:%M");
  g_autofree char *place = rpt_comments_section_dup_place (letter, comment);
  g_autofree char *heading = NULL;
  g_autofree char *quote = NULL;
  g_autofree char *a11y = NULL;
  const char *id = rpt_comment_get_id (comment);
  const char *author = rpt_comment_get_author (comment);

  if (author == NULL || author[0] == '\0')
    author = _ ("Unknown author");
  if (reply)
    /* Translators: a reply's heading: who, when */
    heading = g_strdup_printf (_ ("%s replied, %s"), author, when);
  else if (rpt_comment_get_resolved (comment))
    /* Translators: a comment's heading: who, when, where; resolved */
    heading = g_strdup_printf (_ ("%s, %s, on %s (resolved)"), author, when, place);
  else
    /* Translators: a comment's heading: who, when, where */
    heading = g_strdup_printf (_ ("%s, %s, on %s"), author, when, place);
  gtk_label_set_text (row->heading, heading);
  if (rpt_comment_get_quote (comment) != NULL && !reply)
    /* Translators: the words a comment is on */
    quote = g_strdup_printf (_ ("“%s”"), rpt_comment_get_quote (comment));
  gtk_label_set_text (row->quote, quote != NULL ? quote : "");
  gtk_widget_set_visible (GTK_WIDGET (row->quote), quote != NULL);
  gtk_label_set_text (row->text, rpt_comment_get_text (comment));
  gtk_widget_set_margin_start (row->box, reply ? 36 : 0);
  gtk_widget_set_opacity (row->box, rpt_comment_get_resolved (comment) ? 0.7 : 1.0);

  /* Replies share their thread's place and state. */
  gtk_widget_set_visible (GTK_WIDGET (row->go_to),
                          !reply && rpt_comment_get_item_id (comment) != NULL);
  gtk_widget_set_visible (GTK_WIDGET (row->reply), !reply && writable);
  gtk_widget_set_visible (GTK_WIDGET (row->resolve), !reply && writable);
  gtk_widget_set_visible (GTK_WIDGET (row->remove), writable);
  gtk_button_set_label (row->resolve,
                        rpt_comment_get_resolved (comment) ? _ ("Re_open") : _ ("Re_solve"));
  a11y = g_strdup_printf (_ ("Go to %s"), place);
  set_target (row->go_to, id, a11y);
  g_free (a11y);
  a11y = g_strdup_printf (_ ("Reply to %s"), author);
  set_target (row->reply, id, a11y);
  g_free (a11y);
  a11y = g_strdup_printf (rpt_comment_get_resolved (comment) ? _ ("Reopen the comment by %s")
                                                             : _ ("Resolve the comment by %s"),
                          author);
  set_target (row->resolve, id, a11y);
  g_free (a11y);
  a11y = g_strdup_printf (
    reply ? _ ("Remove the reply by %s") : _ ("Remove the comment by %s and its replies"), author);
  set_target (row->remove, id, a11y);
  gtk_accessible_update_property (GTK_ACCESSIBLE (row->box), GTK_ACCESSIBLE_PROPERTY_LABEL, heading,
                                  -1);
}

static void
row_activated_cb (RptCommentsSection *self, guint position)
{
  g_autoptr (RptComment) c = g_list_model_get_item (G_LIST_MODEL (self->shown), position);

  if (c != NULL)
    gtk_widget_activate_action (GTK_WIDGET (self), "win.goto-comment", "s", rpt_comment_get_id (c));
}

/* --- the section ----------------------------------------------------- */

void
rpt_comments_section_set_document (RptCommentsSection *self, RptLetterFile *document)
{
  const GError *error;

  g_return_if_fail (RPT_IS_COMMENTS_SECTION (self));

  if (self->comments != NULL)
    g_signal_handlers_disconnect_by_func (self->comments, comments_changed_cb, self);
  g_set_object (&self->document, document);
  g_clear_object (&self->comments);
  if (document != NULL)
    self->comments = g_object_ref (rpt_letter_file_get_comments (document));
  if (self->comments != NULL)
    g_signal_connect_object (self->comments, "items-changed", G_CALLBACK (comments_changed_cb),
                             self, G_CONNECT_SWAPPED);
  error = document != NULL ? rpt_letter_file_get_comments_error (document) : NULL;
  if (error != NULL)
    {
      g_autofree char *text =
        g_strdup_printf (_ ("The comments could not be read: %s"), error->message);
      gtk_label_set_text (self->error_label, text);
    }
  gtk_widget_set_visible (GTK_WIDGET (self->error_label), error != NULL);
  rebuild (self);
}

/**
 * rpt_comments_section_get_shown:
 *
 * Returns: (transfer none): the comments the list shows, in its order
 */
GListModel *
rpt_comments_section_get_shown (RptCommentsSection *self)
{
  g_return_val_if_fail (RPT_IS_COMMENTS_SECTION (self), NULL);
  return G_LIST_MODEL (self->shown);
}

/**
 * rpt_comments_section_focus_comment:
 *
 * Scrolls to comment @id and puts the focus on it (its thread shown even
 * when resolved).
 *
 * Returns: whether the list has it
 */
gboolean
rpt_comments_section_focus_comment (RptCommentsSection *self, const char *id)
{
  guint n;

  g_return_val_if_fail (RPT_IS_COMMENTS_SECTION (self), FALSE);

  for (int round = 0; round < 2; round++)
    {
      n = g_list_model_get_n_items (G_LIST_MODEL (self->shown));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr (RptComment) c = g_list_model_get_item (G_LIST_MODEL (self->shown), i);
          if (g_str_equal (rpt_comment_get_id (c), id))
            {
              /* GTK 4.8 has no gtk_list_view_scroll_to(): the "list.scroll-to-item"
               * action scrolls and focuses. */
              gtk_widget_activate_action (GTK_WIDGET (self->list), "list.scroll-to-item", "u", i);
              return TRUE;
            }
        }
      if (gtk_check_button_get_active (self->show_resolved))
        break;
      gtk_check_button_set_active (self->show_resolved, TRUE);
    }
  return FALSE;
}

static void
letter_set (RptSection *section, RptLetter *letter)
{
  /* Places ("Fact 3") are the letter's: say them again. */
  rebuild (RPT_COMMENTS_SECTION (section));
}

static void
rpt_comments_section_dispose (GObject *object)
{
  RptCommentsSection *self = RPT_COMMENTS_SECTION (object);

  if (self->comments != NULL)
    g_signal_handlers_disconnect_by_func (self->comments, comments_changed_cb, self);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_COMMENTS_SECTION);
  g_clear_object (&self->document);
  g_clear_object (&self->comments);
  g_clear_object (&self->shown);
  G_OBJECT_CLASS (rpt_comments_section_parent_class)->dispose (object);
}

static void
rpt_comments_section_class_init (RptCommentsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RptSectionClass *section_class = RPT_SECTION_CLASS (klass);

  object_class->dispose = rpt_comments_section_dispose;
  section_class->letter_set = letter_set;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-comments-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RptCommentsSection, count_label);
  gtk_widget_class_bind_template_child (widget_class, RptCommentsSection, error_label);
  gtk_widget_class_bind_template_child (widget_class, RptCommentsSection, show_resolved);
  gtk_widget_class_bind_template_child (widget_class, RptCommentsSection, list);
  gtk_widget_class_bind_template_callback (widget_class, row_activated_cb);
}

static void
rpt_comments_section_init (RptCommentsSection *self)
{
  GtkListItemFactory *factory = gtk_signal_list_item_factory_new ();
  GtkNoSelection *selection;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->shown = g_list_store_new (RPT_TYPE_COMMENT);
  g_signal_connect (factory, "setup", G_CALLBACK (setup_cb), self);
  g_signal_connect (factory, "bind", G_CALLBACK (bind_cb), self);
  gtk_list_view_set_factory (self->list, factory);
  g_object_unref (factory);
  selection = gtk_no_selection_new (G_LIST_MODEL (g_object_ref (self->shown)));
  gtk_list_view_set_model (self->list, GTK_SELECTION_MODEL (selection));
  g_object_unref (selection);
  g_signal_connect_object (self->show_resolved, "toggled", G_CALLBACK (comments_changed_cb), self,
                           G_CONNECT_SWAPPED);
  rebuild (self);
}
