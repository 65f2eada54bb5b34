/* rpt-application.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_APPLICATION (rpt_application_get_type ())

G_DECLARE_FINAL_TYPE (RptApplication, rpt_application, RPT, APPLICATION, AdwApplication)

void rpt_ui_init (void);
GSettingsSchema *rpt_application_lookup_settings_schema (void);
RptApplication *rpt_application_new (void);
GSettings *rpt_application_get_settings (RptApplication *self);
char *rpt_application_dup_author (RptApplication *self);
char *rpt_application_dup_export_author (RptApplication *self);
char *rpt_dup_account_name (void);
RptLetter *rpt_application_new_letter (RptApplication *self, RptLetterKind kind, gboolean to_state);
RptLetter *rpt_application_load_sample (GError **error);
GtkWindow *rpt_application_find_window_for_path (RptApplication *self, const char *path);
void rpt_application_open_path (RptApplication *self, const char *path);
void rpt_application_add_recent (RptApplication *self, const char *path);

G_END_DECLS
