/* rpt-closing-section.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-closing-section"

#include "rpt-closing-section.h"

/* The closing options: which standard paragraphs end the letter. */
struct _RptClosingSection
{
  RptSection parent_instance;

  GBindingGroup *bindings;

  GtkWidget *content;
  GtkSwitch *press_switch;
  GtkSwitch *interim_switch;
  AdwComboRow *wgad_row;
};

G_DEFINE_FINAL_TYPE (RptClosingSection, rpt_closing_section, RPT_TYPE_SECTION)

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

static void
rpt_closing_section_letter_set (RptSection *section, RptLetter *letter)
{
  g_binding_group_set_source (RPT_CLOSING_SECTION (section)->bindings, letter);
}

static void
rpt_closing_section_dispose (GObject *object)
{
  RptClosingSection *self = RPT_CLOSING_SECTION (object);

  g_clear_object (&self->bindings);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_CLOSING_SECTION);
  G_OBJECT_CLASS (rpt_closing_section_parent_class)->dispose (object);
}

static void
rpt_closing_section_class_init (RptClosingSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_closing_section_dispose;
  RPT_SECTION_CLASS (klass)->letter_set = rpt_closing_section_letter_set;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-closing-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RptClosingSection, content);
  gtk_widget_class_bind_template_child (widget_class, RptClosingSection, press_switch);
  gtk_widget_class_bind_template_child (widget_class, RptClosingSection, interim_switch);
  gtk_widget_class_bind_template_child (widget_class, RptClosingSection, wgad_row);
}

static void
rpt_closing_section_init (RptClosingSection *self)
{
  const GBindingFlags both = G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->bindings = g_binding_group_new ();
  g_binding_group_bind (self->bindings, "press-release", self->press_switch, "active", both);
  g_binding_group_bind (self->bindings, "interim-measures", self->interim_switch, "active", both);
  g_binding_group_bind_full (self->bindings, "wgad", self->wgad_row, "selected", both, enum_to_uint,
                             uint_to_enum, NULL, NULL);
  g_object_bind_property (self, "writable", self->content, "sensitive", G_BINDING_SYNC_CREATE);
}
