/* rpt-settings-migration.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#define G_LOG_DOMAIN "rpt-settings"

#include "rpt-settings-migration.h"

/*
 * Release 0.1.0 kept its settings under the id org.gnome.Rapporteur, at
 * /org/gnome/Rapporteur/ (docs/application-id.md). They are moved once to
 * this id's schema: read with the old schema where it is still installed
 * (an older Rapporteur beside this one), or else with a relocatable copy
 * of it (io.github.rapporteur.Rapporteur.Legacy) at the old path, which
 * reads what dconf, or the keyfile of a Flatpak, still holds there. A key
 * the user already set under the new id is left alone; a value the new
 * schema does not accept is left behind. The copy records that the move
 * was done, at the old path, so it is done once.
 */

#define LEGACY_SCHEMA APP_ID ".Legacy"
#define MOVED_KEY "moved-to-new-id"

/* Where the program's schema is: installed, or (started from the build
 * tree, rpt_application_lookup_settings_schema()) compiled there. */
static GSettingsSchemaSource *
dup_schema_source (void)
{
  GSettingsSchemaSource *source = g_settings_schema_source_get_default ();
  g_autoptr (GSettingsSchema) schema =
    source != NULL ? g_settings_schema_source_lookup (source, APP_ID, TRUE) : NULL;

  if (schema != NULL)
    return g_settings_schema_source_ref (source);
#ifdef RPT_BUILD_SCHEMA_DIR
  return g_settings_schema_source_new_from_directory (RPT_BUILD_SCHEMA_DIR, source, FALSE, NULL);
#else
  return source != NULL ? g_settings_schema_source_ref (source) : NULL;
#endif
}

/**
 * rpt_settings_migrate:
 * @settings: the settings of this id
 *
 * rpt_settings_migrate_from() with the schemas the program runs with and
 * the default backend.
 *
 * Returns: how many settings were moved
 */
guint
rpt_settings_migrate (GSettings *settings)
{
  g_autoptr (GSettingsSchemaSource) source = dup_schema_source ();

  g_return_val_if_fail (G_IS_SETTINGS (settings), 0);

  return source != NULL ? rpt_settings_migrate_from (settings, source, NULL) : 0;
}

/**
 * rpt_settings_migrate_from:
 * @settings: the settings of this id
 * @source: where to look for the old schema and its relocatable copy
 * @backend: (nullable): where the old settings are kept: the backend of
 *   @settings, or %NULL for the default one
 *
 * Moves the settings of release 0.1.0, once. Nothing fails: without the
 * copy of the old schema there is nothing to read, and nothing is done.
 *
 * Returns: how many settings were moved
 */
guint
rpt_settings_migrate_from (GSettings *settings,
                           GSettingsSchemaSource *source,
                           GSettingsBackend *backend)
{
  g_autoptr (GSettingsSchema) legacy = NULL;
  g_autoptr (GSettingsSchema) old = NULL;
  g_autoptr (GSettingsSchema) schema = NULL;
  g_autoptr (GSettingsSchema) from_schema = NULL;
  g_autoptr (GSettings) marker = NULL;
  g_autoptr (GSettings) from = NULL;
  g_auto (GStrv) keys = NULL;
  guint moved = 0;

  g_return_val_if_fail (G_IS_SETTINGS (settings), 0);
  g_return_val_if_fail (source != NULL, 0);

  /* Looked up, never assumed: g_settings_new() aborts on a schema that
   * is not installed. */
  legacy = g_settings_schema_source_lookup (source, LEGACY_SCHEMA, TRUE);
  if (legacy == NULL)
    return 0;
  marker = g_settings_new_full (legacy, backend, RPT_OLD_SETTINGS_PATH);
  if (g_settings_get_boolean (marker, MOVED_KEY))
    return 0;

  old = g_settings_schema_source_lookup (source, RPT_OLD_APP_ID, TRUE);
  if (old != NULL && g_strcmp0 (g_settings_schema_get_path (old), RPT_OLD_SETTINGS_PATH) == 0)
    from = g_settings_new_full (old, backend, NULL);
  else
    from = g_object_ref (marker);

  g_object_get (settings, "settings-schema", &schema, NULL);
  g_object_get (from, "settings-schema", &from_schema, NULL);
  keys = g_settings_schema_list_keys (from_schema);
  for (guint i = 0; keys[i] != NULL; i++)
    {
      g_autoptr (GVariant) value = NULL;
      g_autoptr (GVariant) current = NULL;
      g_autoptr (GSettingsSchemaKey) key = NULL;

      if (g_str_equal (keys[i], MOVED_KEY) || !g_settings_schema_has_key (schema, keys[i]))
        continue;
      value = g_settings_get_user_value (from, keys[i]);
      current = g_settings_get_user_value (settings, keys[i]);
      if (value == NULL || current != NULL)
        continue;
      key = g_settings_schema_get_key (schema, keys[i]);
      if (!g_variant_is_of_type (value, g_settings_schema_key_get_value_type (key)) ||
          !g_settings_schema_key_range_check (key, value))
        {
          g_message ("The setting “%s” of %s is not kept: this version does not accept it", keys[i],
                     RPT_OLD_APP_ID);
          continue;
        }
      if (g_settings_set_value (settings, keys[i], value))
        moved++;
    }
  g_settings_set_boolean (marker, MOVED_KEY, TRUE);
  if (moved > 0)
    g_message ("%u settings of %s moved to %s", moved, RPT_OLD_APP_ID, APP_ID);
  return moved;
}
