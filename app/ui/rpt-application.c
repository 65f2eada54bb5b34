/* rpt-application.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-application"

#include <glib-unix.h>
#include <glib/gi18n.h>

#include "rpt-application.h"
#include "rpt-preferences-window.h"
#include "rpt-settings-migration.h"
#include "rpt-shortcuts.h"
#include "rpt-ui-resources.h"
#include "rpt-window.h"

#define SAMPLE_RESOURCE "/io/github/rapporteur/Rapporteur/samples/AL-TJK-1-2025.xml"

struct _RptApplication
{
  AdwApplication parent_instance;

  GSettings *settings;
  gboolean open_sample;
};

G_DEFINE_FINAL_TYPE (RptApplication, rpt_application, ADW_TYPE_APPLICATION)

static const GOptionEntry option_entries[] = {
  { "sample", 0, 0, G_OPTION_ARG_NONE, NULL,
    N_ ("Open a copy of the sample letter (an allegation letter to Tajikistan)"), NULL },
  { "version", 0, 0, G_OPTION_ARG_NONE, NULL, N_ ("Show the version and quit"), NULL },
  { NULL }
};

RptApplication *
rpt_application_new (void)
{
  return g_object_new (RPT_TYPE_APPLICATION, "application-id", APP_ID, "flags",
                       G_APPLICATION_HANDLES_OPEN, "resource-base-path",
                       "/io/github/rapporteur/Rapporteur", NULL);
}

/* Whether this program is the one in the build tree. */
static gboolean
running_from_build_tree (void)
{
#ifdef RPT_BUILD_UI_DIR
  g_autofree char *exe = g_file_read_link ("/proc/self/exe", NULL);
  g_autofree char *dir = exe != NULL ? g_path_get_dirname (exe) : NULL;
  g_autofree char *build = g_canonicalize_filename (RPT_BUILD_UI_DIR, NULL);

  return dir != NULL && g_str_equal (dir, build);
#else
  return FALSE;
#endif
}

/**
 * rpt_application_lookup_settings_schema:
 *
 * The program's settings schema: installed, or, for the program started
 * from its build tree without `meson devenv`, the one compiled there (an
 * installed program never looks in a build tree).
 *
 * Returns: (transfer full) (nullable): the schema, or %NULL if there is
 *   none, and the program cannot run
 */
GSettingsSchema *
rpt_application_lookup_settings_schema (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  GSettingsSchema *schema = NULL;

  if (source != NULL)
    schema = g_settings_schema_source_lookup (source, APP_ID, TRUE);
#ifdef RPT_BUILD_SCHEMA_DIR
  if (schema == NULL && running_from_build_tree ())
    {
      g_autoptr (GSettingsSchemaSource) build =
        g_settings_schema_source_new_from_directory (RPT_BUILD_SCHEMA_DIR, source, FALSE, NULL);
      if (build != NULL)
        schema = g_settings_schema_source_lookup (build, APP_ID, FALSE);
    }
#endif
  return schema;
}

GSettings *
rpt_application_get_settings (RptApplication *self)
{
  g_return_val_if_fail (RPT_IS_APPLICATION (self), NULL);
  return self->settings;
}

/**
 * rpt_dup_account_name:
 *
 * Returns: (nullable): the full name of the user's account, or %NULL if it
 *   has none (a login name is no person's name to put on a letter)
 */
char *
rpt_dup_account_name (void)
{
  const char *real = g_get_real_name ();

  if (real == NULL || real[0] == '\0' || g_str_equal (real, "Unknown") ||
      g_str_equal (real, g_get_user_name ()))
    return NULL;
  return g_strdup (real);
}

/**
 * rpt_application_dup_author:
 *
 * Returns: the name versions record as their author: the one set in
 *   Preferences, else the account's full name, else "" (never the login
 *   name)
 */
char *
rpt_application_dup_author (RptApplication *self)
{
  g_autofree char *name = NULL;
  char *account;

  g_return_val_if_fail (RPT_IS_APPLICATION (self), NULL);

  name = g_strstrip (g_settings_get_string (self->settings, "author-name"));
  if (name[0] != '\0')
    return g_steal_pointer (&name);
  account = rpt_dup_account_name ();
  return account != NULL ? account : g_strdup ("");
}

/**
 * rpt_application_dup_export_author:
 *
 * Returns: the name exported files record as their author: as for
 *   versions, or "" when Preferences leave it out of exports
 */
char *
rpt_application_dup_export_author (RptApplication *self)
{
  g_return_val_if_fail (RPT_IS_APPLICATION (self), NULL);

  if (!g_settings_get_boolean (self->settings, "author-in-exports"))
    return g_strdup ("");
  return rpt_application_dup_author (self);
}

/**
 * rpt_application_new_letter:
 * @to_state: %FALSE for a letter to a company or organisation
 *
 * Returns: (transfer full): a new letter dated today, in the default
 *   letter language
 */
RptLetter *
rpt_application_new_letter (RptApplication *self, RptLetterKind kind, gboolean to_state)
{
  g_autoptr (GDateTime) now = g_date_time_new_now_local ();
  g_autofree char *today = g_date_time_format (now, "%Y-%m-%d");
  g_autofree char *language = NULL;
  RptLetter *letter = rpt_letter_new ();

  rpt_letter_set_kind (letter, kind);
  if (!to_state)
    rpt_letter_set_country (letter, "OTH");
  rpt_letter_set_date (letter, today);
  rpt_letter_set_reference_year (letter, (guint) g_date_time_get_year (now));
  if (self != NULL)
    {
      language = g_settings_get_string (self->settings, "default-language");
      if (rpt_language_is_supported (language))
        rpt_letter_set_language (letter, language);
    }
  return letter;
}

/**
 * rpt_application_load_sample:
 *
 * Returns: (transfer full): a copy of the bundled sample letter, with an id
 *   of its own so that it is saved as a new draft
 */
RptLetter *
rpt_application_load_sample (GError **error)
{
  g_autoptr (GBytes) bytes = NULL;
  g_autofree char *uuid = g_uuid_string_random ();
  g_autoptr (GString) xml = NULL;
  const char *id_attr = "id=\"";
  char *pos;

  bytes = g_resources_lookup_data (SAMPLE_RESOURCE, 0, error);
  if (bytes == NULL)
    return NULL;
  xml = g_string_new_len (g_bytes_get_data (bytes, NULL), g_bytes_get_size (bytes));
  /* The first id is the letter's (it is on the root element). */
  pos = strstr (xml->str, "<letter ");
  pos = pos != NULL ? strstr (pos, id_attr) : NULL;
  if (pos != NULL && strlen (pos) > strlen (id_attr) + 36)
    memcpy (pos + strlen (id_attr), uuid, 36);
  return rpt_letter_new_from_xml (xml->str, xml->len, "AL-TJK-1-2025.xml", error);
}

GtkWindow *
rpt_application_find_window_for_path (RptApplication *self, const char *path)
{
  for (GList *l = gtk_application_get_windows (GTK_APPLICATION (self)); l != NULL; l = l->next)
    {
      RptLetterFile *doc;

      if (!RPT_IS_WINDOW (l->data))
        continue;
      doc = rpt_window_get_document (l->data);
      if (doc != NULL && rpt_letter_file_has_path (doc, path))
        return l->data;
    }
  return NULL;
}

/* A window still showing the welcome page is reused for the first letter
 * opened from it: one letter, one window. */
static RptWindow *
get_empty_window (RptApplication *self)
{
  GtkWindow *active = gtk_application_get_active_window (GTK_APPLICATION (self));

  if (RPT_IS_WINDOW (active) && rpt_window_get_document (RPT_WINDOW (active)) == NULL &&
      !rpt_window_get_busy (RPT_WINDOW (active)))
    return RPT_WINDOW (active);
  return rpt_window_new (self);
}

void
rpt_application_open_path (RptApplication *self, const char *path)
{
  GtkWindow *existing;

  g_return_if_fail (RPT_IS_APPLICATION (self));

  existing = rpt_application_find_window_for_path (self, path);
  if (existing != NULL)
    {
      gtk_window_present (existing);
      return;
    }
  rpt_window_open_path (get_empty_window (self), path);
}

void
rpt_application_add_recent (RptApplication *self, const char *path)
{
  g_autofree char *uri = g_filename_to_uri (path, NULL, NULL);
  GtkRecentData data = { 0 };
  const char *groups[] = { "rapporteur", NULL };

  if (uri == NULL)
    return;
  data.mime_type = (char *) "application/x-rapporteur";
  data.app_name = (char *) g_get_application_name ();
  data.app_exec = (char *) "rapporteur %f";
  data.groups = (char **) groups;
  /* A document's name can be as confidential as its text ("AL TJK
   * Khakimova"): other programs' recent lists do not show it. */
  data.is_private = TRUE;
  gtk_recent_manager_add_full (gtk_recent_manager_get_default (), uri, &data);
}

static void
open_letter (RptApplication *self, RptLetter *letter)
{
  g_autoptr (RptLetterFile) doc = rpt_letter_file_new_draft (letter, NULL);
  RptWindow *window = get_empty_window (self);

  rpt_window_set_document (window, doc);
  gtk_window_present (GTK_WINDOW (window));
}

static void
open_sample (RptApplication *self)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (RptLetter) letter = rpt_application_load_sample (&error);

  if (letter == NULL)
    g_error ("The bundled sample letter is broken: %s", error->message);
  open_letter (self, letter);
}

/* --- actions -------------------------------------------------------- */

static void
new_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  RptApplication *self = user_data;
  RptWindow *window = rpt_window_new (self);

  gtk_window_present (GTK_WINDOW (window));
}

static void
new_letter_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  RptApplication *self = user_data;
  const char *code = g_variant_get_string (param, NULL);
  g_autoptr (RptLetter) letter = NULL;
  RptLetterKind kind = RPT_LETTER_KIND_AL;
  gboolean to_state = TRUE;

  if (g_str_equal (code, "OTH"))
    to_state = FALSE;
  else if (!rpt_letter_kind_from_code (code, &kind))
    return;
  letter = rpt_application_new_letter (self, kind, to_state);
  open_letter (self, letter);
}

static void
open_response_cb (GtkNativeDialog *dialog, int response, gpointer user_data)
{
  RptApplication *self = user_data;

  if (response == GTK_RESPONSE_ACCEPT)
    {
      g_autoptr (GFile) file = gtk_file_chooser_get_file (GTK_FILE_CHOOSER (dialog));
      g_autofree char *path = g_file_get_path (file);

      if (path != NULL)
        rpt_application_open_path (self, path);
    }
  gtk_native_dialog_destroy (dialog);
  g_object_unref (dialog);
  g_application_release (G_APPLICATION (self));
}

static void
open_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  RptApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkFileChooserNative *chooser;
  g_autoptr (GtkFileFilter) letters = gtk_file_filter_new ();
  g_autoptr (GtkFileFilter) all = gtk_file_filter_new ();

  chooser = gtk_file_chooser_native_new (_ ("Open Letter"), parent, GTK_FILE_CHOOSER_ACTION_OPEN,
                                         _ ("_Open"), _ ("_Cancel"));
  gtk_native_dialog_set_modal (GTK_NATIVE_DIALOG (chooser), TRUE);
  gtk_file_filter_set_name (letters, _ ("Letters"));
  gtk_file_filter_add_mime_type (letters, "application/x-rapporteur");
  gtk_file_filter_add_suffix (letters, "rapporteur");
  gtk_file_filter_add_suffix (letters, "xml");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), letters);
  gtk_file_filter_set_name (all, _ ("All Files"));
  gtk_file_filter_add_pattern (all, "*");
  gtk_file_chooser_add_filter (GTK_FILE_CHOOSER (chooser), all);
  g_application_hold (G_APPLICATION (self));
  g_signal_connect (chooser, "response", G_CALLBACK (open_response_cb), self);
  gtk_native_dialog_show (GTK_NATIVE_DIALOG (chooser));
}

static void
open_sample_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  open_sample (user_data);
}

static void
quit_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  RptApplication *self = user_data;
  g_autoptr (GList) windows = g_list_copy (gtk_application_get_windows (GTK_APPLICATION (self)));

  /* Each window saves what is left to save before it goes; the
   * application ends with the last one. */
  for (GList *l = windows; l != NULL; l = l->next)
    gtk_window_close (l->data);
}

static void
about_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  RptApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  const char *developers[] = { _ ("The Rapporteur authors"), NULL };
  GtkWidget *about;

  about =
    g_object_new (ADW_TYPE_ABOUT_WINDOW, "transient-for", parent, "modal", TRUE, "application-icon",
                  APP_ID, "application-name", _ ("Rapporteur"), "developer-name",
                  _ ("The Rapporteur authors"), "version", PACKAGE_VERSION, "comments",
                  _ ("Draft the letters that UN Special Procedures send to governments and "
                     "other actors about human rights violations."),
                  "license-type", GTK_LICENSE_GPL_3_0, "developers", developers,
                  /* Translators: put your names here, one per line. */
                  "translator-credits", _ ("translator-credits"), NULL);
  gtk_window_present (GTK_WINDOW (about));
}

static void
preferences_action (GSimpleAction *action, GVariant *param, gpointer user_data)
{
  RptApplication *self = user_data;
  GtkWindow *parent = gtk_application_get_active_window (GTK_APPLICATION (self));
  GtkWindow *prefs = rpt_preferences_window_new (self->settings);

  gtk_window_set_transient_for (prefs, parent);
  gtk_window_present (prefs);
}

static const GActionEntry app_actions[] = {
  { "new", new_action },
  { "new-letter", new_letter_action, "s" },
  { "open", open_action },
  { "open-sample", open_sample_action },
  { "preferences", preferences_action },
  { "about", about_action },
  { "quit", quit_action },
};

static void
style_changed_cb (GSettings *settings, const char *key, gpointer user_data)
{
  g_autofree char *style = g_settings_get_string (settings, "style-variant");
  AdwStyleManager *manager = adw_style_manager_get_default ();

  if (g_str_equal (style, "dark"))
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_DARK);
  else if (g_str_equal (style, "light"))
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_FORCE_LIGHT);
  else
    adw_style_manager_set_color_scheme (manager, ADW_COLOR_SCHEME_DEFAULT);
}

static gboolean
unix_signal_cb (gpointer user_data)
{
  /* A session ending or a kill: save like a quit does. */
  g_action_group_activate_action (G_ACTION_GROUP (user_data), "quit", NULL);
  return G_SOURCE_CONTINUE;
}

/* --- GApplication --------------------------------------------------- */

static void
rpt_application_startup (GApplication *app)
{
  RptApplication *self = RPT_APPLICATION (app);
  g_autoptr (GAction) style_action = NULL;

  rpt_core_init ();
  G_APPLICATION_CLASS (rpt_application_parent_class)->startup (app);

  g_set_application_name (_ ("Rapporteur"));
  gtk_window_set_default_icon_name (APP_ID);
  {
    g_autoptr (GSettingsSchema) schema = rpt_application_lookup_settings_schema ();
    /* main() has checked that there is one; the widget tests set
     * GSETTINGS_SCHEMA_DIR. */
    self->settings =
      schema != NULL ? g_settings_new_full (schema, NULL, NULL) : g_settings_new (APP_ID);
  }
  rpt_settings_migrate (self->settings);

  g_action_map_add_action_entries (G_ACTION_MAP (self), app_actions, G_N_ELEMENTS (app_actions),
                                   self);
  style_action = g_settings_create_action (self->settings, "style-variant");
  g_action_map_add_action (G_ACTION_MAP (self), style_action);
  g_signal_connect (self->settings, "changed::style-variant", G_CALLBACK (style_changed_cb), self);
  style_changed_cb (self->settings, "style-variant", self);

  rpt_shortcuts_apply_to_application (GTK_APPLICATION (self));

  g_unix_signal_add (SIGTERM, unix_signal_cb, self);
  g_unix_signal_add (SIGINT, unix_signal_cb, self);
  g_unix_signal_add (SIGHUP, unix_signal_cb, self);
}

static void
rpt_application_activate (GApplication *app)
{
  RptApplication *self = RPT_APPLICATION (app);
  GtkWindow *window;

  if (self->open_sample)
    {
      self->open_sample = FALSE;
      open_sample (self);
      return;
    }
  window = gtk_application_get_active_window (GTK_APPLICATION (self));
  if (window == NULL)
    window = GTK_WINDOW (rpt_window_new (self));
  gtk_window_present (window);
}

static void
rpt_application_open (GApplication *app, GFile **files, int n_files, const char *hint)
{
  RptApplication *self = RPT_APPLICATION (app);

  for (int i = 0; i < n_files; i++)
    {
      g_autofree char *path = g_file_get_path (files[i]);
      if (path != NULL)
        rpt_application_open_path (self, path);
    }
}

static int
rpt_application_handle_local_options (GApplication *app, GVariantDict *options)
{
  RptApplication *self = RPT_APPLICATION (app);
  g_autoptr (GError) error = NULL;

  if (g_variant_dict_contains (options, "version"))
    {
      g_print ("rapporteur %s\n", PACKAGE_VERSION);
      return 0;
    }
  if (g_variant_dict_contains (options, "sample"))
    {
      if (!g_application_register (app, NULL, &error))
        {
          g_printerr ("%s\n", error->message);
          return 1;
        }
      if (g_application_get_is_remote (app))
        {
          g_action_group_activate_action (G_ACTION_GROUP (app), "open-sample", NULL);
          return 0;
        }
      self->open_sample = TRUE;
    }
  return -1;
}

static void
rpt_application_dispose (GObject *object)
{
  RptApplication *self = RPT_APPLICATION (object);

  g_clear_object (&self->settings);
  G_OBJECT_CLASS (rpt_application_parent_class)->dispose (object);
}

/**
 * rpt_ui_init:
 *
 * Registers the program's resources; what the application and the widget
 * tests call before making any widget.
 */
void
rpt_ui_init (void)
{
  static gsize once = 0;

  if (g_once_init_enter (&once))
    {
      rpt_core_init ();
      rpt_ui_register_resource ();
      g_once_init_leave (&once, 1);
    }
}

static void
rpt_application_class_init (RptApplicationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  GApplicationClass *app_class = G_APPLICATION_CLASS (klass);

  object_class->dispose = rpt_application_dispose;
  app_class->startup = rpt_application_startup;
  app_class->activate = rpt_application_activate;
  app_class->open = rpt_application_open;
  app_class->handle_local_options = rpt_application_handle_local_options;

  rpt_ui_init ();
}

static void
rpt_application_init (RptApplication *self)
{
  g_application_add_main_option_entries (G_APPLICATION (self), option_entries);
  g_application_set_option_context_parameter_string (G_APPLICATION (self), _ ("[FILE…]"));
}
