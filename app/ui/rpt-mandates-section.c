/* rpt-mandates-section.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-mandates-section"

#include <glib/gi18n.h>

#include "rpt-edit.h"
#include "rpt-item-list.h"
#include "rpt-mandates-section.h"
#include "rpt-paragraph-editor.h"
#include "rpt-picker-dialog.h"
#include "rpt-reference-data.h"
#include "rpt-undo-history.h"
#include "rpt-window.h"

/**
 * RptMandatesSection:
 *
 * The mandates, picked from the reference data (their titles and
 * resolutions come with them), each with its signatory. A mandate not in
 * the data can be typed in: its title and resolutions then stand alone.
 */
struct _RptMandatesSection
{
  RptSection parent_instance;

  GListModel *reference;
  GListModel *model; /* the heading, then the mandates */
  GSignalGroup *signatories;

  RptItemList *list;
  GtkWidget *header;
  GtkWidget *placeholder;
  GtkWidget *footer;
  RptParagraphEditor *co_senders_editor;
  GtkListBox *co_signatories;
  GtkWidget *add_co_signatory;
  GPtrArray *co_signatory_items; /* the signatories the rows of co_signatories show */
  GBindingGroup *bindings;
};

G_DEFINE_FINAL_TYPE (RptMandatesSection, rpt_mandates_section, RPT_TYPE_SECTION)

static RptSignatory *
find_signatory (RptLetter *letter, RptMandate *mandate)
{
  guint n = rpt_letter_get_n_items (letter, RPT_PART_SIGNATORIES);

  for (guint i = 0; i < n; i++)
    {
      RptSignatory *s = rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, i);
      if (g_strcmp0 (rpt_signatory_get_mandate (s), rpt_mandate_get_id (mandate)) == 0)
        return s;
    }
  return NULL;
}

/* The resolutions the letter names for @mandate: its own, or those the
 * data gives for the letter's date (rpt_reference_find_resolutions_at()),
 * as the opening sentence will; %NULL when the data cannot say. */
static char *
dup_resolutions (RptLetter *letter, RptMandate *mandate)
{
  const char *const *own = rpt_mandate_get_resolutions (mandate);
  g_autofree char *date = NULL;
  g_autoptr (GPtrArray) found = NULL;
  g_autoptr (GStrvBuilder) builder = NULL;
  g_auto (GStrv) numbers = NULL;

  if (own != NULL && own[0] != NULL)
    return g_strjoinv (", ", (char **) own);
  if (letter == NULL || rpt_mandate_get_key (mandate) == NULL)
    return NULL;
  date = rpt_letter_dup_effective_date (letter);
  found = rpt_reference_find_resolutions_at (rpt_reference_get_default (),
                                             rpt_mandate_get_key (mandate), date, NULL);
  if (found->len == 0)
    return NULL;
  builder = g_strv_builder_new ();
  for (guint i = 0; i < found->len; i++)
    g_strv_builder_add (builder, ((RptResolutionInfo *) found->pdata[i])->number);
  numbers = g_strv_builder_end (builder);
  return g_strjoinv (", ", numbers);
}

static void
update_mandate_row (AdwExpanderRow *row,
                    RptLetter *letter,
                    RptMandate *mandate,
                    GListModel *reference)
{
  RptChoice *choice = rpt_reference_data_find (reference, rpt_mandate_get_key (mandate));
  const char *title = rpt_mandate_get_title (mandate);
  g_autofree char *res = dup_resolutions (letter, mandate);
  g_autofree char *escaped_title = NULL;
  g_autofree char *escaped_sub = NULL;

  if (title == NULL && choice != NULL)
    title = rpt_choice_get_title (choice);
  if (title == NULL)
    title = rpt_mandate_get_key (mandate) != NULL ? rpt_mandate_get_key (mandate)
                                                  : _ ("Untitled mandate");
  escaped_title = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  if (res != NULL)
    {
      g_auto (GStrv) numbers = g_strsplit (res, ", ", -1);
      guint n = g_strv_length (numbers);
      /* Translators: %s is one Human Rights Council resolution, or a list */
      g_autofree char *sub =
        g_strdup_printf (g_dngettext (NULL, "Resolution %s", "Resolutions %s", n), res);
      escaped_sub = g_markup_escape_text (sub, -1);
    }
  else if (letter != NULL && (choice != NULL || rpt_mandate_get_title (mandate) == NULL))
    /* the letter shows a gap: said where the drafter types the resolution */
    escaped_sub =
      g_markup_escape_text (_ ("No resolution known on the letter’s date: type it below"), -1);
  adw_expander_row_set_subtitle (row, escaped_sub != NULL ? escaped_sub : "");
}

/* The text a field of the row shows, from the model. */
static char *
dup_field (RptLetter *letter, RptMandate *mandate, const char *field)
{
  RptSignatory *signatory = find_signatory (letter, mandate);

  if (g_str_equal (field, "signatory-name"))
    return g_strdup (signatory != NULL ? rpt_signatory_get_name (signatory) : NULL);
  if (g_str_equal (field, "signatory-title"))
    return g_strdup (signatory != NULL ? rpt_signatory_get_title (signatory) : NULL);
  if (g_str_equal (field, "title"))
    return g_strdup (rpt_mandate_get_title (mandate));
  if (rpt_mandate_get_resolutions (mandate) != NULL)
    return g_strjoinv (", ", (char **) rpt_mandate_get_resolutions (mandate));
  return NULL;
}

static void
sync_title_form (AdwComboRow *row, RptSignatory *signatory)
{
  guint form =
    signatory != NULL ? rpt_signatory_get_title_form (signatory) : RPT_TITLE_FORM_UNSPECIFIED;

  if (adw_combo_row_get_selected (row) == form)
    return;
  g_object_set_data (G_OBJECT (row), "syncing", GINT_TO_POINTER (1));
  adw_combo_row_set_selected (row, form);
  g_object_set_data (G_OBJECT (row), "syncing", NULL);
}

/* Model → fields, after an undo or a change elsewhere; a field that
 * already says it keeps its caret. */
static void
refresh_row (GtkWidget *box, RptLetter *letter)
{
  GtkWidget *row = gtk_widget_get_first_child (box);
  RptMandate *mandate = g_object_get_data (G_OBJECT (row), "mandate");
  GListModel *reference = g_object_get_data (G_OBJECT (row), "reference");
  GPtrArray *entries = g_object_get_data (G_OBJECT (row), "entries");

  update_mandate_row (ADW_EXPANDER_ROW (row), letter, mandate, reference);
  if (g_object_get_data (G_OBJECT (row), "title-form") != NULL)
    sync_title_form (g_object_get_data (G_OBJECT (row), "title-form"),
                     find_signatory (letter, mandate));
  for (guint i = 0; entries != NULL && i < entries->len; i++)
    {
      GtkEditable *entry = g_ptr_array_index (entries, i);
      g_autofree char *text =
        dup_field (letter, mandate, g_object_get_data (G_OBJECT (entry), "field"));

      if (g_strcmp0 (gtk_editable_get_text (entry), text != NULL ? text : "") != 0)
        {
          g_object_set_data (G_OBJECT (entry), "syncing", GINT_TO_POINTER (1));
          gtk_editable_set_text (entry, text != NULL ? text : "");
          g_object_set_data (G_OBJECT (entry), "syncing", NULL);
        }
    }
}

/* ------------------------------------------------------------------ */
/* Co-senders outside the Special Procedures                           */

/* Who signs for the co-senders: the signatories for no mandate. */
static GPtrArray *
list_co_signatories (RptLetter *letter)
{
  GPtrArray *found = g_ptr_array_new ();
  guint n = letter != NULL ? rpt_letter_get_n_items (letter, RPT_PART_SIGNATORIES) : 0;

  for (guint i = 0; i < n; i++)
    {
      RptSignatory *s = rpt_letter_get_item (letter, RPT_PART_SIGNATORIES, i);
      if (rpt_signatory_get_mandate (s) == NULL)
        g_ptr_array_add (found, s);
    }
  return found;
}

static void
co_signatory_changed_cb (GtkEditable *editable, RptMandatesSection *self)
{
  RptSignatory *signatory = g_object_get_data (G_OBJECT (editable), "signatory");
  const char *field = g_object_get_data (G_OBJECT (editable), "field");
  const char *text = gtk_editable_get_text (editable);

  if (g_object_get_data (G_OBJECT (editable), "syncing") != NULL)
    return;
  if (g_str_equal (field, "name"))
    rpt_signatory_set_name (signatory, text[0] != '\0' ? text : NULL);
  else
    rpt_signatory_set_title (signatory, text[0] != '\0' ? text : NULL);
}

static void refresh_co_signatories (RptMandatesSection *self);

/* The window's undo history, where the section is in a window. */
static RptUndoHistory *
get_history (RptMandatesSection *self)
{
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));

  return RPT_IS_WINDOW (root) ? rpt_window_get_undo_history (RPT_WINDOW (root)) : NULL;
}

static void
remove_co_signatory_cb (GtkButton *button, RptMandatesSection *self)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  g_autoptr (RptSignatory) signatory =
    g_object_ref (g_object_get_data (G_OBJECT (button), "signatory"));
  RptUndoHistory *history = get_history (self);
  g_autofree char *text = NULL;
  GtkListBoxRow *next;
  RptPart part;
  guint position, index;

  if (letter == NULL ||
      rpt_letter_find_item (letter, rpt_signatory_get_id (signatory), &part, &position) == NULL ||
      !g_ptr_array_find (self->co_signatory_items, signatory, &index))
    return;
  /* One step of its own, which the toast's Undo takes back. */
  if (history != NULL)
    rpt_undo_history_close_step (history);
  rpt_letter_remove_item (letter, part, position);
  refresh_co_signatories (self);
  /* The keyboard goes to the signatory that took its place, else the one
   * before, else the button that adds one. */
  next = self->co_signatory_items->len > 0
           ? gtk_list_box_get_row_at_index (self->co_signatories,
                                            (int) MIN (index, self->co_signatory_items->len - 1))
           : NULL;
  if (next != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (next));
  else
    gtk_widget_grab_focus (self->add_co_signatory);
  /* Translators: %s is who signed for the co-senders */
  text = g_strdup_printf (_ ("%s removed"), rpt_signatory_get_name (signatory) != NULL
                                              ? rpt_signatory_get_name (signatory)
                                              : _ ("Signatory"));
  rpt_section_show_undo_toast (GTK_WIDGET (self), text);
}

static GtkWidget *
co_signatory_entry (RptMandatesSection *self,
                    RptSignatory *signatory,
                    const char *title,
                    const char *field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data_full (G_OBJECT (row), "signatory", g_object_ref (signatory), g_object_unref);
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  g_signal_connect_object (row, "changed", G_CALLBACK (co_signatory_changed_cb), self, 0);
  return row;
}

/* Model → fields: a field that already says it keeps its caret. */
static void
sync_entry (GtkEditable *entry, const char *text)
{
  if (g_strcmp0 (gtk_editable_get_text (entry), text != NULL ? text : "") == 0)
    return;
  g_object_set_data (G_OBJECT (entry), "syncing", GINT_TO_POINTER (1));
  gtk_editable_set_text (entry, text != NULL ? text : "");
  g_object_set_data (G_OBJECT (entry), "syncing", NULL);
}

/* The rows follow the signatories for no mandate: made again when one
 * comes or goes, their fields brought up to date otherwise. */
static void
refresh_co_signatories (RptMandatesSection *self)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  g_autoptr (GPtrArray) now = list_co_signatories (letter);
  gboolean same = now->len == self->co_signatory_items->len;
  GtkWidget *child;

  for (guint i = 0; same && i < now->len; i++)
    same = now->pdata[i] == self->co_signatory_items->pdata[i];
  if (!same)
    {
      GtkListBoxRow *old;

      while ((old = gtk_list_box_get_row_at_index (self->co_signatories, 0)) != NULL)
        gtk_list_box_remove (self->co_signatories, GTK_WIDGET (old));
      g_ptr_array_set_size (self->co_signatory_items, 0);
      for (guint i = 0; i < now->len; i++)
        {
          RptSignatory *signatory = now->pdata[i];
          GtkWidget *row = adw_expander_row_new ();
          GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
          GtkWidget *name, *title;

          g_ptr_array_add (self->co_signatory_items, g_object_ref (signatory));
          gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
          gtk_widget_add_css_class (remove, "flat");
          gtk_widget_set_tooltip_text (remove, _ ("Remove Signatory"));
          gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                          _ ("Remove Signatory"), -1);
          g_object_set_data_full (G_OBJECT (remove), "signatory", g_object_ref (signatory),
                                  g_object_unref);
          g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_co_signatory_cb), self, 0);
          adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
          name = co_signatory_entry (self, signatory, _ ("Name"), "name");
          title = co_signatory_entry (
            self, signatory,
            _ ("Title (e.g. “President, Inter-American Commission on Human Rights”)"), "title");
          g_object_set_data (G_OBJECT (row), "name-entry", name);
          g_object_set_data (G_OBJECT (row), "title-entry", title);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name);
          adw_expander_row_add_row (ADW_EXPANDER_ROW (row), title);
          adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
          gtk_list_box_append (self->co_signatories, row);
        }
    }
  /* the fields, and each row's title */
  {
    guint i = 0;

    for (child = gtk_widget_get_first_child (GTK_WIDGET (self->co_signatories));
         child != NULL && i < self->co_signatory_items->len;
         child = gtk_widget_get_next_sibling (child))
      {
        RptSignatory *signatory;
        const char *name;
        g_autofree char *escaped = NULL;

        if (!ADW_IS_EXPANDER_ROW (child))
          continue;
        signatory = self->co_signatory_items->pdata[i++];
        name = rpt_signatory_get_name (signatory);
        escaped = g_markup_escape_text (name != NULL ? name : _ ("New signatory"), -1);
        adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), escaped);
        sync_entry (g_object_get_data (G_OBJECT (child), "name-entry"), name);
        sync_entry (g_object_get_data (G_OBJECT (child), "title-entry"),
                    rpt_signatory_get_title (signatory));
      }
  }
}

static void
add_co_signatory_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptMandatesSection *self = RPT_MANDATES_SECTION (widget);
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  g_autoptr (RptSignatory) signatory = rpt_signatory_new ();
  GtkListBoxRow *row;

  if (letter == NULL || !rpt_section_get_writable (RPT_SECTION (self)))
    return;
  /* The new signatory is a step of its own: Ctrl+Z first takes back what
   * is typed in it, then the signatory. */
  if (get_history (self) != NULL)
    rpt_undo_history_close_step (get_history (self));
  rpt_letter_append_item (letter, RPT_PART_SIGNATORIES, signatory);
  if (get_history (self) != NULL)
    rpt_undo_history_close_step (get_history (self));
  refresh_co_signatories (self);
  /* the caret in the new signatory's name (the row itself would only
   * take the focus on its header) */
  row =
    gtk_list_box_get_row_at_index (self->co_signatories, (int) self->co_signatory_items->len - 1);
  if (row != NULL)
    gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "name-entry"));
}

/**
 * rpt_mandates_section_focus_co_signatory:
 * @signatory: (nullable) (type RptSignatory): one who signs for the
 *   co-senders, or %NULL for one no longer there
 *
 * After an undo or a redo: the caret in @signatory's name; for one taken
 * away, on the last who signs for the co-senders, else on the button that
 * adds one.
 */
void
rpt_mandates_section_focus_co_signatory (RptMandatesSection *self, gpointer signatory)
{
  GtkListBoxRow *row = NULL;
  guint index;

  g_return_if_fail (RPT_IS_MANDATES_SECTION (self));

  refresh_co_signatories (self);
  if (signatory != NULL && g_ptr_array_find (self->co_signatory_items, signatory, &index))
    row = gtk_list_box_get_row_at_index (self->co_signatories, (int) index);
  else if (self->co_signatory_items->len > 0)
    row =
      gtk_list_box_get_row_at_index (self->co_signatories, (int) self->co_signatory_items->len - 1);
  if (row != NULL)
    {
      GtkWidget *focus = gtk_root_get_focus (gtk_widget_get_root (GTK_WIDGET (self)));
      /* a field of the row (the one just undone) keeps the caret */
      if (focus == NULL || !gtk_widget_is_ancestor (focus, GTK_WIDGET (row)))
        gtk_widget_grab_focus (g_object_get_data (G_OBJECT (row), "name-entry"));
    }
  else
    gtk_widget_grab_focus (self->add_co_signatory);
}

static void
refresh_rows (RptMandatesSection *self)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));

  if (letter == NULL)
    return;
  for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self->list)); box != NULL;
       box = gtk_widget_get_next_sibling (box))
    if (box != self->header && box != self->footer)
      {
        refresh_row (box, letter);
        rpt_item_actions_update (box);
      }
  gtk_widget_set_visible (self->placeholder,
                          rpt_letter_get_n_items (letter, RPT_PART_MANDATES) == 0);
  refresh_co_signatories (self);
}

static void
entry_changed_cb (GtkEditable *editable, RptMandatesSection *self)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  RptMandate *mandate = g_object_get_data (G_OBJECT (editable), "mandate");
  const char *field = g_object_get_data (G_OBJECT (editable), "field");
  const char *text = gtk_editable_get_text (editable);
  RptSignatory *signatory;

  if (letter == NULL || g_object_get_data (G_OBJECT (editable), "syncing") != NULL)
    return;
  if (g_str_equal (field, "title"))
    {
      rpt_mandate_set_title (mandate, text[0] != '\0' ? text : NULL);
      return;
    }
  if (g_str_equal (field, "resolutions"))
    {
      g_auto (GStrv) parts = g_strsplit_set (text, ", ", -1);
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      g_auto (GStrv) clean = NULL;
      for (guint i = 0; parts[i] != NULL; i++)
        if (parts[i][0] != '\0')
          g_strv_builder_add (builder, parts[i]);
      clean = g_strv_builder_end (builder);
      rpt_mandate_set_resolutions (mandate, clean[0] != NULL ? (const char *const *) clean : NULL);
      return;
    }
  signatory = find_signatory (letter, mandate);
  if (signatory == NULL)
    {
      g_autoptr (RptSignatory) s = rpt_signatory_new ();
      rpt_signatory_set_mandate (s, rpt_mandate_get_id (mandate));
      rpt_letter_append_item (letter, RPT_PART_SIGNATORIES, s);
      signatory = s;
    }
  if (g_str_equal (field, "signatory-name"))
    rpt_signatory_set_name (signatory, text[0] != '\0' ? text : NULL);
  else
    rpt_signatory_set_title (signatory, text[0] != '\0' ? text : NULL);
}

static void
title_form_changed_cb (AdwComboRow *row, GParamSpec *pspec, RptMandatesSection *self)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  RptMandate *mandate = g_object_get_data (G_OBJECT (row), "mandate");
  guint selected = adw_combo_row_get_selected (row);
  RptSignatory *signatory;

  if (letter == NULL || g_object_get_data (G_OBJECT (row), "syncing") != NULL ||
      selected > RPT_TITLE_FORM_FEMININE)
    return;
  signatory = find_signatory (letter, mandate);
  if (signatory == NULL)
    {
      g_autoptr (RptSignatory) s = rpt_signatory_new ();
      rpt_signatory_set_mandate (s, rpt_mandate_get_id (mandate));
      rpt_letter_append_item (letter, RPT_PART_SIGNATORIES, s);
      signatory = s;
    }
  rpt_signatory_set_title_form (signatory, (RptTitleForm) selected);
}

/* The form of title the holder uses: "Rapporteuse spéciale" or
 * "Rapporteur spécial" in French letters, "Relatora" or "Relator" in
 * Spanish ones. Working Groups have one form: no row for them. */
static GtkWidget *
title_form_row (RptMandatesSection *self, GtkWidget *expander, RptMandate *mandate)
{
  /* In the order of RptTitleForm */
  static const char *const forms[] = {
    N_ ("Not recorded"),
    N_ ("Masculine: Rapporteur spécial, Relator Especial"),
    N_ ("Feminine: Rapporteuse spéciale, Relatora Especial"),
  };
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);
  const RptMandateInfo *info =
    rpt_reference_lookup_mandate (rpt_reference_get_default (), rpt_mandate_get_key (mandate));
  GtkWidget *row = adw_combo_row_new ();

  for (guint i = 0; i < G_N_ELEMENTS (forms); i++)
    gtk_string_list_append (list, _ (forms[i]));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), _ ("Form of Title"));
  /* the choice in full under the title: the examples say which
   * languages it is for */
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  sync_title_form (ADW_COMBO_ROW (row), letter != NULL ? find_signatory (letter, mandate) : NULL);
  g_object_set_data (G_OBJECT (row), "mandate", mandate);
  gtk_widget_set_visible (row, info == NULL || g_strcmp0 (info->form, "WG") != 0);
  g_signal_connect_object (row, "notify::selected", G_CALLBACK (title_form_changed_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  g_object_set_data (G_OBJECT (expander), "title-form", row);
  return row;
}

static GtkWidget *
entry_row (RptMandatesSection *self,
           GtkWidget *expander,
           RptMandate *mandate,
           const char *title,
           const char *field)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  GtkWidget *row = adw_entry_row_new ();
  g_autofree char *text = dup_field (letter, mandate, field);

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data (G_OBJECT (row), "syncing", GINT_TO_POINTER (1));
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_object_set_data (G_OBJECT (row), "syncing", NULL);
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  g_object_set_data (G_OBJECT (row), "mandate", mandate);
  g_signal_connect_object (row, "changed", G_CALLBACK (entry_changed_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (expander), row);
  g_ptr_array_add (g_object_get_data (G_OBJECT (expander), "entries"), row);
  return row;
}

static void
mandate_notify_cb (RptMandatesSection *self)
{
  refresh_rows (self);
}

static GtkWidget *
create_row_cb (gpointer item, gpointer user_data)
{
  RptMandatesSection *self = user_data;
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  gboolean writable = rpt_section_get_writable (RPT_SECTION (self));
  RptMandate *mandate = item;
  GtkWidget *box, *row, *name;

  if (!RPT_IS_MANDATE (item))
    return g_str_equal (gtk_string_object_get_string (item), "footer") ? self->footer
                                                                       : self->header;

  /* A boxed list of one row: each mandate its own card. */
  box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  row = adw_expander_row_new ();
  gtk_list_box_append (GTK_LIST_BOX (box), row);
  g_object_set_data_full (G_OBJECT (row), "reference", g_object_ref (self->reference),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "mandate", g_object_ref (mandate), g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "entries", g_ptr_array_new (),
                          (GDestroyNotify) g_ptr_array_unref);
  update_mandate_row (ADW_EXPANDER_ROW (row), letter, mandate, self->reference);
  g_signal_connect_object (mandate, "notify", G_CALLBACK (mandate_notify_cb), self,
                           G_CONNECT_SWAPPED);

  /* Actions are shown right to left: up, down, remove. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               rpt_item_button_new ("user-trash-symbolic",
                                                    _ ("Remove Mandate (Shift+Ctrl+Delete)"),
                                                    "item.remove"));
  adw_expander_row_add_action (
    ADW_EXPANDER_ROW (row),
    rpt_item_button_new ("go-down-symbolic", _ ("Move Down (Alt+↓)"), "item.move-down"));
  adw_expander_row_add_action (
    ADW_EXPANDER_ROW (row),
    rpt_item_button_new ("go-up-symbolic", _ ("Move Up (Alt+↑)"), "item.move-up"));

  name = entry_row (self, row, mandate, _ ("Signed by"), "signatory-name");
  entry_row (self, row, mandate, _ ("Signatory’s title, if not the mandate’s"), "signatory-title");
  title_form_row (self, row, mandate);
  entry_row (self, row, mandate, _ ("Mandate title, if not in the reference data"), "title");
  entry_row (self, row, mandate, _ ("Resolutions, if not in the reference data (e.g. 52/4)"),
             "resolutions");

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), find_signatory (letter, mandate) == NULL);
  gtk_widget_set_sensitive (row, writable);
  /* A mandate without its signatory is typed in from the name. */
  g_object_set_data (G_OBJECT (box), "rpt-default-focus",
                     find_signatory (letter, mandate) == NULL ? name : row);
  rpt_item_actions_attach (box, letter, RPT_PART_MANDATES, mandate, writable);
  return box;
}

static int
estimate_cb (gpointer item, int width, gpointer user_data)
{
  if (RPT_IS_MANDATE (item))
    return 72;
  return g_str_equal (gtk_string_object_get_string (item), "footer") ? 320 : 100;
}

static void
rpt_mandates_section_letter_set (RptSection *section, RptLetter *letter)
{
  RptMandatesSection *self = RPT_MANDATES_SECTION (section);
  GListStore *models = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr (GListStore) heading = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr (GListStore) ending = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr (GObject) marker = G_OBJECT (gtk_string_object_new ("header"));
  g_autoptr (GObject) end_marker = G_OBJECT (gtk_string_object_new ("footer"));

  /* The reference data is read when the section is first shown. */
  if (self->reference == NULL)
    self->reference = rpt_reference_data_dup_mandates ();
  g_list_store_append (heading, marker);
  g_list_store_append (models, heading);
  if (letter != NULL)
    {
      g_list_store_append (models, rpt_letter_get_part (letter, RPT_PART_MANDATES));
      g_signal_connect_object (rpt_letter_get_part (letter, RPT_PART_MANDATES), "items-changed",
                               G_CALLBACK (refresh_rows), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  g_list_store_append (ending, end_marker);
  g_list_store_append (models, ending);
  g_binding_group_set_source (self->bindings, letter);
  /* A signatory added, removed or renamed (an undo) shows in its row. */
  g_signal_group_set_target (self->signatories, letter);
  g_clear_object (&self->model);
  self->model = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (models)));
  rpt_item_list_set_model (self->list, self->model, create_row_cb, estimate_cb, self);
  refresh_rows (self);
}

static GtkWidget *
rpt_mandates_section_ensure_row (RptSection *section, RptPart part, guint position)
{
  RptMandatesSection *self = RPT_MANDATES_SECTION (section);
  GtkWidget *row;

  if (part != RPT_PART_MANDATES)
    return NULL;
  row = rpt_item_list_ensure_row (self->list, position + 1);
  if (row != NULL)
    rpt_item_list_scroll_to (self->list, position + 1);
  return row;
}

static void
add_mandate (RptMandatesSection *self, const char *key)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  g_autoptr (RptMandate) mandate = rpt_mandate_new ();

  if (letter == NULL)
    return;
  if (key != NULL)
    rpt_mandate_set_key (mandate, key);
  rpt_letter_append_item (letter, RPT_PART_MANDATES, mandate);
  /* The caret goes to the signatory's name. */
  rpt_section_focus_item (RPT_SECTION (self), RPT_PART_MANDATES,
                          rpt_letter_get_n_items (letter, RPT_PART_MANDATES) - 1, NULL);
}

static void
mandate_picked_cb (RptMandatesSection *self, RptChoice *choice)
{
  add_mandate (self, rpt_choice_get_key (choice));
}

static gboolean
rpt_mandates_section_add_item (RptSection *section)
{
  RptMandatesSection *self = RPT_MANDATES_SECTION (section);
  GtkWidget *dialog;

  if (g_list_model_get_n_items (self->reference) == 0)
    {
      /* No reference data: a mandate to type in. */
      add_mandate (self, NULL);
      return TRUE;
    }
  dialog = rpt_picker_dialog_new (_ ("Add Mandate"), self->reference, _ ("Search mandates"));
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    rpt_picker_dialog_set_return_focus (RPT_PICKER_DIALOG (dialog),
                                        root != NULL ? gtk_root_get_focus (root) : NULL);
  }
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "picked", G_CALLBACK (mandate_picked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
  return TRUE;
}

static void
add_action (GtkWidget *widget, const char *name, GVariant *param)
{
  rpt_section_add_item (RPT_SECTION (widget));
}

static void
writable_changed_cb (RptMandatesSection *self)
{
  gboolean writable = rpt_section_get_writable (RPT_SECTION (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.add-co-signatory", writable);
  rpt_paragraph_editor_set_editable (self->co_senders_editor, writable);
  gtk_widget_set_sensitive (GTK_WIDGET (self->co_signatories), writable);
}

static void
rpt_mandates_section_dispose (GObject *object)
{
  RptMandatesSection *self = RPT_MANDATES_SECTION (object);

  if (self->list != NULL)
    rpt_item_list_set_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_MANDATES_SECTION);
  g_clear_object (&self->signatories);
  g_clear_object (&self->bindings);
  g_clear_pointer (&self->co_signatory_items, g_ptr_array_unref);
  g_clear_object (&self->model);
  g_clear_object (&self->reference);
  G_OBJECT_CLASS (rpt_mandates_section_parent_class)->dispose (object);
}

static void
rpt_mandates_section_class_init (RptMandatesSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_mandates_section_dispose;
  RPT_SECTION_CLASS (klass)->letter_set = rpt_mandates_section_letter_set;
  RPT_SECTION_CLASS (klass)->add_item = rpt_mandates_section_add_item;
  RPT_SECTION_CLASS (klass)->ensure_row = rpt_mandates_section_ensure_row;

  g_type_ensure (RPT_TYPE_ITEM_LIST);
  g_type_ensure (RPT_TYPE_PARAGRAPH_EDITOR);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-mandates-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RptMandatesSection, list);
  gtk_widget_class_bind_template_child (widget_class, RptMandatesSection, header);
  gtk_widget_class_bind_template_child (widget_class, RptMandatesSection, placeholder);
  gtk_widget_class_bind_template_child (widget_class, RptMandatesSection, footer);
  gtk_widget_class_bind_template_child (widget_class, RptMandatesSection, co_senders_editor);
  gtk_widget_class_bind_template_child (widget_class, RptMandatesSection, co_signatories);
  gtk_widget_class_bind_template_child (widget_class, RptMandatesSection, add_co_signatory);
  gtk_widget_class_install_action (widget_class, "section.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "section.add-co-signatory", NULL,
                                   add_co_signatory_action);
}

static void
rpt_mandates_section_init (RptMandatesSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->co_signatory_items = g_ptr_array_new_with_free_func (g_object_unref);
  {
    GtkWidget *none = gtk_label_new (_ ("No one signs for co-senders"));

    gtk_widget_add_css_class (none, "dim-label");
    gtk_widget_set_margin_top (none, 12);
    gtk_widget_set_margin_bottom (none, 12);
    gtk_list_box_set_placeholder (self->co_signatories, none);
  }
  rpt_paragraph_editor_set_label (self->co_senders_editor, _ ("Co-senders"));
  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "co-senders", self->co_senders_editor, "markup",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  self->signatories = g_signal_group_new (RPT_TYPE_LETTER);
  /* Any change may be a signatory's: the rows on screen check theirs
   * (they keep the caret when nothing differs). */
  g_signal_group_connect_swapped (self->signatories, "changed", G_CALLBACK (refresh_rows), self);
  g_signal_connect (self, "notify::writable", G_CALLBACK (writable_changed_cb), NULL);
}
