/* rpt-exporter.h
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
  RPT_EXPORTER_PDF,
  RPT_EXPORTER_ODT,
  RPT_EXPORTER_XML,
  RPT_EXPORTER_DOCUMENT,
} RptExporterFormat;

gboolean rpt_exporter_format_from_string (const char *name, RptExporterFormat *format);
const char *rpt_exporter_format_get_suffix (RptExporterFormat format);
const char *rpt_exporter_format_get_mime_type (RptExporterFormat format);
gboolean rpt_exporter_format_is_available (RptExporterFormat format);
char *
rpt_exporter_dup_suggested_name (RptLetter *letter, RptExporterFormat format, const char *fallback);
GFile *rpt_exporter_dup_folder (GSettings *settings, const char *letter_id);
void rpt_exporter_remember_folder (GSettings *settings, const char *letter_id, const char *folder);

void rpt_exporter_async (RptLetter *letter,
                         RptExporterFormat format,
                         const char *path,
                         const char *author,
                         GCancellable *cancellable,
                         GAsyncReadyCallback callback,
                         gpointer user_data);
void rpt_exporter_async_with_comments (RptLetter *letter,
                                       RptExporterFormat format,
                                       const char *path,
                                       const char *author,
                                       GListModel *comments,
                                       GCancellable *cancellable,
                                       GAsyncReadyCallback callback,
                                       gpointer user_data);
gboolean rpt_exporter_finish (GAsyncResult *result, GError **error);
gboolean rpt_exporter_write (const char *letter_xml,
                             RptExporterFormat format,
                             const char *path,
                             const char *author,
                             GError **error);

G_END_DECLS
