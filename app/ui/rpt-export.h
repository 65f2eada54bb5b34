/* rpt-export.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rpt-core.h"

G_BEGIN_DECLS

typedef enum
{
  RPT_EXPORT_PDF,
  RPT_EXPORT_ODT,
  RPT_EXPORT_XML,
  RPT_EXPORT_DOCUMENT,
} RptExportFormat;

gboolean rpt_export_format_from_string (const char *name, RptExportFormat *format);
const char *rpt_export_format_get_suffix (RptExportFormat format);
const char *rpt_export_format_get_mime_type (RptExportFormat format);
gboolean rpt_export_format_is_available (RptExportFormat format);
char *rpt_export_dup_suggested_name (RptLetter *letter, RptExportFormat format);

void rpt_export_async (RptLetter *letter,
                       RptExportFormat format,
                       const char *path,
                       GCancellable *cancellable,
                       GAsyncReadyCallback callback,
                       gpointer user_data);
gboolean rpt_export_finish (GAsyncResult *result, GError **error);
gboolean
rpt_export_write (const char *letter_xml, RptExportFormat format, const char *path, GError **error);

G_END_DECLS
