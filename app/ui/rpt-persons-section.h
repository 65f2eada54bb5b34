/* rpt-persons-section.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-section.h"

G_BEGIN_DECLS

#define RPT_TYPE_PERSONS_SECTION (rpt_persons_section_get_type ())

G_DECLARE_FINAL_TYPE (RptPersonsSection, rpt_persons_section, RPT, PERSONS_SECTION, RptSection)

G_END_DECLS
