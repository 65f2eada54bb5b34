/* rpt-redline.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rpt-comparison.h"
#include "rpt-document.h"
#include "rpt-template.h"

G_BEGIN_DECLS

#define RPT_TYPE_REDLINE (rpt_redline_get_type ())

G_DECLARE_FINAL_TYPE (RptRedline, rpt_redline, RPT, REDLINE, GObject)

RptRedline *rpt_redline_new (RptComparison *comparison,
                             RptTemplate *template,
                             RptReference *reference,
                             GError **error);
RptComparison *rpt_redline_get_comparison (RptRedline *self);
char *rpt_redline_dup_tracked_xml (RptRedline *self, gsize *length);
char *rpt_redline_dup_display_xml (RptRedline *self, gsize *length);
RptDocument *rpt_redline_new_document (RptRedline *self, GError **error);
void rpt_redline_set_comments (RptRedline *self, GListModel *comments);
void rpt_redline_set_margin_notes (RptRedline *self, GHashTable *notes);
GBytes *rpt_redline_build_odt (RptRedline *self, GError **error);
GBytes *rpt_redline_build_pdf (RptRedline *self, GError **error);
const char *const *rpt_redline_get_notes (RptRedline *self);

G_END_DECLS
