/* rpt-core.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-check.h"
#include "rpt-checker.h"
#include "rpt-comment.h"
#include "rpt-communication.h"
#include "rpt-comparison.h"
#include "rpt-document-xml.h"
#include "rpt-document.h"
#include "rpt-error.h"
#include "rpt-export.h"
#include "rpt-file.h"
#include "rpt-grammar.h"
#include "rpt-house-style.h"
#include "rpt-letter-reference.h"
#include "rpt-letter-xml.h"
#include "rpt-layout.h"
#include "rpt-letter.h"
#include "rpt-mandate.h"
#include "rpt-markup.h"
#include "rpt-merge.h"
#include "rpt-odt.h"
#include "rpt-overrides.h"
#include "rpt-paragraph.h"
#include "rpt-pdf.h"
#include "rpt-person.h"
#include "rpt-redline.h"
#include "rpt-reference.h"
#include "rpt-render.h"
#include "rpt-review.h"
#include "rpt-signatory.h"
#include "rpt-store.h"
#include "rpt-style-sheet.h"
#include "rpt-template.h"
#include "rpt-text-diff.h"
#include "rpt-types.h"
#include "rpt-version.h"

G_BEGIN_DECLS

void rpt_core_init (void);
char *rpt_core_dup_installed_path (const char *configured);

G_END_DECLS
