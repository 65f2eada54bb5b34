/* rpt-template-private.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-template.h"

G_BEGIN_DECLS

gboolean _rpt_template_collect_checks (RptTemplate *self,
                                       const char *letter_xml,
                                       gsize length,
                                       RptReference *reference,
                                       const char *today,
                                       GPtrArray *checks,
                                       GError **error);

G_END_DECLS
