/* rpt-diff.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/**
 * RptDiffEqualFunc:
 * @a: index into the first sequence
 * @b: index into the second sequence
 *
 * Returns: whether element @a of the first sequence equals element @b of
 *   the second. Only called for elements of equal hash.
 */
typedef gboolean (*RptDiffEqualFunc) (guint a, guint b, gpointer user_data);

/**
 * RptDiffHunk:
 * @equal: whether the two ranges hold equal elements (then of equal length)
 *
 * One step of a comparison of two sequences: @a_len elements of the first
 * from @a_start, against @b_len elements of the second from @b_start. An
 * unequal hunk is a deletion (@b_len 0), an insertion (@a_len 0) or a
 * replacement. Hunks cover both sequences in order, without gaps.
 */
typedef struct
{
  gboolean equal;
  guint a_start;
  guint a_len;
  guint b_start;
  guint b_len;
} RptDiffHunk;

GArray *rpt_diff_sequences (const guint *hash_a,
                            guint n_a,
                            const guint *hash_b,
                            guint n_b,
                            RptDiffEqualFunc equal,
                            gpointer user_data);

guint *rpt_diff_longest_increasing (const guint *values, guint n, guint *n_result);

G_END_DECLS
