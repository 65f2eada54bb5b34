/* rpt-persons-section.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-persons-section"

#include <glib/gi18n.h>

#include "rpt-edit.h"
#include "rpt-item-list.h"
#include "rpt-paragraph-row.h"
#include "rpt-persons-section.h"

/* The persons concerned, each an expander of fields bound to the person,
 * then the profile paragraphs that describe them: one list, rows made for
 * what is on screen (RptItemList). */
struct _RptPersonsSection
{
  RptSection parent_instance;

  GListModel *model;    /* persons' heading, persons, profile's heading, profile */
  GHashTable *expanded; /* RptPerson → GINT_TO_POINTER (1 + expanded) */

  RptItemList *list;
  GtkWidget *persons_header;
  GtkWidget *persons_placeholder;
  GtkWidget *profile_header;
  GtkWidget *profile_placeholder;
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
occupation_to_subtitle (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  const char *text = g_value_get_string (from);
  g_value_take_string (to, g_markup_escape_text (text != NULL ? text : "", -1));
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
expanded_cb (AdwExpanderRow *row, GParamSpec *pspec, RptPersonsSection *self)
{
  RptPerson *person = g_object_get_data (G_OBJECT (row), "person");

  g_hash_table_insert (self->expanded, g_object_ref (person),
                       GINT_TO_POINTER (1 + adw_expander_row_get_expanded (row)));
}

static GtkWidget *
person_row (RptPersonsSection *self, RptPerson *person)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  gboolean writable = rpt_section_get_writable (RPT_SECTION (self));
  GtkWidget *box = gtk_list_box_new ();
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *child, *spin, *name;
  GtkStringList *genders;
  gpointer remembered = g_hash_table_lookup (self->expanded, person);

  /* A boxed list of one row: the look of the rest of the application,
   * each person its own card. */
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  gtk_list_box_append (GTK_LIST_BOX (box), row);
  g_object_set_data (G_OBJECT (row), "person", person);

  g_object_bind_property_full (person, "name", row, "title", G_BINDING_SYNC_CREATE, name_to_title,
                               NULL, NULL, NULL);
  g_object_bind_property_full (person, "occupation", row, "subtitle", G_BINDING_SYNC_CREATE,
                               occupation_to_subtitle, NULL, NULL, NULL);

  /* Shown right to left: up, down, remove. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               rpt_item_button_new ("user-trash-symbolic",
                                                    _ ("Remove Person (Shift+Ctrl+Delete)"),
                                                    "item.remove"));
  adw_expander_row_add_action (
    ADW_EXPANDER_ROW (row),
    rpt_item_button_new ("go-down-symbolic", _ ("Move Down (Alt+↓)"), "item.move-down"));
  adw_expander_row_add_action (
    ADW_EXPANDER_ROW (row),
    rpt_item_button_new ("go-up-symbolic", _ ("Move Up (Alt+↑)"), "item.move-up"));

  name = text_row (person, "name", _ ("Name"));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), name);
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
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row), remembered != NULL
                                                           ? GPOINTER_TO_INT (remembered) - 1
                                                           : rpt_person_get_name (person) == NULL);
  g_signal_connect_object (row, "notify::expanded", G_CALLBACK (expanded_cb), self, 0);
  gtk_widget_set_sensitive (row, writable);

  /* A new person is typed in from the name; one with a name is opened
   * from its row. */
  g_object_set_data (G_OBJECT (box), "rpt-default-focus",
                     rpt_person_get_name (person) == NULL ? name : row);
  rpt_item_actions_attach (box, letter, RPT_PART_PERSONS, person, writable);
  return box;
}

static GtkWidget *
create_row_cb (gpointer item, gpointer user_data)
{
  RptPersonsSection *self = user_data;
  RptSection *section = RPT_SECTION (self);

  if (RPT_IS_PERSON (item))
    return person_row (self, item);
  if (RPT_IS_PARAGRAPH (item))
    return rpt_paragraph_row_new (rpt_section_get_letter (section), RPT_PART_PROFILE, item,
                                  rpt_section_get_writable (section));
  if (g_str_equal (gtk_string_object_get_string (item), "profile"))
    return self->profile_header;
  return self->persons_header;
}

static int
estimate_cb (gpointer item, int width, gpointer user_data)
{
  RptPersonsSection *self = user_data;
  gpointer remembered;

  if (RPT_IS_PARAGRAPH (item))
    return rpt_paragraph_row_estimate_height (item, RPT_PART_PROFILE, width);
  if (!RPT_IS_PERSON (item))
    return 100;
  remembered = g_hash_table_lookup (self->expanded, item);
  if (remembered != NULL ? GPOINTER_TO_INT (remembered) - 1 : rpt_person_get_name (item) == NULL)
    return 420;
  return 64;
}

static void
update_rows (RptPersonsSection *self)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (RPT_IS_PARAGRAPH_ROW (row))
      rpt_paragraph_row_update (RPT_PARAGRAPH_ROW (row));
    else
      rpt_item_actions_update (row);
  gtk_widget_set_visible (self->persons_placeholder,
                          letter == NULL || rpt_letter_get_n_items (letter, RPT_PART_PERSONS) == 0);
  gtk_widget_set_visible (self->profile_placeholder,
                          letter == NULL || rpt_letter_get_n_items (letter, RPT_PART_PROFILE) == 0);
}

static GListModel *
marker (const char *name)
{
  GListStore *store = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr (GObject) item = G_OBJECT (gtk_string_object_new (name));

  g_list_store_append (store, item);
  return G_LIST_MODEL (store);
}

static void
rpt_persons_section_letter_set (RptSection *section, RptLetter *letter)
{
  RptPersonsSection *self = RPT_PERSONS_SECTION (section);
  GListStore *models = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr (GListModel) persons_marker = marker ("persons");
  g_autoptr (GListModel) profile_marker = marker ("profile");

  g_list_store_append (models, persons_marker);
  if (letter != NULL)
    g_list_store_append (models, rpt_letter_get_part (letter, RPT_PART_PERSONS));
  g_list_store_append (models, profile_marker);
  if (letter != NULL)
    {
      g_list_store_append (models, rpt_letter_get_part (letter, RPT_PART_PROFILE));
      g_signal_connect_object (rpt_letter_get_part (letter, RPT_PART_PERSONS), "items-changed",
                               G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
      g_signal_connect_object (rpt_letter_get_part (letter, RPT_PART_PROFILE), "items-changed",
                               G_CALLBACK (update_rows), self, G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  g_clear_object (&self->model);
  self->model = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (models)));
  rpt_item_list_set_model (self->list, self->model, create_row_cb, estimate_cb, self);
  update_rows (self);
}

static GtkWidget *
rpt_persons_section_ensure_row (RptSection *section, RptPart part, guint position)
{
  RptPersonsSection *self = RPT_PERSONS_SECTION (section);
  RptLetter *letter = rpt_section_get_letter (section);
  guint at;
  GtkWidget *row;

  if (letter == NULL)
    return NULL;
  if (part == RPT_PART_PERSONS)
    at = 1 + position;
  else if (part == RPT_PART_PROFILE)
    at = 2 + rpt_letter_get_n_items (letter, RPT_PART_PERSONS) + position;
  else
    return NULL;
  row = rpt_item_list_ensure_row (self->list, at);
  if (row != NULL)
    rpt_item_list_scroll_to (self->list, at);
  return row;
}

static gboolean
add_profile (RptPersonsSection *self)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  g_autoptr (RptParagraph) paragraph = rpt_paragraph_new ("");

  if (letter == NULL || !rpt_section_get_writable (RPT_SECTION (self)))
    return FALSE;
  rpt_letter_append_item (letter, RPT_PART_PROFILE, paragraph);
  return rpt_section_focus_item (RPT_SECTION (self), RPT_PART_PROFILE,
                                 rpt_letter_get_n_items (letter, RPT_PART_PROFILE) - 1, NULL);
}

static gboolean
rpt_persons_section_add_item (RptSection *section)
{
  RptPersonsSection *self = RPT_PERSONS_SECTION (section);
  RptLetter *letter = rpt_section_get_letter (section);
  GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
  GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
  g_autoptr (RptPerson) person = NULL;

  if (letter == NULL)
    return FALSE;
  /* Ctrl+Return in the profile adds to the profile. */
  if (focus != NULL && (gtk_widget_get_ancestor (focus, RPT_TYPE_PARAGRAPH_ROW) != NULL ||
                        gtk_widget_is_ancestor (focus, self->profile_header)))
    return add_profile (self);
  person = rpt_person_new ();
  rpt_letter_append_item (letter, RPT_PART_PERSONS, person);
  /* The caret goes to the new person's name. */
  return rpt_section_focus_item (section, RPT_PART_PERSONS,
                                 rpt_letter_get_n_items (letter, RPT_PART_PERSONS) - 1, NULL);
}

static void
add_action (GtkWidget *widget, const char *name, GVariant *param)
{
  rpt_section_add_item (RPT_SECTION (widget));
}

static void
add_profile_action (GtkWidget *widget, const char *name, GVariant *param)
{
  add_profile (RPT_PERSONS_SECTION (widget));
}

static void
writable_changed_cb (RptPersonsSection *self)
{
  gboolean writable = rpt_section_get_writable (RPT_SECTION (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.add-profile", writable);
}

static void
rpt_persons_section_dispose (GObject *object)
{
  RptPersonsSection *self = RPT_PERSONS_SECTION (object);

  if (self->list != NULL)
    rpt_item_list_set_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_PERSONS_SECTION);
  g_clear_object (&self->model);
  g_clear_pointer (&self->expanded, g_hash_table_unref);
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
  RPT_SECTION_CLASS (klass)->ensure_row = rpt_persons_section_ensure_row;

  g_type_ensure (RPT_TYPE_ITEM_LIST);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-persons-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RptPersonsSection, list);
  gtk_widget_class_bind_template_child (widget_class, RptPersonsSection, persons_header);
  gtk_widget_class_bind_template_child (widget_class, RptPersonsSection, persons_placeholder);
  gtk_widget_class_bind_template_child (widget_class, RptPersonsSection, profile_header);
  gtk_widget_class_bind_template_child (widget_class, RptPersonsSection, profile_placeholder);
  gtk_widget_class_install_action (widget_class, "section.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "section.add-profile", NULL, add_profile_action);
}

static void
rpt_persons_section_init (RptPersonsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->expanded = g_hash_table_new_full (NULL, NULL, g_object_unref, NULL);
  g_signal_connect (self, "notify::writable", G_CALLBACK (writable_changed_cb), NULL);
}
