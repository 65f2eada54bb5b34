/* rpt-version.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RPT_TYPE_VERSION (rpt_version_get_type ())

G_DECLARE_FINAL_TYPE (RptVersion, rpt_version, RPT, VERSION, GObject)

RptVersion *
rpt_version_new (guint number, const char *author, GDateTime *created, const char *message);
guint rpt_version_get_number (RptVersion *self);
const char *rpt_version_get_author (RptVersion *self);
GDateTime *rpt_version_get_created (RptVersion *self);
const char *rpt_version_get_message (RptVersion *self);

/* Versions are numbered from 1; SQLite keeps them as 64-bit integers, the
 * API as guint. */
#define RPT_VERSION_NUMBER_MAX ((guint) G_MAXINT)

gboolean rpt_version_number_check (guint number, GError **error);
gboolean rpt_version_number_parse (const char *text, guint *number, GError **error);

G_END_DECLS
