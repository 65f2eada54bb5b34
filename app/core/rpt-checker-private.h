/* rpt-checker-private.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include "rpt-check-private.h"
#include "rpt-checker.h"

G_BEGIN_DECLS

/* One run of the checks over a letter (rpt-checker.c), shared with the
 * checks of the words (rpt-check-text.c). */
typedef struct
{
  RptLetter *letter;
  RptReference *reference;
  const char *language;   /* the letter's */
  const char *today;      /* YYYY-MM-DD */
  GPtrArray *checks;      /* RptCheck, in the order found */
  GHashTable *text_cache; /* (nullable): the findings of the last run, per paragraph */
} RptCheckRun;

void _rpt_check_run_add (RptCheckRun *run, RptCheck *check);
char *_rpt_check_describe_item (RptPart part, guint position);
void _rpt_check_text (RptCheckRun *run);
GHashTable *_rpt_check_text_cache_new (void);

/* Exposed for the tests of the fixes. */
char *_rpt_check_collapse_spaces (const char *markup);
char *_rpt_check_end_with_question_mark (const char *markup);

G_END_DECLS
