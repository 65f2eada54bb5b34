/* rpt-comparison.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <glib-object.h>

#include "rpt-letter.h"
#include "rpt-reference.h"
#include "rpt-text-diff.h"

G_BEGIN_DECLS

/**
 * RptChangeKind:
 * @RPT_CHANGE_ADDED: the item is only in the newer letter
 * @RPT_CHANGE_REMOVED: the item is only in the older letter
 * @RPT_CHANGE_MOVED: the item changed place, nothing else
 * @RPT_CHANGE_EDITED: the item's text or fields changed, in the same place
 * @RPT_CHANGE_EDITED_MOVED: both
 */
typedef enum
{
  RPT_CHANGE_ADDED,
  RPT_CHANGE_REMOVED,
  RPT_CHANGE_MOVED,
  RPT_CHANGE_EDITED,
  RPT_CHANGE_EDITED_MOVED,
} RptChangeKind;

GType rpt_change_kind_get_type (void) G_GNUC_CONST;
#define RPT_TYPE_CHANGE_KIND (rpt_change_kind_get_type ())
const char *rpt_change_kind_to_string (RptChangeKind kind);

/**
 * RptFieldChange:
 * @name: what changed, as in the letter XML ("date", "reply-date"…)
 * @label: the same for people, translated ("Date")
 * @old_value: (nullable): the older value as people read it; %NULL if unset
 * @new_value: (nullable): the newer value
 * @old_raw: (nullable): the older value as the letter XML holds it
 * @new_raw: (nullable): the newer value as the letter XML holds it
 * @text: (nullable): for paragraph text (the subject…), the word-level
 *   comparison
 */
typedef struct
{
  char *name;
  char *label;
  char *old_value;
  char *new_value;
  char *old_raw;
  char *new_raw;
  RptTextDiff *text;
} RptFieldChange;

/**
 * RptItemChange:
 * @part: the part the item belongs to
 * @id: the item's stable id
 * @old_position: its 0-based place in the older letter's part, or -1
 * @new_position: its place in the newer letter, or -1
 * @old_item: (nullable): the item in the older letter
 * @new_item: (nullable): the item in the newer letter
 * @fields: (element-type RptFieldChange): changed fields other than the text
 * @text: (nullable): for paragraphs, their text compared word by word (all
 *   inserted for an added paragraph, all deleted for a removed one)
 * @split_from: (nullable): for an added paragraph, the paragraph whose end
 *   it was cut from
 * @joined_into: (nullable): for a removed paragraph, the paragraph its text
 *   was appended to
 * @label: how people name the item: "Fact 3", a person's name, a mandate
 */
typedef struct
{
  RptPart part;
  RptChangeKind kind;
  char *id;
  int old_position;
  int new_position;
  GObject *old_item;
  GObject *new_item;
  GPtrArray *fields;
  RptTextDiff *text;
  char *split_from;
  char *joined_into;
  char *label;
} RptItemChange;

#define RPT_TYPE_COMPARISON (rpt_comparison_get_type ())

G_DECLARE_FINAL_TYPE (RptComparison, rpt_comparison, RPT, COMPARISON, GObject)

RptComparison *rpt_comparison_new (RptLetter *old_letter,
                                   RptLetter *new_letter,
                                   RptReference *reference,
                                   GError **error);
RptLetter *rpt_comparison_get_old_letter (RptComparison *self);
RptLetter *rpt_comparison_get_new_letter (RptComparison *self);
const char *rpt_comparison_get_old_label (RptComparison *self);
const char *rpt_comparison_get_new_label (RptComparison *self);
void rpt_comparison_set_labels (RptComparison *self, const char *old_label, const char *new_label);
const char *rpt_comparison_get_author (RptComparison *self);
GDateTime *rpt_comparison_get_date (RptComparison *self);
void rpt_comparison_set_author (RptComparison *self, const char *author, GDateTime *date);
gboolean rpt_comparison_is_equal (RptComparison *self);
GPtrArray *rpt_comparison_get_fields (RptComparison *self);
GPtrArray *rpt_comparison_get_changes (RptComparison *self, RptPart part);
const RptItemChange *rpt_comparison_find_change (RptComparison *self, const char *id);
guint rpt_comparison_count (RptComparison *self, RptPart part, RptChangeKind kind);
guint rpt_comparison_get_n_changes (RptComparison *self);
char *rpt_comparison_dup_summary (RptComparison *self);
const char *rpt_part_get_label (RptPart part);
char *rpt_letter_dup_item_label (RptLetter *letter, const char *id);
char *rpt_format_date_long (const char *iso_date);
char *rpt_comparison_to_text (RptComparison *self, gboolean color);
GBytes *rpt_comparison_to_xml (RptComparison *self);

G_END_DECLS
