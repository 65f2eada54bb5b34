/* rpt-item-actions.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-item-actions"

#include <glib/gi18n.h>

#include "rpt-edit.h"
#include "rpt-item-actions.h"
#include "rpt-section.h"
#include "rpt-shortcuts.h"

/*
 * The actions on one item of an ordered part, the same for a fact, a
 * person, a mandate or a previous letter: `item.move-up`, `item.move-down`,
 * `item.duplicate`, `item.remove` (and `item.bullet` for the legal annex).
 * The row's buttons and menu name them; the keyboard reaches them from
 * anywhere in the row, text boxes included (a controller in the capture
 * phase, ahead of the text view's own Shift+Ctrl+Delete). After each, the
 * focus goes where the drafter expects: with the item it moved, on the
 * copy, or on the item that took the removed one's place.
 */

#define ITEM_KEY "rpt-item-actions"

typedef struct
{
  RptLetter *letter;
  RptPart part;
  GObject *item;
  gboolean writable;
  GtkWidget *row; /* not owned: the group lives as long as the row */
  GSimpleActionGroup *group;
} ItemActions;

static void
item_actions_free (ItemActions *ia)
{
  g_clear_object (&ia->letter);
  g_clear_object (&ia->item);
  g_free (ia);
}

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
    case RPT_PART_PERSONS:
      return g_strdup_printf (_ ("Person %u"), number);
    case RPT_PART_MANDATES:
      return g_strdup_printf (_ ("Mandate %u"), number);
    case RPT_PART_COMMUNICATIONS:
      return g_strdup_printf (_ ("Previous Letter %u"), number);
    case RPT_PART_SIGNATORIES:
    case RPT_N_PARTS:
    default:
      return g_strdup_printf (_ ("Item %u"), number);
    }
}

/**
 * rpt_item_button_new:
 *
 * A flat icon button for an `item.` action, its tooltip its name.
 */
GtkWidget *
rpt_item_button_new (const char *icon_name, const char *tooltip, const char *action)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon_name);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  return button;
}

static gboolean
get_position (ItemActions *ia, guint *position)
{
  RptPart part;

  return rpt_letter_find_item (ia->letter, rpt_letter_item_get_id (ia->item), &part, position) !=
         NULL;
}

static RptSection *
get_section (ItemActions *ia)
{
  GtkWidget *section = gtk_widget_get_ancestor (ia->row, RPT_TYPE_SECTION);

  return section != NULL ? RPT_SECTION (section) : NULL;
}

static void
move_by (ItemActions *ia, int delta)
{
  g_autoptr (GtkWidget) hold = g_object_ref (ia->row);
  g_autoptr (RptFocusMemo) memo = rpt_focus_memo_new (ia->row);
  RptSection *section = get_section (ia);
  guint position;

  if (!get_position (ia, &position) || !rpt_edit_move_item (ia->letter, ia->part, position, delta))
    return;
  /* The row is made again where the item went: the focus goes with it,
   * to the same field, the caret where it was. */
  if (section != NULL)
    rpt_section_focus_item (section, ia->part, position + delta, memo);
}

static void
move_up_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  move_by (user_data, -1);
}

static void
move_down_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  move_by (user_data, 1);
}

static void
duplicate_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  ItemActions *ia = user_data;
  g_autoptr (GtkWidget) hold = g_object_ref (ia->row);
  RptSection *section = get_section (ia);
  guint position;

  if (!get_position (ia, &position) ||
      rpt_edit_duplicate_item (ia->letter, ia->part, position) == NULL)
    return;
  if (section != NULL)
    rpt_section_focus_item (section, ia->part, position + 1, NULL);
}

static void
remove_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  ItemActions *ia = user_data;
  g_autoptr (GtkWidget) hold = g_object_ref (ia->row);
  RptSection *section = get_section (ia);
  g_autofree char *label = NULL;
  g_autofree char *text = NULL;
  guint position, n;

  if (!get_position (ia, &position))
    return;
  label = rpt_part_dup_item_label (ia->part, position + 1);
  if (ia->part == RPT_PART_MANDATES)
    rpt_edit_remove_mandate (ia->letter, position);
  else
    rpt_letter_remove_item (ia->letter, ia->part, position);
  if (section == NULL)
    return;
  /* The item that took its place, else the one before, else the section's
   * first field (its Add button). */
  n = rpt_letter_get_n_items (ia->letter, ia->part);
  if (n == 0 || !rpt_section_focus_item (section, ia->part, MIN (position, n - 1), NULL))
    gtk_widget_child_focus (GTK_WIDGET (section), GTK_DIR_TAB_FORWARD);
  /* Translators: %s is an item, e.g. "Fact 3" */
  text = g_strdup_printf (_ ("%s removed"), label);
  rpt_section_show_undo_toast (GTK_WIDGET (section), text);
}

static void
bullet_cb (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  ItemActions *ia = user_data;
  RptParagraph *paragraph = RPT_PARAGRAPH (ia->item);

  rpt_paragraph_set_style (paragraph,
                           rpt_paragraph_get_style (paragraph) == RPT_PARAGRAPH_STYLE_BULLET
                             ? RPT_PARAGRAPH_STYLE_PARAGRAPH
                             : RPT_PARAGRAPH_STYLE_BULLET);
}

static const GActionEntry entries[] = {
  { "move-up", move_up_cb }, { "move-down", move_down_cb }, { "duplicate", duplicate_cb },
  { "remove", remove_cb },   { "bullet", bullet_cb },
};

static void
set_enabled (ItemActions *ia, const char *name, gboolean enabled)
{
  GAction *action = g_action_map_lookup_action (G_ACTION_MAP (ia->group), name);

  g_simple_action_set_enabled (G_SIMPLE_ACTION (action), enabled);
}

/**
 * rpt_item_actions_update:
 *
 * Enables what the item's place allows: the first item does not move up,
 * the last not down. Call it when the part changes.
 */
void
rpt_item_actions_update (GtkWidget *row)
{
  ItemActions *ia = g_object_get_data (G_OBJECT (row), ITEM_KEY);
  guint position = 0, n;
  gboolean found;

  if (ia == NULL)
    return;
  found = get_position (ia, &position);
  n = rpt_letter_get_n_items (ia->letter, ia->part);
  set_enabled (ia, "move-up", ia->writable && found && position > 0);
  set_enabled (ia, "move-down", ia->writable && found && position + 1 < n);
  /* Two copies of one mandate would sign twice. */
  set_enabled (ia, "duplicate", ia->writable && found && ia->part != RPT_PART_MANDATES);
  set_enabled (ia, "remove", ia->writable && found);
  set_enabled (ia, "bullet", ia->writable && found && ia->part == RPT_PART_ANNEX);
}

/**
 * rpt_item_actions_attach:
 *
 * Gives @row the `item.` actions on @item and their keys.
 */
void
rpt_item_actions_attach (GtkWidget *row,
                         RptLetter *letter,
                         RptPart part,
                         gpointer item,
                         gboolean writable)
{
  ItemActions *ia = g_new0 (ItemActions, 1);

  ia->letter = g_object_ref (letter);
  ia->part = part;
  ia->item = g_object_ref (item);
  ia->writable = writable;
  ia->row = row;
  ia->group = g_simple_action_group_new ();
  g_action_map_add_action_entries (G_ACTION_MAP (ia->group), entries, G_N_ELEMENTS (entries), ia);
  gtk_widget_insert_action_group (row, "item", G_ACTION_GROUP (ia->group));
  g_object_unref (ia->group);
  g_object_set_data_full (G_OBJECT (row), ITEM_KEY, ia, (GDestroyNotify) item_actions_free);
  /* For the preview to follow the focus. */
  g_object_set_data_full (G_OBJECT (row), "rpt-item-id", g_strdup (rpt_letter_item_get_id (item)),
                          g_free);
  gtk_widget_add_controller (row, rpt_shortcuts_new_controller ("item."));
  rpt_item_actions_update (row);
}

gpointer
rpt_item_actions_get_item (GtkWidget *row)
{
  ItemActions *ia = g_object_get_data (G_OBJECT (row), ITEM_KEY);

  return ia != NULL ? ia->item : NULL;
}

/* --- focus ---------------------------------------------------------- */

struct _RptFocusMemo
{
  GArray *path; /* guint: the index of each child from the row down */
  int cursor;   /* in a text, else -1 */
};

static guint
child_index (GtkWidget *widget)
{
  guint i = 0;

  for (GtkWidget *w = gtk_widget_get_prev_sibling (widget); w != NULL;
       w = gtk_widget_get_prev_sibling (w))
    i++;
  return i;
}

static int
get_cursor (GtkWidget *focus)
{
  if (GTK_IS_TEXT_VIEW (focus))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_mark (buffer, &iter, gtk_text_buffer_get_insert (buffer));
      return gtk_text_iter_get_offset (&iter);
    }
  if (GTK_IS_EDITABLE (focus))
    return gtk_editable_get_position (GTK_EDITABLE (focus));
  return -1;
}

static void
set_cursor (GtkWidget *focus, int cursor)
{
  if (cursor < 0)
    return;
  if (GTK_IS_TEXT_VIEW (focus))
    {
      GtkTextBuffer *buffer = gtk_text_view_get_buffer (GTK_TEXT_VIEW (focus));
      GtkTextIter iter;

      gtk_text_buffer_get_iter_at_offset (buffer, &iter, cursor);
      gtk_text_buffer_place_cursor (buffer, &iter);
    }
  else if (GTK_IS_EDITABLE (focus))
    gtk_editable_set_position (GTK_EDITABLE (focus), cursor);
}

/**
 * rpt_focus_memo_new:
 *
 * Returns: (transfer full) (nullable): where the focus is in @row, or
 *   %NULL if it is not in it
 */
RptFocusMemo *
rpt_focus_memo_new (GtkWidget *row)
{
  GtkRoot *root = gtk_widget_get_root (row);
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  RptFocusMemo *memo;

  if (focus == NULL || (focus != row && !gtk_widget_is_ancestor (focus, row)))
    return NULL;
  memo = g_new0 (RptFocusMemo, 1);
  memo->path = g_array_new (FALSE, FALSE, sizeof (guint));
  memo->cursor = get_cursor (focus);
  for (GtkWidget *w = focus; w != row; w = gtk_widget_get_parent (w))
    {
      guint i = child_index (w);
      g_array_prepend_val (memo->path, i);
    }
  return memo;
}

gboolean
rpt_focus_memo_restore (RptFocusMemo *memo, GtkWidget *row)
{
  GtkWidget *w = row;

  if (memo == NULL)
    return FALSE;
  for (guint i = 0; i < memo->path->len && w != NULL; i++)
    {
      guint index = g_array_index (memo->path, guint, i);

      w = gtk_widget_get_first_child (w);
      for (guint j = 0; j < index && w != NULL; j++)
        w = gtk_widget_get_next_sibling (w);
    }
  if (w == NULL || !gtk_widget_is_sensitive (w) || !gtk_widget_get_visible (w) ||
      !gtk_widget_grab_focus (w))
    return FALSE;
  set_cursor (w, memo->cursor);
  return TRUE;
}

void
rpt_focus_memo_free (RptFocusMemo *memo)
{
  if (memo == NULL)
    return;
  g_array_unref (memo->path);
  g_free (memo);
}

/**
 * rpt_row_focus_default:
 *
 * Gives the focus to the field of @row that is typed in first (its
 * "rpt-default-focus" data: a fact's text box, a person's name), else to
 * its first field.
 */
gboolean
rpt_row_focus_default (GtkWidget *row)
{
  GtkWidget *target = g_object_get_data (G_OBJECT (row), "rpt-default-focus");

  if (target != NULL && gtk_widget_is_sensitive (target) && gtk_widget_grab_focus (target))
    return TRUE;
  return gtk_widget_child_focus (row, GTK_DIR_TAB_FORWARD);
}
