/* rpt-paragraph-private.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-paragraph.h"

G_BEGIN_DECLS

void _rpt_paragraph_take_normal_text (RptParagraph *self, char *normal);

G_END_DECLS
