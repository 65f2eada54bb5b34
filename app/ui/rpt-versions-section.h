/* rpt-versions-section.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-letter-file.h"
#include "rpt-section.h"

G_BEGIN_DECLS

#define RPT_TYPE_VERSIONS_SECTION (rpt_versions_section_get_type ())

G_DECLARE_FINAL_TYPE (RptVersionsSection, rpt_versions_section, RPT, VERSIONS_SECTION, RptSection)

void rpt_versions_section_set_document (RptVersionsSection *self, RptLetterFile *document);
void rpt_versions_section_refresh (RptVersionsSection *self);
guint rpt_versions_section_get_n_versions (RptVersionsSection *self);
RptVersion *rpt_versions_section_find_version (RptVersionsSection *self, guint number);

G_END_DECLS
