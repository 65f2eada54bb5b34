/* rpt-layout-pages.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-page-source.h"

G_BEGIN_DECLS

#define RPT_TYPE_LAYOUT_PAGES (rpt_layout_pages_get_type ())

G_DECLARE_FINAL_TYPE (RptLayoutPages, rpt_layout_pages, RPT, LAYOUT_PAGES, GObject)

RptLayoutPages *rpt_layout_pages_new (RptLayout *layout);
RptLayout *rpt_layout_pages_get_layout (RptLayoutPages *self);

G_END_DECLS
