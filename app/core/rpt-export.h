/* rpt-export.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rpt-layout.h"
#include "rpt-letter.h"
#include "rpt-reference.h"
#include "rpt-template.h"

G_BEGIN_DECLS

/**
 * RptExportFormat:
 * @RPT_EXPORT_FORMAT_DOCUMENT_XML: the document XML the templates make
 *   (docs/pipeline.md), for debugging templates
 * @RPT_EXPORT_FORMAT_ODT: an OpenDocument text file
 */
typedef enum
{
  RPT_EXPORT_FORMAT_DOCUMENT_XML,
  RPT_EXPORT_FORMAT_ODT,
  RPT_EXPORT_FORMAT_PDF,
  RPT_EXPORT_FORMAT_LETTER_XML,
} RptExportFormat;

#define RPT_TYPE_EXPORT (rpt_export_get_type ())

G_DECLARE_FINAL_TYPE (RptExport, rpt_export, RPT, EXPORT, GObject)

RptExport *rpt_export_new (RptLetter *letter);
RptExport *rpt_export_new_for_xml (const char *letter_xml, gssize length);

void rpt_export_set_template (RptExport *self, RptTemplate *template);
void rpt_export_set_reference (RptExport *self, RptReference *reference);
void rpt_export_set_creator (RptExport *self, const char *creator);
void rpt_export_set_date (RptExport *self, GDateTime *date);
void rpt_export_set_margin_notes (RptExport *self, GHashTable *notes);
void rpt_export_set_comments (RptExport *self, GListModel *comments);

RptLayout *rpt_export_new_layout (RptExport *self, GError **error);
GBytes *rpt_export_run (RptExport *self, RptExportFormat format, GError **error);
const char *const *rpt_export_get_notes (RptExport *self);

gboolean
rpt_export_write_file (RptExport *self, RptExportFormat format, const char *path, GError **error);
void rpt_export_write_async (RptExport *self,
                             RptExportFormat format,
                             const char *path,
                             GCancellable *cancellable,
                             GAsyncReadyCallback callback,
                             gpointer user_data);
gboolean rpt_export_write_finish (RptExport *self, GAsyncResult *result, GError **error);

gboolean rpt_export_format_from_string (const char *name, RptExportFormat *format);

G_END_DECLS
