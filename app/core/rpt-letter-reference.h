/* rpt-letter-reference.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-letter.h"
#include "rpt-reference.h"

G_BEGIN_DECLS

/*
 * What a letter draws from the reference data on its date, asked of the
 * letter rather than of its XML: the questions the templates answer while
 * rendering, for the checks and the interface to ask too.
 */

char *rpt_letter_dup_effective_date (RptLetter *letter);
GPtrArray *rpt_letter_list_mandates_without_resolution (RptLetter *letter, RptReference *reference);

G_END_DECLS
