/* rpt-draft-pages.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-page-source.h"

G_BEGIN_DECLS

#define RPT_TYPE_DRAFT_PAGES (rpt_draft_pages_get_type ())

G_DECLARE_FINAL_TYPE (RptDraftPages, rpt_draft_pages, RPT, DRAFT_PAGES, GObject)

RptDraftPages *rpt_draft_pages_new (RptLetter *letter);

G_END_DECLS
