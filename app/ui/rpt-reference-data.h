/* rpt-reference-data.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rpt-choice.h"
#include "rpt-core.h"

G_BEGIN_DECLS

/* The reference data as list models of RptChoice for the pickers. Loaded
 * once, on first use, and shared. */

GListModel *rpt_reference_data_dup_countries (void);
GListModel *rpt_reference_data_dup_mandates (void);
GListModel *rpt_reference_data_dup_clauses (RptPart part, const char *language);
RptChoice *rpt_reference_data_find (GListModel *model, const char *key);
char *rpt_reference_data_dup_country_name (const char *code);

/* For tests and the iso-codes parser. */
GListModel *rpt_reference_data_parse_iso_3166 (const char *json, gsize length);

G_END_DECLS
