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
#include "rpt-item-actions.h"
#include "rpt-paragraph-row.h"
#include "rpt-section.h"

/**
 * RptParagraphRow:
 *
 * One paragraph of an ordered part (a fact, a concern, …): its editor and
 * the item actions (move, duplicate, remove: rpt-item-actions.c) that the
 * keyboard, the buttons, the menu and drag and drop share. Made when it
 * scrolls into view, dropped when it scrolls away (RptItemList): what it
 * shows is all in the model, its text history included.
 */
struct _RptParagraphRow
{
  GtkWidget parent_instance;

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

G_DEFINE_FINAL_TYPE (RptParagraphRow, rpt_paragraph_row, GTK_TYPE_WIDGET)

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

/**
 * rpt_paragraph_row_estimate_height:
 *
 * Returns: about how tall the row of @paragraph is at @width, from the
 *   length of its text: what the list sizes its scroll bar from before
 *   the row is made
 */
int
rpt_paragraph_row_estimate_height (RptParagraph *paragraph, RptPart part, int width)
{
  /* Margins, the title line and the text box's padding; then about 8
   * pixels a character and 22 a line in the editor's font. */
  const int chrome = 92, char_width = 8, line_height = 22;
  int chars_per_line = MAX ((width - 40) / char_width, 10);
  int length = (int) strlen (rpt_paragraph_get_text (paragraph));
  int lines = MAX ((length + chars_per_line - 1) / chars_per_line, 2);

  return chrome + lines * line_height;
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
  GtkWidget *section = gtk_widget_get_ancestor (GTK_WIDGET (self), RPT_TYPE_SECTION);
  const char *id = g_value_get_string (value);
  RptPart part;
  guint to;

  if (!get_position (self, &to) || rpt_letter_find_item (self->letter, id, &part, NULL) == NULL ||
      part != self->part)
    return FALSE;
  if (!rpt_edit_move_item_to (self->letter, id, to))
    return FALSE;
  if (section != NULL)
    rpt_section_focus_item (RPT_SECTION (section), self->part, to, NULL);
  return TRUE;
}

/* --- construction --------------------------------------------------- */

/**
 * rpt_paragraph_row_update:
 *
 * Numbers follow positions: "Fact 3", and whether it can move up or down.
 */
void
rpt_paragraph_row_update (RptParagraphRow *self)
{
  g_autofree char *label = NULL;
  guint position = 0;

  g_return_if_fail (RPT_IS_PARAGRAPH_ROW (self));

  get_position (self, &position);
  label = rpt_part_dup_item_label (self->part, position + 1);
  gtk_label_set_text (self->title, label);
  rpt_paragraph_editor_set_label (self->editor, label);
  rpt_item_actions_update (GTK_WIDGET (self));
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
  g_object_set_data (G_OBJECT (self), "rpt-default-focus", self->editor);

  g_object_bind_property (paragraph, "text", self->editor, "markup",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  /* The text's history outlives the row: scrolled away and back, Ctrl+Z
   * still undoes what was typed. */
  rpt_paragraph_editor_attach_history (self->editor, G_OBJECT (paragraph), NULL);
  if (part == RPT_PART_FACTS)
    {
      gtk_widget_set_visible (self->fact_box, TRUE);
      g_object_bind_property (paragraph, "date", self->date_button, "date",
                              G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
      g_object_bind_property_full (paragraph, "place", self->place_entry, "text",
                                   G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                                   rpt_section_null_to_empty, rpt_section_empty_to_null, NULL,
                                   NULL);
    }
  rpt_item_actions_attach (GTK_WIDGET (self), letter, part, paragraph, writable);
  if (!writable)
    {
      rpt_paragraph_editor_set_editable (self->editor, FALSE);
      gtk_widget_set_sensitive (self->fact_box, FALSE);
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
  rpt_paragraph_row_update (self);
  return GTK_WIDGET (self);
}

static void
rpt_paragraph_row_dispose (GObject *object)
{
  RptParagraphRow *self = RPT_PARAGRAPH_ROW (object);

  GtkWidget *child;

  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_PARAGRAPH_ROW);
  while ((child = gtk_widget_get_first_child (GTK_WIDGET (self))) != NULL)
    gtk_widget_unparent (child);
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
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-paragraph-row.ui");
  gtk_widget_class_bind_template_child (widget_class, RptParagraphRow, handle);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphRow, title);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphRow, fact_box);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphRow, date_button);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphRow, place_entry);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphRow, editor);
  gtk_widget_class_set_layout_manager_type (widget_class, GTK_TYPE_BIN_LAYOUT);
  gtk_widget_class_set_css_name (widget_class, "paragraphrow");
  gtk_widget_class_set_accessible_role (widget_class, GTK_ACCESSIBLE_ROLE_GROUP);
}

static void
rpt_paragraph_row_init (RptParagraphRow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
