/* rpt-reference-item.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rpt-core.h"

G_BEGIN_DECLS

#define RPT_TYPE_REFERENCE_ITEM (rpt_reference_item_get_type ())

G_DECLARE_FINAL_TYPE (RptReferenceItem, rpt_reference_item, RPT, REFERENCE_ITEM, GObject)

RptOverrideTable rpt_reference_item_get_table (RptReferenceItem *self);
const char *rpt_reference_item_get_key (RptReferenceItem *self);
const char *rpt_reference_item_get_title (RptReferenceItem *self);
const char *rpt_reference_item_get_subtitle (RptReferenceItem *self);
gboolean rpt_reference_item_get_corrected (RptReferenceItem *self);
gboolean rpt_reference_item_get_verified (RptReferenceItem *self);
gboolean rpt_reference_item_get_stale (RptReferenceItem *self);
gboolean rpt_reference_item_matches (RptReferenceItem *self, const char *const *words);

GListModel *rpt_reference_items_new (RptReference *reference);
char *
rpt_reference_dup_row_title (RptReference *reference, RptOverrideTable table, const char *key);
char *rpt_reference_dup_source_label (RptReference *reference, const char *source);
GStrv rpt_reference_fold_words (const char *text);

G_END_DECLS
