/* rpt-item-private.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Shared by the model classes: every setter goes through these so that a
 * value is cleaned once, in one place, and notify fires only on a change. */

char *_rpt_item_new_id (void);
gboolean _rpt_item_id_is_valid (const char *id);
gboolean _rpt_set_line (char **field, const char *value);
gboolean _rpt_set_markup (char **field, const char *markup);
gboolean _rpt_take_normal_markup (char **field, char *normal);
gboolean _rpt_set_date (char **field, const char *iso_date);
gboolean _rpt_set_key (char **field, const char *key);
gboolean _rpt_set_strv (char ***field, const char *const *value);
gboolean _rpt_key_is_valid (const char *key);
gboolean _rpt_resolution_is_valid (const char *resolution);

G_END_DECLS
