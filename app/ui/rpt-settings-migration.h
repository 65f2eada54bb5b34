/* rpt-settings-migration.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

G_BEGIN_DECLS

/* The application id of release 0.1.0 (docs/application-id.md). */
#define RPT_OLD_APP_ID "org.gnome.Rapporteur"
#define RPT_OLD_SETTINGS_PATH "/org/gnome/Rapporteur/"

guint rpt_settings_migrate (GSettings *settings);
guint rpt_settings_migrate_from (GSettings *settings,
                                 GSettingsSchemaSource *source,
                                 GSettingsBackend *backend);

G_END_DECLS
