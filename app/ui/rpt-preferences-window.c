/* rpt-preferences-window.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-preferences-window"

#include "rpt-preferences-window.h"

/* The preferences are GSettings keys, bound to their rows. */
struct _RptPreferencesWindow
{
  AdwPreferencesWindow parent_instance;

  AdwEntryRow *author_row;
  AdwComboRow *language_row;
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
  g_settings_bind_with_mapping (settings, "default-language", self->language_row, "selected",
                                G_SETTINGS_BIND_DEFAULT, get_language, set_language, NULL, NULL);
  if (gtk_editable_get_text (GTK_EDITABLE (self->author_row))[0] == '\0')
    {
      /* Empty means the user's real name: show which one. */
      const char *real = g_get_real_name ();
      if (real != NULL && !g_str_equal (real, "Unknown"))
        gtk_editable_set_text (GTK_EDITABLE (self->author_row), real);
    }
  return GTK_WINDOW (self);
}

static void
rpt_preferences_window_class_init (RptPreferencesWindowClass *klass)
{
  GtkWidgetClass *widget_class = GTK_WIDGET_CLASS (klass);

  gtk_widget_class_set_template_from_resource (
    widget_class, "/org/gnome/Rapporteur/ui/rpt-preferences-window.ui");
  gtk_widget_class_bind_template_child (widget_class, RptPreferencesWindow, author_row);
  gtk_widget_class_bind_template_child (widget_class, RptPreferencesWindow, language_row);
}

static void
rpt_preferences_window_init (RptPreferencesWindow *self)
{
  gtk_widget_init_template (GTK_WIDGET (self));
}
