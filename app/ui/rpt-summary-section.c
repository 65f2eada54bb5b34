/* rpt-summary-section.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-summary-section"

#include <glib/gi18n.h>

#include "rpt-date-button.h"
#include "rpt-paragraph-editor.h"
#include "rpt-summary-section.h"

/* The subject summary, and the previous communications with what they
 * were about. */
struct _RptSummarySection
{
  RptSection parent_instance;

  GBindingGroup *bindings;

  GtkWidget *content;
  RptParagraphEditor *summary_editor;
  GtkListBox *list;
  RptParagraphEditor *about_editor;
};

G_DEFINE_FINAL_TYPE (RptSummarySection, rpt_summary_section, RPT_TYPE_SECTION)

static gboolean
reference_to_title (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  const char *text = g_value_get_string (from);
  g_value_take_string (
    to, g_markup_escape_text (text != NULL ? text : _ ("Letter without a reference"), -1));
  return TRUE;
}

static GtkWidget *
date_row (RptCommunication *comm, const char *prop, const char *title)
{
  GtkWidget *row = adw_action_row_new ();
  GtkWidget *button = rpt_date_button_new ();

  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, title,
                                  -1);
  adw_action_row_add_suffix (ADW_ACTION_ROW (row), button);
  adw_action_row_set_activatable_widget (ADW_ACTION_ROW (row), button);
  g_object_bind_property (comm, prop, button, "date",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  return row;
}

static void
remove_clicked_cb (GtkButton *button, RptSummarySection *self)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  RptCommunication *comm = g_object_get_data (G_OBJECT (button), "item");
  RptPart part;
  guint position;

  if (letter != NULL &&
      rpt_letter_find_item (letter, rpt_communication_get_id (comm), &part, &position) != NULL)
    rpt_letter_remove_item (letter, part, position);
}

static GtkWidget *
create_row_cb (gpointer item, gpointer user_data)
{
  RptCommunication *comm = item;
  GtkWidget *row = adw_expander_row_new ();
  GtkWidget *entry = adw_entry_row_new ();
  GtkWidget *remove = gtk_button_new_from_icon_name ("user-trash-symbolic");

  g_object_bind_property_full (comm, "reference", row, "title", G_BINDING_SYNC_CREATE,
                               reference_to_title, NULL, NULL, NULL);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (entry), _ ("Reference (e.g. AL TJK 1/2023)"));
  g_object_bind_property_full (comm, "reference", entry, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               rpt_section_null_to_empty, rpt_section_empty_to_null, NULL, NULL);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), entry);
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row), date_row (comm, "date", _ ("Sent on")));
  adw_expander_row_add_row (ADW_EXPANDER_ROW (row),
                            date_row (comm, "reply-date", _ ("Reply received on")));

  gtk_widget_set_valign (remove, GTK_ALIGN_CENTER);
  gtk_widget_add_css_class (remove, "flat");
  gtk_widget_set_tooltip_text (remove, _ ("Remove Letter"));
  gtk_accessible_update_property (GTK_ACCESSIBLE (remove), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Remove Letter"), -1);
  g_object_set_data_full (G_OBJECT (remove), "item", g_object_ref (comm), g_object_unref);
  g_signal_connect_object (remove, "clicked", G_CALLBACK (remove_clicked_cb), user_data, 0);
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row), remove);
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 rpt_communication_get_reference (comm) == NULL);
  return row;
}

static void
add_communication_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (widget));
  g_autoptr (RptCommunication) comm = rpt_communication_new ();

  if (letter != NULL)
    rpt_letter_append_item (letter, RPT_PART_COMMUNICATIONS, comm);
}

static void
rpt_summary_section_letter_set (RptSection *section, RptLetter *letter)
{
  RptSummarySection *self = RPT_SUMMARY_SECTION (section);

  g_binding_group_set_source (self->bindings, letter);
  gtk_list_box_bind_model (
    self->list, letter != NULL ? rpt_letter_get_part (letter, RPT_PART_COMMUNICATIONS) : NULL,
    create_row_cb, self, NULL);
}

static gboolean
rpt_summary_section_add_item (RptSection *section)
{
  add_communication_action (GTK_WIDGET (section), NULL, NULL);
  return TRUE;
}

static void
rpt_summary_section_dispose (GObject *object)
{
  RptSummarySection *self = RPT_SUMMARY_SECTION (object);

  g_clear_object (&self->bindings);
  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_SUMMARY_SECTION);
  G_OBJECT_CLASS (rpt_summary_section_parent_class)->dispose (object);
}

static void
rpt_summary_section_class_init (RptSummarySectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_summary_section_dispose;
  RPT_SECTION_CLASS (klass)->letter_set = rpt_summary_section_letter_set;
  RPT_SECTION_CLASS (klass)->add_item = rpt_summary_section_add_item;

  g_type_ensure (RPT_TYPE_PARAGRAPH_EDITOR);
  gtk_widget_class_set_template_from_resource (widget_class,
                                               "/org/gnome/Rapporteur/ui/rpt-summary-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RptSummarySection, content);
  gtk_widget_class_bind_template_child (widget_class, RptSummarySection, summary_editor);
  gtk_widget_class_bind_template_child (widget_class, RptSummarySection, list);
  gtk_widget_class_bind_template_child (widget_class, RptSummarySection, about_editor);
  gtk_widget_class_install_action (widget_class, "section.add-communication", NULL,
                                   add_communication_action);
}

static void
rpt_summary_section_init (RptSummarySection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));

  rpt_paragraph_editor_set_label (self->summary_editor, _ ("Summary"));
  rpt_paragraph_editor_set_label (self->about_editor,
                                  _ ("What the previous communications were about"));
  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "summary", self->summary_editor, "markup",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_binding_group_bind (self->bindings, "communications-about", self->about_editor, "markup",
                        G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  g_object_bind_property (self, "writable", self->content, "sensitive", G_BINDING_SYNC_CREATE);
}
