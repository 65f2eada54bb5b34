/* rpt-mandates-section.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-mandates-section"

#include <glib/gi18n.h>

#include "rpt-edit.h"
#include "rpt-mandates-section.h"
#include "rpt-picker-dialog.h"
#include "rpt-reference-data.h"

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

  GtkWidget *content;
  GtkListBox *list;
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

static void
update_mandate_row (AdwExpanderRow *row, RptMandate *mandate, GListModel *reference)
{
  RptChoice *choice = rpt_reference_data_find (reference, rpt_mandate_get_key (mandate));
  const char *const *resolutions = rpt_mandate_get_resolutions (mandate);
  const char *title = rpt_mandate_get_title (mandate);
  g_autofree char *res = NULL;
  g_autofree char *escaped_title = NULL;
  g_autofree char *escaped_sub = NULL;

  if (title == NULL && choice != NULL)
    title = rpt_choice_get_title (choice);
  if (title == NULL)
    title = rpt_mandate_get_key (mandate) != NULL ? rpt_mandate_get_key (mandate)
                                                  : _ ("Untitled mandate");
  if ((resolutions == NULL || resolutions[0] == NULL) && choice != NULL)
    resolutions = rpt_choice_get_values (choice);
  if (resolutions != NULL && resolutions[0] != NULL)
    res = g_strjoinv (", ", (char **) resolutions);
  escaped_title = g_markup_escape_text (title, -1);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), escaped_title);
  if (res != NULL)
    {
      /* Translators: %s is a list of Human Rights Council resolutions */
      g_autofree char *sub = g_strdup_printf (_ ("Resolutions %s"), res);
      escaped_sub = g_markup_escape_text (sub, -1);
    }
  adw_expander_row_set_subtitle (row, escaped_sub != NULL ? escaped_sub : "");
}

static void
mandate_notify_cb (RptMandate *mandate, GParamSpec *pspec, AdwExpanderRow *row)
{
  GListModel *reference = g_object_get_data (G_OBJECT (row), "reference");
  update_mandate_row (row, mandate, reference);
}

static void
signatory_changed_cb (GtkEditable *editable, RptMandatesSection *self)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  RptMandate *mandate = g_object_get_data (G_OBJECT (editable), "mandate");
  const char *field = g_object_get_data (G_OBJECT (editable), "field");
  const char *text = gtk_editable_get_text (editable);
  RptSignatory *signatory;

  if (letter == NULL || g_object_get_data (G_OBJECT (editable), "syncing") != NULL)
    return;
  signatory = find_signatory (letter, mandate);
  if (signatory == NULL)
    {
      g_autoptr (RptSignatory) s = rpt_signatory_new ();
      rpt_signatory_set_mandate (s, rpt_mandate_get_id (mandate));
      rpt_letter_append_item (letter, RPT_PART_SIGNATORIES, s);
      signatory = s;
    }
  if (g_str_equal (field, "name"))
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
title_form_row (RptMandate *mandate, RptSignatory *signatory)
{
  /* In the order of RptTitleForm */
  static const char *const forms[] = {
    N_ ("Not recorded"),
    N_ ("Masculine: Rapporteur spécial, Relator Especial"),
    N_ ("Feminine: Rapporteuse spéciale, Relatora Especial"),
  };
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
  g_object_set_data (G_OBJECT (row), "syncing", GINT_TO_POINTER (1));
  adw_combo_row_set_selected (ADW_COMBO_ROW (row), signatory != NULL
                                                     ? rpt_signatory_get_title_form (signatory)
                                                     : RPT_TITLE_FORM_UNSPECIFIED);
  g_object_set_data (G_OBJECT (row), "syncing", NULL);
  g_object_set_data (G_OBJECT (row), "mandate", mandate);
  gtk_widget_set_visible (row, info == NULL || g_strcmp0 (info->form, "WG") != 0);
  return row;
}

static void
override_changed_cb (GtkEditable *editable, RptMandate *mandate)
{
  const char *field = g_object_get_data (G_OBJECT (editable), "field");
  const char *text = gtk_editable_get_text (editable);

  if (g_str_equal (field, "title"))
    rpt_mandate_set_title (mandate, text[0] != '\0' ? text : NULL);
  else
    {
      g_auto (GStrv) parts = g_strsplit_set (text, ", ", -1);
      g_autoptr (GStrvBuilder) builder = g_strv_builder_new ();
      g_auto (GStrv) clean = NULL;
      for (guint i = 0; parts[i] != NULL; i++)
        if (parts[i][0] != '\0')
          g_strv_builder_add (builder, parts[i]);
      clean = g_strv_builder_end (builder);
      rpt_mandate_set_resolutions (mandate, clean[0] != NULL ? (const char *const *) clean : NULL);
    }
}

static GtkWidget *
entry_row (const char *title, const char *text, const char *field)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_set_data (G_OBJECT (row), "syncing", GINT_TO_POINTER (1));
  gtk_editable_set_text (GTK_EDITABLE (row), text != NULL ? text : "");
  g_object_set_data (G_OBJECT (row), "syncing", NULL);
  g_object_set_data (G_OBJECT (row), "field", (gpointer) field);
  return row;
}

static void
item_button_clicked_cb (GtkButton *button, RptMandatesSection *self)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  RptMandate *mandate = g_object_get_data (G_OBJECT (button), "mandate");
  const char *what = g_object_get_data (G_OBJECT (button), "what");
  RptPart part;
  guint position;

  if (letter == NULL ||
      rpt_letter_find_item (letter, rpt_mandate_get_id (mandate), &part, &position) == NULL)
    return;
  if (g_str_equal (what, "up"))
    rpt_edit_move_item (letter, RPT_PART_MANDATES, position, -1);
  else if (g_str_equal (what, "down"))
    rpt_edit_move_item (letter, RPT_PART_MANDATES, position, 1);
  else
    rpt_edit_remove_mandate (letter, position);
}

static GtkWidget *
item_button (RptMandatesSection *self,
             RptMandate *mandate,
             const char *icon,
             const char *tooltip,
             const char *what)
{
  GtkWidget *button = gtk_button_new_from_icon_name (icon);

  gtk_widget_set_tooltip_text (button, tooltip);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, tooltip,
                                  -1);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (button, "flat");
  g_object_set_data_full (G_OBJECT (button), "mandate", g_object_ref (mandate), g_object_unref);
  g_object_set_data (G_OBJECT (button), "what", (gpointer) what);
  g_signal_connect_object (button, "clicked", G_CALLBACK (item_button_clicked_cb), self, 0);
  return button;
}

static GtkWidget *
create_row_cb (gpointer item, gpointer user_data)
{
  RptMandatesSection *self = user_data;
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  RptMandate *mandate = item;
  RptSignatory *signatory = find_signatory (letter, mandate);
  gboolean writable = rpt_section_get_writable (RPT_SECTION (self));
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *child;
  g_autofree char *resolutions = NULL;

  g_object_set_data_full (G_OBJECT (row), "reference", g_object_ref (self->reference),
                          g_object_unref);
  g_object_set_data_full (G_OBJECT (row), "rpt-item-id", g_strdup (rpt_mandate_get_id (mandate)),
                          g_free);
  update_mandate_row (ADW_EXPANDER_ROW (row), mandate, self->reference);
  g_signal_connect_object (mandate, "notify", G_CALLBACK (mandate_notify_cb), row, 0);

  /* Actions are shown right to left: up, down, remove. */
  adw_expander_row_add_action (
    ADW_EXPANDER_ROW (row),
    item_button (self, mandate, "user-trash-symbolic", _ ("Remove Mandate"), "remove"));
  adw_expander_row_add_action (
    ADW_EXPANDER_ROW (row),
    item_button (self, mandate, "go-down-symbolic", _ ("Move Down"), "down"));
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               item_button (self, mandate, "go-up-symbolic", _ ("Move Up"), "up"));

  child = entry_row (_ ("Signed by"), signatory != NULL ? rpt_signatory_get_name (signatory) : NULL,
                     "name");
  g_object_set_data (G_OBJECT (child), "mandate", mandate);
  g_signal_connect_object (child, "changed", G_CALLBACK (signatory_changed_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);

  child = entry_row (_ ("Signatory’s title, if not the mandate’s"),
                     signatory != NULL ? rpt_signatory_get_title (signatory) : NULL, "title");
  g_object_set_data (G_OBJECT (child), "mandate", mandate);
  g_signal_connect_object (child, "changed", G_CALLBACK (signatory_changed_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);

  child = title_form_row (mandate, signatory);
  g_signal_connect_object (child, "notify::selected", G_CALLBACK (title_form_changed_cb), self, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);

  child = entry_row (_ ("Mandate title, if not in the reference data"),
                     rpt_mandate_get_title (mandate), "title");
  g_signal_connect_object (child, "changed", G_CALLBACK (override_changed_cb), mandate, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);

  if (rpt_mandate_get_resolutions (mandate) != NULL)
    resolutions = g_strjoinv (", ", (char **) rpt_mandate_get_resolutions (mandate));
  child = entry_row (_ ("Resolutions, if not in the reference data (e.g. 52/4)"), resolutions,
                     "resolutions");
  g_signal_connect_object (child, "changed", G_CALLBACK (override_changed_cb), mandate, 0);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);

  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), signatory == NULL);
  gtk_widget_set_sensitive (row, writable);
  return row;
}

static void
rpt_mandates_section_letter_set (RptSection *section, RptLetter *letter)
{
  RptMandatesSection *self = RPT_MANDATES_SECTION (section);

  /* The reference data is read when the section is first shown. */
  if (self->reference == NULL)
    self->reference = rpt_reference_data_dup_mandates ();
  gtk_list_box_bind_model (self->list,
                           letter != NULL ? rpt_letter_get_part (letter, RPT_PART_MANDATES) : NULL,
                           create_row_cb, self, NULL);
}

static void
add_mandate (RptMandatesSection *self, const char *key)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  g_autoptr (RptMandate) mandate = rpt_mandate_new ();
  GtkListBoxRow *row;

  if (letter == NULL)
    return;
  if (key != NULL)
    rpt_mandate_set_key (mandate, key);
  rpt_letter_append_item (letter, RPT_PART_MANDATES, mandate);
  row = gtk_list_box_get_row_at_index (self->list,
                                       rpt_letter_get_n_items (letter, RPT_PART_MANDATES) - 1);
  if (row != NULL)
    {
      adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), TRUE);
      gtk_widget_grab_focus (GTK_WIDGET (row));
    }
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
rpt_mandates_section_dispose (GObject *object)
{
  RptMandatesSection *self = RPT_MANDATES_SECTION (object);

  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_MANDATES_SECTION);
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

  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/gnome/Rapporteur/ui/rpt-mandates-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RptMandatesSection, content);
  gtk_widget_class_bind_template_child (widget_class, RptMandatesSection, list);
  gtk_widget_class_install_action (widget_class, "section.add", NULL, add_action);
}

static void
rpt_mandates_section_init (RptMandatesSection *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  placeholder = gtk_label_new (_ ("No mandates yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->list, placeholder);
  g_object_bind_property (self, "writable", self->content, "sensitive", G_BINDING_SYNC_CREATE);
}
