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
#include "rpt-item-list.h"
#include "rpt-paragraph-row.h"
#include "rpt-paragraphs-section.h"
#include "rpt-picker-dialog.h"
#include "rpt-reference-data.h"

/**
 * RptParagraphsSection:
 *
 * An ordered part made of paragraphs: facts, concerns, questions or the
 * legal annex. The list shows the section's heading, then a row per
 * paragraph, made only for those on screen (RptItemList): ten thousand
 * facts open as fast as ten.
 */
struct _RptParagraphsSection
{
  RptSection parent_instance;

  RptPart part;
  GListModel *clauses;
  GListModel *model; /* the heading, then the paragraphs */
  GBindingGroup *bindings;

  GtkScrolledWindow *scroller;
  RptItemList *list;
  GtkWidget *header;
  GtkLabel *title;
  GtkLabel *description;
  GtkWidget *clause_button;
  AdwButtonContent *add_content;
  GtkLabel *placeholder;
  GtkWidget *lead_box;
  AdwComboRow *lead_row;
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

RptItemList *
rpt_paragraphs_section_get_list (RptParagraphsSection *self)
{
  g_return_val_if_fail (RPT_IS_PARAGRAPHS_SECTION (self), NULL);
  return self->list;
}

/**
 * rpt_paragraphs_section_get_row:
 *
 * Returns: (transfer none) (nullable): the row of paragraph @position,
 *   made if it is not on screen
 */
RptParagraphRow *
rpt_paragraphs_section_get_row (RptParagraphsSection *self, guint position)
{
  GtkWidget *row;

  g_return_val_if_fail (RPT_IS_PARAGRAPHS_SECTION (self), NULL);

  rpt_section_ensure_bound (RPT_SECTION (self));
  /* The heading is the list's first row. */
  row = rpt_item_list_ensure_row (self->list, position + 1);
  return RPT_IS_PARAGRAPH_ROW (row) ? RPT_PARAGRAPH_ROW (row) : NULL;
}

static GtkWidget *
create_row_cb (gpointer item, gpointer user_data)
{
  RptParagraphsSection *self = user_data;
  RptSection *section = RPT_SECTION (self);

  if (!RPT_IS_PARAGRAPH (item))
    return self->header;
  return rpt_paragraph_row_new (rpt_section_get_letter (section), self->part, item,
                                rpt_section_get_writable (section));
}

static int
estimate_cb (gpointer item, int width, gpointer user_data)
{
  RptParagraphsSection *self = user_data;

  if (!RPT_IS_PARAGRAPH (item))
    return 100;
  return rpt_paragraph_row_estimate_height (item, self->part, width);
}

static void
items_changed_cb (RptParagraphsSection *self)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));

  /* Numbers follow positions: renumber the rows there are. */
  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    if (RPT_IS_PARAGRAPH_ROW (row))
      rpt_paragraph_row_update (RPT_PARAGRAPH_ROW (row));
  gtk_widget_set_visible (GTK_WIDGET (self->placeholder),
                          letter == NULL || rpt_letter_get_n_items (letter, self->part) == 0);
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

static void
rpt_paragraphs_section_letter_set (RptSection *section, RptLetter *letter)
{
  RptParagraphsSection *self = RPT_PARAGRAPHS_SECTION (section);
  GListModel *part = letter != NULL ? rpt_letter_get_part (letter, self->part) : NULL;
  GListStore *models = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr (GListStore) heading = g_list_store_new (G_TYPE_OBJECT);
  g_autoptr (GObject) marker = G_OBJECT (gtk_string_object_new ("header"));

  g_binding_group_set_source (self->bindings, letter);
  g_list_store_append (heading, marker);
  g_list_store_append (models, heading);
  if (part != NULL)
    {
      g_list_store_append (models, part);
      g_signal_connect_object (part, "items-changed", G_CALLBACK (items_changed_cb), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  g_clear_object (&self->model);
  self->model = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (models)));
  rpt_item_list_set_model (self->list, self->model, create_row_cb, estimate_cb, self);
  items_changed_cb (self);
}

static GtkWidget *
rpt_paragraphs_section_ensure_row (RptSection *section, RptPart part, guint position)
{
  RptParagraphsSection *self = RPT_PARAGRAPHS_SECTION (section);
  GtkWidget *row;

  if (part != self->part)
    return NULL;
  row = rpt_item_list_ensure_row (self->list, position + 1);
  if (row != NULL)
    rpt_item_list_scroll_to (self->list, position + 1);
  return row;
}

static gboolean
rpt_paragraphs_section_add_item (RptSection *section)
{
  RptParagraphsSection *self = RPT_PARAGRAPHS_SECTION (section);
  RptLetter *letter = rpt_section_get_letter (section);
  g_autoptr (RptParagraph) paragraph = NULL;
  guint position;

  if (letter == NULL)
    return FALSE;
  paragraph = rpt_paragraph_new ("");
  /* After the paragraph being typed in, else at the end. */
  position = rpt_letter_get_n_items (letter, self->part);
  {
    GtkRoot *root = gtk_widget_get_root (GTK_WIDGET (self));
    GtkWidget *focus = root != NULL ? gtk_root_get_focus (root) : NULL;
    GtkWidget *row = focus != NULL ? gtk_widget_get_ancestor (focus, RPT_TYPE_PARAGRAPH_ROW) : NULL;
    RptPart part;
    guint at;

    if (row != NULL &&
        rpt_letter_find_item (
          letter, rpt_paragraph_get_id (rpt_paragraph_row_get_paragraph (RPT_PARAGRAPH_ROW (row))),
          &part, &at) != NULL &&
        part == self->part)
      position = at + 1;
  }
  rpt_letter_insert_item (letter, self->part, position, paragraph);
  return rpt_section_focus_item (section, self->part, position, NULL);
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
  rpt_section_focus_item (RPT_SECTION (self), self->part,
                          rpt_letter_get_n_items (letter, self->part) - 1, NULL);
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
    self->clauses = rpt_reference_data_dup_clauses (self->part, "en");
  if (self->clauses == NULL || g_list_model_get_n_items (self->clauses) == 0)
    {
      rpt_section_show_toast (widget, _ ("There are no standard paragraphs for this part"));
      return;
    }
  dialog = rpt_picker_dialog_new (_ ("Insert Standard Paragraph"), self->clauses,
                                  _ ("Search standard paragraphs"));
  rpt_picker_dialog_set_return_focus (RPT_PICKER_DIALOG (dialog), self->clause_button);
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
  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.insert-clause", writable);
  gtk_widget_set_sensitive (self->lead_box, writable);
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
        gtk_label_set_text (self->placeholder, _ (texts[i].empty));
        gtk_accessible_update_property (GTK_ACCESSIBLE (self->list), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                        _ (texts[i].title), -1);
      }

  /* The clause library is read when first asked for: reading the
   * reference data would slow the window's first frame. */
  gtk_widget_set_visible (self->clause_button, self->part == RPT_PART_CONCERNS ||
                                                 self->part == RPT_PART_QUESTIONS ||
                                                 self->part == RPT_PART_ANNEX);
  /* Follow-up letters may open the facts on the new information. */
  gtk_widget_set_visible (self->lead_box, self->part == RPT_PART_FACTS);
  if (self->part == RPT_PART_FACTS)
    g_binding_group_bind_full (self->bindings, "facts-lead", self->lead_row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, enum_to_uint,
                               uint_to_enum, NULL, NULL);
  writable_changed_cb (self);
}

static void
rpt_paragraphs_section_dispose (GObject *object)
{
  RptParagraphsSection *self = RPT_PARAGRAPHS_SECTION (object);

  if (self->list != NULL)
    rpt_item_list_set_model (self->list, NULL, NULL, NULL, NULL);
  g_clear_object (&self->bindings);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_PARAGRAPHS_SECTION);
  g_clear_object (&self->model);
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
  section_class->ensure_row = rpt_paragraphs_section_ensure_row;

  properties[PROP_PART] =
    g_param_spec_enum ("part", NULL, NULL, RPT_TYPE_PART, RPT_PART_FACTS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);

  g_type_ensure (RPT_TYPE_ITEM_LIST);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-paragraphs-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RptParagraphsSection, scroller);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphsSection, list);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphsSection, header);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphsSection, title);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphsSection, description);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphsSection, clause_button);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphsSection, add_content);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphsSection, placeholder);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphsSection, lead_box);
  gtk_widget_class_bind_template_child (widget_class, RptParagraphsSection, lead_row);

  gtk_widget_class_install_action (widget_class, "section.add", NULL, add_action);
  gtk_widget_class_install_action (widget_class, "section.insert-clause", NULL,
                                   insert_clause_action);
}

static void
rpt_paragraphs_section_init (RptParagraphsSection *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
  self->bindings = g_binding_group_new ();
  g_signal_connect (self, "notify::writable", G_CALLBACK (writable_changed_cb), NULL);
}
