/* rpt-mandates-section.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-section.h"

G_BEGIN_DECLS

#define RPT_TYPE_MANDATES_SECTION (rpt_mandates_section_get_type ())

G_DECLARE_FINAL_TYPE (RptMandatesSection, rpt_mandates_section, RPT, MANDATES_SECTION, RptSection)

void rpt_mandates_section_focus_co_signatory (RptMandatesSection *self, gpointer signatory);

G_END_DECLS
