/* rpt-comment-private.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <libxml/tree.h>

#include "rpt-comment.h"

G_BEGIN_DECLS

void _rpt_comments_annotate (xmlDoc *doc, GListModel *comments);
void _rpt_comments_mark_margin (xmlDoc *doc, GHashTable *notes);

G_END_DECLS
