/* rpt-document.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

G_BEGIN_DECLS

#define RPT_TYPE_DOCUMENT (rpt_document_get_type ())
G_DECLARE_FINAL_TYPE (RptDocument, rpt_document, RPT, DOCUMENT, GObject)

RptDocument *
rpt_document_new_from_data (const char *data, gssize length, const char *filename, GError **error);
RptDocument *rpt_document_new_from_file (const char *path, GError **error);
gboolean rpt_document_sniff (const char *data, gsize length);

const char *rpt_document_get_title (RptDocument *self);
const char *rpt_document_get_subject (RptDocument *self);
const char *rpt_document_get_language (RptDocument *self);
const char *rpt_document_get_reference (RptDocument *self);
const char *rpt_document_get_field (const char *name, gpointer document);
const char *const *rpt_document_get_keywords (RptDocument *self);

guint rpt_document_get_n_blocks (RptDocument *self);
const char *rpt_document_get_block_text (RptDocument *self, guint index);
const char *rpt_document_get_block_style (RptDocument *self, guint index);
int rpt_document_get_block_outline_level (RptDocument *self, guint index);
int rpt_document_find_bookmark (RptDocument *self, const char *name);

G_END_DECLS
