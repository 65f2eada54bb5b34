/* rpt-preferences-window.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-preferences-window"

#include <glib/gi18n.h>

#include "rpt-application.h"
#include "rpt-preferences-window.h"
#include "rpt-reference-page.h"

/* The preferences are GSettings keys, bound to their rows. */
struct _RptPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwEntryRow *author_row;
  GtkSwitch *exports_switch;
  AdwComboRow *language_row;
  RptReferencePage *reference_page;
};

G_DEFINE_FINAL_TYPE (RptPreferencesWindow, rpt_preferences_window, ADW_TYPE_PREFERENCES_WINDOW)

static const char *const languages[] = { "en", "fr", "es" };

static gboolean
get_language (GValue *value, GVariant *variant, gpointer user_data)
{
  const char *language = g_variant_get_string (variant, NULL);

  for (guint i = 0; i < G_N_ELEMENTS (languages); i++)
    if (g_str_equal (language, languages[i]))
      {
        g_value_set_uint (value, i);
        return TRUE;
      }
  g_value_set_uint (value, 0);
  return TRUE;
}

static GVariant *
set_language (const GValue *value, const GVariantType *type, gpointer user_data)
{
  guint i = g_value_get_uint (value);

  return g_variant_new_string (languages[i < G_N_ELEMENTS (languages) ? i : 0]);
}

GtkWindow *
rpt_preferences_window_new (GSettings *settings)
{
  RptPreferencesWindow *self = g_object_new (RPT_TYPE_PREFERENCES_WINDOW, NULL);

  g_settings_bind (settings, "author-name", self->author_row, "text", G_SETTINGS_BIND_DEFAULT);
  g_settings_bind (settings, "author-in-exports", self->exports_switch, "active",
                   G_SETTINGS_BIND_DEFAULT);
  g_settings_bind_with_mapping (settings, "default-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_language, set_language, NULL, NULL);
  if (gtk_editable_get_text (GTK_EDITABLE (self->author_row))[0] == '\0')
    {
      /* Empty means the account's full name: show which one. */
      g_autofree char *account = rpt_dup_account_name ();
      if (account != NULL)
        gtk_editable_set_text (GTK_EDITABLE (self->author_row), account);
    }
  rpt_reference_page_set_settings (self->reference_page, settings);
  /* Seen here, the name is chosen: no need to ask. */
  g_settings_set_boolean (settings, "author-asked", TRUE);
  return GTK_WINDOW (self);
}

/**
 * rpt_preferences_window_show_reference_data:
 *
 * Shows the Reference Data page.
 *
 * Returns: (transfer none): the page, an #RptReferencePage
 */
GtkWidget *
rpt_preferences_window_show_reference_data (RptPreferencesWindow *self)
{
  g_return_val_if_fail (RPT_IS_PREFERENCES_WINDOW (self), NULL);

  adw_preferences_window_set_visible_page (ADW_PREFERENCES_WINDOW (self),
                                           ADW_PREFERENCES_PAGE (self->reference_page));
  return GTK_WIDGET (self->reference_page);
}

static void
rpt_preferences_window_class_init (RptPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  g_type_ensure (RPT_TYPE_REFERENCE_PAGE);
  gtk_widget_class_set_template_from_resource (
    widget_class, "/io/github/rapporteur/Rapporteur/ui/rpt-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RptPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, RptPreferencesWindow, exports_switch);
  gtk_widget_class_bind_template_child (widget_class, RptPreferencesWindow, language_row);
  gtk_widget_class_bind_template_child (widget_class, RptPreferencesWindow, reference_page);
}

static void
rpt_preferences_window_init (RptPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}

typedef struct
{
  GSettings *settings;
  GtkEditable *entry;
  GtkSwitch *exports;
  RptAuthorReadyFunc ready;
  gpointer user_data;
} AskAuthor;

static void
ask_author_response_cb (AdwMessageDialog *dialog, const char *response, AskAuthor *ask)
{
  g_autofree char *name = g_strstrip (g_strdup (gtk_editable_get_text (ask->entry)));

  if (g_str_equal (response, "continue"))
    {
      g_settings_set_string (ask->settings, "author-name", name);
      g_settings_set_boolean (ask->settings, "author-in-exports",
                              gtk_switch_get_active (ask->exports));
      g_settings_set_boolean (ask->settings, "author-asked", TRUE);
    }
  /* Cancelled: the work goes on all the same, with the name as it is
   * (the account's full name, or none), and the question comes again. */
  ask->ready (ask->user_data);
  g_object_unref (ask->settings);
  g_free (ask);
}

/**
 * rpt_preferences_ask_author:
 * @ready: called once the name is settled (or the question dismissed)
 *
 * Asks once for the name versions and exported files record, offering the
 * account's full name (never the login name), and whether exports name an
 * author at all. Later calls call @ready at once.
 */
void
rpt_preferences_ask_author (GtkWindow *parent,
                            GSettings *settings,
                            RptAuthorReadyFunc ready,
                            gpointer user_data)
{
  g_autofree char *name = NULL;
  AskAuthor *ask;
  GtkWidget *dialog, *box, *entry, *row, *sw;

  g_return_if_fail (G_IS_SETTINGS (settings));

  if (g_settings_get_boolean (settings, "author-asked"))
    {
      ready (user_data);
      return;
    }
  name = g_strstrip (g_settings_get_string (settings, "author-name"));
  if (name[0] == '\0')
    {
      g_free (name);
      name = rpt_dup_account_name ();
    }
  dialog = adw_message_dialog_new (parent, _ ("Your Name"),
                                   _ ("Versions record who saved them, and exported letters who "
                                      "wrote them. Which name should they give? You can change it "
                                      "in Preferences."));
  box = gtk_box_new (GTK_ORIENTATION_VERTICAL, 12);
  entry = gtk_entry_new ();
  gtk_editable_set_text (GTK_EDITABLE (entry), name != NULL ? name : "");
  gtk_entry_set_placeholder_text (GTK_ENTRY (entry), _ ("Your name"));
  gtk_entry_set_activates_default (GTK_ENTRY (entry), TRUE);
  gtk_accessible_update_property (GTK_ACCESSIBLE (entry), GTK_ACCESSIBLE_PROPERTY_LABEL,
                                  _ ("Your name"), -1);
  gtk_box_append (GTK_BOX (box), entry);
  row = gtk_box_new (GTK_ORIENTATION_HORIZONTAL, 12);
  gtk_box_append (GTK_BOX (row), gtk_label_new_with_mnemonic (_ ("Name in _exported files")));
  sw = gtk_switch_new ();
  gtk_switch_set_active (GTK_SWITCH (sw), g_settings_get_boolean (settings, "author-in-exports"));
  gtk_widget_set_hexpand (sw, TRUE);
  gtk_widget_set_halign (sw, GTK_ALIGN_END);
  gtk_label_set_mnemonic_widget (GTK_LABEL (gtk_widget_get_first_child (row)), sw);
  gtk_box_append (GTK_BOX (row), sw);
  gtk_box_append (GTK_BOX (box), row);
  adw_message_dialog_set_extra_child (ADW_MESSAGE_DIALOG (dialog), box);
  adw_message_dialog_add_responses (ADW_MESSAGE_DIALOG (dialog), "cancel", _ ("_Not Now"),
                                    "continue", _ ("_Continue"), NULL);
  adw_message_dialog_set_response_appearance (ADW_MESSAGE_DIALOG (dialog), "continue",
                                              ADW_RESPONSE_SUGGESTED);
  adw_message_dialog_set_default_response (ADW_MESSAGE_DIALOG (dialog), "continue");
  adw_message_dialog_set_close_response (ADW_MESSAGE_DIALOG (dialog), "cancel");
  ask = g_new0 (AskAuthor, 1);
  ask->settings = g_object_ref (settings);
  ask->entry = GTK_EDITABLE (entry);
  ask->exports = GTK_SWITCH (sw);
  ask->ready = ready;
  ask->user_data = user_data;
  g_signal_connect (dialog, "response", G_CALLBACK (ask_author_response_cb), ask);
  gtk_window_present (GTK_WINDOW (dialog));
  gtk_widget_grab_focus (entry);
}
