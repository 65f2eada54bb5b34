/* rpt-file.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

gboolean rpt_file_write_private (const char *path, const void *data, gsize length, GError **error);

G_END_DECLS
