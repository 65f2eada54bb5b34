/* rpt-merge.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rpt-comparison.h"

G_BEGIN_DECLS

/**
 * RptMergeStatus:
 * @RPT_MERGE_CLEAN: the reviewer's change applies as it is (the drafter
 *   did not touch what it touches, or touched other words of the item)
 * @RPT_MERGE_SAME: the drafter made the same change
 * @RPT_MERGE_CONFLICT: the drafter changed the same thing differently
 */
typedef enum
{
  RPT_MERGE_CLEAN,
  RPT_MERGE_SAME,
  RPT_MERGE_CONFLICT,
} RptMergeStatus;

/**
 * RptMergeDecision:
 * @RPT_MERGE_PENDING: not decided yet (conflicts start so)
 * @RPT_MERGE_ACCEPTED: take the reviewer's change (for a conflict, the
 *   reviewer's side where the two differ)
 * @RPT_MERGE_REJECTED: keep the drafter's letter as it is
 * @RPT_MERGE_EDITED: the drafter wrote the text that settles it
 */
typedef enum
{
  RPT_MERGE_PENDING,
  RPT_MERGE_ACCEPTED,
  RPT_MERGE_REJECTED,
  RPT_MERGE_EDITED,
} RptMergeDecision;

/**
 * RptMergeChange:
 * @field: (nullable): the reviewer's change to a field of the letter
 * @item: (nullable): the reviewer's change to an item
 * @local_field: (nullable): the drafter's change to the same field
 * @local: (nullable): the drafter's change to the same item
 * @label: what changed, for people ("Fact 3", "Date")
 * @description: how the reviewer changed it ("edited", "moved from 9 to 1")
 * @reason: (nullable): for a conflict, what the drafter did ("You edited
 *   the same words")
 * @resolution: (nullable): the drafter's own text, for %RPT_MERGE_EDITED
 *
 * One change a reviewer made, against the version the copy was made from.
 */
typedef struct
{
  RptMergeStatus status;
  RptMergeDecision decision;
  const RptFieldChange *field;
  const RptItemChange *item;
  const RptFieldChange *local_field;
  const RptItemChange *local;
  char *label;
  char *description;
  char *reason;
  char *resolution;
} RptMergeChange;

GType rpt_merge_status_get_type (void) G_GNUC_CONST;
#define RPT_TYPE_MERGE_STATUS (rpt_merge_status_get_type ())

#define RPT_TYPE_MERGE (rpt_merge_get_type ())

G_DECLARE_FINAL_TYPE (RptMerge, rpt_merge, RPT, MERGE, GObject)

RptMerge *rpt_merge_new (RptLetter *base, RptLetter *ours, RptLetter *theirs, GError **error);
RptComparison *rpt_merge_get_incoming (RptMerge *self);
RptComparison *rpt_merge_get_local (RptMerge *self);
guint rpt_merge_get_n_changes (RptMerge *self);
RptMergeChange *rpt_merge_get_change (RptMerge *self, guint index);
guint rpt_merge_count (RptMerge *self, RptMergeStatus status);
guint rpt_merge_get_n_pending (RptMerge *self);
void rpt_merge_decide (RptMerge *self, guint index, RptMergeDecision decision);
void rpt_merge_decide_all (RptMerge *self, RptMergeDecision decision);
gboolean rpt_merge_resolve_text (RptMerge *self, guint index, const char *markup, GError **error);
char *rpt_merge_dup_conflict_text (RptMerge *self, guint index, gboolean theirs);
RptLetter *rpt_merge_dup_result (RptMerge *self, GError **error);
RptLetter *rpt_merge_dup_result_so_far (RptMerge *self, GError **error);

gboolean rpt_merge_text (const char *base,
                         const char *ours,
                         const char *theirs,
                         RptMergeDecision prefer,
                         char **merged,
                         GError **error);

G_END_DECLS
