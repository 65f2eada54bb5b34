/* rpt-summary-section.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-section.h"

G_BEGIN_DECLS

#define RPT_TYPE_SUMMARY_SECTION (rpt_summary_section_get_type ())

G_DECLARE_FINAL_TYPE (RptSummarySection, rpt_summary_section, RPT, SUMMARY_SECTION, RptSection)

G_END_DECLS
