/* rpt-paragraphs-section.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-paragraphs-section"

#include <glib/gi18n.h>

#include "rpt-choice.h"
#include "rpt-edit.h"
#include "rpt-paragraph-row.h"
#include "rpt-paragraphs-section.h"
#include "rpt-picker-dialog.h"
#include "rpt-reference-data.h"

/**
 * RptParagraphsSection:
 *
 * An ordered part made of paragraphs: facts, concerns, questions, the legal
 * annex or the persons' profile. The list box is bound to the part's list
 * model; the rows are views of its items.
 */
struct _RptParagraphsSection
{
  RptSection parent_instance;

  RptPart part;
  GListModel *clauses;

  GtkLabel *title;
  GtkLabel *description;
  GtkWidget *clause_button;
  AdwButtonContent *add_content;
  GtkListBox *list;
  GtkWidget *placeholder;
};

G_DEFINE_FINAL_TYPE (RptParagraphsSection, rpt_paragraphs_section, RPT_TYPE_SECTION)

enum
{
  PROP_0,
  PROP_PART,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const struct
{
  RptPart part;
  const char *title;
  const char *description;
  const char *add;
  const char *empty;
} texts[] = {
  { RPT_PART_FACTS, N_ ("Facts"),
    N_ ("What happened, one paragraph each, after “According to the information received:”."),
    N_ ("_Add Fact"), N_ ("No facts yet") },
  { RPT_PART_CONCERNS, N_ ("Concerns"),
    N_ ("The first follows “While we do not wish to prejudge the accuracy of these allegations,” "
        "and starts in lower case."),
    N_ ("_Add Concern"), N_ ("No concerns yet") },
  { RPT_PART_QUESTIONS, N_ ("Questions"),
    N_ ("Numbered in the letter; write them without their numbers."), N_ ("_Add Question"),
    N_ ("No questions yet") },
  { RPT_PART_ANNEX, N_ ("Legal Annex"),
    N_ ("Reference to international human rights law: the instruments and standards concerned."),
    N_ ("_Add Paragraph"), N_ ("No annex paragraphs yet") },
  { RPT_PART_PROFILE, N_ ("Profile"), N_ ("Who the persons concerned are."), N_ ("_Add Paragraph"),
    N_ ("No profile yet") },
};

RptPart
rpt_paragraphs_section_get_part (RptParagraphsSection *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPHS_SECTION (self), RPT_PART_FACTS);
  return self->part;
}

GtkListBox *
rpt_paragraphs_section_get_list (RptParagraphsSection *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPHS_SECTION (self), NULL);
  return self->list;
}

static GtkWidget *
create_row_cb (gpointer item, gpointer user_data)
{
  RptParagraphsSection *self = user_data;
  RptSection *section = RPT_SECTION (self);

  return rpt_paragraph_row_new (rpt_section_get_letter (section), self->part, item,
                                rpt_section_get_writable (section));
}

static void
items_changed_cb (RptParagraphsSection *self)
{
  /* Numbers follow positions: renumber every row after a change. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (RPT_IS_PARAGRAPH_ROW (row))
      rpt_paragraph_row_update_title (RPT_PARAGRAPH_ROW (row));
}

static void
rpt_paragraphs_section_letter_set (RptSection *section, RptLetter *letter)
{
  RptParagraphsSection *self = RPT_PARAGRAPHS_SECTION (section);
  GListModel *model = letter != NULL ? rpt_letter_get_part (letter, self->part) : NULL;

  gtk_list_box_bind_model (self->list, model, create_row_cb, self, NULL);
  if (model != NULL)
    g_signal_connect_object (model, "items-changed", G_CALLBACK (items_changed_cb), self,
                             G_CONNECT_SWAPPED | G_CONNECT_AFTER);
}

static void
focus_last (RptParagraphsSection *self, guint position)
{
  GtkListBoxRow *row = gtk_list_box_get_row_at_index (self->list, position);

  if (RPT_IS_PARAGRAPH_ROW (row))
    gtk_widget_grab_focus (GTK_WIDGET (rpt_paragraph_row_get_editor (RPT_PARAGRAPH_ROW (row))));
}

static gboolean
rpt_paragraphs_section_add_item (RptSection *section)
{
  RptParagraphsSection *self = RPT_PARAGRAPHS_SECTION (section);
  RptLetter *letter = rpt_section_get_letter (section);
  g_autoptr (RptParagraph) paragraph = NULL;

  if (letter == NULL)
    return FALSE;
  paragraph = rpt_paragraph_new ("");
  rpt_letter_append_item (letter, self->part, paragraph);
  focus_last (self, rpt_letter_get_n_items (letter, self->part) - 1);
  return TRUE;
}

/**
 * rpt_paragraphs_section_insert_clause:
 * @key: (nullable): the clause's key in the reference data (kept on annex
 *   paragraphs as their reference)
 *
 * Appends a paragraph with the text of a standard paragraph.
 */
void
rpt_paragraphs_section_insert_clause (RptParagraphsSection *self,
                                      const char *key,
                                      const char *markup)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  g_autoptr (RptParagraph) paragraph = NULL;

  g_return_if_fail (RPT_IS_PARAGRAPHS_SECTION (self));

  if (letter == NULL)
    return;
  paragraph = rpt_paragraph_new (markup);
  if (self->part == RPT_PART_ANNEX && key != NULL)
    rpt_paragraph_set_reference (paragraph, key);
  rpt_letter_append_item (letter, self->part, paragraph);
  focus_last (self, rpt_letter_get_n_items (letter, self->part) - 1);
}

static void
add_action (GtkWidget *widget, const char *name, GVariant *param)
{
  rpt_section_add_item (RPT_SECTION (widget));
}

static void
clause_picked_cb (RptParagraphsSection *self, RptChoice *choice)
{
  rpt_paragraphs_section_insert_clause (self, rpt_choice_get_key (choice),
                                        rpt_choice_get_text (choice));
}

static void
insert_clause_action (GtkWidget *widget, const char *name, GVariant *param)
{
  RptParagraphsSection *self = RPT_PARAGRAPHS_SECTION (widget);
  GtkWidget *dialog;

  if (self->clauses == NULL)
    return;
  dialog = rpt_picker_dialog_new (_ ("Insert Standard Paragraph"), self->clauses,
                                  _ ("Search standard paragraphs"));
  gtk_window_set_transient_for (GTK_WINDOW (dialog),
                                GTK_WINDOW (gtk_widget_get_root (GTK_WIDGET (self))));
  g_signal_connect_object (dialog, "picked", G_CALLBACK (clause_picked_cb), self,
                           G_CONNECT_SWAPPED);
  gtk_window_present (GTK_WINDOW (dialog));
}

static void
writable_changed_cb (RptParagraphsSection *self)
{
  gboolean writable = rpt_section_get_writable (RPT_SECTION (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.add", writable);
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.insert-clause",
                                 writable && self->clauses != NULL);
}

static void
rpt_paragraphs_section_constructed (GObject *object)
{
  RptParagraphsSection *self = RPT_PARAGRAPHS_SECTION (object);

  G_OBJECT_CLASS (rpt_paragraphs_section_parent_class)->constructed (object);

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    if (texts[i].part == self->part)
      {
        gtk_label_set_text (self->title, _ (texts[i].title));
        gtk_label_set_text (self->description, _ (texts[i].description));
        adw_button_content_set_label (self->add_content, _ (texts[i].add));
        self->placeholder = gtk_label_new (_ (texts[i].empty));
        gtk_widget_add_css_class (self->placeholder, "dim-label");
        gtk_widget_set_margin_top (self->placeholder, 18);
        gtk_widget_set_margin_bottom (self->placeholder, 18);
        gtk_list_box_set_placeholder (self->list, self->placeholder);
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _ (texts[i].title), -1);
      }

  self->clauses = rpt_reference_data_dup_clauses (self->part, "en");
  gtk_widget_set_visible (self->clause_button,
                          self->clauses != NULL && g_list_model_get_n_items (self->clauses) > 0);
  if (self->clauses != NULL && g_list_model_get_n_items (self->clauses) == 0)
    g_clear_object (&self->clauses);
  writable_changed_cb (self);
}

static void
rpt_paragraphs_section_dispose (GObject *object)
{
  RptParagraphsSection *self = RPT_PARAGRAPHS_SECTION (object);

  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_PARAGRAPHS_SECTION);
  g_clear_object (&self->clauses);
  G_OBJECT_CLASS (rpt_paragraphs_section_parent_class)->dispose (object);
}

static void
rpt_paragraphs_section_get_property (GObject *object,
                                     guint prop_id,
                                     GValue *value,
                                     GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PART:
      g_value_set_enum (value, RPT_PARAGRAPHS_SECTION (object)->part);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_paragraphs_section_set_property (GObject *object,
                                     guint prop_id,
                                     const GValue *value,
                                     GParamSpec *pspec)
{
  switch (prop_id)
    {
    case PROP_PART:
      RPT_PARAGRAPHS_SECTION (object)->part = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
rpt_paragraphs_section_class_init (RptParagraphsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);
  RptSectionClass *section_class = RPT_SECTION_CLASS (klass);

  object_class->constructed = rpt_paragraphs_section_constructed;
  object_class->dispose = rpt_paragraphs_section_dispose;
  object_class->get_property = rpt_paragraphs_section_get_property;
  object_class->set_property = rpt_paragraphs_section_set_property;
  section_class->letter_set = rpt_paragraphs_section_letter_set;
  section_class->add_item = rpt_paragraphs_section_add_item;

  properties[PROP_PART] =
    g_param_spec_enum ("part", NULL, NULL, RPT_TYPE_PART, RPT_PART_FACTS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/gnome/Rapporteur/ui/rpt-paragraphs-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RptParagraphsSection, title);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphsSection, description);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphsSection, clause_button);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphsSection, add_content);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphsSection, list);

  gtk_widget_class_install_action (widget_class, "section.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "section.insert-clause", NULL,
                                   insert_clause_action);
}

static void
rpt_paragraphs_section_init (RptParagraphsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  g_signal_connect (self, "notify::writable", G_CALLBACK (writable_changed_cb), NULL);
}
