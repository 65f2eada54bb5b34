/* test-merge.c
 *
 * Copyright 2026 The Rapporteur authors
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */

#include <string.h>

#include "rpt-test-util.h"

/* A reviewer's copy merged back three ways (rpt-merge.h): the base version,
 * the drafter's letter since, the reviewer's copy. */

static RptLetter *
copy_letter (RptLetter *letter)
{
  g_autoptr (GError) error = NULL;
  gsize length;
  g_autofree char *xml = rpt_letter_to_xml (letter, &length);
  RptLetter *copy = rpt_letter_new_from_xml (xml, (gssize) length, "copy.xml", &error);

  g_assert_no_error (error);
  return copy;
}

static RptParagraph *
fact (RptLetter *letter, guint n)
{
  return rpt_letter_get_item (letter, RPT_PART_FACTS, n);
}

static void
replace_in (RptParagraph *p, const char *old, const char *new)
{
  const char *text = rpt_paragraph_get_text (p);
  const char *at = strstr (text, old);
  g_autofree char *head = NULL;
  g_autofree char *changed = NULL;

  g_assert_nonnull (at);
  head = g_strndup (text, (gsize) (at - text));
  changed = g_strconcat (head, new, at + strlen (old), NULL);
  rpt_paragraph_set_text (p, changed);
}

static RptMerge *
merge (RptLetter *base, RptLetter *ours, RptLetter *theirs)
{
  g_autoptr (GError) error = NULL;
  RptMerge *m = rpt_merge_new (base, ours, theirs, &error);

  g_assert_no_error (error);
  return m;
}

static RptLetter *
result_of (RptMerge *m)
{
  g_autoptr (GError) error = NULL;
  RptLetter *result = rpt_merge_dup_result (m, &error);

  g_assert_no_error (error);
  return result;
}

static const char *
text_by_id (RptLetter *letter, const char *id)
{
  RptPart part;
  gpointer item = rpt_letter_find_item (letter, id, &part, NULL);

  g_assert_nonnull (item);
  return rpt_paragraph_get_text (item);
}

static guint
position_of (RptLetter *letter, const char *id)
{
  RptPart part;
  guint position = G_MAXUINT;

  rpt_letter_find_item (letter, id, &part, &position);
  return position;
}

static void
test_text_merge (void)
{
  g_autoptr (GError) error = NULL;
  g_autofree char *merged = NULL;
  g_autofree char *settled = NULL;

  /* Different words of one paragraph: both edits. */
  g_assert_true (rpt_merge_text ("she was detained by four officers in Dushanbe",
                                 "she was detained by five officers in Dushanbe",
                                 "she was arrested by four officers in Dushanbe", RPT_MERGE_PENDING,
                                 &merged, &error));
  g_assert_no_error (error);
  g_assert_cmpstr (merged, ==, "she was arrested by five officers in Dushanbe");
  g_clear_pointer (&merged, g_free);

  /* The same word two ways: a conflict, unless a side is preferred. */
  g_assert_false (rpt_merge_text ("by four officers", "by five officers", "by six officers",
                                  RPT_MERGE_PENDING, &merged, &error));
  g_assert_no_error (error);
  g_assert_true (rpt_merge_text ("by four officers", "by five officers", "by six officers",
                                 RPT_MERGE_ACCEPTED, &settled, &error));
  g_assert_cmpstr (settled, ==, "by six officers");
  g_clear_pointer (&settled, g_free);
  g_assert_true (rpt_merge_text ("by four officers", "by five officers", "by six officers",
                                 RPT_MERGE_REJECTED, &settled, &error));
  g_assert_cmpstr (settled, ==, "by five officers");
  g_clear_pointer (&settled, g_free);

  /* Formatting is an edit too, and merges with a word edit elsewhere. */
  g_assert_true (
    rpt_merge_text ("include, inter alia, journalism", "include, <i>inter alia</i>, journalism",
                    "include, inter alia, reporting", RPT_MERGE_PENDING, &settled, &error));
  g_assert_cmpstr (settled, ==, "include, <i>inter alia</i>, reporting");
  g_clear_pointer (&settled, g_free);

  /* The same edit on both sides is taken once. */
  g_assert_true (rpt_merge_text ("a b c", "a x c", "a x c", RPT_MERGE_PENDING, &settled, &error));
  g_assert_cmpstr (settled, ==, "a x c");
}

static void
test_disjoint (void)
{
  g_autoptr (RptLetter) base = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) ours = copy_letter (base);
  g_autoptr (RptLetter) theirs = copy_letter (base);
  g_autoptr (RptMerge) m = NULL;
  g_autoptr (RptLetter) result = NULL;

  replace_in (fact (ours, 0), "four police officers", "five police officers");
  replace_in (fact (theirs, 1), "reportedly exist", "reportedly exists");
  rpt_letter_set_date (theirs, "2025-04-24");
  m = merge (base, ours, theirs);
  g_assert_cmpuint (rpt_merge_get_n_changes (m), ==, 2);
  g_assert_cmpuint (rpt_merge_count (m, RPT_MERGE_CLEAN), ==, 2);
  g_assert_cmpuint (rpt_merge_get_n_pending (m), ==, 0);
  result = result_of (m);
  g_assert_nonnull (strstr (rpt_paragraph_get_text (fact (result, 0)), "five police officers"));
  g_assert_nonnull (strstr (rpt_paragraph_get_text (fact (result, 1)), "reportedly exists"));
  g_assert_cmpstr (rpt_letter_get_date (result), ==, "2025-04-24");
}

/* A reviewer changes the wording choices of issue 10 while the drafter
 * edits a fact: the merge takes both. */
static void
test_wording_fields (void)
{
  g_autoptr (RptLetter) base = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) ours = copy_letter (base);
  g_autoptr (RptLetter) theirs = copy_letter (base);
  g_autoptr (RptMerge) m = NULL;
  g_autoptr (RptLetter) result = NULL;
  RptCommunication *c;

  replace_in (fact (ours, 0), "four police officers", "five police officers");
  rpt_letter_set_facts_lead (theirs, RPT_FACTS_LEAD_NEW_INFORMATION);
  rpt_letter_set_co_senders (theirs, "the Inter-American Commission on Human Rights");
  rpt_letter_set_house_style (theirs, "2015");
  c = rpt_letter_get_item (theirs, RPT_PART_COMMUNICATIONS, 0);
  rpt_communication_set_reply (c, RPT_REPLY_PARTIAL);
  rpt_communication_set_reply_comment (c, "about the classified case");
  m = merge (base, ours, theirs);
  g_assert_cmpuint (rpt_merge_count (m, RPT_MERGE_CLEAN), ==, rpt_merge_get_n_changes (m));
  g_assert_cmpuint (rpt_merge_get_n_pending (m), ==, 0);
  result = result_of (m);
  g_assert_nonnull (strstr (rpt_paragraph_get_text (fact (result, 0)), "five police officers"));
  g_assert_cmpint (rpt_letter_get_facts_lead (result), ==, RPT_FACTS_LEAD_NEW_INFORMATION);
  g_assert_cmpstr (rpt_letter_get_co_senders (result), ==,
                   "the Inter-American Commission on Human Rights");
  g_assert_cmpstr (rpt_letter_get_house_style (result), ==, "2015");
  c = rpt_letter_get_item (result, RPT_PART_COMMUNICATIONS, 0);
  g_assert_cmpint (rpt_communication_get_reply (c), ==, RPT_REPLY_PARTIAL);
  g_assert_cmpstr (rpt_communication_get_reply_comment (c), ==, "about the classified case");
}

static void
test_same_item_other_words (void)
{
  g_autoptr (RptLetter) base = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) ours = copy_letter (base);
  g_autoptr (RptLetter) theirs = copy_letter (base);
  g_autoptr (RptMerge) m = NULL;
  g_autoptr (RptLetter) result = NULL;
  const char *text;

  replace_in (fact (ours, 7), "eight years", "8 years");
  replace_in (fact (theirs, 7), "a copy of the verdict", "a copy of the judgment");
  m = merge (base, ours, theirs);
  g_assert_cmpuint (rpt_merge_get_n_changes (m), ==, 1);
  g_assert_cmpint (rpt_merge_get_change (m, 0)->status, ==, RPT_MERGE_CLEAN);
  result = result_of (m);
  text = rpt_paragraph_get_text (fact (result, 7));
  g_assert_nonnull (strstr (text, "8 years"));
  g_assert_nonnull (strstr (text, "a copy of the judgment"));
}

static void
test_conflict (void)
{
  g_autoptr (RptLetter) base = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) ours = copy_letter (base);
  g_autoptr (RptLetter) theirs = copy_letter (base);
  g_autoptr (RptMerge) m = NULL;
  g_autoptr (RptLetter) accepted = NULL;
  g_autoptr (RptLetter) rejected = NULL;
  g_autoptr (RptLetter) edited = NULL;
  g_autoptr (GError) error = NULL;
  g_autofree char *mine = NULL;
  g_autofree char *reviewer = NULL;
  RptMergeChange *c;
  const char *id = rpt_paragraph_get_id (fact (base, 0));

  replace_in (fact (ours, 0), "four police officers", "five police officers");
  replace_in (fact (theirs, 0), "four police officers", "several police officers");
  rpt_letter_set_date (ours, "2025-04-25");
  rpt_letter_set_date (theirs, "2025-04-24");
  m = merge (base, ours, theirs);
  g_assert_cmpuint (rpt_merge_count (m, RPT_MERGE_CONFLICT), ==, 2);
  g_assert_cmpuint (rpt_merge_get_n_pending (m), ==, 2);
  /* Nothing is written while conflicts wait. */
  g_assert_null (rpt_merge_dup_result (m, &error));
  g_assert_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "2 conflicts"));
  g_clear_error (&error);

  /* The date first, then the fact. */
  c = rpt_merge_get_change (m, 1);
  g_assert_nonnull (c->item);
  g_assert_cmpstr (c->reason, ==, "You edited the same words");
  mine = rpt_merge_dup_conflict_text (m, 1, FALSE);
  reviewer = rpt_merge_dup_conflict_text (m, 1, TRUE);
  g_assert_nonnull (strstr (mine, "five police"));
  g_assert_nonnull (strstr (reviewer, "several police"));

  rpt_merge_decide_all (m, RPT_MERGE_ACCEPTED);
  accepted = result_of (m);
  g_assert_nonnull (strstr (text_by_id (accepted, id), "several police officers"));
  g_assert_cmpstr (rpt_letter_get_date (accepted), ==, "2025-04-24");

  rpt_merge_decide_all (m, RPT_MERGE_REJECTED);
  rejected = result_of (m);
  g_assert_nonnull (strstr (text_by_id (rejected, id), "five police officers"));
  g_assert_cmpstr (rpt_letter_get_date (rejected), ==, "2025-04-25");

  g_assert_true (rpt_merge_resolve_text (m, 1, "On 16 July 2024, she was arrested.", &error));
  g_assert_no_error (error);
  g_assert_false (rpt_merge_resolve_text (m, 0, "x", &error)); /* the date is not text */
  g_clear_error (&error);
  edited = result_of (m);
  g_assert_cmpstr (text_by_id (edited, id), ==, "On 16 July 2024, she was arrested.");
}

static void
test_remove_versus_edit (void)
{
  g_autoptr (RptLetter) base = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) ours = copy_letter (base);
  g_autoptr (RptLetter) theirs = copy_letter (base);
  g_autoptr (RptMerge) m = NULL;
  g_autoptr (RptLetter) accepted = NULL;
  g_autoptr (RptLetter) rejected = NULL;
  g_autofree char *id = g_strdup (rpt_paragraph_get_id (fact (base, 2)));
  guint n = rpt_letter_get_n_items (base, RPT_PART_FACTS);

  replace_in (fact (ours, 2), "Later in July", "In late July");
  rpt_letter_remove_item (theirs, RPT_PART_FACTS, 2);
  m = merge (base, ours, theirs);
  g_assert_cmpuint (rpt_merge_get_n_changes (m), ==, 1);
  g_assert_cmpint (rpt_merge_get_change (m, 0)->status, ==, RPT_MERGE_CONFLICT);
  rpt_merge_decide (m, 0, RPT_MERGE_ACCEPTED);
  accepted = result_of (m);
  g_assert_cmpuint (rpt_letter_get_n_items (accepted, RPT_PART_FACTS), ==, n - 1);
  g_assert_cmpuint (position_of (accepted, id), ==, G_MAXUINT);
  rpt_merge_decide (m, 0, RPT_MERGE_REJECTED);
  rejected = result_of (m);
  g_assert_nonnull (strstr (text_by_id (rejected, id), "In late July"));
}

static void
test_edit_versus_remove (void)
{
  g_autoptr (RptLetter) base = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) ours = copy_letter (base);
  g_autoptr (RptLetter) theirs = copy_letter (base);
  g_autoptr (RptMerge) m = NULL;
  g_autoptr (RptLetter) accepted = NULL;
  g_autofree char *id = g_strdup (rpt_paragraph_get_id (fact (base, 2)));

  rpt_letter_remove_item (ours, RPT_PART_FACTS, 2);
  replace_in (fact (theirs, 2), "Later in July", "In late July");
  m = merge (base, ours, theirs);
  g_assert_cmpint (rpt_merge_get_change (m, 0)->status, ==, RPT_MERGE_CONFLICT);
  g_assert_cmpstr (rpt_merge_get_change (m, 0)->reason, ==,
                   "You removed what the reviewer changed");
  rpt_merge_decide (m, 0, RPT_MERGE_ACCEPTED);
  accepted = result_of (m);
  /* Back, edited, where the reviewer has it. */
  g_assert_cmpuint (position_of (accepted, id), ==, 2);
  g_assert_nonnull (strstr (text_by_id (accepted, id), "In late July"));
}

static void
test_move_versus_edit (void)
{
  g_autoptr (RptLetter) base = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) ours = copy_letter (base);
  g_autoptr (RptLetter) theirs = copy_letter (base);
  g_autoptr (RptMerge) m = NULL;
  g_autoptr (RptLetter) result = NULL;
  guint n = rpt_letter_get_n_items (base, RPT_PART_FACTS);
  g_autofree char *id = g_strdup (rpt_paragraph_get_id (fact (base, n - 1)));

  replace_in (fact (ours, n - 1), "lawyer and relatives", "her lawyer and relatives");
  rpt_letter_move_item (theirs, RPT_PART_FACTS, n - 1, 0);
  m = merge (base, ours, theirs);
  g_assert_cmpuint (rpt_merge_get_n_changes (m), ==, 1);
  g_assert_cmpint (rpt_merge_get_change (m, 0)->status, ==, RPT_MERGE_CLEAN);
  result = result_of (m);
  g_assert_cmpuint (position_of (result, id), ==, 0);
  g_assert_nonnull (strstr (text_by_id (result, id), "her lawyer and relatives"));
}

static void
test_added_where_they_stand (void)
{
  g_autoptr (RptLetter) base = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) ours = copy_letter (base);
  g_autoptr (RptLetter) theirs = copy_letter (base);
  g_autoptr (RptParagraph) added = rpt_paragraph_new ("On 10 March 2025, her lawyer appealed.");
  g_autoptr (RptMerge) m = NULL;
  g_autoptr (RptLetter) result = NULL;
  g_autofree char *before = g_strdup (rpt_paragraph_get_id (fact (base, 3)));
  g_autofree char *third = g_strdup (rpt_paragraph_get_id (fact (base, 2)));

  /* The reviewer adds a fact after the fourth; the drafter removed the
   * fourth meanwhile: it goes after the third. */
  rpt_letter_insert_item (theirs, RPT_PART_FACTS, 4, added);
  rpt_letter_remove_item (ours, RPT_PART_FACTS, 3);
  m = merge (base, ours, theirs);
  g_assert_cmpuint (rpt_merge_count (m, RPT_MERGE_CLEAN), ==, 1);
  result = result_of (m);
  g_assert_cmpuint (position_of (result, before), ==, G_MAXUINT);
  g_assert_cmpuint (position_of (result, rpt_paragraph_get_id (added)), ==,
                    position_of (result, third) + 1);
}

static void
test_same_change_both_sides (void)
{
  g_autoptr (RptLetter) base = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) ours = copy_letter (base);
  g_autoptr (RptLetter) theirs = copy_letter (base);
  g_autoptr (RptMerge) m = NULL;
  g_autoptr (RptLetter) result = NULL;
  g_autoptr (RptComparison) unchanged = NULL;
  g_autoptr (GError) error = NULL;

  replace_in (fact (ours, 1), "reportedly exist", "reportedly exists");
  replace_in (fact (theirs, 1), "reportedly exist", "reportedly exists");
  rpt_letter_remove_item (ours, RPT_PART_CONCERNS, 5);
  rpt_letter_remove_item (theirs, RPT_PART_CONCERNS, 5);
  m = merge (base, ours, theirs);
  g_assert_cmpuint (rpt_merge_count (m, RPT_MERGE_SAME), ==, 2);
  result = result_of (m);
  unchanged = rpt_comparison_new (ours, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rpt_comparison_is_equal (unchanged));
}

static void
test_two_reviewers (void)
{
  g_autoptr (RptLetter) base = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) ours = copy_letter (base);
  g_autoptr (RptLetter) first = copy_letter (base);
  g_autoptr (RptLetter) second = copy_letter (base);
  g_autoptr (RptParagraph) question = rpt_paragraph_new ("Please explain the closed trial.");
  g_autoptr (RptMerge) m1 = NULL;
  g_autoptr (RptMerge) m2 = NULL;
  g_autoptr (RptLetter) after_first = NULL;
  g_autoptr (RptLetter) after_second = NULL;

  replace_in (fact (ours, 0), "four police officers", "five police officers");
  replace_in (fact (first, 1), "reportedly exist", "reportedly exists");
  replace_in (fact (second, 7), "eight years", "8 years");
  rpt_letter_append_item (second, RPT_PART_QUESTIONS, question);

  m1 = merge (base, ours, first);
  after_first = result_of (m1);
  /* The second copy has the same base; the drafter's letter now holds the
   * first review. */
  m2 = merge (base, after_first, second);
  g_assert_cmpuint (rpt_merge_get_n_pending (m2), ==, 0);
  after_second = result_of (m2);
  g_assert_nonnull (strstr (rpt_paragraph_get_text (fact (after_second, 0)), "five police"));
  g_assert_nonnull (strstr (rpt_paragraph_get_text (fact (after_second, 1)), "exists"));
  g_assert_nonnull (strstr (rpt_paragraph_get_text (fact (after_second, 7)), "8 years"));
  g_assert_cmpuint (rpt_letter_get_n_items (after_second, RPT_PART_QUESTIONS), ==,
                    rpt_letter_get_n_items (base, RPT_PART_QUESTIONS) + 1);
}

static void
test_rejected_stays_out (void)
{
  g_autoptr (RptLetter) base = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) ours = copy_letter (base);
  g_autoptr (RptLetter) theirs = copy_letter (base);
  g_autoptr (RptMerge) m = NULL;
  g_autoptr (RptLetter) result = NULL;
  g_autoptr (RptComparison) unchanged = NULL;
  g_autoptr (GError) error = NULL;

  rpt_letter_remove_item (theirs, RPT_PART_QUESTIONS, 0);
  rpt_letter_move_item (theirs, RPT_PART_FACTS, 0, 3);
  rpt_letter_set_press_release (theirs, FALSE);
  m = merge (base, ours, theirs);
  rpt_merge_decide_all (m, RPT_MERGE_REJECTED);
  result = result_of (m);
  unchanged = rpt_comparison_new (ours, result, NULL, &error);
  g_assert_no_error (error);
  g_assert_true (rpt_comparison_is_equal (unchanged));
}

static void
test_other_letter (void)
{
  g_autoptr (RptLetter) base = rpt_test_load_letter ("sample");
  g_autoptr (RptLetter) other = rpt_test_load_letter ("UA-BLR-one-mandate.xml");
  g_autoptr (GError) error = NULL;
  g_autoptr (RptMerge) m = rpt_merge_new (base, base, other, &error);

  g_assert_null (m);
  g_assert_error (error, RPT_ERROR, RPT_ERROR_INVALID_ARGUMENT);
  g_assert_nonnull (strstr (error->message, "another letter"));
}

int
main (int argc, char **argv)
{
  rpt_test_init (&argc, &argv);

  g_test_add_func ("/merge/text", test_text_merge);
  g_test_add_func ("/merge/disjoint", test_disjoint);
  g_test_add_func ("/merge/wording-fields", test_wording_fields);
  g_test_add_func ("/merge/same-item-other-words", test_same_item_other_words);
  g_test_add_func ("/merge/conflict", test_conflict);
  g_test_add_func ("/merge/remove-versus-edit", test_remove_versus_edit);
  g_test_add_func ("/merge/edit-versus-remove", test_edit_versus_remove);
  g_test_add_func ("/merge/move-versus-edit", test_move_versus_edit);
  g_test_add_func ("/merge/added-where-they-stand", test_added_where_they_stand);
  g_test_add_func ("/merge/same-change", test_same_change_both_sides);
  g_test_add_func ("/merge/two-reviewers", test_two_reviewers);
  g_test_add_func ("/merge/rejected-stays-out", test_rejected_stays_out);
  g_test_add_func ("/merge/other-letter", test_other_letter);
  return g_test_run ();
}
