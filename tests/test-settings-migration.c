/* test-settings-migration.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_SETTINGS_ENABLE_BACKEND
#include <gio/gsettingsbackend.h>

#include "rpt-settings-migration.h"
#include "rpt-test-util.h"

/* The settings of release 0.1.0 (id org.gnome.Rapporteur, path
 * /org/gnome/Rapporteur/) move to this id's schema once, whether the old
 * schema is still installed or not, and never over what the user set
 * since. Each test has a backend of its own, as dconf or a Flatpak's
 * keyfile would hold the old values. */

/* The schema of release 0.1.0, as it was installed. */
static const char old_schema[] =
  "<schemalist>"
  "  <enum id='org.gnome.Rapporteur.StyleVariant'>"
  "    <value nick='default' value='0'/><value nick='light' value='1'/>"
  "    <value nick='dark' value='2'/>"
  "  </enum>"
  "  <schema id='org.gnome.Rapporteur' path='/org/gnome/Rapporteur/'>"
  "    <key name='author-name' type='s'><default>''</default></key>"
  "    <key name='default-language' type='s'><default>'en'</default></key>"
  "    <key name='style-variant' enum='org.gnome.Rapporteur.StyleVariant'>"
  "      <default>'default'</default></key>"
  "    <key name='show-preview' type='b'><default>true</default></key>"
  "    <key name='window-width' type='i'><default>1280</default></key>"
  "    <key name='window-height' type='i'><default>820</default></key>"
  "    <key name='window-maximized' type='b'><default>false</default></key>"
  "    <key name='a-key-this-version-dropped' type='s'><default>''</default></key>"
  "  </schema>"
  "</schemalist>";

typedef struct
{
  GSettingsBackend *backend;
  GSettingsSchemaSource *source; /* the program's schemas */
  GSettings *settings;           /* this id's */
  char *dir;
} Fixture;

static GSettings *
new_settings (Fixture *f, GSettingsSchemaSource *source, const char *id, const char *path)
{
  g_autoptr (GSettingsSchema) schema = g_settings_schema_source_lookup (source, id, TRUE);

  g_assert_nonnull (schema);
  return g_settings_new_full (schema, f->backend, path);
}

static void
fixture_set_up (Fixture *f, gconstpointer data)
{
  f->backend = g_memory_settings_backend_new ();
  f->source = g_settings_schema_source_ref (g_settings_schema_source_get_default ());
  f->settings = new_settings (f, f->source, APP_ID, NULL);
  f->dir = rpt_test_make_tmpdir ();
}

static void
fixture_tear_down (Fixture *f, gconstpointer data)
{
  g_object_unref (f->settings);
  g_settings_schema_source_unref (f->source);
  g_object_unref (f->backend);
  rpt_test_rm_rf (f->dir);
  g_free (f->dir);
}

/* The values 0.1.0 left at its path, written the way it wrote them. */
static void
set_old_values (Fixture *f, GSettingsSchemaSource *source, const char *id)
{
  g_autoptr (GSettings) old =
    new_settings (f, source, id, g_str_equal (id, RPT_OLD_APP_ID) ? NULL : RPT_OLD_SETTINGS_PATH);

  g_settings_set_string (old, "author-name", "A. Drafter");
  g_settings_set_string (old, "default-language", "fr");
  g_settings_set_string (old, "style-variant", "dark");
  g_settings_set_boolean (old, "show-preview", FALSE);
  g_settings_set_int (old, "window-width", 1000);
}

static void
assert_moved (Fixture *f)
{
  g_autofree char *author = g_settings_get_string (f->settings, "author-name");
  g_autofree char *language = g_settings_get_string (f->settings, "default-language");
  g_autofree char *style = g_settings_get_string (f->settings, "style-variant");

  g_assert_cmpstr (author, ==, "A. Drafter");
  g_assert_cmpstr (language, ==, "fr");
  g_assert_cmpstr (style, ==, "dark");
  g_assert_false (g_settings_get_boolean (f->settings, "show-preview"));
  g_assert_cmpint (g_settings_get_int (f->settings, "window-width"), ==, 1000);
  /* what the user never set stays unset */
  g_assert_null (g_settings_get_user_value (f->settings, "window-height"));
}

/* The old schema is no longer installed (the usual case: the new package
 * replaced the old one): the relocatable copy reads the old path. */
static void
test_without_old_schema (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettingsSchema) old =
    g_settings_schema_source_lookup (f->source, RPT_OLD_APP_ID, TRUE);

  g_assert_null (old);
  set_old_values (f, f->source, APP_ID ".Legacy");
  g_assert_cmpuint (rpt_settings_migrate_from (f->settings, f->source, f->backend), ==, 5);
  assert_moved (f);
}

/* Compiles the old schema into a folder of its own, over the program's. */
static GSettingsSchemaSource *
source_with_old_schema (Fixture *f)
{
  g_autofree char *xml = g_build_filename (f->dir, "org.gnome.Rapporteur.gschema.xml", NULL);
  g_autoptr (GError) error = NULL;
  const char *argv[] = { "glib-compile-schemas", f->dir, NULL };
  GSettingsSchemaSource *source;
  int status = 0;

  g_file_set_contents (xml, old_schema, -1, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, &status,
                &error);
  g_assert_no_error (error);
  g_assert_true (g_spawn_check_wait_status (status, NULL));
  source = g_settings_schema_source_new_from_directory (f->dir, f->source, TRUE, &error);
  g_assert_no_error (error);
  return source;
}

/* An older Rapporteur is still installed beside this one: its own schema
 * reads its settings, a key this version does not have is left behind. */
static void
test_with_old_schema (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettingsSchemaSource) source = source_with_old_schema (f);
  g_autoptr (GSettings) old = new_settings (f, source, RPT_OLD_APP_ID, NULL);

  set_old_values (f, source, RPT_OLD_APP_ID);
  g_settings_set_string (old, "a-key-this-version-dropped", "x");
  g_assert_cmpuint (rpt_settings_migrate_from (f->settings, source, f->backend), ==, 5);
  assert_moved (f);
  /* the old program keeps its settings */
  g_assert_cmpint (g_settings_get_int (old, "window-width"), ==, 1000);
}

/* Once: values set at the old path later are not moved again, and what
 * the user set under the new id is never overwritten. */
static void
test_once (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) legacy =
    new_settings (f, f->source, APP_ID ".Legacy", RPT_OLD_SETTINGS_PATH);

  g_settings_set_string (f->settings, "author-name", "B. Reviewer");
  set_old_values (f, f->source, APP_ID ".Legacy");
  g_assert_cmpuint (rpt_settings_migrate_from (f->settings, f->source, f->backend), ==, 4);
  {
    g_autofree char *author = g_settings_get_string (f->settings, "author-name");
    g_assert_cmpstr (author, ==, "B. Reviewer");
  }
  g_settings_set_int (legacy, "window-height", 700);
  g_assert_cmpuint (rpt_settings_migrate_from (f->settings, f->source, f->backend), ==, 0);
  g_assert_null (g_settings_get_user_value (f->settings, "window-height"));
}

/* Nothing at the old path: nothing moved, nothing set. */
static void
test_nothing (Fixture *f, gconstpointer data)
{
  g_auto (GStrv) keys = NULL;
  g_autoptr (GSettingsSchema) schema = NULL;

  g_assert_cmpuint (rpt_settings_migrate_from (f->settings, f->source, f->backend), ==, 0);
  g_object_get (f->settings, "settings-schema", &schema, NULL);
  keys = g_settings_schema_list_keys (schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr (GVariant) value = g_settings_get_user_value (f->settings, keys[i]);
      g_assert_null (value);
    }
}

/* A value the new schema refuses (a language it does not offer) stays
 * behind; the others move. */
static void
test_refused_value (Fixture *f, gconstpointer data)
{
  g_autoptr (GSettings) legacy =
    new_settings (f, f->source, APP_ID ".Legacy", RPT_OLD_SETTINGS_PATH);
  g_autofree char *language = NULL;

  g_settings_set_string (legacy, "default-language", "de");
  g_settings_set_boolean (legacy, "window-maximized", TRUE);
  g_test_expect_message ("rpt-settings", G_LOG_LEVEL_MESSAGE, "*default-language*");
  g_assert_cmpuint (rpt_settings_migrate_from (f->settings, f->source, f->backend), ==, 1);
  g_test_assert_expected_messages ();
  language = g_settings_get_string (f->settings, "default-language");
  g_assert_cmpstr (language, ==, "en");
  g_assert_true (g_settings_get_boolean (f->settings, "window-maximized"));
}

/* Without the relocatable copy (a broken installation) nothing fails. */
static void
test_no_legacy_schema (Fixture *f, gconstpointer data)
{
  g_autoptr (GError) error = NULL;
  g_autoptr (GSettingsSchemaSource) empty = NULL;
  g_autofree char *xml = g_build_filename (f->dir, "x.gschema.xml", NULL);
  const char *argv[] = { "glib-compile-schemas", f->dir, NULL };

  g_file_set_contents (xml, "<schemalist/>", -1, &error);
  g_assert_no_error (error);
  g_spawn_sync (NULL, (char **) argv, NULL, G_SPAWN_SEARCH_PATH, NULL, NULL, NULL, NULL, NULL,
                &error);
  g_assert_no_error (error);
  empty = g_settings_schema_source_new_from_directory (f->dir, NULL, TRUE, &error);
  g_assert_no_error (error);
  g_assert_cmpuint (rpt_settings_migrate_from (f->settings, empty, f->backend), ==, 0);
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);

#define ADD(path, func) \
  g_test_add ("/settings-migration/" path, Fixture, NULL, fixture_set_up, func, fixture_tear_down)
  ADD ("without-old-schema", test_without_old_schema);
  ADD ("with-old-schema", test_with_old_schema);
  ADD ("once", test_once);
  ADD ("nothing", test_nothing);
  ADD ("refused-value", test_refused_value);
  ADD ("no-legacy-schema", test_no_legacy_schema);
#undef ADD

  return g_test_run ();
}
