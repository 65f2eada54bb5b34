/* rpt-letter-section.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-section.h"

G_BEGIN_DECLS

#define RPT_TYPE_LETTER_SECTION (rpt_letter_section_get_type ())

G_DECLARE_FINAL_TYPE (RptLetterSection, rpt_letter_section, RPT, LETTER_SECTION, RptSection)

G_END_DECLS
