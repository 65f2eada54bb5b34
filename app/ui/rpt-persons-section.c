/* rpt-persons-section.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-persons-section"

#include <glib/gi18n.h>

#include "rpt-edit.h"
#include "rpt-paragraphs-section.h"
#include "rpt-persons-section.h"

/* The persons concerned, each an expander of fields bound to the person,
 * and the profile paragraphs that describe them. */
struct _RptPersonsSection
{
  RptSection parent_instance;

  GtkWidget *content;
  GtkListBox *list;
  RptParagraphsSection *profile;
};

G_DEFINE_FINAL_TYPE (RptPersonsSection, rpt_persons_section, RPT_TYPE_SECTION)

static gboolean
name_to_title (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  const char *text = g_value_get_string (from);
  g_value_take_string (
    to, g_markup_escape_text (text != NULL && text[0] != '\0' ? text : _ ("Unnamed person"), -1));
  return TRUE;
}

static gboolean
enum_to_uint (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  g_value_set_uint (to, (guint) g_value_get_enum (from));
  return TRUE;
}

static gboolean
uint_to_enum (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  if (g_value_get_uint (from) == GTK_INVALID_LIST_POSITION)
    return FALSE;
  g_value_set_enum (to, (int) g_value_get_uint (from));
  return TRUE;
}

static gboolean
int_to_double (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  g_value_set_double (to, MAX (g_value_get_int (from), 0));
  return TRUE;
}

static gboolean
double_to_int (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  int age = (int) g_value_get_double (from);
  /* 0 in the spin button is "age not given". */
  g_value_set_int (to, age > 0 ? age : -1);
  return TRUE;
}

static GtkWidget *
text_row (RptPerson *person, const char *prop, const char *title)
{
  GtkWidget *row = adw_entry_row_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_bind_property_full (person, prop, row, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               rpt_section_null_to_empty, rpt_section_empty_to_null, NULL, NULL);
  return row;
}

static GtkWidget *
switch_row (RptPerson *person, const char *prop, const char *title, const char *subtitle)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *sw = gtk_switch_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  gtk_widget_set_valign (sw, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (sw), GTK_ACCESSIBLE_PROPERTY_LABEL, title, -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), sw);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), sw);
  g_object_bind_property (person, prop, sw, "active",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  return row;
}

static void
remove_clicked_cb (GtkButton *button, RptPersonsSection *self)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  RptPerson *person = g_object_get_data (G_OBJECT (button), "person");
  RptPart part;
  guint position;

  if (letter != NULL &&
      rpt_letter_find_item (letter, rpt_person_get_id (person), &part, &position) != NULL)
    rpt_letter_remove_item (letter, part, position);
}

static GtkWidget *
create_row_cb (gpointer item, gpointer user_data)
{
  RptPersonsSection *self = user_data;
  RptPerson *person = item;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *child, *spin, *remove;
  GtkStringList *genders;

  g_object_set_data_full (G_OBJECT (row), "rpt-item-id", g_strdup (rpt_person_get_id (person)),
                          g_free);
  g_object_bind_property_full (person, "name", row, "title", G_BINDING_SYNC_CREATE, name_to_title,
                               NULL, NULL, NULL);
  g_object_bind_property_full (person, "occupation", row, "subtitle", G_BINDING_SYNC_CREATE,
                               name_to_title, NULL, NULL, NULL);

  remove = gtk_button_new_from_icon_name ("user-trash-symbolic");
  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _ ("Remove Person"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Remove Person"), -1);
  g_object_set_data_full (G_OBJECT (remove), "person", g_object_ref (person), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), self, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), text_row (person, "name", _ ("Name")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            text_row (person, "honorific", _ ("Honorific (Mr., Ms., Mx.)")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            text_row (person, "occupation", _ ("Occupation")));

  child = adw_combo_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), _ ("Gender"));
  genders = gtk_string_list_new (NULL);
  gtk_string_list_append (genders, _ ("Not given"));
  gtk_string_list_append (genders, _ ("Female"));
  gtk_string_list_append (genders, _ ("Male"));
  gtk_string_list_append (genders, _ ("Other"));
  adw_combo_row_set_model (ADW_COMBO_ROW (child), G_LIST_MODEL (genders));
  g_object_unref (genders);
  g_object_bind_property_full (person, "gender", child, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, enum_to_uint,
                               uint_to_enum, NULL, NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);

  child = adw_action_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (child), _ ("Age"));
  adw_action_row_set_subtitle (ADW_ACTION_ROW (child), _ ("0 if not given"));
  spin = gtk_spin_button_new_with_range (0, 130, 1);
  gtk_widget_set_valign (spin, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (spin), GTK_ACCESSIBLE_PROPERTY_LABEL, _ ("Age"),
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (child), spin);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (child), spin);
  g_object_bind_property_full (
    person, "age", gtk_spin_button_get_adjustment (GTK_SPIN_BUTTON (spin)), "value",
    G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, int_to_double, double_to_int, NULL, NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), child);

  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            switch_row (person, "defender", _ ("Human rights defender"), NULL));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            switch_row (person, "deprived-of-liberty", _ ("Deprived of liberty"),
                                        _ ("Detained, imprisoned or otherwise held")));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), rpt_person_get_name (person) == NULL);
  return row;
}

static void
rpt_persons_section_letter_set (RptSection *section, RptLetter *letter)
{
  RptPersonsSection *self = RPT_PERSONS_SECTION (section);

  gtk_list_box_bind_model (self->list,
                           letter != NULL ? rpt_letter_get_part (letter, RPT_PART_PERSONS) : NULL,
                           create_row_cb, self, NULL);
  rpt_section_set_letter (RPT_SECTION (self->profile), letter);
}

static gboolean
rpt_persons_section_add_item (RptSection *section)
{
  RptPersonsSection *self = RPT_PERSONS_SECTION (section);
  RptLetter *letter = rpt_section_get_letter (section);
  g_autoptr (RptPerson) person = rpt_person_new ();
  GtkListBoxRow *row;

  if (letter == NULL)
    return FALSE;
  rpt_letter_append_item (letter, RPT_PART_PERSONS, person);
  row = gtk_list_box_get_row_at_index (self->list,
                                       rpt_letter_get_n_items (letter, RPT_PART_PERSONS) - 1);
  if (row != NULL)
    gtk_widget_grab_focus (GTK_WIDGET (row));
  return TRUE;
}

static void
add_action (GtkWidget *widget, const char *name, GVariant *param)
{
  rpt_section_add_item (RPT_SECTION (widget));
}

static void
rpt_persons_section_dispose (GObject *object)
{
  RptPersonsSection *self = RPT_PERSONS_SECTION (object);

  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_PERSONS_SECTION);
  G_OBJECT_CLASS (rpt_persons_section_parent_class)->dispose (object);
}

static void
rpt_persons_section_class_init (RptPersonsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_persons_section_dispose;
  RPT_SECTION_CLASS (klass)->letter_set = rpt_persons_section_letter_set;
  RPT_SECTION_CLASS (klass)->add_item = rpt_persons_section_add_item;

  g_type_ensure (RPT_TYPE_PARAGRAPHS_SECTION);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/gnome/Rapporteur/ui/rpt-persons-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RptPersonsSection, content);
  gtk_widget_class_bind_template_child (widget_class, RptPersonsSection, list);
  gtk_widget_class_bind_template_child (widget_class, RptPersonsSection, profile);
  gtk_widget_class_install_action (widget_class, "section.add", NULL, add_action);
}

static void
rpt_persons_section_init (RptPersonsSection *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  placeholder = gtk_label_new (_ ("No persons yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->list, placeholder);
  g_object_bind_property (self, "writable", self->content, "sensitive", G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "writable", self->profile, "writable", G_BINDING_SYNC_CREATE);
}
