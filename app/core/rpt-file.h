/* rpt-file.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* The most any input file may hold (letter XML, document XML, style
 * sheets): more than any letter needs. */
#define RPT_FILE_INPUT_MAX_SIZE (64 * 1024 * 1024)

gboolean rpt_file_write_private (const char *path, const void *data, gsize length, GError **error);
gboolean rpt_file_create_private (const char *path, const void *data, gsize length, GError **error);
gboolean
rpt_file_read_bounded (const char *path, gsize limit, char **data, gsize *length, GError **error);

G_END_DECLS
