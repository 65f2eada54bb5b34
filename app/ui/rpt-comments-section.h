/* rpt-comments-section.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-letter-file.h"
#include "rpt-section.h"

G_BEGIN_DECLS

#define RPT_TYPE_COMMENTS_SECTION (rpt_comments_section_get_type ())

G_DECLARE_FINAL_TYPE (RptCommentsSection, rpt_comments_section, RPT, COMMENTS_SECTION, RptSection)

void rpt_comments_section_set_document (RptCommentsSection *self, RptLetterFile *document);
GListModel *rpt_comments_section_get_shown (RptCommentsSection *self);
gboolean rpt_comments_section_focus_comment (RptCommentsSection *self, const char *id);
char *rpt_comments_section_dup_place (RptLetter *letter, RptComment *comment);

G_END_DECLS
