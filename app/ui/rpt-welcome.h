/* rpt-welcome.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

G_BEGIN_DECLS

#define RPT_TYPE_WELCOME (rpt_welcome_get_type ())

G_DECLARE_FINAL_TYPE (RptWelcome, rpt_welcome, RPT, WELCOME, GtkWidget)

void rpt_welcome_reload (RptWelcome *self);
GPtrArray *rpt_welcome_list_recent (const char *drafts_dir, guint max);
gboolean rpt_welcome_trash_draft (RptWelcome *self, const char *path);

G_END_DECLS
