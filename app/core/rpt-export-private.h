/* rpt-export-private.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-document.h"
#include "rpt-export.h"

G_BEGIN_DECLS

RptDocument *_rpt_export_new_document (RptExport *self, GError **error);

G_END_DECLS
