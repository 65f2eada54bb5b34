/* rpt-reference-page.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <adwaita.h>

#include "rpt-core.h"
#include "rpt-reference-browser.h"

G_BEGIN_DECLS

#define RPT_TYPE_REFERENCE_PAGE (rpt_reference_page_get_type ())

G_DECLARE_FINAL_TYPE (RptReferencePage, rpt_reference_page, RPT, REFERENCE_PAGE, AdwPreferencesPage)

void rpt_reference_page_set_settings (RptReferencePage *self, GSettings *settings);
gboolean rpt_reference_page_get_busy (RptReferencePage *self);
RptReferenceBrowser *rpt_reference_page_show_browser (RptReferencePage *self);
void rpt_reference_page_set_value (RptReferencePage *self,
                                   RptOverrideTable table,
                                   const char *key,
                                   const char *field,
                                   const char *value,
                                   const char *note);
void rpt_reference_page_remove_correction (RptReferencePage *self,
                                           RptOverrideTable table,
                                           const char *key,
                                           const char *field);
void rpt_reference_page_import_path (RptReferencePage *self, const char *path);
void rpt_reference_page_export_path (RptReferencePage *self, const char *path);
GtkListBox *rpt_reference_page_get_corrections_list (RptReferencePage *self);

void rpt_reference_changed_in_windows (RptReference *reference);

G_END_DECLS
