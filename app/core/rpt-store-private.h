/* rpt-store-private.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-sqlite.h"
#include "rpt-store.h"

G_BEGIN_DECLS

/* For tests that need to reach below the store: simulate a full disk with
 * PRAGMA max_page_count, look at the schema. */
RptSqlite *_rpt_store_get_sqlite (RptStore *self);

G_END_DECLS
