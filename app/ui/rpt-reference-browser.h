/* rpt-reference-browser.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rpt-core.h"

G_BEGIN_DECLS

/**
 * RptReferenceFilter:
 *
 * Which rows the list shows (its drop-down), in the drop-down's order.
 */
typedef enum
{
  RPT_REFERENCE_FILTER_ALL,
  RPT_REFERENCE_FILTER_MANDATES,
  RPT_REFERENCE_FILTER_STATES,
  RPT_REFERENCE_FILTER_TREATIES,
  RPT_REFERENCE_FILTER_CORRECTED,
  RPT_REFERENCE_FILTER_UNVERIFIED,
  RPT_REFERENCE_FILTER_STALE,
} RptReferenceFilter;

#define RPT_TYPE_REFERENCE_BROWSER (rpt_reference_browser_get_type ())

G_DECLARE_FINAL_TYPE (RptReferenceBrowser, rpt_reference_browser, RPT, REFERENCE_BROWSER, GtkWidget)

void rpt_reference_browser_set_reference (RptReferenceBrowser *self,
                                          RptReference *reference,
                                          GListModel *items);
void rpt_reference_browser_set_search (RptReferenceBrowser *self, const char *text);
void rpt_reference_browser_set_filter (RptReferenceBrowser *self, RptReferenceFilter filter);
GListModel *rpt_reference_browser_get_shown (RptReferenceBrowser *self);
void rpt_reference_browser_show_list (RptReferenceBrowser *self);
void
rpt_reference_browser_show_row (RptReferenceBrowser *self, RptOverrideTable table, const char *key);
gboolean rpt_reference_browser_get_shown_row (RptReferenceBrowser *self,
                                              RptOverrideTable *table,
                                              const char **key);
void rpt_reference_browser_show_field_error (RptReferenceBrowser *self,
                                             const char *field,
                                             const char *message);
const char *rpt_reference_browser_get_focused_row (RptReferenceBrowser *self);
GtkWidget *rpt_reference_browser_get_trust_row (RptReferenceBrowser *self, const char *which);
GtkWidget *rpt_reference_browser_get_field_row (RptReferenceBrowser *self,
                                                const char *field,
                                                const char *which);

G_END_DECLS
