/* rpt-versions-section.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-versions-section"

#include <glib/gi18n.h>

#include "rpt-versions-section.h"

/* The named versions of the document, newest first, each to open
 * read-only or to restore. The list is read from the file in a worker. */
struct _RptVersionsSection
{
  RptSection parent_instance;

  RptLetterFile *document;
  GListModel *versions;
  GCancellable *cancellable;

  GtkListBox *list;
};

G_DEFINE_FINAL_TYPE (RptVersionsSection, rpt_versions_section, RPT_TYPE_SECTION)

static GtkWidget *
version_button (const char *label, const char *action, guint number, const char *a11y)
{
  GtkWidget *button = gtk_button_new_with_mnemonic (label);

  gtk_widget_set_valign (button, GTK_ALIGN_CENTER);
  gtk_actionable_set_action_name (GTK_ACTIONABLE (button), action);
  gtk_actionable_set_action_target_value (GTK_ACTIONABLE (button), g_variant_new_uint32 (number));
  gtk_accessible_update_property (GTK_ACCESSIBLE (button), GTK_ACCESSIBLE_PROPERTY_LABEL, a11y, -1);
  return button;
}

static GtkWidget *
create_row_cb (gpointer item, gpointer user_data)
{
  RptVersion *version = item;
  GtkWidget *row = adw_action_row_new ();
  const char *message = rpt_version_get_message (version);
  g_autofree char *time = g_date_time_format (rpt_version_get_created (version), "%x %X");
  g_autofree char *title = NULL;
  g_autofree char *subtitle = NULL;
  g_autofree char *open_label = NULL;
  g_autofree char *restore_label = NULL;
  g_autofree char *compare_label = NULL;
  guint number = rpt_version_get_number (version);

  /* Translators: a version in the list: its number and message */
  title = g_strdup_printf (_ ("%u. %s"), number,
                           message != NULL && message[0] != '\0' ? message : _ ("No message"));
  /* Translators: who saved a version, and when */
  subtitle = g_strdup_printf (_ ("%s, %s"), rpt_version_get_author (version), time);
  adw_preferences_row_set_use_markup (ADW_PREFERENCES_ROW (row), FALSE);
  adw_preferences_row_set_title (ADW_PREFERENCES_ROW (row), title);
  adw_action_row_set_subtitle (ADW_ACTION_ROW (row), subtitle);
  open_label = g_strdup_printf (_ ("Open version %u read-only"), number);
  restore_label = g_strdup_printf (_ ("Restore version %u"), number);
  compare_label = g_strdup_printf (_ ("Compare version %u with the working state"), number);
  adw_action_row_add_suffix (
    ADW_ACTION_ROW (row),
    version_button (_ ("_Compare"), "win.compare-version", number, compare_label));
  adw_action_row_add_suffix (ADW_ACTION_ROW (row),
                             version_button (_ ("_Open"), "win.open-version", number, open_label));
  adw_action_row_add_suffix (
    ADW_ACTION_ROW (row),
    version_button (_ ("_Restore…"), "win.restore-version", number, restore_label));
  return row;
}

static void
list_cb (GObject *source, GAsyncResult *result, gpointer user_data)
{
  g_autoptr (RptVersionsSection) self = user_data;
  g_autoptr (GError) error = NULL;
  g_autoptr (GListModel) versions = NULL;
  GListStore *newest_first;
  guint n;

  versions = rpt_letter_file_list_versions_finish (RPT_LETTER_FILE (source), result, &error);
  if (versions == NULL)
    {
      if (!g_error_matches (error, G_IO_ERROR, G_IO_ERROR_CANCELLED))
        rpt_section_show_toast (GTK_WIDGET (self), error->message);
      return;
    }
  newest_first = g_list_store_new (RPT_TYPE_VERSION);
  n = g_list_model_get_n_items (versions);
  for (guint i = n; i > 0; i--)
    {
      g_autoptr (GObject) v = g_list_model_get_item (versions, i - 1);
      g_list_store_append (newest_first, v);
    }
  g_set_object (&self->versions, G_LIST_MODEL (newest_first));
  g_object_unref (newest_first);
  gtk_list_box_bind_model (self->list, self->versions, create_row_cb, self, NULL);
}

void
rpt_versions_section_refresh (RptVersionsSection *self)
{
  g_return_if_fail (RPT_IS_VERSIONS_SECTION (self));

  if (self->document == NULL || rpt_letter_file_get_version_number (self->document) != 0)
    return;
  rpt_letter_file_list_versions_async (self->document, self->cancellable, list_cb,
                                       g_object_ref (self));
}

void
rpt_versions_section_set_document (RptVersionsSection *self, RptLetterFile *document)
{
  g_return_if_fail (RPT_IS_VERSIONS_SECTION (self));

  g_set_object (&self->document, document);
  rpt_versions_section_refresh (self);
}

/**
 * rpt_versions_section_find_version:
 *
 * Returns: (transfer none) (nullable): version @number, if the list has it
 */
RptVersion *
rpt_versions_section_find_version (RptVersionsSection *self, guint number)
{
  g_return_val_if_fail (RPT_IS_VERSIONS_SECTION (self), NULL);

  for (guint i = 0; self->versions != NULL && i < g_list_model_get_n_items (self->versions); i++)
    {
      g_autoptr (RptVersion) v = g_list_model_get_item (self->versions, i);
      if (rpt_version_get_number (v) == number)
        return v;
    }
  return NULL;
}

guint
rpt_versions_section_get_n_versions (RptVersionsSection *self)
{
  g_return_val_if_fail (RPT_IS_VERSIONS_SECTION (self), 0);
  return self->versions != NULL ? g_list_model_get_n_items (self->versions) : 0;
}

static void
rpt_versions_section_map (GtkWidget *widget)
{
  GTK_WIDGET_CLASS (rpt_versions_section_parent_class)->map (widget);
  rpt_versions_section_refresh (RPT_VERSIONS_SECTION (widget));
}

static void
rpt_versions_section_dispose (GObject *object)
{
  RptVersionsSection *self = RPT_VERSIONS_SECTION (object);

  g_cancellable_cancel (self->cancellable);
  gtk_list_box_bind_model (self->list, NULL, NULL, NULL, NULL);
  gtk_widget_dispose_template (GTK_WIDGET (self), RPT_TYPE_VERSIONS_SECTION);
  g_clear_object (&self->document);
  g_clear_object (&self->versions);
  g_clear_object (&self->cancellable);
  G_OBJECT_CLASS (rpt_versions_section_parent_class)->dispose (object);
}

static void
rpt_versions_section_class_init (RptVersionsSectionClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  object_class->dispose = rpt_versions_section_dispose;
  widget_class->map = rpt_versions_section_map;

  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-versions-section.ui");
  gtk_widget_class_bind_template_child (widget_class, RptVersionsSection, list);
}

static void
rpt_versions_section_init (RptVersionsSection *self)
{
  GtkWidget *placeholder;

  gtk_widget_init_template (GTK_WIDGET (self));
  self->cancellable = g_cancellable_new ();
  placeholder = gtk_label_new (_ ("No versions yet"));
  gtk_widget_add_css_class (placeholder, "dim-label");
  gtk_widget_set_margin_top (placeholder, 18);
  gtk_widget_set_margin_bottom (placeholder, 18);
  gtk_list_box_set_placeholder (self->list, placeholder);
}
