/* rpt-letter-section.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-letter-section"

#include <glib/gi18n.h>

#include "rpt-date-button.h"
#include "rpt-house-style.h"
#include "rpt-letter-section.h"
#include "rpt-picker-dialog.h"
#include "rpt-reference-data.h"

/* Kind, addressee, reference, date and language: the letter's own
 * properties, bound through one binding group so that a new letter (a
 * restored version) rebinds them all. */
struct _RptLetterSection
{
  RptSection parent_instance;

  GBindingGroup *bindings;
  GSignalGroup *signals;

  GtkWidget *content;
  AdwComboRow *kind_row;
  AdwActionRow *country_row;
  AdwEntryRow *addressee_row;
  AdwEntryRow *salutation_row;
  AdwActionRow *reference_row;
  GtkSpinButton *number_spin;
  GtkSpinButton *year_spin;
  RptDateButton *date_button;
  AdwComboRow *language_row;
  AdwComboRow *house_style_row;
  GtkStringList *house_style_list;
  AdwActionRow *house_style_about;
  GPtrArray *edition_ids; /* the combo row's items: NULL (the newest), then edition ids */
};

G_DEFINE_FINAL_TYPE (RptLetterSection, rpt_letter_section, RPT_TYPE_SECTION)

static const char *const languages[] = { "en", "fr", "es" };

static gboolean
enum_to_uint (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
uint_to_enum (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  guint value = g_value_get_uint (from);

  if (value == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_enum (to, (int) value);
  return TRUE;
}

static gboolean
language_to_index (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  const char *language = g_value_get_string (from);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_strcmp0 (language, languages[i]) == 0)
      {
        g_value_set_uint (to, i);
        return TRUE;
      }
  return FALSE;
}

static gboolean
index_to_language (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  guint i = g_value_get_uint (from);

  if (i >= G_N_ELEMENTS (languages))
    return FALSE;
  g_value_set_string (to, languages[i]);
  return TRUE;
}

/* The house style edition: the first item follows the newest (no edition
 * named); an edition this Rapporteur does not know (a letter from a newer
 * one) gets an item of its own rather than pass for another. */
static gboolean
edition_to_index (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  RptLetterSection *self = user_data;
  const char *id = g_value_get_string (from);

  for (guint i = 0; i < self->edition_ids->len; i++)
    if (g_strcmp0 (id, self->edition_ids->pdata[i]) == 0)
      {
        g_value_set_uint (to, i);
        return TRUE;
      }
  {
    /* Translators: %s is the id of a house style edition, e.g. "2030" */
    g_autofree char *label = g_strdup_printf (_ ("“%s”, which this Rapporteur does not know"), id);
    gtk_string_list_append (self->house_style_list, label);
    g_ptr_array_add (self->edition_ids, g_strdup (id));
  }
  g_value_set_uint (to, self->edition_ids->len - 1);
  return TRUE;
}

static gboolean
index_to_edition (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  RptLetterSection *self = user_data;
  guint i = g_value_get_uint (from);

  if (i >= self->edition_ids->len)
    return FALSE;
  g_value_set_string (to, self->edition_ids->pdata[i]);
  return TRUE;
}

/* What the chosen edition changes, under its name. */
static void
update_house_style_subtitle (RptLetterSection *self)
{
  RptHouseStyle *style = rpt_house_style_get_default ();
  guint i = adw_combo_row_get_selected (self->house_style_row);
  const char *id = i < self->edition_ids->len ? self->edition_ids->pdata[i] : NULL;
  const RptHouseStyleEdition *edition =
    id != NULL ? rpt_house_style_lookup_edition (style, id) : rpt_house_style_get_newest (style);
  g_autofree char *escaped = NULL;

  if (edition != NULL)
    escaped = g_markup_escape_text (edition->description, -1);
  else
    escaped = g_markup_escape_text (_ ("The letter is written in the newest edition."), -1);
  adw_action_row_set_subtitle (self->house_style_about, escaped);
}

static void
fill_editions (RptLetterSection *self)
{
  RptHouseStyle *style = rpt_house_style_get_default ();
  g_autoptr (GPtrArray) editions = rpt_house_style_list_editions (style);
  g_autofree char *newest = NULL;

  self->edition_ids = g_ptr_array_new_with_free_func (g_free);
  /* Translators: %s is the name of the newest edition of the house style, e.g. "2024 on" */
  newest = g_strdup_printf (_ ("Newest (%s)"), rpt_house_style_get_newest (style)->name);
  gtk_string_list_append (self->house_style_list, newest);
  g_ptr_array_add (self->edition_ids, NULL);
  for (guint i = 0; i < editions->len; i++)
    {
      const RptHouseStyleEdition *e = editions->pdata[i];
      gtk_string_list_append (self->house_style_list, e->name);
      g_ptr_array_add (self->edition_ids, g_strdup (e->id));
    }
}

static gboolean
country_to_name (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  g_value_take_string (to, rpt_reference_data_dup_country_name (g_value_get_string (from)));
  return TRUE;
}

static gboolean
country_is_other (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  g_value_set_boolean (to, g_strcmp0 (g_value_get_string (from), "OTH") == 0);
  return TRUE;
}

static gboolean
uint_to_double (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  g_value_set_double (to, g_value_get_uint (from));
  return TRUE;
}

static gboolean
double_to_uint (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  g_value_set_uint (to, (guint) CLAMP (g_value_get_double (from), 0, 9999));
  return TRUE;
}

static void
update_reference (RptLetterSection *self)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  g_autofree char *reference = letter != NULL ? rpt_letter_dup_reference (letter) : NULL;

  adw_action_row_set_subtitle (self->reference_row,
                               reference != NULL ? reference
                                                 : _ ("None yet: it needs a number and a year"));
}

static void
country_picked_cb (RptLetterSection *self, RptChoice *choice)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));

  if (letter != NULL)
    rpt_letter_set_country (letter, rpt_choice_get_key (choice));
}

static void
choose_country_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptLetterSection *self = RPT_LETTER_SECTION (widget);
  g_autoptr (GListModel) countries = rpt_reference_data_dup_countries ();
  GtkWidget *dialog;

  if (!rpt_section_get_writable (RPT_SECTION (self)))
    return;
  dialog = rpt_picker_dialog_new (_ ("Addressee"), countries, _ ("Search countries"));
  rpt_picker_dialog_set_return_focus (RPT_PICKER_DIALOG (dialog), GTK_WIDGET (self->country_row));
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "picked", G_CALLBACK (country_picked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
rpt_letter_section_letter_set (RptSection *section, RptLetter *letter)
{
  RptLetterSection *self = RPT_LETTER_SECTION (section);

  g_binding_group_set_source (self->bindings, letter);
  g_signal_group_set_target (self->signals, letter);
  update_reference (self);
}

static void
rpt_letter_section_dispose (GObject *object)
{
  RptLetterSection *self = RPT_LETTER_SECTION (object);

  g_clear_object (&self->bindings);
  g_clear_object (&self->signals);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_LETTER_SECTION);
  g_clear_pointer (&self->edition_ids, g_ptr_array_unref);
  G_OBJECT_CLASS (rpt_letter_section_parent_class)->dispose (object);
}

static void
rpt_letter_section_class_init (RptLetterSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_letter_section_dispose;
  RPT_SECTION_CLASS (klass)->letter_set = rpt_letter_section_letter_set;

  g_type_ensure (RPT_TYPE_DATE_BUTTON);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-letter-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RptLetterSection, content);
  gtk_widget_class_bind_template_child (widget_class, RptLetterSection, kind_row);
  gtk_widget_class_bind_template_child (widget_class, RptLetterSection, country_row);
  gtk_widget_class_bind_template_child (widget_class, RptLetterSection, addressee_row);
  gtk_widget_class_bind_template_child (widget_class, RptLetterSection, salutation_row);
  gtk_widget_class_bind_template_child (widget_class, RptLetterSection, reference_row);
  gtk_widget_class_bind_template_child (widget_class, RptLetterSection, number_spin);
  gtk_widget_class_bind_template_child (widget_class, RptLetterSection, year_spin);
  gtk_widget_class_bind_template_child (widget_class, RptLetterSection, date_button);
  gtk_widget_class_bind_template_child (widget_class, RptLetterSection, language_row);
  gtk_widget_class_bind_template_child (widget_class, RptLetterSection, house_style_row);
  gtk_widget_class_bind_template_child (widget_class, RptLetterSection, house_style_list);
  gtk_widget_class_bind_template_child (widget_class, RptLetterSection, house_style_about);

  gtk_widget_class_install_action (widget_class, "section.choose-country", NULL,
                                   choose_country_action);
}

static void
rpt_letter_section_init (RptLetterSection *self)
{
  const GBindingFlags both = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;

  gtk_widget_init_template (GTK_WIDGET (self));
  g_object_bind_property (self, "writable", self->content, "sensitive", G_BINDING_SYNC_CREATE);

  self->bindings = g_binding_group_new ();
  g_binding_group_bind_full (self->bindings, "kind", self->kind_row, "selected", both, enum_to_uint,
                             uint_to_enum, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "country", self->country_row, "subtitle",
                             G_BINDING_SYNC_CREATE, country_to_name, NULL, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "country", self->addressee_row, "visible",
                             G_BINDING_SYNC_CREATE, country_is_other, NULL, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "country", self->salutation_row, "visible",
                             G_BINDING_SYNC_CREATE, country_is_other, NULL, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "addressee-name", self->addressee_row, "text", both,
                             rpt_section_null_to_empty, rpt_section_empty_to_null, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "salutation", self->salutation_row, "text", both,
                             rpt_section_null_to_empty, rpt_section_empty_to_null, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "reference-number",
                             gtk_spin_button_get_adjustment (self->number_spin), "value", both,
                             uint_to_double, double_to_uint, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "reference-year",
                             gtk_spin_button_get_adjustment (self->year_spin), "value", both,
                             uint_to_double, double_to_uint, NULL, NULL);
  g_binding_group_bind (self->bindings, "date", self->date_button, "date", both);
  g_binding_group_bind_full (self->bindings, "language", self->language_row, "selected", both,
                             language_to_index, index_to_language, NULL, NULL);
  fill_editions (self);
  g_signal_connect_swapped (self->house_style_row, "notify::selected",
                            G_CALLBACK (update_house_style_subtitle), self);
  g_binding_group_bind_full (self->bindings, "house-style", self->house_style_row, "selected", both,
                             edition_to_index, index_to_edition, self, NULL);
  update_house_style_subtitle (self);

  self->signals = g_signal_group_new (RPT_TYPE_LETTER);
  g_signal_group_connect_swapped (self->signals, "changed", G_CALLBACK (update_reference), self);
}
