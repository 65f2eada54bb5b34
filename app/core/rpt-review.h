/* rpt-review.h
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#pragma once

#include <gio/gio.h>

#include "rpt-merge.h"
#include "rpt-store.h"

G_BEGIN_DECLS

/**
 * RptReviewBase:
 * @letter_id: the letter's id
 * @version: the number of the version the copy was made from
 * @checksum: SHA-256 of that version's letter XML
 * @source: (nullable): the file name of the drafter's document
 * @reviewer: (nullable): whom the copy was for
 * @sent: (nullable): when it was made
 *
 * What a reviewer's copy records of the version it was made from.
 */
typedef struct
{
  char *letter_id;
  guint version;
  char *checksum;
  char *source;
  char *reviewer;
  GDateTime *sent;
} RptReviewBase;

void rpt_review_base_free (RptReviewBase *base);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptReviewBase, rpt_review_base_free)

char *rpt_review_checksum (RptLetter *letter);
guint
rpt_review_keep_version (RptStore *store, const char *author, const char *reviewer, GError **error);
guint rpt_review_send (RptStore *store,
                       guint version,
                       const char *author,
                       const char *reviewer,
                       const char *copy_path,
                       GError **error);
GBytes *rpt_review_build_odt (RptStore *store,
                              guint version,
                              GListModel *comments,
                              const char *author,
                              GError **error);
RptReviewBase *rpt_review_base_load (RptStore *copy, GError **error);
RptReviewBase *rpt_review_base_from_odt (const char *path, GError **error);
RptLetter *rpt_review_find_base (RptStore *store, const RptReviewBase *base, GError **error);
RptLetter *rpt_review_read_odt (const char *path,
                                RptLetter *base,
                                GListStore *comments,
                                GPtrArray *unplaced,
                                GError **error);

/**
 * RptReviewCopy:
 * @base: what the copy records of the version it was made from
 * @base_letter: that version, from the drafter's document
 * @theirs: the letter as the reviewer left it
 * @comments: (element-type RptComment): the reviewer's comments, and what
 *   of an edited ODT could not be placed, kept as comments
 * @unplaced: (element-type utf8): those things, said for the drafter
 *
 * A reviewer's copy, read and tied to the drafter's document: what a
 * merge needs.
 */
typedef struct
{
  RptReviewBase *base;
  RptLetter *base_letter;
  RptLetter *theirs;
  GListStore *comments;
  GPtrArray *unplaced;
} RptReviewCopy;

RptReviewCopy *rpt_review_copy_load (RptStore *store, const char *path, GError **error);
void rpt_review_copy_free (RptReviewCopy *copy);
G_DEFINE_AUTOPTR_CLEANUP_FUNC (RptReviewCopy, rpt_review_copy_free)
guint rpt_review_apply (RptStore *store,
                        RptLetter *result,
                        GListModel *comments,
                        const char *author,
                        const char *reviewer,
                        GError **error);

G_END_DECLS
