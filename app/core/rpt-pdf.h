/* rpt-pdf.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rpt-layout.h"

G_BEGIN_DECLS

/**
 * RptPdfOptions:
 * @author: (nullable): the PDF's author
 * @created: (nullable): its creation date; %NULL for now, or
 *   SOURCE_DATE_EPOCH when set, so builds can be reproduced
 */
typedef struct
{
  const char *author;
  GDateTime *created;
} RptPdfOptions;

GBytes *rpt_pdf_render (RptLayout *layout, const RptPdfOptions *options, GError **error);
gboolean
rpt_pdf_write (RptLayout *layout, const RptPdfOptions *options, const char *path, GError **error);

void rpt_pdf_export_async (RptDocument *document,
                           RptStyleSheet *styles,
                           const RptPdfOptions *options,
                           const char *path,
                           GCancellable *cancellable,
                           GAsyncReadyCallback callback,
                           gpointer user_data);
gboolean rpt_pdf_export_finish (GAsyncResult *result, GPtrArray **warnings, GError **error);

G_END_DECLS
