/* rpt-grammar.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/*
 * The little grammar French and Spanish letters need and English letters
 * never did, as rules over data: the words come from the reference data
 * and from the catalogue of standard sentences; these functions only
 * choose between forms or adjust spacing (docs/pipeline.md, "Grammar").
 */

/**
 * RptPreposition:
 * @RPT_PREPOSITION_DE: French and Spanish "de" (English "of")
 * @RPT_PREPOSITION_A: French "à", Spanish "a" (English "to")
 */
typedef enum
{
  RPT_PREPOSITION_DE,
  RPT_PREPOSITION_A,
} RptPreposition;

char *rpt_grammar_contract (const char *language, RptPreposition preposition, const char *phrase);
gboolean rpt_grammar_elides (const char *language, const char *word);
void rpt_grammar_apply_typography (const char *language, GPtrArray *runs);

G_END_DECLS
