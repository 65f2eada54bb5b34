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
  GListModel *model; /* the heading, then the mandates */
  GSignalGroup *signatories;

  RptItemList *list;
  GtkWidget *header;
  GtkWidget *placeholder;
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

  update_mandate_row (ADW_EXPANDER_ROW (row), mandate, reference);
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

static void
refresh_rows (RptMandatesSection *self)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));

  if (letter == NULL)
    return;
  for (GtkWidget *box = gtk_widget_get_first_child (GTK_WIDGET (self->list)); box != NULL;
       box = gtk_widget_get_next_sibling (box))
    if (box != self->header)
      {
        refresh_row (box, letter);
        rpt_item_actions_update (box);
      }
  gtk_widget_set_visible (self->placeholder,
                          rpt_letter_get_n_items (letter, RPT_PART_MANDATES) == 0);
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
    return self->header;

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
  update_mandate_row (ADW_EXPANDER_ROW (row), mandate, self->reference);
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
  return RPT_IS_MANDATE (item) ? 72 : 100;
}

static void
rpt_mandates_section_letter_set (RptSection *section, RptLetter *letter)
{
  RptMandatesSection *self = RPT_MANDATES_SECTION (section);
  GListStore *models = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr (GListStore) heading = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr (GObject) marker = G_OBJECT (gtk_string_object_new ("header"));

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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.add",
                                 rpt_section_get_writable (RPT_SECTION (self)));
}

static void
rpt_mandates_section_dispose (GObject *object)
{
  RptMandatesSection *self = RPT_MANDATES_SECTION (object);

  if (self->list != NULL)
    rpt_item_list_set_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_MANDATES_SECTION);
  g_clear_object (&self->signatories);
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
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-mandates-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RptMandatesSection, list);
  gtk_widget_class_bind_template_child (widget_class, RptMandatesSection, header);
  gtk_widget_class_bind_template_child (widget_class, RptMandatesSection, placeholder);
  gtk_widget_class_install_action (widget_class, "section.add", NULL, add_action);
}

static void
rpt_mandates_section_init (RptMandatesSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->signatories = g_signal_group_new (RPT_TYPE_LETTER);
  /* Any change may be a signatory's: the rows on screen check theirs
   * (they keep the caret when nothing differs). */
  g_signal_group_connect_swapped (self->signatories, "changed", G_CALLBACK (refresh_rows), self);
  g_signal_connect (self, "notify::writable", G_CALLBACK (writable_changed_cb), NULL);
}
