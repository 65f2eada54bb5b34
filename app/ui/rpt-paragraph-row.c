/* rpt-paragraph-row.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-paragraph-row"

#include <glib/gi18n.h>

#include "rpt-date-button.h"
#include "rpt-edit.h"
#include "rpt-paragraph-row.h"
#include "rpt-section.h"
#include "rpt-shortcuts.h"

/**
 * RptParagraphRow:
 *
 * One paragraph of an ordered part (a fact, a concern, …): its editor and
 * the item actions (move, duplicate, remove) that the keyboard, the menu
 * and drag and drop share.
 */
struct _RptParagraphRow
{
  GtkListBoxRow parent_instance;

  RptLetter *letter;
  RptPart part;
  RptParagraph *paragraph;

  GtkImage *handle;
  GtkLabel *title;
  GtkWidget *fact_box;
  RptDateButton *date_button;
  GtkEntry *place_entry;
  RptParagraphEditor *editor;
};

G_DEFINE_FINAL_TYPE (RptParagraphRow, rpt_paragraph_row, GTK_TYPE_LIST_BOX_ROW)

/**
 * rpt_part_dup_item_label:
 *
 * Returns: "Fact 3", "Question 2", …
 */
char *
rpt_part_dup_item_label (RptPart part, guint number)
{
  switch (part)
    {
    case RPT_PART_FACTS:
      return g_strdup_printf (_ ("Fact %u"), number);
    case RPT_PART_CONCERNS:
      return g_strdup_printf (_ ("Concern %u"), number);
    case RPT_PART_QUESTIONS:
      return g_strdup_printf (_ ("Question %u"), number);
    case RPT_PART_ANNEX:
      return g_strdup_printf (_ ("Annex Paragraph %u"), number);
    case RPT_PART_PROFILE:
      return g_strdup_printf (_ ("Profile Paragraph %u"), number);
    default:
      return g_strdup_printf (_ ("Item %u"), number);
    }
}

RptParagraph *
rpt_paragraph_row_get_paragraph (RptParagraphRow *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPH_ROW (self), NULL);
  return self->paragraph;
}

RptParagraphEditor *
rpt_paragraph_row_get_editor (RptParagraphRow *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPH_ROW (self), NULL);
  return self->editor;
}

static gboolean
get_position (RptParagraphRow *self, guint *position)
{
  RptPart part;

  return rpt_letter_find_item (self->letter, rpt_paragraph_get_id (self->paragraph), &part,
                               position) != NULL;
}

/* After an edit the list makes new rows: give the focus to the row now at
 * @position, with the caret where it was. */
static void
focus_row_at (GtkListBox *list, guint position, int cursor)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (list, position);

  if (RPT_IS_PARAGRAPH_ROW (row))
    {
      RptParagraphEditor *editor = RPT_PARAGRAPH_ROW (row)->editor;
      gtk_widget_grab_focus (GTK_WIDGET (editor));
      if (cursor >= 0)
        rpt_paragraph_editor_set_cursor (editor, cursor);
    }
}

static void
move_by (RptParagraphRow *self, int delta)
{
  g_autoptr (RptParagraphRow) hold = g_object_ref (self);
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self));
  int cursor = rpt_paragraph_editor_get_cursor (self->editor);
  guint position;

  if (!get_position (self, &position) ||
      !rpt_edit_move_item (self->letter, self->part, position, delta))
    return;
  if (GTK_IS_LIST_BOX (list))
    focus_row_at (GTK_LIST_BOX (list), position + delta, cursor);
}

static void
move_up_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_by (RPT_PARAGRAPH_ROW (widget), -1);
}

static void
move_down_action (GtkWidget *widget, const char *name, GVariant *param)
{
  move_by (RPT_PARAGRAPH_ROW (widget), 1);
}

static void
duplicate_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptParagraphRow *self = RPT_PARAGRAPH_ROW (widget);
  g_autoptr (RptParagraphRow) hold = g_object_ref (self);
  GtkWidget *list = gtk_widget_get_parent (widget);
  guint position;

  if (!get_position (self, &position) ||
      rpt_edit_duplicate_item (self->letter, self->part, position) == NULL)
    return;
  if (GTK_IS_LIST_BOX (list))
    focus_row_at (GTK_LIST_BOX (list), position + 1, -1);
}

static void
remove_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptParagraphRow *self = RPT_PARAGRAPH_ROW (widget);
  g_autoptr (RptParagraphRow) hold = g_object_ref (self);
  GtkWidget *list = gtk_widget_get_parent (widget);
  g_autofree char *label = NULL;
  guint position;

  if (!get_position (self, &position))
    return;
  label = rpt_part_dup_item_label (self->part, position + 1);
  rpt_letter_remove_item (self->letter, self->part, position);
  if (GTK_IS_LIST_BOX (list))
    {
      guint n = rpt_letter_get_n_items (self->letter, self->part);
      g_autofree char *msg = g_strdup_printf (_ ("%s removed"), label);
      if (n > 0)
        focus_row_at (GTK_LIST_BOX (list), MIN (position, n - 1), -1);
      rpt_section_show_toast (list, msg);
    }
}

static void
bullet_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptParagraphRow *self = RPT_PARAGRAPH_ROW (widget);
  RptParagraphStyle style = rpt_paragraph_get_style (self->paragraph);

  rpt_paragraph_set_style (self->paragraph, style == RPT_PARAGRAPH_STYLE_BULLET
                                              ? RPT_PARAGRAPH_STYLE_PARAGRAPH
                                              : RPT_PARAGRAPH_STYLE_BULLET);
}

/* --- drag and drop -------------------------------------------------- */

static GdkContentProvider *
drag_prepare_cb (GtkDragSource *source, double x, double y, RptParagraphRow *self)
{
  return gdk_content_provider_new_typed (G_TYPE_STRING, rpt_paragraph_get_id (self->paragraph));
}

static void
drag_begin_cb (GtkDragSource *source, GdkDrag *drag, RptParagraphRow *self)
{
  g_autoptr (GdkPaintable) paintable = gtk_widget_paintable_new (GTK_WIDGET (self->title));

  gtk_drag_source_set_icon (source, paintable, 0, 0);
}

static gboolean
drop_cb (GtkDropTarget *target, const GValue *value, double x, double y, RptParagraphRow *self)
{
  g_autoptr (RptParagraphRow) hold = g_object_ref (self);
  const char *id = g_value_get_string (value);
  GtkWidget *list = gtk_widget_get_parent (GTK_WIDGET (self));
  RptPart part;
  guint to;

  if (!get_position (self, &to) || rpt_letter_find_item (self->letter, id, &part, NULL) == NULL ||
      part != self->part)
    return FALSE;
  if (!rpt_edit_move_item_to (self->letter, id, to))
    return FALSE;
  if (GTK_IS_LIST_BOX (list))
    focus_row_at (GTK_LIST_BOX (list), to, -1);
  return TRUE;
}

/* --- construction --------------------------------------------------- */

void
rpt_paragraph_row_update_title (RptParagraphRow *self)
{
  g_autofree char *label = NULL;
  guint position = 0;

  get_position (self, &position);
  label = rpt_part_dup_item_label (self->part, position + 1);
  gtk_label_set_text (self->title, label);
  rpt_paragraph_editor_set_label (self->editor, label);
}

static gboolean
place_to_model (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  const char *text = g_value_get_string (from);
  g_value_set_string (to, text != NULL && text[0] != '\0' ? text : NULL);
  return TRUE;
}

static gboolean
place_to_entry (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  const char *text = g_value_get_string (from);
  g_value_set_string (to, text != NULL ? text : "");
  return TRUE;
}

GtkWidget *
rpt_paragraph_row_new (RptLetter *letter, RptPart part, RptParagraph *paragraph, gboolean writable)
{
  RptParagraphRow *self;

  g_return_val_if_fail (RPT_IS_LETTER (letter), NULL);
  g_return_val_if_fail (RPT_IS_PARAGRAPH (paragraph), NULL);

  self = g_object_new (RPT_TYPE_PARAGRAPH_ROW, NULL);
  self->letter = g_object_ref (letter);
  self->part = part;
  self->paragraph = g_object_ref (paragraph);
  /* For the preview to follow the focus. */
  g_object_set_data_full (G_OBJECT (self), "rpt-item-id",
                          g_strdup (rpt_paragraph_get_id (paragraph)), g_free);

  g_object_bind_property (paragraph, "text", self->editor, "markup",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  if (part == RPT_PART_FACTS)
    {
      gtk_widget_set_visible (self->fact_box, TRUE);
      g_object_bind_property (paragraph, "date", self->date_button, "date",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_object_bind_property_full (paragraph, "place", self->place_entry, "text",
                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, place_to_entry,
                                   place_to_model, NULL, NULL);
    }
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.bullet",
                                 part == RPT_PART_ANNEX && writable);
  if (!writable)
    {
      rpt_paragraph_editor_set_editable (self->editor, FALSE);
      gtk_widget_set_sensitive (self->fact_box, FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.move-up", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.move-down", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.duplicate", FALSE);
      gtk_widget_action_set_enabled (GTK_WIDGET (self), "item.remove", FALSE);
    }
  else
    {
      GtkDragSource *source = gtk_drag_source_new ();
      GtkDropTarget *target = gtk_drop_target_new (G_TYPE_STRING, GDK_ACTION_MOVE);

      gtk_drag_source_set_actions (source, GDK_ACTION_MOVE);
      g_signal_connect (source, "prepare", G_CALLBACK (drag_prepare_cb), self);
      g_signal_connect (source, "drag-begin", G_CALLBACK (drag_begin_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self->handle), GTK_EVENT_CONTROLLER (source));
      g_signal_connect (target, "drop", G_CALLBACK (drop_cb), self);
      gtk_widget_add_controller (GTK_WIDGET (self), GTK_EVENT_CONTROLLER (target));
    }
  rpt_paragraph_row_update_title (self);
  return GTK_WIDGET (self);
}

static void
rpt_paragraph_row_dispose (GObject *object)
{
  RptParagraphRow *self = RPT_PARAGRAPH_ROW (object);

  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_PARAGRAPH_ROW);
  g_clear_object (&self->paragraph);
  g_clear_object (&self->letter);
  G_OBJECT_CLASS (rpt_paragraph_row_parent_class)->dispose (object);
}

static void
rpt_paragraph_row_class_init (RptParagraphRowClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_paragraph_row_dispose;

  g_type_ensure (RPT_TYPE_DATE_BUTTON);
  g_type_ensure (RPT_TYPE_PARAGRAPH_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/gnome/Rapporteur/ui/rpt-paragraph-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RptParagraphRow, handle);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphRow, title);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphRow, fact_box);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphRow, date_button);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphRow, place_entry);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphRow, editor);

  gtk_widget_class_install_action (widget_class, "item.move-up", NULL, move_up_action);
  gtk_widget_class_install_action (widget_class, "item.move-down", NULL, move_down_action);
  gtk_widget_class_install_action (widget_class, "item.duplicate", NULL, duplicate_action);
  gtk_widget_class_install_action (widget_class, "item.remove", NULL, remove_action);
  gtk_widget_class_install_action (widget_class, "item.bullet", NULL, bullet_action);
  rpt_shortcuts_add_to_class (widget_class, "item.");
}

static void
rpt_paragraph_row_init (RptParagraphRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
