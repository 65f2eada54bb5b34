/* rpt-closing-section.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-section.h"

G_BEGIN_DECLS

#define RPT_TYPE_CLOSING_SECTION (rpt_closing_section_get_type ())

G_DECLARE_FINAL_TYPE (RptClosingSection, rpt_closing_section, RPT, CLOSING_SECTION, RptSection)

G_END_DECLS
