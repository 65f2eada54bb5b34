/* rpt-summary-section.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-summary-section"

#include <glib/gi18n.h>

#include "rpt-date-button.h"
#include "rpt-item-list.h"
#include "rpt-paragraph-editor.h"
#include "rpt-summary-section.h"

/* The subject summary, and the previous communications with what they
 * were about: one list (RptItemList), the summary its first row, what the
 * letters were about its last. */
struct _RptSummarySection
{
  RptSection parent_instance;

  GBindingGroup *bindings;
  GListModel *model;

  RptItemList *list;
  GtkWidget *header;
  GtkWidget *footer;
  GtkWidget *placeholder;
  RptParagraphEditor *summary_editor;
  RptParagraphEditor *about_editor;
  GtkWidget *wording_box;
  AdwComboRow *article_row;
  AdwEntryRow *article_text_row;
  GtkWidget *place_box;
  AdwComboRow *place_row;
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

/* A row shown only for one value of an enum property ("own words" of the
 * summary's article, a letter other mandate holders sent, a reply that
 * leaves concerns). */
static gboolean
enum_is (GBinding *binding, const GValue *from, GValue *to, gpointer user_data)
{
  g_value_set_boolean (to, g_value_get_enum (from) == GPOINTER_TO_INT (user_data));
  return TRUE;
}

/* A choice among the values of an enum property of @item, in their order. */
static GtkWidget *
choice_row (gpointer item, const char *prop, const char *title, const char *const *choices)
{
  GtkWidget *row = adw_combo_row_new ();
  g_autoptr (GtkStringList) list = gtk_string_list_new (NULL);

  for (guint i = 0; choices[i] != NULL; i++)
    gtk_string_list_append (list, _ (choices[i]));
  adw_combo_row_set_model (ADW_COMBO_ROW (row), G_LIST_MODEL (list));
  adw_combo_row_set_use_subtitle (ADW_COMBO_ROW (row), TRUE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  g_object_bind_property_full (item, prop, row, "selected",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, enum_to_uint,
                               uint_to_enum, NULL, NULL);
  return row;
}

/* Words of the drafter's own, with inline formatting, in a text box that
 * keeps its history on the communication. */
static GtkWidget *
text_row (RptCommunication *comm, const char *prop, const char *title)
{
  GtkWidget *row = gtk_list_box_row_new ();
  GtkWidget *box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 6);
  GtkWidget *label = gtk_label_new (title);
  GtkWidget *editor = rpt_paragraph_editor_new ();

  gtk_list_box_row_set_activatable (GTK_LIST_BOX_ROW (row), FALSE);
  gtk_widget_set_margin_top (box, 8);
  gtk_widget_set_margin_bottom (box, 10);
  gtk_widget_set_margin_start (box, 12);
  gtk_widget_set_margin_end (box, 12);
  gtk_label_set_xalign (GTK_LABEL (label), 0);
  gtk_label_set_wrap (GTK_LABEL (label), TRUE);
  gtk_widget_add_css_class (label, "dim-label");
  gtk_widget_add_css_class (editor, "card");
  rpt_paragraph_editor_set_label (RPT_PARAGRAPH_EDITOR (editor), title);
  g_object_bind_property (comm, prop, editor, "markup",
                          G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE);
  rpt_paragraph_editor_attach_history (RPT_PARAGRAPH_EDITOR (editor), G_OBJECT (comm), prop);
  gtk_box_append (GTK_BOX (box), label);
  gtk_box_append (GTK_BOX (box), editor);
  gtk_list_box_row_set_child (GTK_LIST_BOX_ROW (row), box);
  return row;
}

/* Who sent an earlier letter, what the letter says of its reply, and the
 * drafter's own sentence where the standard ones do not fit (issue 10). */
static void
add_wording_rows (AdwExpanderRow *expander, RptCommunication *comm)
{
  /* In the order of RptCommunicationSender */
  static const char *const senders[] = {
    N_ ("These mandates: “We previously wrote…”"),
    N_ ("Other mandate holders: “We would like to recall communication…”"),
    NULL,
  };
  /* In the order of RptReply */
  static const char *const replies[] = {
    N_ ("From the reply date: thanks if there is one, regret if not"),
    N_ ("Not received: “We regret that we have not yet received a reply…”"),
    N_ ("Received: “We thank … for its reply dated…”"),
    N_ ("Received, concerns remain: “…but we remain concerned…”"),
    N_ ("Nothing said of a reply"),
    NULL,
  };
  GtkWidget *who, *reply, *comment;

  adw_expander_row_add_row (expander, choice_row (comm, "sender", _ ("Sent by"), senders));
  who = adw_entry_row_new ();
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (who),
                                 _ ("Who sent it (e.g. “the Special Rapporteur on torture”)"));
  g_object_bind_property_full (comm, "senders", who, "text",
                               G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                               rpt_section_null_to_empty, rpt_section_empty_to_null, NULL, NULL);
  g_object_bind_property_full (comm, "sender", who, "visible", G_BINDING_SYNC_CREATE, enum_is, NULL,
                               GINT_TO_POINTER (RPT_COMMUNICATION_SENDER_OTHERS), NULL);
  adw_expander_row_add_row (expander, who);

  reply = choice_row (comm, "reply", _ ("What the letter says of the reply"), replies);
  adw_expander_row_add_row (expander, reply);
  comment = text_row (comm, "reply-comment",
                      _ ("What still concerns you (after “but we remain concerned”)"));
  g_object_bind_property_full (comm, "reply", comment, "visible", G_BINDING_SYNC_CREATE, enum_is,
                               NULL, GINT_TO_POINTER (RPT_REPLY_PARTIAL), NULL);
  adw_expander_row_add_row (expander, comment);
  adw_expander_row_add_row (
    expander, text_row (comm, "sentence",
                        _ ("A sentence of your own on this letter, instead of the standard ones")));
}

static GtkWidget *
create_row_cb (gpointer item, gpointer user_data)
{
  RptSummarySection *self = user_data;
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  gboolean writable = rpt_section_get_writable (RPT_SECTION (self));
  RptCommunication *comm = item;
  GtkWidget *box, *row, *entry;

  if (!RPT_IS_COMMUNICATION (item))
    return g_str_equal (gtk_string_object_get_string (item), "footer") ? self->footer
                                                                       : self->header;
  /* A boxed list of one row: each letter its own card. */
  box = gtk_list_box_new ();
  gtk_list_box_set_selection_mode (GTK_LIST_BOX (box), GTK_SELECTION_NONE);
  gtk_widget_add_css_class (box, "boxed-list");
  row = adw_expander_row_new ();
  gtk_list_box_append (GTK_LIST_BOX (box), row);
  entry = adw_entry_row_new ();
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
  add_wording_rows (ADW_EXPANDER_ROW (row), comm);

  /* Shown right to left: up, down, remove. */
  adw_expander_row_add_action (ADW_EXPANDER_ROW (row),
                               rpt_item_button_new ("user-trash-symbolic",
                                                    _ ("Remove Letter (Shift+Ctrl+Delete)"),
                                                    "item.remove"));
  adw_expander_row_add_action (
    ADW_EXPANDER_ROW (row),
    rpt_item_button_new ("go-down-symbolic", _ ("Move Down (Alt+↓)"), "item.move-down"));
  adw_expander_row_add_action (
    ADW_EXPANDER_ROW (row),
    rpt_item_button_new ("go-up-symbolic", _ ("Move Up (Alt+↑)"), "item.move-up"));
  adw_expander_row_set_expanded (ADW_EXPANDER_ROW (row),
                                 rpt_communication_get_reference (comm) == NULL);
  gtk_widget_set_sensitive (row, writable);
  /* A new letter is typed in from its reference. */
  g_object_set_data (G_OBJECT (box), "rpt-default-focus",
                     rpt_communication_get_reference (comm) == NULL ? entry : row);
  rpt_item_actions_attach (box, letter, RPT_PART_COMMUNICATIONS, comm, writable);
  return box;
}

static int
estimate_cb (gpointer item, int width, gpointer user_data)
{
  if (RPT_IS_COMMUNICATION (item))
    return rpt_communication_get_reference (item) == NULL ? 520 : 64;
  return 300;
}

static void
update_rows (RptSummarySection *self)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));

  for (GtkWidget *row = gtk_widget_get_first_child (GTK_WIDGET (self->list)); row != NULL;
       row = gtk_widget_get_next_sibling (row))
    rpt_item_actions_update (row);
  gtk_widget_set_visible (self->placeholder,
                          letter == NULL ||
                            rpt_letter_get_n_items (letter, RPT_PART_COMMUNICATIONS) == 0);
}

static gboolean
add_communication (RptSummarySection *self)
{
  RptLetter *letter = rpt_section_get_letter (RPT_SECTION (self));
  g_autoptr (RptCommunication) comm = rpt_communication_new ();

  if (letter == NULL || !rpt_section_get_writable (RPT_SECTION (self)))
    return FALSE;
  rpt_letter_append_item (letter, RPT_PART_COMMUNICATIONS, comm);
  return rpt_section_focus_item (RPT_SECTION (self), RPT_PART_COMMUNICATIONS,
                                 rpt_letter_get_n_items (letter, RPT_PART_COMMUNICATIONS) - 1,
                                 NULL);
}

static void
add_communication_action (GtkWidget *widget, const char *name, GVariant *param)
{
  add_communication (RPT_SUMMARY_SECTION (widget));
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
rpt_summary_section_letter_set (RptSection *section, RptLetter *letter)
{
  RptSummarySection *self = RPT_SUMMARY_SECTION (section);
  GListStore *models = g_list_store_new (G_TYPE_LIST_MODEL);
  g_autoptr (GListModel) header = marker ("header");
  g_autoptr (GListModel) footer = marker ("footer");

  g_binding_group_set_source (self->bindings, letter);
  g_list_store_append (models, header);
  if (letter != NULL)
    {
      GListModel *part = rpt_letter_get_part (letter, RPT_PART_COMMUNICATIONS);
      g_list_store_append (models, part);
      g_signal_connect_object (part, "items-changed", G_CALLBACK (update_rows), self,
                               G_CONNECT_SWAPPED | G_CONNECT_AFTER);
    }
  g_list_store_append (models, footer);
  g_clear_object (&self->model);
  self->model = G_LIST_MODEL (gtk_flatten_list_model_new (G_LIST_MODEL (models)));
  rpt_item_list_set_model (self->list, self->model, create_row_cb, estimate_cb, self);
  update_rows (self);
}

static GtkWidget *
rpt_summary_section_ensure_row (RptSection *section, RptPart part, guint position)
{
  RptSummarySection *self = RPT_SUMMARY_SECTION (section);
  GtkWidget *row;

  if (part != RPT_PART_COMMUNICATIONS)
    return NULL;
  row = rpt_item_list_ensure_row (self->list, position + 1);
  if (row != NULL)
    rpt_item_list_scroll_to (self->list, position + 1);
  return row;
}

static gboolean
rpt_summary_section_add_item (RptSection *section)
{
  return add_communication (RPT_SUMMARY_SECTION (section));
}

static void
writable_changed_cb (RptSummarySection *self)
{
  gboolean writable = rpt_section_get_writable (RPT_SECTION (self));

  gtk_widget_action_set_enabled (GTK_WIDGET (self), "section.add-communication", writable);
  rpt_paragraph_editor_set_editable (self->summary_editor, writable);
  rpt_paragraph_editor_set_editable (self->about_editor, writable);
  gtk_widget_set_sensitive (self->wording_box, writable);
  gtk_widget_set_sensitive (self->place_box, writable);
}

static void
rpt_summary_section_dispose (GObject *object)
{
  RptSummarySection *self = RPT_SUMMARY_SECTION (object);

  g_clear_object (&self->bindings);
  if (self->list != NULL)
    rpt_item_list_set_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_SUMMARY_SECTION);
  g_clear_object (&self->model);
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
  RPT_SECTION_CLASS (klass)->ensure_row = rpt_summary_section_ensure_row;

  g_type_ensure (RPT_TYPE_PARAGRAPH_EDITOR);
  g_type_ensure (RPT_TYPE_ITEM_LIST);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-summary-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RptSummarySection, list);
  gtk_widget_class_bind_template_child (widget_class, RptSummarySection, header);
  gtk_widget_class_bind_template_child (widget_class, RptSummarySection, footer);
  gtk_widget_class_bind_template_child (widget_class, RptSummarySection, placeholder);
  gtk_widget_class_bind_template_child (widget_class, RptSummarySection, summary_editor);
  gtk_widget_class_bind_template_child (widget_class, RptSummarySection, about_editor);
  gtk_widget_class_bind_template_child (widget_class, RptSummarySection, wording_box);
  gtk_widget_class_bind_template_child (widget_class, RptSummarySection, article_row);
  gtk_widget_class_bind_template_child (widget_class, RptSummarySection, article_text_row);
  gtk_widget_class_bind_template_child (widget_class, RptSummarySection, place_box);
  gtk_widget_class_bind_template_child (widget_class, RptSummarySection, place_row);
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
  g_binding_group_bind_full (self->bindings, "summary-article", self->article_row, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, enum_to_uint,
                             uint_to_enum, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "summary-article", self->article_text_row, "visible",
                             G_BINDING_SYNC_CREATE, enum_is, NULL,
                             GINT_TO_POINTER (RPT_SUMMARY_ARTICLE_OWN), NULL);
  g_binding_group_bind_full (self->bindings, "summary-article-text", self->article_text_row, "text",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE,
                             rpt_section_null_to_empty, rpt_section_empty_to_null, NULL, NULL);
  g_binding_group_bind_full (self->bindings, "communications-place", self->place_row, "selected",
                             G_BINDING_BIDIRECTIONAL | G_BINDING_SYNC_CREATE, enum_to_uint,
                             uint_to_enum, NULL, NULL);
  g_signal_connect (self, "notify::writable", G_CALLBACK (writable_changed_cb), NULL);
}
